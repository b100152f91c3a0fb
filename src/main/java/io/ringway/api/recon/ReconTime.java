package io.ringway.api.recon;

import java.math.BigDecimal;

/** {@code /recon/time}: the time as Python's {@code json.dumps(time.time())} writes it. */
public final class ReconTime {

    private ReconTime() {
    }

    /**
     * Seconds with their fraction, never in exponent notation, and with at least one decimal, as
     * Python's float repr: {@code 1700000000.25}, {@code 1700000000.0}.
     */
    public static BigDecimal seconds(long epochMillis) {
        BigDecimal seconds = BigDecimal.valueOf(epochMillis, 3).stripTrailingZeros();
        return seconds.scale() < 1 ? seconds.setScale(1) : seconds;
    }
}
