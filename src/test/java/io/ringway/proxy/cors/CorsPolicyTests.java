package io.ringway.proxy.cors;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.proxy.ProxySettings;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Swift's CORS rules, ported from test/unit/proxy/test_server.py ({@code TestReplicatedObjectController
 * .test_OPTIONS}, {@code test_CORS_valid_non_strict}, {@code test_CORS_valid_strict},
 * {@code test_CORS_valid_with_obj_headers}, {@code test_CORS_expose_headers}).
 */
class CorsPolicyTests {

    private static final Set<String> OBJECT_METHODS = Set.of("OPTIONS", "GET", "POST", "PUT", "DELETE", "HEAD");
    private static final String ALLOW = "HEAD, GET, PUT, POST, OPTIONS, DELETE";
    private static final Set<String> DEFAULT_EXPOSED = Set.of("cache-control", "content-language", "content-type",
            "expires", "last-modified", "pragma", "etag", "x-timestamp", "x-trans-id", "x-openstack-request-id");

    private static final CorsPolicy SWIFT_DEFAULTS = new CorsPolicy(ProxySettings.DEFAULTS);

    private static CorsPolicy policy(List<String> allowOrigin, boolean strict, List<String> expose) {
        return new CorsPolicy(new ProxySettings(false, false, 0, List.of(), allowOrigin, strict, expose));
    }

    private static HttpHeaders preflightRequest(@Nullable String method) {
        HttpHeaders request = new HttpHeaders();
        if (method != null) {
            request.set(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method);
        }
        return request;
    }

    private static Set<String> split(String list, String separator) {
        return Arrays.stream(list.split(separator)).map(String::strip).collect(Collectors.toSet());
    }

    @Test
    void refusesAPreflightWhenNeitherContainerNorProxyAllowsTheOrigin() {
        assertThat(SWIFT_DEFAULTS.preflight(OBJECT_METHODS, ALLOW, ContainerCors.NONE, "http://foo.com",
                preflightRequest("GET"))).isNull();
        assertThat(SWIFT_DEFAULTS.preflight(OBJECT_METHODS, ALLOW, new ContainerCors("", null, null),
                "http://foo.com", preflightRequest("GET"))).isNull();
    }

    @Test
    void answersAnAllowedPreflightWithOriginMethodsAndMaxAge() {
        ContainerCors cors = new ContainerCors("http://foo.bar:8080 https://foo.bar", null, "999");

        HttpHeaders headers = SWIFT_DEFAULTS.preflight(OBJECT_METHODS, ALLOW, cors, "https://foo.bar",
                preflightRequest("GET"));

        assertThat(headers).isNotNull();
        assertThat(headers.getFirst("Access-Control-Allow-Origin")).isEqualTo("https://foo.bar");
        assertThat(headers.getFirst("Vary")).isEqualTo("Origin");
        assertThat(split(headers.getFirst("Access-Control-Allow-Methods"), ","))
                .containsExactlyInAnyOrder("OPTIONS", "GET", "POST", "PUT", "DELETE", "HEAD");
        assertThat(headers.getFirst("Access-Control-Max-Age")).isEqualTo("999");
        assertThat(headers.getFirst("Allow")).isEqualTo(ALLOW);
        assertThat(headers.containsHeader("Access-Control-Allow-Headers")).isFalse();
    }

    @Test
    void refusesAPreflightWithoutOrWithAnUnknownRequestMethod() {
        ContainerCors cors = new ContainerCors("https://foo.bar", null, null);

        assertThat(SWIFT_DEFAULTS.preflight(OBJECT_METHODS, ALLOW, cors, "https://foo.bar", preflightRequest(null)))
                .isNull();
        assertThat(SWIFT_DEFAULTS.preflight(OBJECT_METHODS, ALLOW, cors, "https://foo.bar",
                preflightRequest("PATCH"))).isNull();
    }

    @Test
    void allowsOriginsOfTheProxysCorsAllowOrigin() {
        CorsPolicy proxy = policy(List.of("http://foo.bar"), true, List.of());

        HttpHeaders headers = proxy.preflight(OBJECT_METHODS, ALLOW, ContainerCors.NONE, "http://foo.bar",
                preflightRequest("GET"));

        assertThat(headers).isNotNull();
        assertThat(headers.getFirst("Vary")).isEqualTo("Origin");
        assertThat(proxy.preflight(OBJECT_METHODS, ALLOW, ContainerCors.NONE, "http://other",
                preflightRequest("GET"))).isNull();
    }

    @Test
    void answersAWildcardContainerWithAStarAndNoVary() {
        ContainerCors cors = new ContainerCors("*", null, "999");

        HttpHeaders headers = SWIFT_DEFAULTS.preflight(OBJECT_METHODS, ALLOW, cors, "https://bar.baz",
                preflightRequest("GET"));

        assertThat(headers).isNotNull();
        assertThat(headers.getFirst("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(headers.containsHeader("Vary")).isFalse();
        assertThat(headers.getFirst("Access-Control-Max-Age")).isEqualTo("999");
    }

    @Test
    void echoesTheRequestedHeadersOnceEach() {
        HttpHeaders request = preflightRequest("PUT");
        request.add(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-auth-token, content-type,");
        request.add(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-auth-token");

        HttpHeaders headers = SWIFT_DEFAULTS.preflight(OBJECT_METHODS, ALLOW, new ContainerCors("*", null, null),
                "http://a", request);

        assertThat(headers).isNotNull();
        assertThat(split(headers.getFirst("Access-Control-Allow-Headers"), ","))
                .containsExactlyInAnyOrder("x-auth-token", "content-type");
        assertThat(headers.getFirst("Vary")).isEqualTo("Access-Control-Request-Headers");
    }

    private static HttpHeaders objectGet() {
        HttpHeaders response = new HttpHeaders();
        response.set("X-Object-Meta-Color", "red");
        response.set("X-Super-Secret", "hush");
        return response;
    }

    @Test
    void nonStrictModeExposesHeadersToOriginsTheContainerDoesNotAllow() {
        HttpHeaders response = objectGet();
        policy(List.of(), false, List.of()).decorate(response,
                new ContainerCors("http://not.foo.bar", "X-Object-Meta-Color X-Object-Meta-Color-Ex", null),
                "http://foo.bar");

        assertThat(response.getFirst("Access-Control-Allow-Origin")).isEqualTo("http://foo.bar");
        assertThat(response.getFirst("Vary")).isEqualTo("Origin");
        assertThat(response.getFirst("X-Super-Secret")).isEqualTo("hush");
        assertThat(split(response.getFirst("Access-Control-Expose-Headers"), ","))
                .containsExactlyInAnyOrderElementsOf(union(DEFAULT_EXPOSED, "x-object-meta-color",
                        "x-object-meta-color-ex"));
    }

    @Test
    void nonStrictModeAnswersAStarOrTheOrigin() {
        CorsPolicy lax = policy(List.of(), false, List.of());
        HttpHeaders star = objectGet();
        HttpHeaders empty = objectGet();

        lax.decorate(star, new ContainerCors("*", null, null), "http://foo.bar");
        lax.decorate(empty, new ContainerCors("", null, null), "http://foo.bar");

        assertThat(star.getFirst("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(star.containsHeader("Vary")).isFalse();
        assertThat(empty.getFirst("Access-Control-Allow-Origin")).isEqualTo("http://foo.bar");
        assertThat(empty.getFirst("Vary")).isEqualTo("Origin");
    }

    @Test
    void strictModeAddsNothingForAnOriginThatIsNotAllowed() {
        HttpHeaders other = objectGet();
        HttpHeaders empty = objectGet();

        SWIFT_DEFAULTS.decorate(other, new ContainerCors("http://not.foo.bar", "X-Object-Meta-Color", null),
                "http://foo.bar");
        SWIFT_DEFAULTS.decorate(empty, new ContainerCors("", null, null), "http://foo.bar");

        for (HttpHeaders response : List.of(other, empty)) {
            assertThat(response.containsHeader("Access-Control-Expose-Headers")).isFalse();
            assertThat(response.containsHeader("Access-Control-Allow-Origin")).isFalse();
            assertThat(response.containsHeader("Vary")).isFalse();
        }
    }

    @Test
    void strictModeExposesObjectMetadataToAllowedOrigins() {
        HttpHeaders star = objectGet();
        HttpHeaders proxyAllowed = objectGet();

        SWIFT_DEFAULTS.decorate(star, new ContainerCors("*", null, null), "http://foo.bar");
        policy(List.of("http://foo.bar"), true, List.of()).decorate(proxyAllowed, new ContainerCors("", null, null),
                "http://foo.bar");

        assertThat(star.getFirst("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(star.containsHeader("Vary")).isFalse();
        assertThat(split(star.getFirst("Access-Control-Expose-Headers"), ","))
                .containsExactlyInAnyOrderElementsOf(union(DEFAULT_EXPOSED, "x-object-meta-color"));
        assertThat(proxyAllowed.getFirst("Access-Control-Allow-Origin")).isEqualTo("http://foo.bar");
        assertThat(proxyAllowed.getFirst("Vary")).isEqualTo("Origin");
    }

    @Test
    void keepsCorsHeadersTheAnswerAlreadyHas() {
        HttpHeaders response = objectGet();
        response.set("Access-Control-Allow-Origin", "http://obj.origin");
        response.set("Access-Control-Expose-Headers", "x-trans-id");

        SWIFT_DEFAULTS.decorate(response, new ContainerCors("http://foo.bar", null, null), "http://foo.bar");

        assertThat(response.getFirst("Access-Control-Allow-Origin")).isEqualTo("http://obj.origin");
        assertThat(response.getFirst("Access-Control-Expose-Headers")).isEqualTo("x-trans-id");
    }

    @Test
    void exposesTheOperatorsAndTheContainersHeaders() {
        ContainerCors container = new ContainerCors("http://foo.bar", null, null);
        HttpHeaders byDefault = customHeaders();
        HttpHeaders byOperator = customHeaders();
        HttpHeaders byUser = customHeaders();

        policy(List.of(), false, List.of()).decorate(byDefault, container, "http://foo.bar");
        policy(List.of(), false, List.of("x-custom-operator")).decorate(byOperator, container, "http://foo.bar");
        policy(List.of(), false, List.of()).decorate(byUser, new ContainerCors("http://foo.bar", "x-custom-user", null),
                "http://foo.bar");

        assertThat(split(byDefault.getFirst("Access-Control-Expose-Headers"), ","))
                .containsExactlyInAnyOrderElementsOf(DEFAULT_EXPOSED);
        assertThat(split(byOperator.getFirst("Access-Control-Expose-Headers"), ","))
                .containsExactlyInAnyOrderElementsOf(union(DEFAULT_EXPOSED, "x-custom-operator"));
        assertThat(split(byUser.getFirst("Access-Control-Expose-Headers"), ","))
                .containsExactlyInAnyOrderElementsOf(union(DEFAULT_EXPOSED, "x-custom-user"));
    }

    @Test
    void takesTheProxysListsAsSwiftSplitsThem() {
        ProxySettings settings = new ProxySettings(false, false, 0, List.of(), List.of(" http://a ", ""), true,
                List.of(" x-b", " "));

        assertThat(settings.corsAllowOrigin()).containsExactly("http://a");
        assertThat(settings.corsExposeHeaders()).containsExactly("x-b");
    }

    private static HttpHeaders customHeaders() {
        HttpHeaders response = new HttpHeaders();
        response.set("X-Custom-Operator", "hush");
        response.set("X-Custom-User", "hush");
        return response;
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
