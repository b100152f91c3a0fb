package io.ringway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Swift's defaults the other way round: {@code account_autocreate} off, {@code allow_account_management} on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountManagementIntegrationTests {

    @TempDir
    static Path data;

    private SwiftApi swift;
    private String reseller;

    @BeforeAll
    void start() throws Exception {
        swift = SwiftApi.start(data, "--ringway.proxy.account_autocreate=false",
                "--ringway.proxy.allow-account-management=true");
        reseller = swift.token("admin:admin", "admin");
    }

    @AfterAll
    void stop() {
        swift.close();
    }

    @Test
    void needsAnAccountCreatedBeforeItsContainersAndForgetsItOnceDeleted() throws Exception {
        HttpResponse<String> missing = swift.sendAs(reseller, "GET", "AUTH_managed");
        HttpResponse<String> noAccount = swift.sendAs(reseller, "PUT", "AUTH_managed/c");
        HttpResponse<String> noPost = swift.sendAs(reseller, "POST", "AUTH_managed", "X-Account-Meta-A", "b");
        HttpResponse<String> created = swift.sendAs(reseller, "PUT", "AUTH_managed", "X-Account-Meta-A", "b");
        HttpResponse<String> container = swift.sendAs(reseller, "PUT", "AUTH_managed/c");
        HttpResponse<String> head = swift.sendAs(reseller, "HEAD", "AUTH_managed");
        HttpResponse<String> withQuery = swift.sendAs(reseller, "DELETE", "AUTH_managed?bulk-delete");
        HttpResponse<String> deleted = swift.sendAs(reseller, "DELETE", "AUTH_managed");
        HttpResponse<String> gone = swift.sendAs(reseller, "GET", "AUTH_managed");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(noAccount.statusCode()).isEqualTo(404);
        assertThat(noPost.statusCode()).isEqualTo(404);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(container.statusCode()).isEqualTo(201);
        assertThat(head.statusCode()).isEqualTo(204);
        assertThat(head.headers().firstValue("X-Account-Meta-A")).hasValue("b");
        assertThat(head.headers().firstValue("X-Account-Container-Count")).hasValue("1");
        assertThat(withQuery.statusCode()).isEqualTo(400);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(gone.statusCode()).isEqualTo(410);
    }

    @Test
    void allowsEveryAccountMethod() throws Exception {
        HttpResponse<String> options = swift.sendAs(reseller, "PATCH", "AUTH_any");

        assertThat(options.statusCode()).isEqualTo(405);
        assertThat(options.headers().firstValue("Allow").orElseThrow().split(", "))
                .containsExactlyInAnyOrder("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");
    }
}
