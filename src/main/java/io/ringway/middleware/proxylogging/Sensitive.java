package io.ringway.middleware.proxylogging;

import io.ringway.swift.PythonText;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Swift's {@code obscure_req}: the values of sensitive headers and query parameters are cut to
 * {@code reveal_sensitive_prefix} characters and {@code ...} before they are logged. The headers
 * and parameters are those that Swift's {@code proxy_logging}, {@code tempurl} and {@code s3api}
 * register.
 */
final class Sensitive {

    static final Set<String> HEADERS = Set.of("x-auth-token", "x-storage-token", "authorization");
    static final Set<String> PARAMS = Set.of("temp_url_sig", "Signature", "X-Amz-Signature");

    private final int revealPrefix;

    Sensitive(int revealPrefix) {
        this.revealPrefix = revealPrefix;
    }

    static boolean isHeader(String name) {
        return HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code obscure_sensitive}: a longer value is cut, {@code "..."} appended. */
    @Nullable String obscure(@Nullable String value) {
        if (value != null && value.length() > revealPrefix) {
            return value.substring(0, revealPrefix) + "...";
        }
        return value;
    }

    /**
     * The query string as Swift logs it: unchanged when it has no sensitive parameter, else
     * rebuilt as Swift's {@code req.params = ...} does (one value per name, the last one, in the
     * order names first appear; {@code urlencode}d).
     */
    String query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        boolean anySensitive = false;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = unquotePlus(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : unquotePlus(pair.substring(equals + 1));
            params.put(name, value);
            anySensitive |= PARAMS.contains(name);
        }
        if (!anySensitive) {
            return rawQuery;
        }
        StringBuilder rebuilt = new StringBuilder();
        params.forEach((name, value) -> {
            String shown = PARAMS.contains(name) ? obscure(value) : value;
            rebuilt.append(rebuilt.isEmpty() ? "" : "&").append(quotePlus(name)).append('=').append(quotePlus(shown));
        });
        return rebuilt.toString();
    }

    // latin-1 both ways, as swob decodes and encodes parameters.
    private static String unquotePlus(String text) {
        return new String(PythonText.unquoteToBytes(text.replace('+', ' ')), StandardCharsets.ISO_8859_1);
    }

    private static String quotePlus(@Nullable String text) {
        return PythonText.quote(text == null ? new byte[0] : text.getBytes(StandardCharsets.ISO_8859_1), " ")
                .replace(' ', '+');
    }
}
