package io.ringway.proxy.object;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The type Swift's proxy gives an object PUT without {@code Content-Type} (or with
 * {@code X-Detect-Content-Type: true}): Python's {@code mimetypes.guess_type} of the path, whose
 * table is Python's built-in one (shipped here as a resource) overlaid by the system's
 * {@code mime.types} files, exactly as Python's {@code mimetypes.init()} reads them. A compression
 * suffix ({@code .gz}, {@code .bz2}...) is an encoding to Python, so {@code x.gz} has no type and
 * {@code x.tar.gz} is {@code application/x-tar}; {@code .tgz} and friends expand first.
 */
public final class ContentTypes {

    /** Python's {@code mimetypes.knownfiles}, read in this order (later entries win). */
    public static final List<Path> KNOWN_FILES = List.of(Path.of("/etc/mime.types"), Path.of("/etc/httpd/mime.types"),
            Path.of("/etc/httpd/conf/mime.types"), Path.of("/etc/apache/mime.types"),
            Path.of("/etc/apache2/mime.types"), Path.of("/usr/local/etc/httpd/conf/mime.types"),
            Path.of("/usr/local/lib/netscape/mime.types"), Path.of("/usr/local/etc/mime.types"));

    /** Swift's fallback when nothing is guessed. */
    public static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> SUFFIXES = Map.of(".svgz", ".svg.gz", ".tgz", ".tar.gz", ".taz",
            ".tar.gz", ".tz", ".tar.gz", ".tbz2", ".tar.bz2", ".txz", ".tar.xz");
    private static final List<String> ENCODINGS = List.of(".gz", ".Z", ".bz2", ".xz", ".br");

    private final Map<String, String> types;

    private ContentTypes(Map<String, String> types) {
        this.types = Map.copyOf(types);
    }

    /** Python's table alone, without system files (for tests and systems without them). */
    public static ContentTypes builtin() {
        return new ContentTypes(readBuiltin());
    }

    /** Python's table overlaid by the files that exist among {@code files}; blocking (startup). */
    public static ContentTypes load(List<Path> files) {
        Map<String, String> types = readBuiltin();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                    readMimeTypes(reader, types);
                } catch (IOException e) {
                    throw new UncheckedIOException("reading " + file, e);
                }
            }
        }
        return new ContentTypes(types);
    }

    /** The type for an object path, or {@link #DEFAULT}. */
    public String typeOrDefault(String path) {
        String type = guess(path);
        return type == null ? DEFAULT : type;
    }

    /** Python's {@code guess_type(path)[0]} with {@code strict=True}. */
    public @Nullable String guess(String path) {
        String ext = extension(path);
        String base = path.substring(0, path.length() - ext.length());
        String expanded = SUFFIXES.get(ext);
        while (expanded != null) {
            String whole = base + expanded;
            ext = extension(whole);
            base = whole.substring(0, whole.length() - ext.length());
            expanded = SUFFIXES.get(ext);
        }
        // Python's encodings_map (and suffix_map) are case-sensitive; the type lookup is not.
        if (ENCODINGS.contains(ext)) {
            ext = extension(base);
        }
        String type = types.get(ext);
        return type != null ? type : types.get(ext.toLowerCase(Locale.ROOT));
    }

    /** {@code posixpath.splitext}'s extension: of the last segment, leading dots not counting. */
    private static String extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash) {
            return "";
        }
        for (int i = slash + 1; i < dot; i++) {
            if (path.charAt(i) != '.') {
                return path.substring(dot);
            }
        }
        return "";
    }

    private static Map<String, String> readBuiltin() {
        Map<String, String> types = new HashMap<>();
        try (InputStream in = ContentTypes.class.getResourceAsStream("python-mime-types.txt")) {
            if (in == null) {
                throw new IllegalStateException("python-mime-types.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String[] words = line.strip().split("\\s+");
                if (words.length == 2 && !line.startsWith("#")) {
                    types.put(words[0], words[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    /** Python's {@code MimeTypes.readfp}: {@code type ext ext...} lines, {@code #} starts a comment. */
    static void readMimeTypes(BufferedReader reader, Map<String, String> types) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            int hash = line.indexOf('#');
            String[] words = (hash >= 0 ? line.substring(0, hash) : line).strip().split("\\s+");
            for (int i = 1; i < words.length; i++) {
                types.put("." + words[i], words[0]);
            }
        }
    }
}
