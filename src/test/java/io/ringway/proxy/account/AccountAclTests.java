package io.ringway.proxy.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class AccountAclTests {

    @Test
    void formatsTheStoredAclAsSwiftsFormatAcl() {
        assertThat(AccountAcl.format("{ \"read-write\": [\"b\"], \"admin\": [\"a\", \"\u00e9\"] }"))
                .isEqualTo("{\"admin\":[\"a\",\"\\u00e9\"],\"read-write\":[\"b\"]}");
    }

    @Test
    void showsNothingForEmptyOrBrokenAcls() {
        assertThat(AccountAcl.format(null)).isNull();
        assertThat(AccountAcl.format("")).isNull();
        assertThat(AccountAcl.format("{}")).isNull();
        assertThat(AccountAcl.format("[1]")).isNull();
        assertThat(AccountAcl.format("{nope")).isNull();
    }

    @Test
    void replacesTheSysmetaHeaderForTheOwner() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(AccountAcl.SYSMETA, "{\"read-only\":[\"u\"]}");

        AccountAcl.showToOwner(headers);

        assertThat(headers.containsHeader(AccountAcl.SYSMETA)).isFalse();
        assertThat(headers.getFirst("X-Account-Access-Control")).isEqualTo("{\"read-only\":[\"u\"]}");
    }
}
