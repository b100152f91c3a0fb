/** Test infrastructure shared by every test: Netty leak detection that fails the build. */
@NullMarked
package io.ringway.testing;

import org.jspecify.annotations.NullMarked;
