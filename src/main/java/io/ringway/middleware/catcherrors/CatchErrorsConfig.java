package io.ringway.middleware.catcherrors;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ringway.middleware.catch_errors}.
 *
 * @param transIdSuffix appended (URL-quoted) to every transaction id, Swift's {@code trans_id_suffix},
 *     e.g. to tell the clusters or regions of one deployment apart in logs
 */
public record CatchErrorsConfig(@DefaultValue("") String transIdSuffix) {
}
