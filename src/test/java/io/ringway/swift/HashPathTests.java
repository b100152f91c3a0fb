package io.ringway.swift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Swift's hash_path, checked against values Swift 2.30.1's python computes. */
class HashPathTests {

    private final HashPath hashPath = new HashPath("saio-prefix", "saio-suffix");

    @Test
    void hashesAccountContainerAndObjectPathsAsSwiftDoes() {
        // python3 -c "from swift.common import utils; utils.HASH_PATH_PREFIX=b'saio-prefix';
        //   utils.HASH_PATH_SUFFIX=b'saio-suffix'; print(utils.hash_path('AUTH_test','c','o'))"
        assertThat(hashPath.hex("AUTH_test", null, null)).isEqualTo(SwiftValues.ACCOUNT_HASH);
        assertThat(hashPath.hex("AUTH_test", "c", null)).isEqualTo(SwiftValues.CONTAINER_HASH);
        assertThat(hashPath.hex("AUTH_test", "c", "o")).isEqualTo(SwiftValues.OBJECT_HASH);
        assertThat(hashPath.hex("AUTH_test", "c", "\u00e9t\u00e9/x")).isEqualTo(SwiftValues.UNICODE_OBJECT_HASH);
    }

    @Test
    void takesTheTopBitsOfTheDigestAsPartition() {
        byte[] digest = {(byte) 0xff, (byte) 0x00, (byte) 0x80, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertThat(HashPath.partition(digest, 10)).isEqualTo(0x3fc);
        assertThat(HashPath.partition(digest, 32)).isEqualTo(0xff008001);
        assertThat(HashPath.partition(digest, 1)).isEqualTo(1);
    }

    @Test
    void treatsEmptySegmentsAsAbsentAsSwiftDoes() {
        assertThat(hashPath.hex("AUTH_test", "", null)).isEqualTo(SwiftValues.ACCOUNT_HASH);
        assertThat(hashPath.hex("AUTH_test", "c", "")).isEqualTo(SwiftValues.CONTAINER_HASH);
    }

    @Test
    void requiresAContainerForAnObject() {
        assertThatThrownBy(() -> hashPath.digest("a", null, "o"))
                .hasMessage("container is required if object is provided");
    }

    @Test
    void refusesAnEmptyPrefixAndSuffix() {
        assertThatThrownBy(() -> new HashPath("", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
