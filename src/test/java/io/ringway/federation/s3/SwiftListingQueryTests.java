package io.ringway.federation.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringway.storage.db.BackendHttpException;
import org.junit.jupiter.api.Test;

class SwiftListingQueryTests {

    @Test
    void readsSwiftsParameters() {
        assertThat(SwiftListingQuery.parse("format=json&prefix=a%2F&delimiter=%2F&marker=m&end_marker=z&limit=5&reverse=yes"))
                .isEqualTo(new SwiftListingQuery(5, "m", "z", "a/", "/", false, true));
        assertThat(SwiftListingQuery.parse(null)).isEqualTo(new SwiftListingQuery(10_000, "", null, "", null, false,
                false));
        assertThat(SwiftListingQuery.parse(null).wholeContainer()).isTrue();
        assertThat(SwiftListingQuery.parse("limit=abc").limit()).isEqualTo(10_000);
    }

    @Test
    void pathListsTheObjectsRightInIt() {
        assertThat(SwiftListingQuery.parse("path=a%2Fb%2F")).isEqualTo(new SwiftListingQuery(10_000, "", null, "a/b/",
                "/", true, false));
        assertThat(SwiftListingQuery.parse("path=").prefix()).isEmpty();
    }

    @Test
    void refusesWhatSwiftsContainerServerRefuses() {
        assertThatThrownBy(() -> SwiftListingQuery.parse("limit=10001"))
                .isInstanceOf(BackendHttpException.class).hasMessageContaining("Maximum limit is 10000");
        assertThatThrownBy(() -> SwiftListingQuery.parse("delimiter=ab"))
                .isInstanceOf(BackendHttpException.class).hasMessageContaining("Bad delimiter");
    }
}
