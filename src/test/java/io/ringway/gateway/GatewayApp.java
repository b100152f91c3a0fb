package io.ringway.gateway;

import io.ringway.RingwayApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Boots the whole app on free ports with its data in a temp dir; extra command-line args win. */
final class GatewayApp {

    private GatewayApp() {
    }

    static ConfigurableApplicationContext start(Path data, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--ringway.embedded.swift-dir=" + data.resolve("etc"),
                "--ringway.embedded.part-power=6",
                "--ringway.storage.devices=" + data.resolve("node"),
                "--ringway.storage.account-port=0",
                "--ringway.storage.container-port=0",
                "--ringway.storage.object-port=0"));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(RingwayApplication.class)
                .web(WebApplicationType.REACTIVE)
                .run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
