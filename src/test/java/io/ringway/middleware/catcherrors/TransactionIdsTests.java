package io.ringway.middleware.catcherrors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The format of Swift's generate_trans_id. */
class TransactionIdsTests {

    @Test
    void isTxThen21HexDashThen10HexOfTheTime() {
        String id = new TransactionIds(Clock.systemUTC(), UUID::randomUUID).next("", null);

        assertThat(id).matches("tx[0-9a-f]{21}-[0-9a-f]{10}");
        long seconds = Long.parseLong(id.substring(id.indexOf('-') + 1), 16);
        assertThat(seconds).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
    }

    @Test
    void quotesAsPythonsQuoteDoes() {
        assertThat(TransactionIds.quote("az-AZ_09.~/")).isEqualTo("az-AZ_09.~/");
        assertThat(TransactionIds.quote(" %+?&é")).isEqualTo("%20%25%2B%3F%26%C3%A9");
    }

    @Test
    void ignoresAnEmptyTransIdExtra() {
        String id = new TransactionIds(Clock.systemUTC(), UUID::randomUUID).next("-s", "");

        assertThat(id).endsWith("-s").doesNotEndWith("-s-");
    }
}
