package io.ringway.storage.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code get_listing_content_type}: {@code format=json|xml|plain} stands for an Accept
 * header, which then picks among {@code text/plain}, {@code application/json},
 * {@code application/xml} and {@code text/xml} as swob's {@code Accept.best_match} does.
 */
public final class ListingContentType {

    private static final List<String> OPTIONS = List.of("text/plain", "application/json", "application/xml",
            "text/xml");
    private static final Map<String, String> FORMATS = Map.of("plain", "text/plain", "json", "application/json",
            "xml", "application/xml");
    private static final String TOKEN = "[^()<>@,;:\\\\\"/\\[\\]?={}\\x00-\\x20\\x7f]+";
    private static final String QUOTED = "\"(?:[^\"]|(?:\\\\.))*\"";
    private static final String EXTENSION = "(?:\\s*;\\s*(?:" + TOKEN + ")\\s*=\\s*(?:" + TOKEN + "|" + QUOTED + "))";
    private static final Pattern ACCEPT = Pattern.compile(
            "^\\s*(" + TOKEN + ")/(" + TOKEN + ")(" + EXTENSION + "*?\\s*)$");

    private ListingContentType() {
    }

    /**
     * The content type of the listing.
     *
     * @throws BackendHttpException 400 {@code Invalid Accept header}, 406 when nothing fits
     */
    public static String negotiate(QueryParams params, @Nullable String acceptHeader) {
        String format = params.get("format");
        String accept = acceptHeader;
        if (format != null && !format.isEmpty()) {
            accept = FORMATS.getOrDefault(format.toLowerCase(Locale.ROOT), "text/plain");
        }
        List<Pattern> types;
        try {
            types = acceptedTypes(accept);
        } catch (IllegalArgumentException e) {
            throw new BackendHttpException(400, "Invalid Accept header");
        }
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
        throw new BackendHttpException(406, null);
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
