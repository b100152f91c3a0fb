package io.ringway.testing;

import io.ringway.RingwayApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots the whole application as {@code ./mvnw spring-boot:run} does, but on free ports with its
 * data (embedded swift dir and devices) under a test's directory. Settings are command-line
 * arguments, which win over application.yml (default properties would lose to it); extra
 * arguments come last and win over these.
 */
public final class RingwayApps {

    private RingwayApps() {
    }

    public static ConfigurableApplicationContext start(Path data, WebApplicationType type, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--ringway.embedded.swift-dir=" + data.resolve("etc"),
                "--ringway.embedded.part-power=8",
                "--ringway.storage.devices=" + data.resolve("node"),
                "--ringway.storage.recon-cache-path=" + data.resolve("recon"),
                "--ringway.storage.account-port=0",
                "--ringway.storage.container-port=0",
                "--ringway.storage.object-port=0"));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(RingwayApplication.class)
                .web(type)
                .run(args.toArray(String[]::new));
    }
}
