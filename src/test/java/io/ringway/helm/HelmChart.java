package io.ringway.helm;

import static java.util.Objects.requireNonNull;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart under {@code helm/ringway}, rendered by Helm as {@code helm template} would: release
 * {@value #RELEASE} in namespace {@value #NAMESPACE}, with values files (later ones win) and
 * {@code --set} values on top. helm-java runs Helm from a native library on the test class path
 * (the platform's jar, e.g. {@code com.marcnuri.helm-java:linux-amd64}).
 */
final class HelmChart {

    static {
        // Without the platform's jar, helm-java would fetch one from a Maven repository at run time:
        // fail instead, as only Maven's own resolution may download.
        System.setProperty("com.marcnuri.jkube-helm.skipRemoteJar", "true");
    }

    static final Path DIR = Path.of("helm", "ringway");
    static final String RELEASE = "rw";
    static final String NAMESPACE = "objects";
    /** Names as the chart gives them to this release. */
    static final String FULLNAME = "rw-ringway";

    private final List<Path> valuesFiles = new ArrayList<>();
    private final Map<String, Object> sets = new LinkedHashMap<>();

    private HelmChart() {
    }

    static HelmChart template() {
        return new HelmChart();
    }

    static LintResult lintStrict() {
        return new Helm(DIR).lint().strict().call();
    }

    /** A values file of the chart's {@code ci/} examples. */
    static Path example(String name) {
        return DIR.resolve("ci").resolve(name);
    }

    /** Writes {@code yaml} as a values file in {@code dir}. */
    static Path valuesFile(Path dir, String yaml) {
        try {
            return Files.writeString(Files.createTempFile(dir, "values", ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HelmChart values(Path file) {
        valuesFiles.add(requireNonNull(file, "file"));
        return this;
    }

    /** As {@code --set key=value}: Helm reads numbers and booleans in {@code value} as such. */
    HelmChart set(String key, Object value) {
        sets.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
        return this;
    }

    /** The manifests; an {@link IllegalStateException} with Helm's message when Helm refuses. */
    Manifests render() {
        return Manifests.parse(renderText());
    }

    /** Helm's message when it refuses these values; fails when it renders them. */
    String refusal() {
        try {
            String text = renderText();
            throw new AssertionError("expected Helm to refuse the values, but it rendered:\n" + text);
        } catch (IllegalStateException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** NOTES.txt as {@code helm install --dry-run=client} prints it (no cluster is contacted). */
    String notes() {
        InstallCommand command = new Helm(DIR).install().withName(RELEASE).withNamespace(NAMESPACE)
                .clientOnly()
                .dryRun();
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        String output = command.call().getOutput();
        int notes = output.indexOf("NOTES:");
        if (notes < 0) {
            throw new AssertionError("no NOTES in:\n" + output);
        }
        return output.substring(notes);
    }

    private String renderText() {
        TemplateCommand command = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }
}
