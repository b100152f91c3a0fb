package io.ringway.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SwiftRequestDecodingTests {

    @Test
    void leavesAQuotedUriAlone() {
        String uri = "/v1/AUTH_test/c%20d/o%E2%98%83?format=json&prefix=a%2Fb";

        assertThat(SwiftRequestDecoding.encode(uri)).isSameAs(uri);
    }

    @Test
    void quotesRawBytesOneCharPerByte() {
        // Netty read the UTF-8 bytes of "☃" (E2 98 83) as three chars.
        String raw = "/v1/AUTH_test/c/\u00e2\u0098\u0083";

        assertThat(SwiftRequestDecoding.encode(raw)).isEqualTo("/v1/AUTH_test/c/%E2%98%83");
    }

    @Test
    void quotesCharactersJavaUrisRefuseAndStrayPercents() {
        assertThat(SwiftRequestDecoding.encode("/v1/a/c/x\"<>{}|^`\\y")).isEqualTo("/v1/a/c/x%22%3C%3E%7B%7D%7C%5E%60%5Cy");
        assertThat(SwiftRequestDecoding.encode("/v1/a/c/100%")).isEqualTo("/v1/a/c/100%25");
        assertThat(SwiftRequestDecoding.encode("/v1/a/c/%zz%4")).isEqualTo("/v1/a/c/%25zz%254");
    }
}
