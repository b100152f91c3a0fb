/**
 * Test infrastructure: a raw HTTP/1.1 client that sends exactly the bytes a test asks for
 * ({@link io.ringway.testing.http.RawRequest}: truncated, chunked or {@code Expect: 100-continue}
 * bodies, any method, any request target) and reads the answer off the socket
 * ({@link io.ringway.testing.http.RawResponse}), plus a scripted socket server to test it. Every
 * storage-node test and the real-Swift conformance tier use it.
 */
@NullMarked
package io.ringway.testing.http;

import org.jspecify.annotations.NullMarked;
