package io.ringway.middleware.tempauth;

import static io.ringway.middleware.tempauth.TempAuthHarness.body;
import static io.ringway.middleware.tempauth.TempAuthHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.api.error.GatewayException;
import io.ringway.middleware.Authorize;
import io.ringway.middleware.RequestContext;
import io.ringway.middleware.acl.AccountAcls;
import io.ringway.middleware.acl.ContainerAcls;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** Authorization of account requests: scenarios of Swift's {@code test_tempauth.py}. */
class TempAuthAuthorizationTests {

    private static final String FORBIDDEN = "<html><h1>Forbidden</h1><p>Access was denied to this resource.</p></html>";

    private final TempAuthHarness harness = new TempAuthHarness();

    @Test
    void letsTheOwnerThroughAndRecordsWhoItIs() {
        MockServerWebExchange exchange = harness.run("GET", "/v1/AUTH_test/c/o", harness.tester());

        assertThat(harness.passed).hasSize(1);
        RequestContext context = RequestContext.of(harness.passed.get(0));
        assertThat(context.swiftOwner()).isTrue();
        assertThat(context.identity()).isNotNull();
        assertThat(context.identity().user()).isEqualTo("test:tester");
        assertThat(context.identity().groups()).containsExactly("test", "test:tester", "AUTH_test", "SERVICE_test");
        assertThat(exchange.getResponse().getStatusCode()).isNull();
    }

    @Test
    void refusesAnonymousRequestsWith401NamingTheAccount() {
        MockServerWebExchange exchange = harness.run("GET", "/v1/AUTH_test/c", null);

        assertThat(status(exchange)).isEqualTo(401);
        assertThat(exchange.getResponse().getHeaders().getFirst("Www-Authenticate"))
                .isEqualTo("Swift realm=\"AUTH_test\"");
        assertThat(harness.passed).isEmpty();
    }

    @Test
    void refusesInvalidAndExpiredTokensWith401() {
        String token = harness.tester();
        assertThat(status(harness.run("GET", "/v1/AUTH_test", "AUTH_tkforged"))).isEqualTo(401);

        harness.clock.advance(Duration.ofDays(1));

        MockServerWebExchange expired = harness.run("GET", "/v1/AUTH_test", token);
        assertThat(status(expired)).isEqualTo(401);
        assertThat(expired.getResponse().getHeaders().getFirst("Www-Authenticate"))
                .isEqualTo("Swift realm=\"AUTH_test\"");
        assertThat(harness.passed).isEmpty();
    }

    @Test
    void acceptsTokensOfAReplicaWithTheSameSecret() {
        String token = new TempAuthHarness().tester();

        harness.run("HEAD", "/v1/AUTH_test", token);

        assertThat(harness.passed).hasSize(1);
    }

    @Test
    void acceptsTheTokenInXStorageToken() {
        harness.run("GET", "/v1/AUTH_test", null, "X-Storage-Token", harness.tester());

        assertThat(harness.passed).hasSize(1);
    }

    @Test
    void refusesOtherUsersAndOtherAccountsWith403() {
        MockServerWebExchange notAdmin = harness.run("GET", "/v1/AUTH_test/c", harness.tester3());
        MockServerWebExchange otherAccount = harness.run("GET", "/v1/AUTH_test2/c", harness.tester());

        assertThat(status(notAdmin)).isEqualTo(403);
        assertThat(body(notAdmin)).isEqualTo(FORBIDDEN);
        assertThat(status(otherAccount)).isEqualTo(403);
        assertThat(harness.passed).isEmpty();
    }

    @Test
    void refusesAccountsOfOtherResellerPrefixes() {
        assertThat(status(harness.run("GET", "/v1/OTHER_test", harness.tester()))).isEqualTo(403);
        assertThat(status(harness.run("GET", "/v1/OTHER_test", null))).isEqualTo(401);
        assertThat(harness.passed).isEmpty();
    }

    @Test
    void leavesForeignAccountsToAnEarlierAuthStage() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                org.springframework.mock.http.server.reactive.MockServerHttpRequest.get("/v1/KEY_abc").build());
        RequestContext.of(exchange).identity(new RequestContext.Identity("k:user", List.of("k", "k:user")));

        harness.stage.handle(exchange, passing -> {
            harness.passed.add(passing);
            return reactor.core.publisher.Mono.empty();
        }).block();

        assertThat(harness.passed).hasSize(1);
    }

    @Test
    void letsNonAccountPathsThrough() {
        harness.run("GET", "/info", null);
        harness.run("GET", "/crossdomain.xml", null);

        assertThat(harness.passed).hasSize(2);
    }

    @Test
    void letsRequestsAnEarlierStageAuthorizedThrough() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                org.springframework.mock.http.server.reactive.MockServerHttpRequest.get("/v1/AUTH_test/c/o").build());
        RequestContext.of(exchange).authorizeOverride(true);

        harness.stage.handle(exchange, passing -> {
            harness.passed.add(passing);
            return reactor.core.publisher.Mono.empty();
        }).block();

        assertThat(harness.passed).hasSize(1);
    }

    @Test
    void resellerAdminOwnsEveryAccountButTheReservedOnes() {
        String admin = harness.admin();

        harness.run("GET", "/v1/AUTH_test2/c", admin);
        harness.run("PUT", "/v1/AUTH_newaccount", admin);
        harness.run("DELETE", "/v1/AUTH_test", admin);

        assertThat(harness.passed).hasSize(3);
        assertThat(RequestContext.of(harness.passed.get(0)).swiftOwner()).isTrue();
        assertThat(status(harness.run("GET", "/v1/AUTH_", admin))).isEqualTo(403);
        assertThat(status(harness.run("GET", "/v1/AUTH_.reserved", admin))).isEqualTo(403);
    }

    @Test
    void accountAdminMayNotCreateOrDeleteItsAccount() {
        String tester = harness.tester();

        assertThat(status(harness.run("PUT", "/v1/AUTH_test", tester))).isEqualTo(403);
        assertThat(status(harness.run("DELETE", "/v1/AUTH_test", tester))).isEqualTo(403);
        harness.run("POST", "/v1/AUTH_test", tester);
        harness.run("DELETE", "/v1/AUTH_test/c", tester);
        assertThat(harness.passed).hasSize(2);
    }

    @Test
    void letsOptionsThroughForPreflight() {
        harness.run("OPTIONS", "/v1/AUTH_test/c/o", null);

        assertThat(harness.passed).hasSize(1);
        assertThat(RequestContext.of(harness.passed.get(0)).swiftOwner()).isFalse();
    }

    @Test
    void grantsObjectReadsAndListingsThroughTheReadAcl() {
        harness.containers.put("AUTH_test/c", new ContainerAcls("test:tester3", null));
        String tester3 = harness.tester3();

        harness.run("GET", "/v1/AUTH_test/c/o", tester3);
        harness.run("HEAD", "/v1/AUTH_test/c", tester3);
        assertThat(harness.passed).hasSize(2);
        assertThat(RequestContext.of(harness.passed.get(0)).swiftOwner()).isFalse();

        assertThat(status(harness.run("PUT", "/v1/AUTH_test/c/o", tester3))).isEqualTo(403);
        assertThat(status(harness.run("POST", "/v1/AUTH_test/c", tester3))).isEqualTo(403);
        assertThat(status(harness.run("GET", "/v1/AUTH_test/other/o", tester3))).isEqualTo(403);
    }

    @Test
    void grantsObjectWritesThroughTheWriteAclByAccountOrUser() {
        harness.containers.put("AUTH_test/c", new ContainerAcls(null, "test"));
        harness.containers.put("AUTH_test/d", new ContainerAcls(null, "test:tester2"));
        String tester3 = harness.tester3();

        harness.run("PUT", "/v1/AUTH_test/c/o", tester3);
        harness.run("DELETE", "/v1/AUTH_test/c/o", tester3);
        assertThat(harness.passed).hasSize(2);

        assertThat(status(harness.run("GET", "/v1/AUTH_test/c/o", tester3))).isEqualTo(403);
        assertThat(status(harness.run("PUT", "/v1/AUTH_test/d/o", tester3))).isEqualTo(403);
        assertThat(status(harness.run("DELETE", "/v1/AUTH_test/c", tester3))).isEqualTo(403);
    }

    @Test
    void referrerRulesGrantObjectsButListingsOnlyWithRlistings() {
        harness.containers.put("AUTH_test/pub", new ContainerAcls(".r:*", null));
        harness.containers.put("AUTH_test/list", new ContainerAcls(".r:*,.rlistings", null));

        harness.run("GET", "/v1/AUTH_test/pub/o", null);
        harness.run("GET", "/v1/AUTH_test/list", null);
        harness.run("GET", "/v1/AUTH_test/list", harness.tester3());
        assertThat(harness.passed).hasSize(3);

        assertThat(status(harness.run("GET", "/v1/AUTH_test/pub", null))).isEqualTo(401);
        assertThat(status(harness.run("GET", "/v1/AUTH_test/pub", harness.tester3()))).isEqualTo(403);
        assertThat(status(harness.run("PUT", "/v1/AUTH_test/pub/o", null))).isEqualTo(401);
    }

    @Test
    void referrerRulesMatchTheRefererHostInOrder() {
        harness.containers.put("AUTH_test/c", new ContainerAcls(".r:.example.com,.r:-thief.example.com", null));

        harness.run("GET", "/v1/AUTH_test/c/o", null, "Referer", "http://www.example.com/index.html");
        assertThat(harness.passed).hasSize(1);

        assertThat(status(harness.run("GET", "/v1/AUTH_test/c/o", null, "Referer", "http://thief.example.com/")))
                .isEqualTo(401);
        assertThat(status(harness.run("GET", "/v1/AUTH_test/c/o", null))).isEqualTo(401);
    }

    @Test
    void accountReadOnlyAclGrantsReadsOnly() {
        harness.accounts.put("AUTH_test", new AccountAcls(List.of(), List.of(), List.of("test:tester3")));
        String tester3 = harness.tester3();

        harness.run("GET", "/v1/AUTH_test", tester3);
        harness.run("HEAD", "/v1/AUTH_test/c/o", tester3);
        assertThat(harness.passed).hasSize(2);

        assertThat(status(harness.run("PUT", "/v1/AUTH_test/c/o", tester3))).isEqualTo(403);
        assertThat(status(harness.run("POST", "/v1/AUTH_test", tester3))).isEqualTo(403);
    }

    @Test
    void accountReadWriteAclGrantsContainersAndObjectsButOnlyReadingTheAccount() {
        harness.accounts.put("AUTH_test", new AccountAcls(List.of(), List.of("test:tester3"), List.of()));
        String tester3 = harness.tester3();

        harness.run("PUT", "/v1/AUTH_test/c", tester3);
        harness.run("DELETE", "/v1/AUTH_test/c/o", tester3);
        harness.run("GET", "/v1/AUTH_test", tester3);
        assertThat(harness.passed).hasSize(3);
        assertThat(RequestContext.of(harness.passed.get(0)).swiftOwner()).isFalse();

        assertThat(status(harness.run("POST", "/v1/AUTH_test", tester3))).isEqualTo(403);
    }

    @Test
    void accountAdminAclMakesTheUserAnOwner() {
        harness.accounts.put("AUTH_test2", new AccountAcls(List.of("test"), List.of(), List.of()));

        harness.run("POST", "/v1/AUTH_test2", harness.tester3());

        assertThat(harness.passed).hasSize(1);
        assertThat(RequestContext.of(harness.passed.get(0)).swiftOwner()).isTrue();
    }

    @Test
    void serviceAccountsNeedTheUserTokenAndAServiceToken() {
        String tester = harness.tester();
        String service = harness.tester5();

        assertThat(status(harness.run("GET", "/v1/SERVICE_test", tester))).isEqualTo(403);
        assertThat(status(harness.run("GET", "/v1/SERVICE_test", tester, "X-Service-Token", harness.tester3())))
                .isEqualTo(403);
        assertThat(status(harness.run("GET", "/v1/SERVICE_test", service))).isEqualTo(403);
        assertThat(status(harness.run("GET", "/v1/SERVICE_test", service, "X-Service-Token", service)))
                .isEqualTo(403);
        assertThat(status(harness.run("GET", "/v1/SERVICE_test", tester, "X-Service-Token", "AUTH_tkbad")))
                .isEqualTo(403);
        assertThat(harness.passed).isEmpty();

        harness.run("PUT", "/v1/SERVICE_test/c", tester, "X-Service-Token", service);

        assertThat(harness.passed).hasSize(1);
        RequestContext context = RequestContext.of(harness.passed.get(0));
        assertThat(context.swiftOwner()).isTrue();
        assertThat(context.identity().groups()).contains("test:tester", "test5:tester5", "service");
    }

    @Test
    void userAccountsNeedNoServiceToken() {
        harness.run("GET", "/v1/AUTH_test", harness.tester(), "X-Service-Token", harness.tester5());

        assertThat(harness.passed).hasSize(1);
    }

    @Test
    void refusesAnInvalidAccountAclWithSwiftsMessage() {
        MockServerWebExchange exchange = harness.run("POST", "/v1/AUTH_test", harness.tester(),
                "X-Account-Access-Control", "{\"read-write\":[\"fine\"],\"admin\":\"should be a list\"}");

        assertThat(status(exchange)).isEqualTo(400);
        assertThat(exchange.getResponse().getHeaders().getFirst("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(body(exchange)).isEqualTo("X-Account-Access-Control invalid: Value for key \"admin\" must be a "
                + "list\n\nInput: {\"read-write\":[\"fine\"],\"admin\":\"should be a list\"}\n");
        assertThat(harness.passed).isEmpty();
    }

    @Test
    void storesAValidAccountAclAsSysmeta() {
        harness.run("POST", "/v1/AUTH_test", harness.tester(), "X-Account-Access-Control",
                "{\"read-only\":[\"test:tester3\"]}");

        HttpHeaders passed = harness.passed.get(0).getRequest().getHeaders();
        assertThat(passed.getFirst("X-Account-Sysmeta-Core-Access-Control")).isEqualTo("{\"read-only\":[\"test:tester3\"]}");
        assertThat(passed.containsHeader("X-Account-Access-Control")).isFalse();
    }

    @Test
    void cleansContainerAclsAndRefusesInvalidOnes() {
        String tester = harness.tester();
        harness.run("POST", "/v1/AUTH_test/c", tester, "X-Container-Read", " .ref:*.example.com , , .rlistings");

        assertThat(harness.passed.get(0).getRequest().getHeaders().getFirst("X-Container-Read"))
                .isEqualTo(".r:.example.com,.rlistings");

        MockServerWebExchange bad = harness.run("PUT", "/v1/AUTH_test/c", tester, "X-Container-Write", ".r:*");
        assertThat(status(bad)).isEqualTo(400);
        assertThat(body(bad)).isEqualTo("Referrers not allowed in write ACL: '.r:*'");
        assertThat(harness.passed).hasSize(1);
    }

    @Test
    void dropsOwnerHeadersFromNonOwners() {
        harness.accounts.put("AUTH_test", new AccountAcls(List.of(), List.of("test:tester3"), List.of()));

        harness.run("PUT", "/v1/AUTH_test/c", harness.tester3(), "X-Container-Read", ".r:*", "X-Container-Meta-Color",
                "blue");

        HttpHeaders passed = harness.passed.get(0).getRequest().getHeaders();
        assertThat(passed.containsHeader("X-Container-Read")).isFalse();
        assertThat(passed.getFirst("X-Container-Meta-Color")).isEqualTo("blue");
    }

    @Test
    void authorizesACopyAsAReadOfItsObjectLeavingTheDestinationToTheCopyStage() {
        harness.containers.put("AUTH_test/src", new ContainerAcls("test:tester3", null));
        String tester3 = harness.tester3();

        harness.run("COPY", "/v1/AUTH_test/src/o", tester3, "Destination", "elsewhere/o2");
        assertThat(harness.passed).hasSize(1);

        assertThat(status(harness.run("COPY", "/v1/AUTH_test/dst/o", tester3, "Destination", "src/o2")))
                .isEqualTo(403);
        assertThat(harness.passed).hasSize(1);
    }

    @Test
    void leavesAnAuthorizeHookApplyingTheUsersAclsToOtherRequests() {
        harness.containers.put("AUTH_test/src", new ContainerAcls("test:tester3", null));
        harness.containers.put("AUTH_test/dst", new ContainerAcls(null, "test:tester3"));

        harness.run("PUT", "/v1/AUTH_test/dst/o2", harness.tester3(), "X-Copy-From", "src/o");

        Authorize hook = RequestContext.of(harness.passed.get(0)).authorize();
        assertThat(hook).isNotNull();
        assertThat(check(hook, "GET", "/v1/AUTH_test/src/o")).isNull();
        assertThat(check(hook, "PUT", "/v1/AUTH_test/dst/o3")).isNull();
        assertThat(check(hook, "GET", "/v1/AUTH_test/dst/o").status()).isEqualTo(403);
        assertThat(check(hook, "PUT", "/v1/AUTH_test/src/o2").status()).isEqualTo(403);
        assertThat(check(hook, "GET", "/v1/AUTH_test2/src/o").status()).isEqualTo(403);
    }

    @Test
    void refusesAnonymousOtherRequestsWith401NamingTheirAccount() {
        harness.containers.put("AUTH_test/pub", new ContainerAcls(".r:*", null));

        harness.run("GET", "/v1/AUTH_test/pub/o", null);

        Authorize hook = RequestContext.of(harness.passed.get(0)).authorize();
        assertThat(check(hook, "GET", "/v1/AUTH_test/pub/o2")).isNull();
        GatewayException refused = check(hook, "PUT", "/v1/AUTH_test2/pub/o2");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().getFirst("Www-Authenticate")).isEqualTo("Swift realm=\"AUTH_test2\"");
    }

    private static @Nullable GatewayException check(Authorize hook, String method, String path) {
        try {
            hook.check(MockServerHttpRequest.method(HttpMethod.valueOf(method), "http://localhost" + path).build())
                    .block();
            return null;
        } catch (GatewayException refused) {
            return refused;
        }
    }

    @Test
    void givesHeadRefusalsTheContentLengthOfSwiftsBody() {
        MockServerWebExchange exchange = harness.run("HEAD", "/v1/AUTH_test", null);

        assertThat(status(exchange)).isEqualTo(401);
        assertThat(exchange.getResponse().getHeaders().getContentLength()).isEqualTo(131);
    }

    @Test
    void withTheEmptyResellerPrefixOwnsEveryAccountAndRefusesBadTokens() {
        TempAuthHarness blank = new TempAuthHarness(new TempAuthConfig(List.of("''"), null, java.util.Map.of(), null,
                null, null, null, null, "secret"));
        String token = blank.token("test:tester", "testing");

        blank.run("GET", "/v1/test/c", token);
        assertThat(token).startsWith("tk");
        assertThat(blank.passed).hasSize(1);

        assertThat(status(blank.run("GET", "/v1/test/c", "garbage"))).isEqualTo(401);
        assertThat(status(blank.run("GET", "/v1/test/c", null))).isEqualTo(401);
        assertThat(status(blank.run("GET", "/v1/test2/c", token))).isEqualTo(403);
        assertThat(blank.passed).hasSize(1);
    }

    @Test
    void treatsAnEmptyTokenAsAnonymous() {
        harness.containers.put("AUTH_test/pub", new ContainerAcls(".r:*", null));

        harness.run("GET", "/v1/AUTH_test/pub/o", "");

        assertThat(harness.passed).hasSize(1);
        assertThat(RequestContext.of(harness.passed.get(0)).identity()).isNull();
    }
}
