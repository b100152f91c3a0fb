package io.ringway.storage.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Swift's check_metadata, check_object_creation and delete headers, with Swift's messages. */
class ObjectConstraintsTests {

    private static final double NOW = 1_795_305_600.0;

    @Test
    void metadataLimitsUseSwiftsMessages() {
        assertRejected(headers("X-Object-Meta-", "v"), 400, "Metadata name cannot be empty");
        assertRejected(headers("X-Object-Meta-" + "a".repeat(129), "v"), 400,
                "Metadata name too long: x-object-meta-A" + "a".repeat(128));
        assertRejected(headers("X-Object-Meta-Big", "v".repeat(257)), 400,
                "Metadata value longer than 256: x-object-meta-Big");
        assertRejected(headers("X-Anything", "v".repeat(8193)), 400, "Header value too long: X-Anything");
        ObjectConstraints.checkMetadata(headers("X-Object-Meta-" + "a".repeat(128), "v".repeat(256)));
    }

    @Test
    void objectCreationNeedsLengthTypeAndSaneName() {
        HttpHeaders noLength = headers("Content-Type", "text/plain");
        assertRejected(() -> ObjectConstraints.checkObjectCreation(noLength, "o", NOW), 411,
                "Missing Content-Length header.");
        HttpHeaders big = headers("Content-Type", "text/plain", "Content-Length", "5368709123");
        assertRejected(() -> ObjectConstraints.checkObjectCreation(big, "o", NOW), 413, "Your request is too large.");
        HttpHeaders ok = headers("Content-Type", "text/plain", "Content-Length", "1");
        assertRejected(() -> ObjectConstraints.checkObjectCreation(ok, "o".repeat(1025), NOW), 400,
                "Object name length of 1025 longer than 1024");
        HttpHeaders badType = headers("Content-Type", "\u00ff", "Content-Length", "1");
        assertRejected(() -> ObjectConstraints.checkObjectCreation(badType, "o", NOW), 400, "Invalid Content-Type");
        HttpHeaders badLength = headers("Content-Type", "a/b", "Content-Length", "x");
        assertRejected(() -> ObjectConstraints.checkObjectCreation(badLength, "o", NOW), 400,
                "Invalid Content-Length header value");
        HttpHeaders chunked = headers("Content-Type", "a/b", "Transfer-Encoding", "gzip, chunked");
        assertThat(ObjectConstraints.checkObjectCreation(chunked, "o", NOW)).isNull();
    }

    @Test
    void deleteHeadersAreCheckedAgainstTheRequestTime() {
        assertThat(ObjectConstraints.checkDeleteHeaders(headers("X-Delete-After", "60"), NOW)).isEqualTo("1795305660");
        assertThat(ObjectConstraints.checkDeleteHeaders(headers("X-Delete-At", "1795305601"), NOW))
                .isEqualTo("1795305601");
        assertRejected(() -> ObjectConstraints.checkDeleteHeaders(headers("X-Delete-At", "1795305600"), NOW), 400,
                "X-Delete-At in past");
        assertRejected(() -> ObjectConstraints.checkDeleteHeaders(headers("X-Delete-At", "1.5"), NOW), 400,
                "Non-integer X-Delete-At");
        assertRejected(() -> ObjectConstraints.checkDeleteHeaders(headers("X-Delete-After", "-1"), NOW), 400,
                "X-Delete-After in past");
        assertRejected(() -> ObjectConstraints.checkDeleteHeaders(headers("X-Delete-After", "soon"), NOW), 400,
                "Non-integer X-Delete-After");
        assertThat(ObjectConstraints.checkDeleteHeaders(
                headers("X-Delete-At", "5", "X-Backend-Replication", "True"), NOW)).isEqualTo("0000000005");
    }

    @Test
    void aDeleteAtPastTheLongRangeIsClampedLikeTheProxys() {
        assertThat(ObjectConstraints.checkDeleteHeaders(headers("X-Delete-At", "1".repeat(100)), NOW))
                .isEqualTo("9999999999");
    }

    @Test
    void timestampIsRequiredAndValid() {
        assertRejected(() -> ObjectConstraints.timestamp(new HttpHeaders()), 400, "Missing X-Timestamp header");
        assertRejected(() -> ObjectConstraints.timestamp(headers("X-Timestamp", "x")), 400,
                "Invalid X-Timestamp header");
        assertThat(ObjectConstraints.timestamp(headers("X-Timestamp", "1795305600.1")).normal())
                .isEqualTo("1795305600.10000");
    }

    @Test
    void titleCasesLikeWsgiAndPython() {
        assertThat(ObjectHeaders.title("x-object-meta-foo_bar")).isEqualTo("X-Object-Meta-Foo-Bar");
        assertThat(ObjectHeaders.title("X-OBJECT-META-1a")).isEqualTo("X-Object-Meta-1A");
    }

    private static void assertRejected(HttpHeaders headers, int status, String body) {
        assertRejected(() -> ObjectConstraints.checkMetadata(headers), status, body);
    }

    private static void assertRejected(Runnable check, int status, String body) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ObjectRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.body()).isEqualTo(body);
        });
    }

    private static HttpHeaders headers(String... pairs) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
        }
        return headers;
    }
}
