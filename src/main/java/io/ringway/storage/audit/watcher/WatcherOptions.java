package io.ringway.storage.audit.watcher;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How an auditor runs its watchers.
 *
 * @param names the watchers, by their factories' names, in the order they are called
 * @param sections each watcher's configuration, by name (compared as Spring compares keys, so
 *     {@code dark-data} and {@code darkdata} find {@code dark_data})
 * @param common settings every watcher gets besides its own section ({@code swift_dir},
 *     {@code devices})
 * @param timeout how long the auditor waits for the child to take one message (a target, the end)
 * @param passBudget how long the auditor may wait on its watchers in all during one pass (the
 *     start excepted); {@link Duration#ZERO}: no bound but {@code timeout} per message
 * @param startTimeout how long the child may take to start its JVM and its watchers
 * @param exitDelay how long the child may linger after the pass before it is killed
 * @param heapBytes the child's maximum heap ({@code -Xmx})
 * @param classpath entries added to the child's classpath (operators' watcher jars)
 * @param jvmOptions more options for the child JVM
 */
public record WatcherOptions(List<String> names, Map<String, Map<String, String>> sections, Map<String, String> common,
        Duration timeout, Duration passBudget, Duration startTimeout, Duration exitDelay, long heapBytes, List<Path> classpath,
        List<String> jvmOptions) {

    public WatcherOptions {
        names = List.copyOf(names);
        sections = Map.copyOf(sections);
        common = Map.copyOf(common);
        requireNonNull(timeout, "timeout");
        requireNonNull(passBudget, "passBudget");
        requireNonNull(startTimeout, "startTimeout");
        requireNonNull(exitDelay, "exitDelay");
        classpath = List.copyOf(classpath);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The configuration a watcher gets: the common settings, then its own section's. */
    Map<String, String> configOf(String name) {
        Map<String, String> config = new java.util.LinkedHashMap<>(common);
        String wanted = WatcherSettings.normalized(name);
        sections.forEach((section, values) -> {
            if (WatcherSettings.normalized(section).equals(wanted)) {
                config.putAll(values);
            }
        });
        return config;
    }
}
