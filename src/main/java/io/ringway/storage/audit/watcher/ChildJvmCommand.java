package io.ringway.storage.audit.watcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The command line of a watcher child: this JVM's {@code java}, a small heap, and this JVM's
 * classpath, so the child sees the same classes (and watcher jars) as the node. A node run from
 * its classes directories and jars ({@code spring-boot:run}, tests, an exploded image) passes
 * {@code java.class.path} on as it is; a node run with {@code java -jar ringway.jar} has only the
 * boot jar there, whose classes sit under {@code BOOT-INF/}: the child then starts through Spring
 * Boot's {@code PropertiesLauncher} with {@code loader.main} naming {@link WatcherHost}, and the
 * extra entries go to {@code loader.path}.
 */
final class ChildJvmCommand {

    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private ChildJvmCommand() {
    }

    static List<String> of(WatcherOptions options) {
        return of(options, System.getProperty("java.class.path", ""));
    }

    /** The command for a node whose {@code java.class.path} is {@code classpath}. */
    static List<String> of(WatcherOptions options, String classpath) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + Math.max(options.heapBytes() / 1024, 4096) + "k");
        // die rather than limp on: the auditor sees the end of our output and carries on alone
        command.add("-XX:+ExitOnOutOfMemoryError");
        // one small collector and the quick compiler: a child lives for one pass
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dlogback.configurationFile=io/ringway/storage/audit/watcher/watcher-logback.xml");
        command.addAll(options.jvmOptions());
        List<String> extra = options.classpath().stream().map(Path::toString).toList();
        if (isBootJar(classpath)) {
            List<String> loaderPath = new ArrayList<>(extra);
            String inherited = System.getProperty("loader.path");
            if (inherited != null && !inherited.isBlank()) {
                loaderPath.add(0, inherited);
            }
            if (!loaderPath.isEmpty()) {
                command.add("-Dloader.path=" + String.join(",", loaderPath));
            }
            command.add("-Dloader.main=" + WatcherHost.class.getName());
            command.add("-cp");
            command.add(classpath);
            command.add(BOOT_LAUNCHER);
        } else {
            List<String> entries = new ArrayList<>(List.of(classpath.split(File.pathSeparator)));
            entries.addAll(extra);
            command.add("-cp");
            command.add(entries.stream().filter(entry -> !entry.isEmpty()).collect(Collectors.joining(File.pathSeparator)));
            command.add(WatcherHost.class.getName());
        }
        return command;
    }

    /** Whether the classpath is one Spring Boot executable jar. */
    static boolean isBootJar(String classpath) {
        if (classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) {
            return false;
        }
        Path jar = Path.of(classpath);
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
