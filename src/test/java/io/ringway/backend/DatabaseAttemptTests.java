package io.ringway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringway.swift.Timestamp;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class DatabaseAttemptTests {

    @Test
    void ranksSourcesByTheirFirstTimestampInSwiftsOrder() {
        HttpHeaders all = headers("X-Timestamp", "1.00000", "X-Put-Timestamp", "2.00000", "X-Backend-Timestamp",
                "3.00000", "X-Backend-Data-Timestamp", "4.00000");
        HttpHeaders putOnly = headers("X-Timestamp", "9.00000", "X-Put-Timestamp", "5.00000");

        assertThat(DatabaseAttempt.sourceKey(all)).isEqualTo(Timestamp.parse("4.00000"));
        assertThat(DatabaseAttempt.sourceKey(putOnly)).isEqualTo(Timestamp.parse("5.00000"));
        assertThat(DatabaseAttempt.sourceKey(new HttpHeaders())).isEqualTo(new Timestamp(0, 0));
    }

    @Test
    void takesAZeroPutTimestampForAReplicaNeverSynced() {
        assertThat(DatabaseAttempt.unsynced(headers("X-Put-Timestamp", "0000000000.00000"))).isTrue();
        assertThat(DatabaseAttempt.unsynced(headers("X-Put-Timestamp", "1700000000.00000"))).isFalse();
        assertThat(DatabaseAttempt.unsynced(new HttpHeaders())).isFalse();
    }

    private static HttpHeaders headers(String... pairs) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.set(pairs[i], pairs[i + 1]);
        }
        return headers;
    }
}
