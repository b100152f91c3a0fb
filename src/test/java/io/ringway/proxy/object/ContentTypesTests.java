package io.ringway.proxy.object;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python's {@code mimetypes.guess_type} as Swift's {@code _update_content_type} uses it (checked against Python 3.11). */
class ContentTypesTests {

    private final ContentTypes builtin = ContentTypes.builtin();

    @Test
    void guessesFromTheLastExtensionCaseInsensitively() {
        assertThat(builtin.guess("/photo.jpg")).isEqualTo("image/jpeg");
        assertThat(builtin.guess("/notes.TXT")).isEqualTo("text/plain");
        assertThat(builtin.guess("/dir.html/data.json")).isEqualTo("application/json");
    }

    @Test
    void hasNoTypeWithoutAnExtensionOrForAHiddenFile() {
        assertThat(builtin.guess("/a.b/noext")).isNull();
        assertThat(builtin.guess("/.txt")).isNull();
        assertThat(builtin.typeOrDefault("/.txt")).isEqualTo("application/octet-stream");
    }

    @Test
    void treatsCompressionSuffixesAsEncodingsAsPythonDoes() {
        assertThat(builtin.guess("/x.gz")).isNull();
        assertThat(builtin.guess("/x.tar.gz")).isEqualTo("application/x-tar");
        assertThat(builtin.guess("/x.tgz")).isEqualTo("application/x-tar");
        // encodings_map is case-sensitive: .GZ is an unknown extension.
        assertThat(builtin.guess("/x.tar.GZ")).isNull();
    }

    @Test
    void systemFilesOverrideAndExtendTheBuiltinTable() throws Exception {
        Map<String, String> types = new HashMap<>();
        ContentTypes.readMimeTypes(new BufferedReader(new StringReader(
                "# comment\napplication/x-made-up  mup mup2 # trailing\n\ntext/x-alone\n")), types);

        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of(".mup", "application/x-made-up", ".mup2",
                "application/x-made-up"));
    }
}
