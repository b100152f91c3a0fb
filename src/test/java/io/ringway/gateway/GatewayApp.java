package io.ringway.gateway;

import io.ringway.testing.RingwayApps;
import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Boots the whole app on free ports with its data in a temp dir; extra command-line args win. */
final class GatewayApp {

    /** A pipeline without auth, for tests of the API itself: every request reaches the app. */
    static final String OPEN_PIPELINE = "--ringway.pipeline=catch_errors,gatekeeper,healthcheck,proxy_logging,cache,"
            + "listing_formats,copy,proxy_logging";

    private GatewayApp() {
    }

    static ConfigurableApplicationContext start(Path data, String... extraArgs) {
        return RingwayApps.start(data, WebApplicationType.REACTIVE, extraArgs);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
