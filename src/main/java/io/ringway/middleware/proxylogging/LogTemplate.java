package io.ringway.middleware.proxylogging;

import io.ringway.swift.PythonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code log_msg_template} in Swift's ({@code str.format}) syntax:
 * {@code {field}}, {@code {field.attribute}}, {@code {{} and {@code }}} for braces (no format
 * specs: Swift's start-up check refuses {@code {ttfb:.3f}} and the like). Rendering follows Swift's {@code LogStringFormatter(default='-',
 * quote=True)}: a missing, empty or zero value is {@code -}, anything else is URL-quoted
 * (keeping {@code :/{}}) so that a line splits on spaces. Unknown fields or attributes are
 * refused when the template is parsed, as Swift refuses them at start.
 */
final class LogTemplate {

    /** Swift's default {@code log_msg_template}. */
    static final String SWIFT_DEFAULT = "{client_ip} {remote_addr} {end_time.datetime} {method} {path} {protocol} "
            + "{status_int} {referer} {user_agent} {auth_token} {bytes_recvd} {bytes_sent} {client_etag} "
            + "{transaction_id} {headers} {request_time} {source} {log_info} {start_time} {end_time} {policy_index}";

    static final Set<String> ANONYMIZABLE = Set.of("client_ip", "remote_addr", "domain", "path", "referer",
            "user_agent", "headers", "client_etag", "account", "container", "object");
    static final Set<String> TIMES = Set.of("start_time", "end_time");
    static final Set<String> NUMBERS = Set.of("status_int", "wire_status_int", "bytes_recvd", "bytes_sent", "ttfb",
            "pid");
    static final Set<String> TEXTS = Set.of("method", "protocol", "auth_token", "transaction_id", "request_time",
            "source", "log_info", "policy_index");

    private static final Pattern FIELD = Pattern.compile("([a-z_]+)(?:\\.([A-Za-z0-9]+))?");

    private final List<Part> parts;
    private final Anonymizer anonymizer;

    private LogTemplate(List<Part> parts, Anonymizer anonymizer) {
        this.parts = List.copyOf(parts);
        this.anonymizer = anonymizer;
    }

    /**
     * Parses {@code template}.
     *
     * @throws IllegalArgumentException naming what Swift would refuse to interpolate
     */
    static LogTemplate parse(String template, Anonymizer anonymizer) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
                literal.append(c);
                i += 2;
                continue;
            }
            if (c == '}') {
                throw invalid(template, "single '}'");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            if (close < 0) {
                throw invalid(template, "unclosed '{'");
            }
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
            parts.add(field(template, template.substring(i + 1, close)));
            i = close + 1;
        }
        parts.add(new Literal(literal.toString()));
        return new LogTemplate(parts, anonymizer);
    }

    /** The line for these values; absent keys are missing values. */
    String render(Map<String, @Nullable Object> values) {
        StringBuilder line = new StringBuilder(256);
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                line.append(literal.text());
            } else if (part instanceof Field field) {
                String text = text(field, values.get(field.name()));
                line.append(text == null ? "-" : PythonText.quote(text, ":/{}"));
            }
        }
        return line.toString();
    }

    private @Nullable String text(Field field, @Nullable Object value) {
        if (value == null || "".equals(value) || value instanceof Number number && number.doubleValue() == 0) {
            return null;
        }
        if (value instanceof Double seconds && TIMES.contains(field.name())) {
            return TimeField.format(seconds, field.attribute() == null ? "" : field.attribute());
        }
        if (value instanceof Double number) {
            return PythonText.repr(number);
        }
        String text = value.toString();
        if ("anonymized".equals(field.attribute())) {
            return anonymizer.anonymize(text);
        }
        return text;
    }

    private static Field field(String template, String spec) {
        Matcher matcher = FIELD.matcher(spec);
        if (!matcher.matches()) {
            throw invalid(template, "unsupported field {" + spec + "}");
        }
        String name = matcher.group(1);
        String attribute = matcher.group(2);
        boolean known = ANONYMIZABLE.contains(name) || TIMES.contains(name) || NUMBERS.contains(name)
                || TEXTS.contains(name);
        if (!known) {
            throw invalid(template, "unknown field '" + name + "'");
        }
        boolean attributeOk = attribute == null
                || ANONYMIZABLE.contains(name) && attribute.equals("anonymized")
                || TIMES.contains(name) && TimeField.ATTRIBUTES.contains(attribute);
        if (!attributeOk) {
            throw invalid(template, "'" + name + "' has no attribute '" + attribute + "'");
        }
        return new Field(name, attribute);
    }

    private static IllegalArgumentException invalid(String template, String why) {
        return new IllegalArgumentException("logMsgTemplate: " + template + " (cannot interpolate: " + why + ")");
    }

    private sealed interface Part permits Literal, Field {
    }

    private record Literal(String text) implements Part {
    }

    private record Field(String name, @Nullable String attribute) implements Part {
    }
}
