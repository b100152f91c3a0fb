/** Swift's container controller: {@code /v1/<account>/<container>} listings, creation, metadata, deletion. */
@NullMarked
package io.ringway.proxy.container;

import org.jspecify.annotations.NullMarked;
