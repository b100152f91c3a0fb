/**
 * Reading an existing Swift proxy's {@code proxy-server.conf} ({@code ringway.proxy-server-conf}):
 * PasteDeploy's file format, the pipeline and options it names, and their Ringway settings.
 */
@NullMarked
package io.ringway.config.proxyconf;

import org.jspecify.annotations.NullMarked;
