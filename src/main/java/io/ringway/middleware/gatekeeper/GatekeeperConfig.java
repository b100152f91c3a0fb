package io.ringway.middleware.gatekeeper;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ringway.middleware.gatekeeper}.
 *
 * @param shuntInboundXTimestamp move a client's {@code X-Timestamp} to
 *     {@code X-Backend-Inbound-X-Timestamp} (Swift's {@code shunt_inbound_x_timestamp}), so that
 *     clients cannot choose the timestamps of their writes
 * @param allowReservedNamesHeader pass a client's {@code X-Allow-Reserved-Names} on as
 *     {@code X-Backend-Allow-Reserved-Names} (Swift's {@code allow_reserved_names_header})
 */
public record GatekeeperConfig(
        @DefaultValue("true") boolean shuntInboundXTimestamp,
        @DefaultValue("false") boolean allowReservedNamesHeader) {
}
