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
    void aContainerNameThatBreaksTheRulesMakesNoBucket() {
        BucketNames names = BucketNames.of("{container}");

        assertThat(names.bucket("AUTH_test", "Photos")).isNull();
        assertThat(names.bucket("AUTH_test", "a_b")).isNull();
        assertThat(names.bucket("AUTH_test", "ab")).isNull();
        assertThat(names.bucket("AUTH_test", "x".repeat(64))).isNull();
        assertThat(names.bucket("AUTH_test", "a..b")).isNull();
        assertThat(names.bucket("AUTH_test", "-ab")).isNull();
        assertThat(names.bucket("AUTH_test", "192.168.1.2")).isNull();
        assertThat(names.bucket("AUTH_test", "xn--abc")).isNull();
        assertThat(names.bucket("AUTH_test", "abc-s3alias")).isNull();
        assertThat(names.bucket("AUTH_test", "x".repeat(63))).isEqualTo("x".repeat(63));
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
