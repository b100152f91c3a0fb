package io.ringway.middleware.catcherrors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The format of Swift's generate_trans_id. */
class TransactionIdsTests {

    @Test
    void isTxThen21HexDashThen10HexOfTheTime() {
        String id = new TransactionIds(Clock.systemUTC(), CatchErrorsFactory::randomUuid4).next("", null);

        // uuid4().hex[:21]: the version digit 4 at position 12, the variant (8, 9, a or b) at 16.
        assertThat(id).matches("tx[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{4}-[0-9a-f]{10}");
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
