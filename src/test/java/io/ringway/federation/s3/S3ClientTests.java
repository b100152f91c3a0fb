package io.ringway.federation.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.federation.TargetHttp;
import io.ringway.federation.TargetProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

class S3ClientTests {

    @Test
    void pathStyleNamesTheBucketInThePathAndKeepsTheEndpointsPort() {
        S3Client client = client("http://127.0.0.1:9000/s3/", TargetProperties.UrlStyle.PATH);

        assertThat(client.locate("photos", "dir/a b+c")).isEqualTo(new S3Client.Location("http://127.0.0.1:9000",
                "127.0.0.1:9000", "/s3/photos/dir/a%20b%2Bc"));
        assertThat(client.locate(null, null).path()).isEqualTo("/s3");
    }

    @Test
    void virtualHostStyleNamesTheBucketInTheHostAndLeavesDefaultPortsOut() {
        S3Client client = client("https://s3.eu-west-1.amazonaws.com", TargetProperties.UrlStyle.VIRTUAL_HOST);

        assertThat(client.locate("photos", "a")).isEqualTo(new S3Client.Location(
                "https://photos.s3.eu-west-1.amazonaws.com", "photos.s3.eu-west-1.amazonaws.com", "/a"));
        assertThat(client.locate("photos", null).path()).isEqualTo("/");
        assertThat(client.locate(null, null).host()).isEqualTo("s3.eu-west-1.amazonaws.com");
    }

    private static S3Client client(String endpoint, TargetProperties.UrlStyle style) {
        TargetProperties properties = new TargetProperties(io.ringway.federation.TargetType.S3, null, null, null, null,
                null, null, "", URI.create(endpoint), "eu-west-1", "ak", "sk", style, "{container}", null,
                new TargetProperties.Tls(true, null, null, "PKCS12"));
        return new S3Client(new TargetHttp("t", HttpClient.create(), Duration.ofSeconds(1)), properties,
                Clock.systemUTC());
    }
}
