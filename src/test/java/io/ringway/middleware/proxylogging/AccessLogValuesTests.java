package io.ringway.middleware.proxylogging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the access log writes client addresses. */
class AccessLogValuesTests {

    @Test
    void ipv6AddressesAreWrittenShortAsSwiftWritesThem() {
        assertThat(AccessLogValues.compressed("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(AccessLogValues.compressed("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(AccessLogValues.compressed("fe80:0:0:0:1:2:3:4%eth0")).isEqualTo("fe80::1:2:3:4%eth0");
        assertThat(AccessLogValues.compressed("2001:db8:1:0:1:2:3:4")).isEqualTo("2001:db8:1:0:1:2:3:4");
        assertThat(AccessLogValues.compressed("0:0:0:0:0:0:0:0")).isEqualTo("::");
    }
}
