package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The container API of the booted gateway over the embedded node, with Swift's pipeline and tempauth. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerApiIntegrationTests {

    @TempDir
    static Path data;

    private SwiftApi swift;

    @BeforeAll
    void start() throws Exception {
        swift = SwiftApi.start(data);
    }

    @AfterAll
    void stop() {
        swift.close();
    }

    @Test
    void createsShowsListsAndDeletesAContainer() throws Exception {
        HttpResponse<String> created = swift.send("PUT", "AUTH_test/life");
        HttpResponse<String> again = swift.send("PUT", "AUTH_test/life");
        HttpResponse<String> head = swift.send("HEAD", "AUTH_test/life");
        HttpResponse<String> plain = swift.send("GET", "AUTH_test/life");
        HttpResponse<String> json = swift.send("GET", "AUTH_test/life?format=json");
        HttpResponse<String> deleted = swift.send("DELETE", "AUTH_test/life");
        HttpResponse<String> deletedAgain = swift.send("DELETE", "AUTH_test/life");
        HttpResponse<String> gone = swift.send("HEAD", "AUTH_test/life");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(created.headers().firstValue("Content-Length")).hasValue("0");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo("<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>");
        assertThat(head.statusCode()).isEqualTo(204);
        assertThat(head.headers().firstValue("X-Container-Object-Count")).hasValue("0");
        assertThat(head.headers().firstValue("X-Container-Bytes-Used")).hasValue("0");
        assertThat(head.headers().firstValue("X-Storage-Policy")).hasValue("Policy-0");
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(head.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(head.headers().firstValue("X-Timestamp")).isPresent();
        assertThat(head.headers().firstValue("Last-Modified")).isPresent();
        assertThat(head.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("x-backend-"));
        assertThat(plain.statusCode()).isEqualTo(204);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("[]");
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deletedAgain.statusCode()).isEqualTo(404);
        assertThat(gone.statusCode()).isEqualTo(404);
    }
}
