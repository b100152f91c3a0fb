package io.ringway.swift;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * HTTP dates as Swift's servers write {@code Date} and {@code Last-Modified}
 * ({@code Sun, 06 Nov 1994 08:49:37 GMT}, a two-digit day, which
 * {@code DateTimeFormatter.RFC_1123_DATE_TIME} does not give). Built by hand: a locale-aware
 * formatter's first use loads locale data from jars, a blocking read on an event loop.
 */
public final class HttpDate {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private HttpDate() {
    }

    /** The date of an instant in whole seconds since the epoch. */
    public static String format(long epochSeconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(29)
                .append(DAYS[t.getDayOfWeek().getValue() - 1]).append(", ");
        two(out, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ')
                .append(t.getYear()).append(' ');
        two(out, t.getHour()).append(':');
        two(out, t.getMinute()).append(':');
        return two(out, t.getSecond()).append(" GMT").toString();
    }

    /** The date now. */
    public static String now() {
        return format(System.currentTimeMillis() / 1000);
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
