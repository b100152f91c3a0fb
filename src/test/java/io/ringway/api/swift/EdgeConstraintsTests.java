package io.ringway.api.swift;

import static io.ringway.api.swift.SwiftAnswer.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ringway.api.swift.EdgeConstraints.Target;
import io.ringway.policy.SwiftConstraints;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Scenarios of Swift 2.30.1's test/unit/common/test_constraints.py, with its messages. */
class EdgeConstraintsTests {

    private static final double NOW = 1_700_000_100.5;

    private final EdgeConstraints edge = new EdgeConstraints(SwiftConstraints.DEFAULTS);

    private static HttpHeaders headers(String... pairs) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    private static HttpHeaders creation(String... pairs) {
        HttpHeaders headers = headers(pairs);
        if (!headers.containsHeader("Transfer-Encoding") && !headers.containsHeader("Content-Length")) {
            headers.add("Transfer-Encoding", "chunked");
        }
        return headers;
    }

    @Test
    void acceptsNoAndGoodMetadata() {
        assertThatCode(() -> edge.checkMetadata(headers(), Target.OBJECT)).doesNotThrowAnyException();
        assertThatCode(() -> edge.checkMetadata(headers("X-Object-Meta-Name", "Value"), Target.OBJECT))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsEmptyMetadataName() {
        expect(() -> edge.checkMetadata(headers("X-Object-Meta-", "Value"), Target.OBJECT), 400,
                "Metadata name cannot be empty");
    }

    @Test
    void rejectsNonUtf8MetadataOnAccountsAndContainersOnly() {
        expect(() -> edge.checkMetadata(headers("X-Account-Meta-Foo", "\u00ff"), Target.ACCOUNT), 400,
                "Metadata must be valid UTF-8");
        expect(() -> edge.checkMetadata(headers("X-Container-Meta-\u00ff", "foo"), Target.CONTAINER), 400,
                "Metadata must be valid UTF-8");
        assertThatCode(() -> edge.checkMetadata(headers("X-Object-Meta-Foo", "\u00ff"), Target.OBJECT))
                .doesNotThrowAnyException();
    }

    @Test
    void limitsMetadataNameLength() {
        String name = "a".repeat(128);
        assertThatCode(() -> edge.checkMetadata(headers("X-Object-Meta-" + name, "v"), Target.OBJECT))
                .doesNotThrowAnyException();
        expect(() -> edge.checkMetadata(headers("X-Object-Meta-" + name + "a", "v"), Target.OBJECT), 400,
                "Metadata name too long: x-object-meta-A" + name);
    }

    @Test
    void limitsMetadataValueLength() {
        assertThatCode(() -> edge.checkMetadata(headers("X-Object-Meta-Name", "a".repeat(256)), Target.OBJECT))
                .doesNotThrowAnyException();
        expect(() -> edge.checkMetadata(headers("X-Container-Meta-Name", "a".repeat(257)), Target.CONTAINER),
                400, "Metadata value longer than 256: x-container-meta-Name");
    }

    @Test
    void limitsMetadataCount() {
        HttpHeaders headers = headers();
        for (int i = 0; i < 90; i++) {
            headers.add("X-Object-Meta-" + i, "v");
        }
        assertThatCode(() -> edge.checkMetadata(headers, Target.OBJECT)).doesNotThrowAnyException();
        headers.add("X-Object-Meta-Extra", "v");
        expect(() -> edge.checkMetadata(headers, Target.OBJECT), 400, "Too many metadata items; max 90");
    }

    @Test
    void limitsOverallMetadataSize() {
        HttpHeaders headers = headers();
        int size = 0;
        int x = 0;
        // test_check_metadata_size: names of 4 chars and values of 256 up to the limit.
        while (size + 4 + 256 <= 4096) {
            headers.add("X-Object-Meta-" + String.format("%04d", x), "v".repeat(256));
            size += 4 + 256;
            x++;
        }
        assertThatCode(() -> edge.checkMetadata(headers, Target.OBJECT)).doesNotThrowAnyException();
        headers.add("X-Object-Meta-" + String.format("%04d", x), "v".repeat(4096 - size + 1 - 4));
        expect(() -> edge.checkMetadata(headers, Target.OBJECT), 400, "Total metadata too large; max 4096");
    }

    @Test
    void limitsEveryHeaderValue() {
        expect(() -> edge.checkMetadata(headers("X-Other", "a".repeat(8193)), Target.OBJECT), 400,
                "Header value too long: X-Other");
    }

    @Test
    void honoursConfiguredMetadataLimits() {
        SwiftConstraints d = SwiftConstraints.DEFAULTS;
        EdgeConstraints small = new EdgeConstraints(new SwiftConstraints(d.maxFileSize(), 3, 4, 1, 100,
                d.maxHeaderSize(), 0, 10, 5, 6, 7, 8, List.of("v1"), "."));
        expect(() -> small.checkMetadata(headers("X-Object-Meta-Abcd", "v"), Target.OBJECT), 400,
                "Metadata name too long: x-object-meta-Abcd");
        expect(() -> small.checkMetadata(headers("X-Object-Meta-A", "vvvvv"), Target.OBJECT), 400,
                "Metadata value longer than 4: x-object-meta-A");
        expect(() -> small.checkMetadata(headers("X-Object-Meta-A", "v", "X-Object-Meta-B", "v"), Target.OBJECT),
                400, "Too many metadata items; max 1");
        expect(() -> small.checkObjectName("o".repeat(11)), 400, "Object name length of 11 longer than 10");
        assertThat(small.containerListingLimit(null)).isEqualTo(5);
        expect(() -> small.accountListingLimit("7"), 412, "Maximum limit is 6");
    }

    @Test
    void limitsObjectSizeAndNeedsALength() {
        assertThat(edge.checkObjectCreation(headers("Content-Length", "5368709122", "Content-Type", "text/plain"),
                "object_name", NOW)).isNull();
        expect(() -> edge.checkObjectCreation(headers("Content-Length", "5368709123", "Content-Type", "text/plain"),
                "object_name", NOW), 413, "Your request is too large.");
        assertThatCode(() -> edge.checkObjectCreation(creation("Content-Type", "text/plain"), "object_name", NOW))
                .doesNotThrowAnyException();
        expect(() -> edge.checkObjectCreation(headers("Content-Type", "text/plain"), "object_name", NOW), 411,
                "Missing Content-Length header.");
    }

    @Test
    void rejectsBadLengthAndTransferEncoding() {
        expect(() -> edge.checkObjectCreation(headers("Transfer-Encoding", "gzip", "Content-Type", "text/plain"),
                "object_name", NOW), 400, "Invalid Transfer-Encoding header value");
        expect(() -> edge.checkObjectCreation(headers("Content-Length", "abc", "Content-Type", "text/plain"),
                "object_name", NOW), 400, "Invalid Content-Length header value");
        expect(() -> edge.checkObjectCreation(headers("Transfer-Encoding", "gzip,chunked",
                "Content-Type", "text/plain"), "object_name", NOW), 501,
                "Unsupported Transfer-Coding header value specified in Transfer-Encoding header");
    }

    @Test
    void limitsObjectNameLengthInBytes() {
        assertThatCode(() -> edge.checkObjectCreation(creation("Content-Type", "text/plain"), "o".repeat(1024), NOW))
                .doesNotThrowAnyException();
        expect(() -> edge.checkObjectCreation(creation("Content-Type", "text/plain"), "o".repeat(1025), NOW), 400,
                "Object name length of 1025 longer than 1024");
        expect(() -> edge.checkObjectName("\u2713".repeat(342)), 400, "Object name length of 1026 longer than 1024");
    }

    @Test
    void needsAValidContentType() {
        expect(() -> edge.checkObjectCreation(creation(), "object_name", NOW), 400, "No content type");
        expect(() -> edge.checkObjectCreation(creation("Content-Type", "\u00ff\u00ff"), "object_name", NOW), 400,
                "Invalid Content-Type");
    }

    @Test
    void refusesSwiftContentTypeParameters() {
        assertThatCode(() -> edge.checkContentType(headers("Content-Type", "text/plain; charset=utf-8")))
                .doesNotThrowAnyException();
        assertThatCode(() -> edge.checkContentType(headers())).doesNotThrowAnyException();
        expect(() -> edge.checkContentType(headers("Content-Type", "text/plain; swift_bytes=5")), 400,
                "Invalid Content-Type, swift_* is not a valid parameter name.");
    }

    @Test
    void objectCreationChecksDeleteHeadersAndMetadata() {
        expect(() -> edge.checkObjectCreation(creation("Content-Type", "text/plain", "X-Delete-After", "abc"),
                "object_name", NOW), 400, "Non-integer X-Delete-After");
        expect(() -> edge.checkObjectCreation(creation("Content-Type", "text/plain", "X-Delete-At",
                String.valueOf((long) NOW - 60)), "object_name", NOW), 400, "X-Delete-At in past");
        expect(() -> edge.checkObjectCreation(creation("Content-Type", "text/plain", "X-Object-Meta-", "v"),
                "object_name", NOW), 400, "Metadata name cannot be empty");
        assertThat(edge.checkObjectCreation(creation("Content-Type", "text/plain", "X-Delete-After", "600"),
                "object_name", NOW)).isEqualTo("1700000700");
    }

    @Test
    void turnsDeleteAfterIntoDeleteAt() {
        assertThat(edge.checkDeleteHeaders(headers("X-Delete-After", "600"), NOW)).isEqualTo("1700000700");
        assertThat(edge.checkDeleteHeaders(headers(), NOW)).isNull();
        expect(() -> edge.checkDeleteHeaders(headers("X-Delete-After", "60.1"), NOW), 400,
                "Non-integer X-Delete-After");
        expect(() -> edge.checkDeleteHeaders(headers("X-Delete-After", "-1"), NOW), 400, "X-Delete-After in past");
        expect(() -> edge.checkDeleteHeaders(headers("X-Delete-After", "0"), NOW), 400, "X-Delete-After in past");
        expect(() -> edge.checkDeleteHeaders(headers("X-Delete-After", "0"), 1_700_000_100), 400,
                "X-Delete-After in past");
    }

    @Test
    void needsDeleteAtInTheFuture() {
        assertThat(edge.checkDeleteHeaders(headers("X-Delete-At", "1700000200"), NOW)).isEqualTo("1700000200");
        expect(() -> edge.checkDeleteHeaders(headers("X-Delete-At", "abc"), NOW), 400, "Non-integer X-Delete-At");
        expect(() -> edge.checkDeleteHeaders(headers("X-Delete-At", "1700000200.1"), NOW), 400,
                "Non-integer X-Delete-At");
        expect(() -> edge.checkDeleteHeaders(headers("X-Delete-At", "1700000099"), NOW), 400, "X-Delete-At in past");
        expect(() -> edge.checkDeleteHeaders(headers("X-Delete-At", "1700000100"), 1_700_000_100), 400,
                "X-Delete-At in past");
        assertThat(edge.checkDeleteHeaders(headers("X-Delete-At", "1700000099", "X-Backend-Replication", "True"),
                NOW)).isEqualTo("1700000099");
    }

    @Test
    void clampsAFarFutureDeleteAtOrDeleteAfterAsPythonsUnboundedInt() {
        assertThat(edge.checkDeleteHeaders(headers("X-Delete-At", "1".repeat(100)), NOW)).isEqualTo("9999999999");
        assertThat(edge.checkDeleteHeaders(headers("X-Delete-At", "99999999999"), NOW)).isEqualTo("9999999999");
        assertThat(edge.checkDeleteHeaders(headers("X-Delete-After", "1".repeat(30)), NOW)).isEqualTo("9999999999");
        expect(() -> edge.checkDeleteHeaders(headers("X-Delete-At", "-" + "1".repeat(30)), NOW), 400,
                "X-Delete-At in past");
    }

    @Test
    void limitsAccountAndContainerNamesDoubledForAutoCreatedAccounts() {
        assertThatCode(() -> edge.checkAccountName("a".repeat(256))).doesNotThrowAnyException();
        expect(() -> edge.checkAccountName("a".repeat(257)), 400, "Account name length of 257 longer than 256");
        assertThatCode(() -> edge.checkAccountName("." + "a".repeat(511))).doesNotThrowAnyException();
        expect(() -> edge.checkContainerName("a", "c".repeat(257)), 400,
                "Container name length of 257 longer than 256");
        assertThatCode(() -> edge.checkContainerName(".a", "c".repeat(512))).doesNotThrowAnyException();
        expect(() -> edge.checkContainerName(".a", "c".repeat(513)), 400,
                "Container name length of 513 longer than 512");
    }

    @Test
    void constrainsListingLimitsWith412() {
        assertThat(edge.containerListingLimit(null)).isEqualTo(10000);
        assertThat(edge.containerListingLimit("10")).isEqualTo(10);
        assertThat(edge.containerListingLimit("-1")).isEqualTo(10000);
        assertThat(edge.accountListingLimit("10000")).isEqualTo(10000);
        expect(() -> edge.containerListingLimit("10001"), 412, "Maximum limit is 10000");
        expect(() -> edge.accountListingLimit("99999999999999999999"), 412, "Maximum limit is 10000");
    }

    @Test
    void rejectsEmptyOrSlashedAccountAndContainerNames() {
        expect(() -> EdgeConstraints.checkAccountFormat("account/with/slashes"), 412,
                "Account name cannot contain slashes");
        expect(() -> EdgeConstraints.checkAccountFormat(""), 412, "Account name cannot be empty");
        expect(() -> EdgeConstraints.checkContainerFormat("container/with/slashes"), 412,
                "Container name cannot contain slashes");
        expect(() -> EdgeConstraints.checkContainerFormat(""), 412, "Container name cannot be empty");
        assertThat(EdgeConstraints.checkContainerFormat("versions")).isEqualTo("versions");
    }
}
