package io.ringway.swift.listing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code get_listing_content_type} without its request: {@code format=json|xml|plain}
 * stands for an Accept header, which then picks among {@code text/plain},
 * {@code application/json}, {@code application/xml} and {@code text/xml} as swob's
 * {@code Accept.best_match} does.
 */
public final class ListingAccept {

    private static final List<String> OPTIONS = List.of("text/plain", "application/json", "application/xml",
            "text/xml");
    private static final Map<String, String> FORMATS = Map.of("plain", "text/plain", "json", "application/json",
            "xml", "application/xml");
    private static final String TOKEN = "[^()<>@,;:\\\\\"/\\[\\]?={}\\x00-\\x20\\x7f]+";
    private static final String QUOTED = "\"(?:[^\"]|(?:\\\\.))*\"";
    private static final String EXTENSION = "(?:\\s*;\\s*(?:" + TOKEN + ")\\s*=\\s*(?:" + TOKEN + "|" + QUOTED + "))";
    private static final Pattern ACCEPT = Pattern.compile(
            "^\\s*(" + TOKEN + ")/(" + TOKEN + ")(" + EXTENSION + "*?\\s*)$");

    private ListingAccept() {
    }

    /**
     * The content type of the listing, or {@code null} when nothing fits (Swift's 406).
     *
     * @param format the decoded {@code format} query parameter, {@code null} when absent
     * @param acceptHeader the request's {@code Accept}, {@code null} when absent
     * @throws IllegalArgumentException for an Accept header swob refuses (Swift's 400
     *     {@code Invalid Accept header})
     */
    public static @Nullable String bestMatch(@Nullable String format, @Nullable String acceptHeader) {
        String accept = acceptHeader;
        if (format != null && !format.isEmpty()) {
            accept = FORMATS.getOrDefault(format.toLowerCase(Locale.ROOT), "text/plain");
        }
        List<Pattern> types = acceptedTypes(accept);
        if (types.isEmpty()) {
            return OPTIONS.get(0);
        }
        for (Pattern type : types) {
            for (String option : OPTIONS) {
                if (type.matcher(option).matches()) {
                    return option;
                }
            }
        }
        return null;
    }

    private static List<Pattern> acceptedTypes(@Nullable String header) {
        if (header == null || header.isEmpty()) {
            return List.of();
        }
        record Candidate(Pattern pattern, double quality, boolean exact) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String element : header.split(",", -1)) {
            Matcher matcher = ACCEPT.matcher(element);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("Invalid accept header");
            }
            String type = matcher.group(1);
            String subtype = matcher.group(2);
            double quality = 1.0;
            boolean seenQ = false;
            for (String param : matcher.group(3).split(";")) {
                String trimmed = param.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] nameValue = trimmed.split("=", -1);
                if (nameValue.length != 2) {
                    throw new IllegalArgumentException("Invalid accept header");
                }
                if (nameValue[0].strip().equals("q")) {
                    if (seenQ) {
                        throw new IllegalArgumentException("Multiple \"q\" params");
                    }
                    seenQ = true;
                    quality = Double.parseDouble(nameValue[1].strip());
                }
            }
            String regex = "^" + (type.equals("*") ? TOKEN : Pattern.quote(type)) + "/"
                    + (subtype.equals("*") ? TOKEN : Pattern.quote(subtype)) + "$";
            candidates.add(new Candidate(Pattern.compile(regex), quality, !type.equals("*") && !subtype.equals("*")));
        }
        // Python's stable sort with reverse=True keeps equal candidates in header order.
        candidates.sort(Comparator.comparingDouble(Candidate::quality)
                .thenComparing(Candidate::exact)
                .reversed());
        return candidates.stream().map(Candidate::pattern).toList();
    }
}
