package io.ringway.federation;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.tcp.TcpClient;

/**
 * What reaches a target, with its timeouts and trust: the {@link TcpClient}s its requests'
 * connections are opened with ({@link TargetHttp}), and a Reactor Netty pool and HTTP client for
 * the rare exchanges outside them (a Swift target's auth, its health probe).
 */
public final class TargetClients {

    /** Bodies in buffers of up to 64 KiB, as from storage nodes. */
    private static final int BODY_CHUNK_SIZE = 64 * 1024;
    private static final Duration MAX_IDLE = Duration.ofSeconds(30);

    private TargetClients() {
    }

    public static ConnectionProvider pool(String target, TargetLimits limits) {
        return ConnectionProvider.builder("ringway-target-" + target)
                .maxConnections(Objects.requireNonNull(limits.maxConnections(), "maxConnections"))
                // Waiting for a pooled connection counts as connecting.
                .pendingAcquireTimeout(Objects.requireNonNull(limits.connectTimeout(), "connectTimeout"))
                .maxIdleTime(MAX_IDLE)
                .build();
    }

    /**
     * The client of a target; with {@code https}, its trust is {@code tls}'s (an https URL the
     * target hands out when configured with http ones gets Reactor Netty's default: the JVM's trust).
     */
    public static HttpClient client(ConnectionProvider pool, TargetLimits limits, TargetProperties.Tls tls, boolean https) {
        HttpClient client = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis(limits))
                .followRedirect(false)
                .keepAlive(true)
                .headers(headers -> headers.set("User-Agent", "ringway-federation"))
                .httpResponseDecoder(spec -> spec.maxChunkSize(BODY_CHUNK_SIZE));
        if (!https) {
            return client;
        }
        SslContext ssl = sslContext(tls);
        return client.secure(spec -> spec.sslContext(ssl).handlerConfigurator(hostCheck(tls)));
    }

    /** What opens a target's connections (for {@link TargetHttp}), with its connect timeout, on the HTTP event loops. */
    static TcpClient tcp(TargetLimits limits) {
        return TcpClient.create(ConnectionProvider.newConnection())
                .runOn(HttpResources.get())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis(limits));
    }

    /**
     * {@link #tcp} with TLS: the target's trust, and the host name checked against the
     * certificate unless verification is off.
     */
    static TcpClient tls(TargetLimits limits, TargetProperties.Tls tls) {
        SslContext ssl = sslContext(tls);
        return tcp(limits).secure(spec -> spec.sslContext(ssl).handlerConfigurator(hostCheck(tls)));
    }

    private static int connectMillis(TargetLimits limits) {
        return Math.toIntExact(Objects.requireNonNull(limits.connectTimeout(), "connectTimeout").toMillis());
    }

    /** The certificate's host name checked against the target's, unless verification is off. */
    private static Consumer<SslHandler> hostCheck(TargetProperties.Tls tls) {
        return handler -> {
            SSLEngine engine = handler.engine();
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(tls.verify() ? "HTTPS" : null);
            engine.setSSLParameters(parameters);
        };
    }

    private static SslContext sslContext(TargetProperties.Tls tls) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (!tls.verify()) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (tls.trustStore() != null) {
                KeyStore store = KeyStore.getInstance(tls.trustStoreType());
                char[] password = tls.trustStorePassword() != null ? tls.trustStorePassword().toCharArray() : null;
                try (InputStream in = Files.newInputStream(tls.trustStore())) {
                    store.load(in, password);
                }
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store);
                builder.trustManager(trust);
            }
            return builder.build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("trust store " + tls.trustStore() + ": " + e.getMessage(), e);
        }
    }
}
