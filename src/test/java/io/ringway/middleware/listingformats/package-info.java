@NullMarked
package io.ringway.middleware.listingformats;

import org.jspecify.annotations.NullMarked;
