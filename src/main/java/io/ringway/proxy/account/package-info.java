/** Swift's account controller: {@code /v1/<account>} listings, metadata and (optionally) management. */
@NullMarked
package io.ringway.proxy.account;

import org.jspecify.annotations.NullMarked;
