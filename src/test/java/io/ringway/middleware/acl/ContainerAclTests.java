package io.ringway.middleware.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Scenarios of Swift's {@code test_acl.py}: clean_acl, parse_acl, referrer_allowed. */
class ContainerAclTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ".r:*|.r:*",
        ".r:specific.host|.r:specific.host",
        ".r:.ending.with|.r:.ending.with",
        ".r:*.ending.with|.r:.ending.with",
        ".r:-*.ending.with|.r:-.ending.with",
        ".r:one,.r:two|.r:one,.r:two",
        ".r:*,.r:-specific.host|.r:*,.r:-specific.host",
        ".r:*,.r:-.ending.with|.r:*,.r:-.ending.with",
        ".r:one,.r:-two|.r:one,.r:-two",
        ".r:one,.r:-two,account,account:user|.r:one,.r:-two,account,account:user",
        "TEST_account|TEST_account",
        ".ref:*|.r:*",
        ".referer:*|.r:*",
        ".referrer:*|.r:*",
        "' .r : one , ,, .r:two , .r : - three '|.r:one,.r:two,.r:-three",
        "'bob , sue'|bob,sue",
        "'.r:*, .rlistings'|.r:*,.rlistings",
    })
    void cleansValidAclsAsSwiftDoes(String value, String cleaned) {
        assertThat(ContainerAclHeaders.clean("header", value)).isEqualTo(cleaned);
    }

    @ParameterizedTest
    @ValueSource(strings = {".unknown:test", ".r:", ".r:*.", ".r : * . ", ".r:-*.", ".r : - * . ", " .r : ",
        "user , .r : ", ".r:-", " .r : - ", "user , .r : - "})
    void refusesInvalidAcls(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> ContainerAclHeaders.clean("header", value));
    }

    @Test
    void refusesReferrersInWriteAclsWithSwiftsMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContainerAclHeaders.clean("X-Container-Write", ".r:r"))
                .withMessage("Referrers not allowed in write ACL: '.r:r'");
    }

    @Test
    void namesTheUnknownDesignatorAndTheEmptyReferrerAsSwiftDoes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContainerAclHeaders.clean("X-Container-Read", ".unknown:test"))
                .withMessage("Unknown designator '.unknown' in ACL: '.unknown:test'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContainerAclHeaders.clean("X-Container-Read", "user , .r : "))
                .withMessage("No host/domain value after referrer designation in ACL: '.r :'");
    }

    @Test
    void parsesReferrersAndGroupsInOrder() {
        assertThat(ParsedAcl.parse(null)).isEqualTo(new ParsedAcl(List.of(), List.of()));
        assertThat(ParsedAcl.parse("")).isEqualTo(new ParsedAcl(List.of(), List.of()));
        assertThat(ParsedAcl.parse(".r:ref1")).isEqualTo(new ParsedAcl(List.of("ref1"), List.of()));
        assertThat(ParsedAcl.parse(".r:-ref1")).isEqualTo(new ParsedAcl(List.of("-ref1"), List.of()));
        assertThat(ParsedAcl.parse("account:user")).isEqualTo(new ParsedAcl(List.of(), List.of("account:user")));
        assertThat(ParsedAcl.parse("acc1,acc2:usr2,.r:ref3,.r:-ref4"))
                .isEqualTo(new ParsedAcl(List.of("ref3", "-ref4"), List.of("acc1", "acc2:usr2")));
        assertThat(ParsedAcl.parse("acc1,acc2:usr2,.r:ref3,acc3,acc4:usr4,.r:ref5,.r:-ref6"))
                .isEqualTo(new ParsedAcl(List.of("ref3", "ref5", "-ref6"),
                        List.of("acc1", "acc2:usr2", "acc3", "acc4:usr4")));
    }

    @Test
    void decodesGroups() {
        assertThat(ParsedAcl.parse("caf%C3%A9:b%20ob").groups()).containsExactly("café:b ob");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "host|''|false",
        "NULL|*|true",
        "''|*|true",
        "NULL|specific.host|false",
        "''|specific.host|false",
        "http://www.example.com/index.html|.example.com|true",
        "http://user@www.example.com/index.html|.example.com|true",
        "http://user:pass@www.example.com/index.html|.example.com|true",
        "http://www.example.com:8080/index.html|.example.com|true",
        "http://user@www.example.com:8080/index.html|.example.com|true",
        "http://user:pass@www.example.com:8080/index.html|.example.com|true",
        "http://user:pass@www.example.com:8080|.example.com|true",
        "http://www.example.com|.example.com|true",
        "http://thief.example.com|.example.com,-thief.example.com|false",
        "http://thief.example.com|*,-thief.example.com|false",
        "http://www.example.com|.other.com,www.example.com|true",
        "http://www.example.com|-.example.com,www.example.com|true",
        "www.example.com|.example.com|false",
        "../index.html|.example.com|false",
        "www.example.com|*|true",
        "HTTP://WWW.Example.COM/|.example.com|true",
    })
    void appliesReferrerRulesInOrder(String referer, String rules, boolean allowed) {
        List<String> referrers = rules.isEmpty() ? List.of() : List.of(rules.split(","));
        assertThat(new ParsedAcl(referrers, List.of()).referrerAllowed(referer)).isEqualTo(allowed);
    }
}
