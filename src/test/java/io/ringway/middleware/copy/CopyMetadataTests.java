package io.ringway.middleware.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.middleware.copy.CopyHarness.Result;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** What the destination inherits from the source and the request (test_copy.py's header scenarios). */
class CopyMetadataTests {

    private final CopyHarness harness = new CopyHarness();
    private final FakeSwift swift = harness.swift;

    CopyMetadataTests() {
        swift.object("/v1/a/c/o", "original body", "Content-Type", "text/original", "Content-Encoding", "gzip",
                "Content-Disposition", "attachment; filename=myfile", "X-Object-Meta-Test", "original",
                "X-Object-Sysmeta-Test", "original", "X-Object-Transient-Sysmeta-Test", "original", "X-Foo", "Bar",
                "X-Backend-Timestamp", "1735689600.00000", "X-Delete-At", "1900000000",
                "X-Object-Sysmeta-Container-Update-Override-Etag", "etag val");
    }

    @Test
    void keepsTheSourcesHeadersExceptTimestamps() {
        HttpHeaders put = copy();

        assertThat(put.getFirst("Content-Type")).isEqualTo("text/original");
        assertThat(put.getFirst("Content-Encoding")).isEqualTo("gzip");
        assertThat(put.getFirst("Content-Disposition")).isEqualTo("attachment; filename=myfile");
        assertThat(put.getFirst("X-Object-Meta-Test")).isEqualTo("original");
        assertThat(put.getFirst("X-Object-Sysmeta-Test")).isEqualTo("original");
        assertThat(put.getFirst("X-Object-Transient-Sysmeta-Test")).isEqualTo("original");
        assertThat(put.getFirst("X-Delete-At")).isEqualTo("1900000000");
        assertThat(put.getFirst("X-Object-Sysmeta-Container-Update-Override-Etag")).isEqualTo("etag val");
        assertThat(put.getFirst("X-Foo")).isEqualTo("Bar");
        assertThat(put.containsHeader("X-Timestamp")).isFalse();
        assertThat(put.containsHeader("X-Backend-Timestamp")).isFalse();
        assertThat(put.getFirst("Etag")).isEqualTo(FakeSwift.md5("original body".getBytes()));
    }

    @Test
    void letsTheRequestsHeadersWin() {
        HttpHeaders put = copy("Content-Type", "text/not_original", "Content-Encoding", "not_gzip",
                "X-Object-Meta-Test", "not_original", "X-Object-Sysmeta-Test", "not_original",
                "X-Object-Transient-Sysmeta-Test", "not_original", "X-Foo", "Not Bar");

        assertThat(put.getFirst("Content-Type")).isEqualTo("text/not_original");
        assertThat(put.getFirst("Content-Encoding")).isEqualTo("not_gzip");
        assertThat(put.getFirst("Content-Disposition")).isEqualTo("attachment; filename=myfile");
        assertThat(put.getFirst("X-Object-Meta-Test")).isEqualTo("not_original");
        assertThat(put.getFirst("X-Object-Sysmeta-Test")).isEqualTo("not_original");
        assertThat(put.getFirst("X-Object-Transient-Sysmeta-Test")).isEqualTo("not_original");
        assertThat(put.getFirst("X-Foo")).isEqualTo("Not Bar");
    }

    @Test
    void freshMetadataKeepsOnlyTheSourcesSysmetaAndContentType() {
        HttpHeaders put = copy("X-Fresh-Metadata", "true", "X-Extra", "Fresh");

        assertThat(put.getFirst("Content-Type")).isEqualTo("text/original");
        assertThat(put.getFirst("X-Extra")).isEqualTo("Fresh");
        assertThat(put.getFirst("X-Object-Sysmeta-Test")).isEqualTo("original");
        assertThat(put.containsHeader("X-Fresh-Metadata")).isTrue();
        assertThat(put.containsHeader("X-Object-Meta-Test")).isFalse();
        assertThat(put.containsHeader("X-Object-Transient-Sysmeta-Test")).isFalse();
        assertThat(put.containsHeader("X-Delete-At")).isFalse();
        assertThat(put.containsHeader("Content-Encoding")).isFalse();
        assertThat(put.containsHeader("Content-Disposition")).isFalse();
        assertThat(put.containsHeader("X-Foo")).isFalse();
    }

    @Test
    void freshMetadataTakesTheRequestsValues() {
        HttpHeaders put = copy("X-Fresh-Metadata", "true", "Content-Type", "text/not_original",
                "X-Object-Meta-Test", "not_original", "X-Object-Sysmeta-Test", "not_original");

        assertThat(put.getFirst("Content-Type")).isEqualTo("text/not_original");
        assertThat(put.getFirst("X-Object-Meta-Test")).isEqualTo("not_original");
        assertThat(put.getFirst("X-Object-Sysmeta-Test")).isEqualTo("not_original");
    }

    @Test
    void answersWithTheDestinationsMetadata() {
        Result result = harness.run("COPY", "/v1/a/c/o", "Destination", "c/o2", "X-Object-Meta-Ours", "okay");

        assertThat(result.headers().getFirst("X-Object-Meta-Ours")).isEqualTo("okay");
        assertThat(result.headers().getFirst("X-Object-Meta-Test")).isEqualTo("original");
        assertThat(result.headers().getFirst("X-Object-Transient-Sysmeta-Test")).isEqualTo("original");
        assertThat(result.headers().getFirst("X-Delete-At")).isEqualTo("1900000000");
        assertThat(result.headers().containsHeader("X-Foo")).isFalse();
    }

    @Test
    void copiesARangeWithoutTheSourcesEtagOrContainerOverrides() {
        Result result = harness.run("COPY", "/v1/a/c/o", "Destination", "c1/o", "Range", "bytes=2-5");

        assertThat(result.status()).isEqualTo(201);
        HttpHeaders put = swift.call(1).headers();
        assertThat(put.containsHeader("Etag")).isFalse();
        assertThat(put.containsHeader("X-Object-Sysmeta-Container-Update-Override-Etag")).isFalse();
        assertThat(put.getContentLength()).isEqualTo(4);
        assertThat(new String(swift.objects.get("/v1/a/c1/o").body())).isEqualTo("igin");
        assertThat(swift.call(0).headers().getFirst("Range")).isEqualTo("bytes=2-5");
    }

    @Test
    void readsManifestsRawAndWritesThemBackAsManifests() {
        swift.object("/v1/a/c/slo", "[]", "X-Static-Large-Object", "True");
        swift.object("/v1/a/c/dlo", "", "X-Object-Manifest", "segs/prefix");

        harness.run("PUT", "/v1/a/c/slo2?multipart-manifest=get&version-id=1", "X-Copy-From", "c/slo");
        harness.run("PUT", "/v1/a/c/dlo2?multipart-manifest=get", "X-Copy-From", "c/dlo");

        assertThat(swift.call(0).query()).isEqualTo("multipart-manifest=get&version-id=1&format=raw");
        assertThat(swift.call(1).query()).isEqualTo("multipart-manifest=put");
        assertThat(swift.call(1).headers().containsHeader("Etag")).isFalse();
        assertThat(swift.call(1).headers().containsHeader("X-Static-Large-Object")).isFalse();
        assertThat(swift.call(3).query()).isNull();
        assertThat(swift.call(3).headers().getFirst("X-Object-Manifest")).isEqualTo("segs/prefix");
        assertThat(swift.call(3).headers().containsHeader("Etag")).isTrue();
    }

    @Test
    void copiesADynamicLargeObjectsContentWithoutItsManifestOrEtag() {
        swift.object("/v1/a/c/dlo", "joined segments", "X-Object-Manifest", "segs/prefix");

        harness.run("COPY", "/v1/a/c/dlo", "Destination", "c/flat");

        HttpHeaders put = swift.call(1).headers();
        assertThat(put.containsHeader("X-Object-Manifest")).isFalse();
        assertThat(put.containsHeader("Etag")).isFalse();
    }

    private HttpHeaders copy(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Destination";
        all[1] = "c/o-copy";
        System.arraycopy(headers, 0, all, 2, headers.length);
        Result result = harness.run("COPY", "/v1/a/c/o", all);
        assertThat(result.status()).isEqualTo(201);
        assertThat(swift.requests()).containsExactly("GET /v1/a/c/o", "PUT /v1/a/c/o-copy");
        return swift.call(1).headers();
    }
}
