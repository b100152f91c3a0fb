package io.ringway.storage.object;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.testing.http.RawResponse;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ranges, conditionals and expiry of GET and HEAD, on a real port. */
class ObjectServerReadTests {

    private static final String PATH = "/sda1/0/a/c/o";

    @RegisterExtension
    final ObjectServerFixture fixture = ObjectServerFixture.perTest();
    String etag;

    @BeforeEach
    void start() throws IOException {
        etag = fixture.put(PATH, "0123456789", "X-Timestamp", "1795305600.00000", "Content-Type", "text/x-digits")
                .header("Etag");
    }

    @Test
    void singleRangeIsPartialContent() throws IOException {
        RawResponse get = fixture.request("GET", PATH, "Range", "bytes=2-4");
        assertThat(get.status()).isEqualTo(206);
        assertThat(get.text()).isEqualTo("234");
        assertThat(get.header("Content-Range")).isEqualTo("bytes 2-4/10");
        assertThat(get.header("Content-Length")).isEqualTo("3");
        assertThat(get.header("Content-Type")).isEqualTo("text/x-digits");
    }

    @Test
    void suffixAndOpenRangesAreClampedToTheBody() throws IOException {
        assertThat(fixture.request("GET", PATH, "Range", "bytes=-3").text()).isEqualTo("789");
        assertThat(fixture.request("GET", PATH, "Range", "bytes=7-").text()).isEqualTo("789");
        assertThat(fixture.request("GET", PATH, "Range", "bytes=-30").text()).isEqualTo("0123456789");
        assertThat(fixture.request("GET", PATH, "Range", "bytes=8-100").header("Content-Range"))
                .isEqualTo("bytes 8-9/10");
    }

    @Test
    void multipleRangesAreMultipartByterangesAsSwobBuildsThem() throws IOException {
        RawResponse get = fixture.request("GET", PATH, "Range", "bytes=0-1,5-6");
        assertThat(get.status()).isEqualTo(206);
        String contentType = get.header("Content-Type");
        assertThat(contentType).matches("multipart/byteranges;boundary=[0-9a-f]{32}");
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        String expected = "--" + boundary + "\r\nContent-Type: text/x-digits\r\nContent-Range: bytes 0-1/10\r\n\r\n01\r\n"
                + "--" + boundary + "\r\nContent-Type: text/x-digits\r\nContent-Range: bytes 5-6/10\r\n\r\n56\r\n"
                + "--" + boundary + "--";
        assertThat(get.text()).isEqualTo(expected);
        assertThat(get.header("Content-Length")).isEqualTo(String.valueOf(expected.length()));
        assertThat(get.header("Content-Range")).isNull();
    }

    @Test
    void unsatisfiableRangeIs416WithContentRangeStar() throws IOException {
        RawResponse get = fixture.request("GET", PATH, "Range", "bytes=20-30");
        assertThat(get.status()).isEqualTo(416);
        assertThat(get.header("Content-Range")).isEqualTo("bytes */10");
        assertThat(get.text()).isEqualTo(
                "<html><h1>Requested Range Not Satisfiable</h1><p>The Range requested is not available.</p></html>");
        assertThat(get.header("Etag")).isEqualTo(etag);
    }

    @Test
    void invalidRangeHeaderIsIgnored() throws IOException {
        for (String range : new String[] {"bytes=5-3", "bytes=-", "bytes=45", "items=1-2", "bytes=a-2"}) {
            RawResponse get = fixture.request("GET", PATH, "Range", range);
            assertThat(get.status()).as(range).isEqualTo(200);
            assertThat(get.text()).as(range).isEqualTo("0123456789");
        }
    }

    @Test
    void headIgnoresRange() throws IOException {
        RawResponse head = fixture.request("HEAD", PATH, "Range", "bytes=1-2");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("10");
    }

    @Test
    void ifNoneMatchOnCurrentEtagIsNotModifiedKeepingHeaders() throws IOException {
        for (String method : new String[] {"GET", "HEAD"}) {
            RawResponse response = fixture.request(method, PATH, "If-None-Match", etag);
            assertThat(response.status()).as(method).isEqualTo(304);
            assertThat(response.header("Etag")).isEqualTo(etag);
            assertThat(response.header("Content-Length")).isEqualTo("0");
            assertThat(response.header("X-Backend-Timestamp")).isEqualTo("1795305600.00000");
        }
        assertThat(fixture.request("GET", PATH, "If-None-Match", "\"other\"").status()).isEqualTo(200);
    }

    @Test
    void ifMatchMismatchFailsPreconditionAndStarOnMissingFailsToo() throws IOException {
        assertThat(fixture.request("GET", PATH, "If-Match", "nope").status()).isEqualTo(412);
        assertThat(fixture.request("GET", PATH, "If-Match", etag).status()).isEqualTo(200);
        assertThat(fixture.request("GET", PATH, "If-Match", "*").status()).isEqualTo(200);
        RawResponse missing = fixture.request("GET", "/sda1/0/a/c/missing", "If-Match", "*");
        assertThat(missing.status()).isEqualTo(412);
        assertThat(missing.body()).isEmpty();
    }

    @Test
    void ifModifiedSinceComparesWholeSecondsOfLastModified() throws IOException {
        assertThat(fixture.request("GET", PATH, "If-Modified-Since", "Sun, 22 Nov 2026 00:00:00 GMT").status())
                .isEqualTo(304);
        assertThat(fixture.request("GET", PATH, "If-Modified-Since", "Sat, 21 Nov 2026 23:59:59 GMT").status())
                .isEqualTo(200);
        assertThat(fixture.request("GET", PATH, "If-Modified-Since", "garbage").status()).isEqualTo(200);
    }

    @Test
    void ifUnmodifiedSinceBeforeLastModifiedFailsPrecondition() throws IOException {
        assertThat(fixture.request("GET", PATH, "If-Unmodified-Since", "Sat, 21 Nov 2026 23:59:59 GMT").status())
                .isEqualTo(412);
        assertThat(fixture.request("GET", PATH, "If-Unmodified-Since", "Sun, 22 Nov 2026 00:00:00 GMT").status())
                .isEqualTo(200);
    }

    @Test
    void objectPastItsDeleteAtIsNotFoundUnlessReplicating() throws IOException {
        long deleteAt = fixture.clock.millis() / 1000 + 60;
        fixture.put("/sda1/0/a/c/expiring", "soon", "X-Delete-At", String.valueOf(deleteAt));
        assertThat(fixture.request("GET", "/sda1/0/a/c/expiring").status()).isEqualTo(200);
        assertThat(fixture.request("GET", "/sda1/0/a/c/expiring").header("X-Delete-At"))
                .isEqualTo(String.valueOf(deleteAt));

        fixture.clock.advance(Duration.ofSeconds(61));
        RawResponse expired = fixture.request("GET", "/sda1/0/a/c/expiring");
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.header("X-Backend-Timestamp")).isNotNull();
        assertThat(fixture.request("HEAD", "/sda1/0/a/c/expiring").status()).isEqualTo(404);
        assertThat(fixture.request("POST", "/sda1/0/a/c/expiring", "X-Timestamp", fixture.nextTimestamp()).status())
                .isEqualTo(404);
        assertThat(fixture.request("GET", "/sda1/0/a/c/expiring", "X-Backend-Replication", "true").text())
                .isEqualTo("soon");
    }

    @Test
    void deleteAfterBecomesDeleteAt() throws IOException {
        String ts = fixture.nextTimestamp();
        fixture.put("/sda1/0/a/c/after", "x", "X-Timestamp", ts, "X-Delete-After", "100");
        long expected = (long) Math.floor(Double.parseDouble(ts) + 100);
        assertThat(fixture.request("HEAD", "/sda1/0/a/c/after").header("X-Delete-At"))
                .isEqualTo(String.format("%010d", expected));
    }

    @Test
    void emptyObjectAnswersWholeForSuffixRange() throws IOException {
        fixture.put("/sda1/0/a/c/empty", "");
        RawResponse get = fixture.request("GET", "/sda1/0/a/c/empty", "Range", "bytes=-5");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Content-Length")).isEqualTo("0");
        assertThat(get.header("Etag")).isEqualTo("\"d41d8cd98f00b204e9800998ecf8427e\"");
    }
}
