package io.ringway.api.recon;

import java.math.BigDecimal;
import java.time.Instant;

/** {@code /recon/time}: the time as Python's {@code json.dumps(time.time())} writes it. */
public final class ReconTime {

    private ReconTime() {
    }

    /**
     * Seconds with their fraction to the microsecond, never in exponent notation, and with at
     * least one decimal, as Python's float repr: {@code 1700000000.25}, {@code 1700000000.0}. The
     * microseconds matter: swift-recon's time check wants the answer between the moments it sent
     * the request and got the answer, which a time cut to the millisecond can fall before.
     */
    public static BigDecimal seconds(Instant now) {
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
        BigDecimal seconds = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        return seconds.scale() < 1 ? seconds.setScale(1) : seconds;
    }
}
