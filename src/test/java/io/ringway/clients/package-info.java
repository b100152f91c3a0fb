/**
 * The real-client tier: python-swiftclient's {@code swift} CLI and rclone's Swift backend, the
 * real programs run as child processes, drive a booted Ringway (or, to check the scenarios,
 * Debian's swift-proxy-server) exactly as a user would. See {@code docs/testing.md}.
 */
@NullMarked
package io.ringway.clients;

import org.jspecify.annotations.NullMarked;
