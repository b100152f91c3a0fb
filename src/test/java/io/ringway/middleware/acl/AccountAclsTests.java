package io.ringway.middleware.acl;

import io.ringway.swift.PythonText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Account ACLs: Swift's {@code acls_from_account_info} and tempauth's validation messages. */
class AccountAclsTests {

    @Test
    void readsStoredAclsAsSwiftDoes() {
        assertThat(AccountAcls.fromStored(null)).isNull();
        assertThat(AccountAcls.fromStored("")).isNull();
        assertThat(AccountAcls.fromStored("{\"VERSION\":1,\"admin\":[\"a\",\"b\"]}"))
                .isEqualTo(new AccountAcls(List.of("a", "b"), List.of(), List.of()));
        assertThat(AccountAcls.fromStored("{\"VERSION\":1,\"admin\":[\"a\",\"b\"],\"read-write\":[\"c\"],\"read-only\":[]}"))
                .isEqualTo(new AccountAcls(List.of("a", "b"), List.of("c"), List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{ }", "[\"array\"]", "null", "\"some_string\"", "123", "{\"admin\":[]}", "not json"})
    void storedValuesThatGrantNothingAreNoAcls(String stored) {
        assertThat(AccountAcls.fromStored(stored)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"admin\":[\"a\"],\"read-write\":[],\"read-only\":[\"b:c\"]}"})
    void acceptsValidHeaders(String header) {
        assertThat(AccountAcls.validationError(header)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'{\"admin\":[\"a\"]'|Syntax error in input ('{\"admin\":[\"a\"]')",
        "[]|Syntax error in input ('[]')",
        "'{\"admin\":[\"a\"],\"other-auth-system\":[\"b\"]}'|Key \"other-auth-system\" not recognized",
        "'{\"admin\":\"a\"}'|Value for key \"admin\" must be a list",
        "'{\"read-only\":[1]}'|Elements of \"read-only\" list must be strings",
    })
    void reportsErrorsInSwiftsWords(String header, String error) {
        assertThat(AccountAcls.validationError(header)).isEqualTo(error);
    }

    @Test
    void quotesLikePython() {
        assertThat(PythonText.repr("it's")).isEqualTo("\"it's\"");
        assertThat(PythonText.repr("a'\"b\n")).isEqualTo("'a\\'\"b\\n'");
        assertThat(PythonText.jsonString("caf\u00e9\"")).isEqualTo("\"caf\\u00e9\\\"\"");
    }
}
