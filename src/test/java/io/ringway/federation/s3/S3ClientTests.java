package io.ringway.federation.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.federation.TargetHttp;
import io.ringway.federation.TargetLimits;
import io.ringway.federation.TargetProperties;
import io.ringway.federation.wire.Origin;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class S3ClientTests {

    @Test
    void pathStyleNamesTheBucketInThePathAndKeepsTheEndpointsPort() {
        S3Client client = client("http://127.0.0.1:9000/s3/", TargetProperties.UrlStyle.PATH);

        assertThat(client.locate("photos", "dir/a b+c")).isEqualTo(new S3Client.Location(
                new Origin(false, "127.0.0.1", 9000, "127.0.0.1:9000"), "/s3/photos/dir/a%20b%2Bc"));
        assertThat(client.locate(null, null).path()).isEqualTo("/s3");
    }

    @Test
    void virtualHostStyleNamesTheBucketInTheHostAndLeavesDefaultPortsOut() {
        S3Client client = client("https://s3.eu-west-1.amazonaws.com", TargetProperties.UrlStyle.VIRTUAL_HOST);

        assertThat(client.locate("photos", "a")).isEqualTo(new S3Client.Location(new Origin(true,
                "photos.s3.eu-west-1.amazonaws.com", 443, "photos.s3.eu-west-1.amazonaws.com"), "/a"));
        assertThat(client.locate("photos", null).path()).isEqualTo("/");
        assertThat(client.locate(null, null).host()).isEqualTo("s3.eu-west-1.amazonaws.com");
    }

    private static S3Client client(String endpoint, TargetProperties.UrlStyle style) {
        TargetProperties properties = new TargetProperties(io.ringway.federation.TargetType.S3, null, null, null, null,
                null, null, "", URI.create(endpoint), "eu-west-1", "ak", "sk", style, "{container}", null,
                new TargetProperties.Tls(true, null, null, "PKCS12"));
        return new S3Client(new TargetHttp("t", TargetLimits.BUILT_IN, properties.tls(), false), properties,
                Clock.systemUTC());
    }
}
