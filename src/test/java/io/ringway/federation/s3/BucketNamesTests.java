package io.ringway.federation.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BucketNamesTests {

    @Test
    void makesABucketPerContainerWithTheAccountInLowerCase() {
        BucketNames names = BucketNames.of("ringway-{account}-{container}");

        assertThat(names.bucket("AUTH_test", "photos")).isEqualTo("ringway-auth-test-photos");
        assertThat(names.bucket("AUTH_test", "v1.2")).isEqualTo("ringway-auth-test-v1.2");
    }

    @Test
    void aContainerNameThatBreaksTheRulesGetsAReadableNameAndAHashOfItsOwn() {
        BucketNames names = BucketNames.of("{container}");

        assertThat(names.bucket("AUTH_test", "logs_segments")).isEqualTo("logs-segments-" + sha256("logs_segments"));
        assertThat(names.bucket("AUTH_test", "Photos")).isEqualTo("photos-" + sha256("Photos"));
        assertThat(names.bucket("AUTH_test", "a..b")).isEqualTo("a-b-" + sha256("a..b"));
        assertThat(names.bucket("AUTH_test", "192.168.1.2")).isEqualTo("192-168-1-2-" + sha256("192.168.1.2"));
        assertThat(names.bucket("AUTH_test", "ü")).isEqualTo(sha256("ü"));
        assertThat(names.bucket("AUTH_test", "ab")).isEqualTo("ab-" + sha256("ab"));
        String longName = "x".repeat(200);
        assertThat(names.bucket("AUTH_test", longName)).isEqualTo("x".repeat(54) + "-" + sha256(longName));
        // Valid names are kept as they are.
        assertThat(names.bucket("AUTH_test", "x".repeat(63))).isEqualTo("x".repeat(63));
        assertThat(names.bucket("AUTH_test", "logs-segments")).isEqualTo("logs-segments");
        // Names that differ only where bucket names cannot do not share a bucket.
        assertThat(names.bucket("AUTH_test", "Logs_Segments")).isNotEqualTo(names.bucket("AUTH_test", "logs_segments"));
    }

    @Test
    void aTemplateThatLeavesNoRoomMakesNoBucketForAnInvalidName() {
        BucketNames names = BucketNames.of("{account}-{container}");
        String account = "AUTH_" + "a".repeat(53);

        assertThat(names.bucket(account, "ok")).isEqualTo(account.toLowerCase().replace('_', '-') + "-ok");
        assertThat(names.bucket(account, "Not_Ok")).isNull();
    }

    private static String sha256(String name) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTemplateMustNameTheContainerAndUseOnlyBucketCharacters() {
        assertThatThrownBy(() -> BucketNames.of("fixed-bucket"))
                .hasMessage("'fixed-bucket' must hold {container}: each container needs a bucket of its own");
        assertThatThrownBy(() -> BucketNames.of("My_{container}"))
                .hasMessage("'My_{container}': bucket names allow only a-z, 0-9, '.' and '-' besides {account} and"
                        + " {container}");
        assertThatThrownBy(() -> BucketNames.of("{container}-"))
                .hasMessage("'{container}-' makes 'photos-' for container photos of account AUTH_test: a bucket name"
                        + " starts and ends with a letter or a digit");
    }
}
