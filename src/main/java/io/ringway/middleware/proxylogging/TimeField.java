package io.ringway.middleware.proxylogging;

import io.ringway.swift.PythonText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swift's {@code StrFormatTime}: {@code {start_time}} is {@code "%.9f"} of the epoch seconds,
 * {@code {end_time.datetime}} is {@code 14/Nov/2023/22/13/20}; also {@code .iso8601},
 * {@code .asctime}, {@code .s}, {@code .ms}, {@code .us}, {@code .ns} and single
 * {@code strftime} letters ({@code .Y}, {@code .b}...), all in UTC and the C locale.
 */
final class TimeField {

    static final Set<String> ATTRIBUTES = Set.of("datetime", "asctime", "iso8601", "s", "ms", "us", "ns",
            "a", "A", "b", "B", "c", "d", "H", "I", "j", "m", "M", "p", "S", "U", "w", "W", "x", "X", "y", "Y", "Z");

    /** Formatters by pattern, made once: parsing a pattern costs more than formatting with it. */
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
    private static volatile Calendared lastCalendared = new Calendared(Long.MIN_VALUE, "", "");

    private TimeField() {
    }

    /** The time {@code epochSeconds} (a Python float, as {@code time.time()} gives) shown as {@code attribute}. */
    static String format(double epochSeconds, String attribute) {
        switch (attribute) {
            case "", "s", "ms", "us", "ns" -> {
                return decimals(epochSeconds, attribute);
            }
            default -> {
                // time.gmtime() truncates toward the whole second
                long second = (long) Math.floor(epochSeconds);
                Calendared last = lastCalendared;
                if (last.second() == second && last.attribute().equals(attribute)) {
                    return last.text();
                }
                String text = calendar(Instant.ofEpochSecond(second).atZone(ZoneOffset.UTC), attribute);
                lastCalendared = new Calendared(second, attribute, text);
                return text;
            }
        }
    }

    /** The last calendar field made: the lines of one second share it ({@code {end_time.datetime}}). */
    private record Calendared(long second, String attribute, String text) {
    }

    private static String decimals(double epochSeconds, String attribute) {
        String full = PythonText.fixed(epochSeconds, 9);
        int dot = full.indexOf('.');
        return switch (attribute) {
            case "s" -> full.substring(0, dot);
            case "ms" -> full.substring(dot + 1, dot + 4);
            case "us" -> full.substring(dot + 1, dot + 7);
            case "ns" -> full.substring(dot + 1);
            default -> full;
        };
    }

    private static String calendar(ZonedDateTime time, String attribute) {
        return switch (attribute) {
            case "datetime" -> pattern(time, "dd/MMM/yyyy/HH/mm/ss");
            case "iso8601" -> pattern(time, "yyyy-MM-dd'T'HH:mm:ss");
            case "asctime", "c" -> pattern(time, "EEE MMM ") + String.format("%2d", time.getDayOfMonth())
                    + pattern(time, " HH:mm:ss yyyy");
            case "U" -> String.format("%02d", (time.getDayOfYear() + 6 - time.getDayOfWeek().getValue() % 7) / 7);
            case "W" -> String.format("%02d", (time.getDayOfYear() + 6 - (time.getDayOfWeek().getValue() + 6) % 7) / 7);
            case "w" -> Integer.toString(time.getDayOfWeek().getValue() % 7);
            case "j" -> String.format("%03d", time.get(ChronoField.DAY_OF_YEAR));
            case "Z" -> "UTC";
            default -> pattern(time, strftime(attribute));
        };
    }

    private static String strftime(String letter) {
        return switch (letter) {
            case "a" -> "EEE";
            case "A" -> "EEEE";
            case "b" -> "MMM";
            case "B" -> "MMMM";
            case "d" -> "dd";
            case "H" -> "HH";
            case "I" -> "hh";
            case "m" -> "MM";
            case "M" -> "mm";
            case "p" -> "a";
            case "S" -> "ss";
            case "x" -> "MM/dd/yy";
            case "X" -> "HH:mm:ss";
            case "y" -> "yy";
            case "Y" -> "yyyy";
            default -> throw new IllegalArgumentException("time attribute: " + letter + " (expected one of "
                    + ATTRIBUTES + ")");
        };
    }

    private static String pattern(ZonedDateTime time, String pattern) {
        return FORMATTERS.computeIfAbsent(pattern, p -> DateTimeFormatter.ofPattern(p, Locale.ENGLISH)).format(time);
    }
}
