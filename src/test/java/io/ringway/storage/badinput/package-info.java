/** Garbage thrown at the booted storage node's three servers: never a 500, never a partial object. */
@NullMarked
package io.ringway.storage.badinput;

import org.jspecify.annotations.NullMarked;
