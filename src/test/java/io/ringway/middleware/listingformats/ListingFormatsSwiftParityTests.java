package io.ringway.middleware.listingformats;

import static io.ringway.middleware.listingformats.ListingSamples.ACCOUNT_JSON;
import static io.ringway.middleware.listingformats.ListingSamples.ACCOUNT_PATH;
import static io.ringway.middleware.listingformats.ListingSamples.CONTAINER_JSON;
import static io.ringway.middleware.listingformats.ListingSamples.CONTAINER_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.listingformats.ListingExchange.Canned;
import io.ringway.middleware.listingformats.ListingExchange.Result;
import io.ringway.testing.PythonSwift;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * listing_formats against Swift 2.30.1's own {@code ListingFilter} (Debian's python3-swift) in
 * front of the same canned answers: status, body bytes, Content-Type, Content-Length and Vary,
 * for every combination of path, format, Accept, method and listing. Skipped where Python
 * cannot {@code import swift}.
 */
class ListingFormatsSwiftParityTests {

    // Runs each case through ListingFilter in front of an app giving the canned answer.
    private static final String SCRIPT = """
            import base64, json, logging, sys
            from swift.common.swob import Request
            from swift.common.middleware.listing_formats import ListingFilter
            out = []
            for case in json.load(open(sys.argv[1], encoding='utf-8')):
                def app(env, start_response, case=case):
                    body = case['body'].encode('utf-8')
                    headers = [('Content-Type', case['type'])]
                    if case['length']:
                        headers.append(('Content-Length', str(len(body))))
                    start_response(case['status'], headers)
                    return [body]
                headers = {'Accept': case['accept']} if case['accept'] is not None else {}
                req = Request.blank(case['uri'], environ={'REQUEST_METHOD': case['method']}, headers=headers)
                status, headers, body = req.call_application(ListingFilter(app, {}, logging.getLogger('lf')))
                out.append({'status': int(status.split()[0]), 'headers': {k.lower(): v for k, v in headers},
                            'body': base64.b64encode(b''.join(body)).decode('ascii')})
            print(json.dumps(out))
            """;

    private static final List<String> QUERIES = List.of("", "?format=json", "?format=xml", "?format=plain",
            "?format=foo", "?format=", "?limit=1&format=XML");
    private static final List<String> ACCEPTS = List.of("application/json", "text/xml", "text/*",
            "application/xml;q=0.5, text/plain;q=0.6", "image/png", "text/plain;;", "");

    @TempDir
    Path dir;

    record Case(String uri, String accept, String method, Canned answer) {
    }

    @Test
    void answersAsSwiftsListingFilterForEveryCombination() throws Exception {
        String python = PythonSwift.interpreter().orElse(null);
        Assumptions.assumeTrue(python != null, "python3 cannot import swift");
        List<Case> cases = cases();
        JsonMapper json = JsonMapper.shared();
        ArrayNode input = json.createArrayNode();
        for (Case c : cases) {
            ObjectNode node = input.addObject()
                    .put("uri", c.uri())
                    .put("method", c.method())
                    .put("status", c.answer().status() + (c.answer().status() == 200 ? " OK" : " X"))
                    .put("type", c.answer().contentType())
                    .put("body", c.answer().body())
                    .put("length", c.answer().withLength());
            node.put("accept", c.accept().equals("-") ? null : c.accept());
        }

        // A file, not an argument: the cases are longer than one argument may be.
        Path file = dir.resolve("cases.json");
        Files.writeString(file, input.toString(), StandardCharsets.UTF_8);
        JsonNode swift = json.readTree(PythonSwift.run(python, SCRIPT, file.toString()));

        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            JsonNode expected = swift.get(i);
            MockServerHttpRequest.BaseBuilder<?> request = ListingExchange.raw(HttpMethod.valueOf(c.method()), c.uri());
            if (!c.accept().equals("-")) {
                request.header("Accept", c.accept());
            }
            Result result = ListingExchange.run(request, c.answer());
            String label = c.method() + " " + c.uri() + " Accept: " + c.accept() + " <- " + c.answer().status();
            softly.assertThat(result.status()).as(label).isEqualTo(expected.get("status").asInt());
            softly.assertThat(result.body()).as(label)
                    .isEqualTo(Base64.getDecoder().decode(expected.get("body").asString()));
            for (String header : List.of("content-type", "content-length", "vary")) {
                JsonNode value = expected.get("headers").get(header);
                softly.assertThat(result.headers().getFirst(header)).as(label + " " + header)
                        .isEqualTo(value == null ? null : value.asString());
            }
        }
        softly.assertAll();
        assertThat(cases).hasSizeGreaterThan(500);
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        List<String> accepts = new ArrayList<>(ACCEPTS);
        accepts.add("-");
        for (String path : List.of(ACCOUNT_PATH, CONTAINER_PATH, CONTAINER_PATH + "/o")) {
            String listing = path.equals(ACCOUNT_PATH) ? ACCOUNT_JSON : CONTAINER_JSON;
            for (String query : QUERIES) {
                for (String accept : accepts) {
                    String uri = path + query;
                    String json = "application/json; charset=utf-8";
                    cases.add(new Case(uri, accept, "GET", new Canned(200, json, listing, true)));
                    cases.add(new Case(uri, accept, "GET", new Canned(200, json, "[]", true)));
                    cases.add(new Case(uri, accept, "HEAD", new Canned(204, json, "", true)));
                    cases.add(new Case(uri, accept, "GET", new Canned(404, "text/html; charset=UTF-8", "<p>x</p>", true)));
                }
            }
        }
        return cases;
    }
}
