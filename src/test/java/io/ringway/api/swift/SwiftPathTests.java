package io.ringway.api.swift;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.policy.SwiftConstraints;
import io.ringway.swift.SwiftStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwiftPathTests {

    private static final List<String> VERSIONS = SwiftConstraints.DEFAULTS.validApiVersions();

    private static SwiftPath parse(String raw) {
        return SwiftPath.parse(raw, VERSIONS);
    }

    @Test
    void splitsAccountContainerAndObject() {
        assertThat(parse("/v1/AUTH_a")).isEqualTo(new SwiftPath(SwiftPath.Kind.ACCOUNT, "v1", "AUTH_a", null, null));
        assertThat(parse("/v1/a/c")).isEqualTo(new SwiftPath(SwiftPath.Kind.CONTAINER, "v1", "a", "c", null));
        assertThat(parse("/v1.0/a/c/o")).isEqualTo(new SwiftPath(SwiftPath.Kind.OBJECT, "v1.0", "a", "c", "o"));
    }

    @Test
    void objectKeepsItsSlashesAndTrailingSlash() {
        assertThat(parse("/v1/a/c/d1/d2/o/").object()).isEqualTo("d1/d2/o/");
        assertThat(parse("/v1/a/c//o").object()).isEqualTo("/o");
    }

    @Test
    void trailingSlashMakesNoEmptyName() {
        assertThat(parse("/v1/a/").kind()).isEqualTo(SwiftPath.Kind.ACCOUNT);
        assertThat(parse("/v1/a/c/").kind()).isEqualTo(SwiftPath.Kind.CONTAINER);
        assertThat(parse("/v1/a/c/").object()).isNull();
    }

    @Test
    void percentDecodesNamesAsUtf8() {
        SwiftPath path = parse("/v1/a/c%20d/%E2%9C%93%2Fx+y%zz");
        assertThat(path.container()).isEqualTo("c d");
        assertThat(path.object()).isEqualTo("\u2713/x+y%zz");
    }

    @Test
    void rejectsInvalidUtf8AndNulWith412() {
        SwiftAnswer.expect(() -> parse("/v1/a/c/%FF"), 412, "Invalid UTF8 or contains NULL");
        SwiftAnswer.expect(() -> parse("/v1/a/c/o%00"), 412, "Invalid UTF8 or contains NULL");
        SwiftAnswer.expect(() -> parse("/v1/a/%ED%A0%BC"), 412, "Invalid UTF8 or contains NULL");
    }

    @Test
    void rejectsUnknownApiVersionWith400() {
        SwiftAnswer.expect(() -> parse("/v2/a/c"), 400, SwiftStatus.defaultBody(400));
        SwiftAnswer.expect(() -> parse("/V1/a"), 400, SwiftStatus.defaultBody(400));
    }

    @Test
    void answers404WhenSplitPathFails() {
        SwiftAnswer.expect(() -> parse("/"), 404, SwiftStatus.defaultBody(404));
        SwiftAnswer.expect(() -> parse("//a"), 404, SwiftStatus.defaultBody(404));
        SwiftAnswer.expect(() -> parse("v1/a"), 404, SwiftStatus.defaultBody(404));
    }

    @Test
    void answersBadUrlWhenNoControllerFits() {
        SwiftAnswer.expect(() -> parse("/v1"), 412, "Bad URL");
        SwiftAnswer.expect(() -> parse("/v1/"), 412, "Bad URL");
        SwiftAnswer.expect(() -> parse("/v1//c"), 412, "Bad URL");
        SwiftAnswer.expect(() -> parse("/v1/a//o"), 412, "Bad URL");
        SwiftAnswer.expect(() -> parse("/v9"), 412, "Bad URL");
    }

    @Test
    void recognizesInfo() {
        assertThat(parse("/info").kind()).isEqualTo(SwiftPath.Kind.INFO);
        assertThat(parse("/%69nfo").kind()).isEqualTo(SwiftPath.Kind.INFO);
    }

    @Test
    void honoursConfiguredApiVersions() {
        assertThat(SwiftPath.parse("/v2/a", List.of("v2")).account()).isEqualTo("a");
        SwiftAnswer.expect(() -> SwiftPath.parse("/v1/a", List.of("v2")), 400, SwiftStatus.defaultBody(400));
    }
}
