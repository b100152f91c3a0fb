package io.ringway.middleware.tempauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cases of Swift's {@code test_split_path} in {@code test_utils.py}. */
class SplitPathTests {

    @Test
    void splitsLikeSwift() {
        assertThat(SplitPath.split("", 1, 1, false)).isNull();
        assertThat(SplitPath.split("/", 1, 1, false)).isNull();
        assertThat(SplitPath.split("//", 1, 1, false)).isNull();
        assertThat(SplitPath.split("/a", 1, 1, false)).containsExactly("a");
        assertThat(SplitPath.split("//a", 1, 1, false)).isNull();
        assertThat(SplitPath.split("/a/", 1, 1, false)).containsExactly("a");
        assertThat(SplitPath.split("/a/c", 1, 1, false)).isNull();
        assertThat(SplitPath.split("/a/c", 2, 2, false)).containsExactly("a", "c");
        assertThat(SplitPath.split("/a/c/o", 2, 2, false)).isNull();
        assertThat(SplitPath.split("/a/c/o", 3, 3, false)).containsExactly("a", "c", "o");
        assertThat(SplitPath.split("/a/c/o/r", 3, 3, true)).containsExactly("a", "c", "o/r");
        assertThat(SplitPath.split("/a/c", 2, 3, true)).containsExactly("a", "c", null);
        assertThat(SplitPath.split("/a", 1, 2, false)).containsExactly("a", null);
        assertThat(SplitPath.split("/a/", 1, 2, false)).containsExactly("a", "");
        assertThat(SplitPath.split("/a/c/", 2, 2, false)).containsExactly("a", "c");
        assertThat(SplitPath.split("/a/c/", 2, 3, false)).containsExactly("a", "c", "");
        assertThat(SplitPath.split("o\nn e", 2, 2, false)).isNull();
        assertThat(SplitPath.split("/v1/AUTH_t/c/o/with/slashes", 1, 4, true))
                .containsExactly("v1", "AUTH_t", "c", "o/with/slashes");
    }
}
