/**
 * The storage node's HTTP side: one Reactor Netty server per backend server type (account,
 * container, object, on Swift's ports 6202, 6201, 6200 by default), the paths and responses
 * they share, {@code /healthcheck} and {@code /recon}.
 */
@NullMarked
package io.ringway.storage.node;

import org.jspecify.annotations.NullMarked;
