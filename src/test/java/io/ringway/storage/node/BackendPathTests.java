package io.ringway.storage.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Swift's split_path examples and the object server's path rules. */
class BackendPathTests {

    @Test
    void splitsLikeSwiftsDocumentedExamples() {
        assertThat(BackendPath.split("/a", 1, 1, false)).containsExactly("a");
        assertThat(BackendPath.split("/a", 1, 2, false)).containsExactly("a", null);
        assertThat(BackendPath.split("/a/c", 1, 2, false)).containsExactly("a", "c");
        assertThat(BackendPath.split("/a/c/o/r", 1, 3, true)).containsExactly("a", "c", "o/r");
        assertThat(BackendPath.split("/a/", 1, 2, false)).containsExactly("a", "");
    }

    @Test
    void rejectsWhatSwiftRejects() {
        for (String bad : Arrays.asList("", "a", "//a", "/a/c/o", "/a//c")) {
            assertThatThrownBy(() -> BackendPath.split(bad, 1, 2, false))
                    .as(bad)
                    .isInstanceOf(InvalidBackendPathException.class)
                    .hasMessageStartingWith("Invalid path: ");
        }
        assertThatThrownBy(() -> BackendPath.split("/a/c/", 1, 1, false))
                .isInstanceOf(InvalidBackendPathException.class);
    }

    @Test
    void keepsSlashesAndDecodesTheObjectName() {
        BackendPath path = BackendPath.parse("/sdb1/123/AUTH_test/photos/2024/cat%20%E2%9C%93.jpg", 5, 5, true);

        assertThat(path).isEqualTo(new BackendPath("sdb1", "123", "AUTH_test", "photos", "2024/cat \u2713.jpg"));
    }

    @Test
    void treatsAnEmptyTrailingSegmentAsAbsent() {
        assertThat(BackendPath.parse("/sdb1/1/a/c/", 4, 5, true).object()).isNull();
        assertThat(BackendPath.parse("/sdb1/1/a", 3, 4, false).container()).isNull();
    }

    @Test
    void rejectsDotDevicesAndPartitionsWithSwiftsMessage() {
        assertThatThrownBy(() -> BackendPath.parse("/../1/a/c/o", 5, 5, true))
                .hasMessage("Invalid device: ..");
        assertThatThrownBy(() -> BackendPath.parse("/sdb1/./a/c/o", 5, 5, true))
                .hasMessage("Invalid partition: .");
    }

    @Test
    void rejectsAnObjectPathWithTooFewSegments() {
        assertThatThrownBy(() -> BackendPath.parse("/sdb1/1/a/c", 5, 5, true))
                .hasMessage("Invalid path: /sdb1/1/a/c");
    }
}
