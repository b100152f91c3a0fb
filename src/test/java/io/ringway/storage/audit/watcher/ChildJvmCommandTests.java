package io.ringway.storage.audit.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child's command line for each way the node runs: from classes and jars, or from its boot jar. */
class ChildJvmCommandTests {

    @TempDir
    Path dir;

    private static WatcherOptions options(List<Path> extra) {
        return new WatcherOptions(List.of("dark_data"), Map.of(), Map.of(), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 48L * 1024 * 1024, extra, List.of("-Dextra=1"));
    }

    @Test
    void aClasspathOfClassesAndJarsIsPassedOnWithTheOperatorsEntries() {
        String classpath = "/app/classes" + File.pathSeparator + "/app/lib/a.jar";

        List<String> command = ChildJvmCommand.of(options(List.of(Path.of("/opt/watchers/mine.jar"))), classpath);

        assertThat(command.get(0)).endsWith("/bin/java");
        assertThat(command).contains("-Xmx49152k", "-XX:+ExitOnOutOfMemoryError", "-Dextra=1");
        assertThat(command.subList(command.size() - 3, command.size())).containsExactly("-cp",
                classpath + File.pathSeparator + "/opt/watchers/mine.jar", WatcherHost.class.getName());
    }

    @Test
    void aBootJarStartsTheHostThroughSpringBootsPropertiesLauncher() throws Exception {
        Path jar = dir.resolve("ringway.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            entries.putNextEntry(new JarEntry("BOOT-INF/classes/"));
            entries.closeEntry();
        }

        List<String> command = ChildJvmCommand.of(options(List.of(Path.of("/opt/watchers"))), jar.toString());

        assertThat(command).contains("-Dloader.main=" + WatcherHost.class.getName(), "-Dloader.path=/opt/watchers");
        assertThat(command.subList(command.size() - 3, command.size())).containsExactly("-cp", jar.toString(),
                ChildJvmCommand.BOOT_LAUNCHER);
    }

    @Test
    void aPlainJarIsNotABootJar() throws Exception {
        Path jar = dir.resolve("plain.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            entries.putNextEntry(new JarEntry("io/ringway/Some.class"));
            entries.closeEntry();
        }
        assertThat(ChildJvmCommand.isBootJar(jar.toString())).isFalse();
        assertThat(ChildJvmCommand.isBootJar(jar + File.pathSeparator + jar)).isFalse();
    }
}
