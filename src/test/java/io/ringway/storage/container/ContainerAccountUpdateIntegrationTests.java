package io.ringway.storage.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.storage.account.AccountServer;
import io.ringway.storage.account.AccountSettings;
import io.ringway.storage.node.DeviceRoot;
import io.ringway.testing.http.RawHttpClient;
import io.ringway.testing.http.RawResponse;
import io.ringway.testing.storage.TestNode;
import io.ringway.testing.storage.TestServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;

/** A container server reporting to a real account server, directly and through the updater's sweeps. */
final class ContainerAccountUpdateIntegrationTests {

    private static final String ETAG = "d41d8cd98f00b204e9800998ecf8427e";

    @RegisterExtension
    final TestServers node = new TestServers();

    private DeviceRoot devices;
    private RawHttpClient containers;
    private ContainerUpdater updater;

    @BeforeEach
    void start() {
        devices = node.devices();
        ContainerSettings settings = ContainerSettings.defaults();
        containers = node.serve(new ContainerServer(devices, TestNode.HASH_PATH, settings, TestNode.CLOCK,
                HttpClient.create()));
        updater = new ContainerUpdater(devices, settings, HttpClient.create());
    }

    @Test
    void reportsContainerPutAndDeleteAndLaterCountsToTheAccountServer() {
        RawHttpClient accounts = startAccountServer(0);
        accounts.send("PUT", "/sda1/7/a", "X-Timestamp", "1700000000.00000");
        String host = "127.0.0.1:" + accounts.port();

        RawResponse put = containers.send("PUT", "/sda1/1/a/c", "X-Timestamp", "1700000001.00000",
                "X-Account-Host", host, "X-Account-Device", "sda1", "X-Account-Partition", "7", "X-Trans-Id", "tx1");
        assertThat(put.status()).isEqualTo(201);
        assertThat(accounts.send("GET", "/sda1/7/a?format=json").text()).isEqualTo(
                "[{\"name\": \"c\", \"count\": 0, \"bytes\": 0, \"last_modified\": \"2023-11-14T22:13:21.000000\"}]");
        assertThat(updater.sweep().block(Duration.ofSeconds(10)))
                .isEqualTo(new ContainerUpdater.Sweep(1, 0, 0, 1));

        putObject("o1", "1700000002.00000", "10");
        putObject("o2", "1700000002.00000", "20");
        assertThat(updater.sweep().block(Duration.ofSeconds(10)))
                .isEqualTo(new ContainerUpdater.Sweep(1, 1, 0, 0));
        RawResponse head = accounts.send("HEAD", "/sda1/7/a");
        assertThat(head.header("X-Account-Object-Count")).isEqualTo("2");
        assertThat(head.header("X-Account-Bytes-Used")).isEqualTo("30");

        containers.send("DELETE", "/sda1/1/a/c/o1", "X-Timestamp", "1700000003.00000");
        containers.send("DELETE", "/sda1/1/a/c/o2", "X-Timestamp", "1700000003.00000");
        RawResponse delete = containers.send("DELETE", "/sda1/1/a/c", "X-Timestamp", "1700000004.00000",
                "X-Account-Host", host, "X-Account-Device", "sda1", "X-Account-Partition", "7");
        assertThat(delete.status()).isEqualTo(204);
        RawResponse after = accounts.send("HEAD", "/sda1/7/a");
        assertThat(after.header("X-Account-Container-Count")).isEqualTo("0");
        assertThat(after.header("X-Account-Object-Count")).isEqualTo("0");
        assertThat(accounts.send("GET", "/sda1/7/a?format=json").text()).isEqualTo("[]");
    }

    @Test
    void answersNotFoundWhenEveryAccountServerSaysTheAccountIsMissing() {
        RawHttpClient accounts = startAccountServer(0);
        RawResponse put = containers.send("PUT", "/sda1/1/a/c", "X-Timestamp", "1700000001.00000",
                "X-Account-Host", "127.0.0.1:" + accounts.port(), "X-Account-Device", "sda1",
                "X-Account-Partition", "7");
        assertThat(put.status()).isEqualTo(404);
        assertThat(containers.send("HEAD", "/sda1/1/a/c").status()).isEqualTo(204);
        assertThat(accounts.send("HEAD", "/sda1/7/a").status()).isEqualTo(404);
    }

    @Test
    void refusesMismatchedAccountHostsAndDevices() {
        RawResponse put = containers.send("PUT", "/sda1/1/a/c", "X-Timestamp", "1700000001.00000",
                "X-Account-Host", "127.0.0.1:1,127.0.0.1:2", "X-Account-Device", "sda1", "X-Account-Partition", "7");
        assertThat(put.status()).isEqualTo(400);
    }

    @Test
    void retriesAFailedAccountUpdateOnTheNextSweepOnceTheAccountServerIsUp() throws IOException {
        int port = freePort();
        RawResponse put = containers.send("PUT", "/sda1/1/a/c", "X-Timestamp", "1700000001.00000",
                "X-Account-Host", "127.0.0.1:" + port, "X-Account-Device", "sda1", "X-Account-Partition", "7");
        assertThat(put.status()).isEqualTo(201);
        assertThat(updater.sweep().block(Duration.ofSeconds(10)))
                .isEqualTo(new ContainerUpdater.Sweep(1, 0, 1, 0));

        RawHttpClient accounts = startAccountServer(port);
        accounts.send("PUT", "/sda1/7/a", "X-Timestamp", "1700000000.00000");
        assertThat(updater.sweep().block(Duration.ofSeconds(10)))
                .isEqualTo(new ContainerUpdater.Sweep(1, 1, 0, 0));
        assertThat(accounts.send("GET", "/sda1/7/a").text()).isEqualTo("c\n");
        assertThat(updater.sweep().block(Duration.ofSeconds(10)))
                .isEqualTo(new ContainerUpdater.Sweep(1, 0, 0, 1));
    }

    private RawHttpClient startAccountServer(int port) {
        return node.serve(new AccountServer(devices, TestNode.HASH_PATH, AccountSettings.defaults(), TestNode.CLOCK,
                Map.of(0, "Policy-0")), port);
    }

    private void putObject(String name, String timestamp, String size) {
        RawResponse response = containers.send("PUT", "/sda1/1/a/c/" + name, "X-Timestamp", timestamp, "X-Size", size,
                "X-Content-Type", "text/plain", "X-Etag", ETAG, "X-Backend-Storage-Policy-Index", "0");
        assertThat(response.status()).isEqualTo(201);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
