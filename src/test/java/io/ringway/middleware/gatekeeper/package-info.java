@NullMarked
package io.ringway.middleware.gatekeeper;

import org.jspecify.annotations.NullMarked;
