package io.ringway.middleware.proxylogging;

import java.util.List;

/**
 * Settings of the {@code proxy_logging} stage, bound from {@code ringway.middleware.proxy_logging};
 * named after Swift's {@code [filter:proxy-logging]} options, with Swift's defaults when absent.
 *
 * @param logMsgTemplate {@code log_msg_template}: the access line in Swift's template syntax;
 *     default Swift's ({@code {client_ip} {remote_addr} {end_time.datetime} {method} {path} ...
 *     {policy_index}}). Other fields: {@code domain}, {@code account}, {@code container},
 *     {@code object}, {@code ttfb}, {@code pid}, {@code wire_status_int}; {@code .anonymized}
 *     on names, addresses, path, referer, user agent, headers and ETag; time attributes such as
 *     {@code {start_time.iso8601}}
 * @param accessLogHeaders {@code access_log_headers}: log the request headers in {@code {headers}};
 *     default false
 * @param accessLogHeadersOnly {@code access_log_headers_only}: only these headers (any case); default
 *     all
 * @param revealSensitivePrefix {@code reveal_sensitive_prefix}: how many characters of tokens
 *     ({@code X-Auth-Token}, {@code X-Storage-Token}, {@code Authorization}) are logged before
 *     {@code ...}; default 16
 * @param logAnonymizationMethod {@code log_anonymization_method}: hash of {@code .anonymized}
 *     fields ({@code md5}, {@code sha1}, {@code sha256}...); default {@code md5}
 * @param logAnonymizationSalt {@code log_anonymization_salt}: hashed before the value; default none
 */
public record ProxyLoggingConfig(
        String logMsgTemplate,
        Boolean accessLogHeaders,
        List<String> accessLogHeadersOnly,
        Integer revealSensitivePrefix,
        String logAnonymizationMethod,
        String logAnonymizationSalt) {

    public ProxyLoggingConfig {
        logMsgTemplate = logMsgTemplate == null ? LogTemplate.SWIFT_DEFAULT : logMsgTemplate;
        accessLogHeaders = accessLogHeaders != null && accessLogHeaders;
        accessLogHeadersOnly = accessLogHeadersOnly == null ? List.of() : List.copyOf(accessLogHeadersOnly);
        revealSensitivePrefix = revealSensitivePrefix == null ? 16 : revealSensitivePrefix;
        logAnonymizationMethod = logAnonymizationMethod == null ? "md5" : logAnonymizationMethod;
        logAnonymizationSalt = logAnonymizationSalt == null ? "" : logAnonymizationSalt;
        if (revealSensitivePrefix < 0) {
            throw new IllegalArgumentException("revealSensitivePrefix: " + revealSensitivePrefix
                    + " (expected: 0 or more)");
        }
        // Fail at start, as Swift does, rather than on the first request.
        LogTemplate.parse(logMsgTemplate, new Anonymizer(logAnonymizationMethod, logAnonymizationSalt));
    }

    /** All defaults. */
    public static ProxyLoggingConfig defaults() {
        return new ProxyLoggingConfig(null, null, null, null, null, null);
    }

    /** A copy with this template. */
    public ProxyLoggingConfig withLogMsgTemplate(String template) {
        return new ProxyLoggingConfig(template, accessLogHeaders, accessLogHeadersOnly, revealSensitivePrefix,
                logAnonymizationMethod, logAnonymizationSalt);
    }

    /** A copy logging request headers, only {@code only} when not empty. */
    public ProxyLoggingConfig withAccessLogHeaders(List<String> only) {
        return new ProxyLoggingConfig(logMsgTemplate, true, only, revealSensitivePrefix, logAnonymizationMethod,
                logAnonymizationSalt);
    }

    /** A copy revealing {@code prefix} characters of tokens. */
    public ProxyLoggingConfig withRevealSensitivePrefix(int prefix) {
        return new ProxyLoggingConfig(logMsgTemplate, accessLogHeaders, accessLogHeadersOnly, prefix,
                logAnonymizationMethod, logAnonymizationSalt);
    }

    // The salt must not show in the pipeline log or at /recon/pipeline.
    @Override
    public String toString() {
        return "ProxyLoggingConfig[logMsgTemplate=" + logMsgTemplate + ", accessLogHeaders=" + accessLogHeaders
                + ", accessLogHeadersOnly=" + accessLogHeadersOnly + ", revealSensitivePrefix="
                + revealSensitivePrefix + ", logAnonymizationMethod=" + logAnonymizationMethod
                + ", logAnonymizationSalt=" + (logAnonymizationSalt.isEmpty() ? "(none)" : "(set)") + "]";
    }
}
