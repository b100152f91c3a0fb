package io.ringway.federation.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of AWS's "Signature Calculations for the Authorization Header" page, signed again. */
class SigV4Tests {

    private static final SigV4 SIGNER = new SigV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "us-east-1", "s3");
    private static final Instant WHEN = Instant.parse("2013-05-24T00:00:00Z");
    private static final String CREDENTIAL = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request";

    @Test
    void signsAGetObjectWithARange() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Range", "bytes=0-9");

        Map<String, String> added = SIGNER.sign("GET", "/test.txt", Map.of(), headers, SigV4.EMPTY_PAYLOAD, WHEN);

        assertThat(added).containsEntry("x-amz-date", "20130524T000000Z")
                .containsEntry("x-amz-content-sha256", SigV4.EMPTY_PAYLOAD)
                .containsEntry("Authorization", CREDENTIAL + ", SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void signsAPutObjectWhosePathNeedsEncoding() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Date", "Fri, 24 May 2013 00:00:00 GMT");
        headers.put("x-amz-storage-class", "REDUCED_REDUNDANCY");

        Map<String, String> added = SIGNER.sign("PUT", "/" + SigV4.encode("test$file.text", false), Map.of(), headers,
                "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072", WHEN);

        assertThat(added.get("Authorization")).isEqualTo(CREDENTIAL
                + ", SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
                + " Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    @Test
    void signsAListingWithItsQuerySorted() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("prefix", "J");
        query.put("max-keys", "2");

        Map<String, String> added = SIGNER.sign("GET", "/", query, Map.of("host", "examplebucket.s3.amazonaws.com"),
                SigV4.EMPTY_PAYLOAD, WHEN);

        assertThat(SigV4.canonicalQuery(query)).isEqualTo("max-keys=2&prefix=J");
        assertThat(added.get("Authorization")).isEqualTo(CREDENTIAL
                + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
                + " Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    @Test
    void encodesAllButTheUnreservedCharactersAndKeepsSlashesInPaths() {
        assertThat(SigV4.encode("a b/c+d~e_f.g-h*é", false)).isEqualTo("a%20b/c%2Bd~e_f.g-h%2A%C3%A9");
        assertThat(SigV4.encode("a/b=c", true)).isEqualTo("a%2Fb%3Dc");
    }
}
