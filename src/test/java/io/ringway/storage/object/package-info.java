/** Tests of the object server: parsing units, and the server on a real port driven over raw sockets. */
@NullMarked
package io.ringway.storage.object;

import org.jspecify.annotations.NullMarked;
