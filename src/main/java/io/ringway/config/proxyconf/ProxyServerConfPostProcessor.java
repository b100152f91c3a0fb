package io.ringway.config.proxyconf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * With {@code ringway.proxy-server-conf} naming an existing Swift proxy's
 * {@code proxy-server.conf}, its settings become Ringway's ({@link RingwaySettings}): a property
 * source ranked below the command line, system properties and environment variables (an
 * operator's explicit Ringway settings win) and above Ringway's own defaults
 * ({@code application.yml}). Options Ringway does not apply are logged once at start.
 */
public final class ProxyServerConfPostProcessor implements EnvironmentPostProcessor {

    /** The setting naming the file. */
    public static final String FILE_PROPERTY = "ringway.proxy-server-conf";
    /** The property source's name, as {@code /actuator/env} shows it. */
    public static final String SOURCE_NAME = "proxy-server.conf";

    private final Log log;

    public ProxyServerConfPostProcessor(DeferredLogFactory logs) {
        this.log = requireNonNull(logs, "logs").getLog(ProxyServerConfPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String file = environment.getProperty(FILE_PROPERTY, "");
        if (file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        RingwaySettings settings = RingwaySettings.of(ProxyServerConf.from(PasteIni.parse(read(path))));
        Map<String, Object> properties = new LinkedHashMap<>(settings.properties());
        MapPropertySource source = new MapPropertySource(SOURCE_NAME, properties);
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addLast(source);
        }
        log.info("Read " + path + ": " + properties.size() + " settings, pipeline "
                + properties.get("ringway.pipeline"));
        if (!settings.ignored().isEmpty()) {
            log.warn(path + ": options Ringway does not apply (see docs/swift-proxy-settings.md): "
                    + String.join(", ", settings.ignored()));
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(FILE_PROPERTY + ": cannot read " + path, e);
        }
    }
}
