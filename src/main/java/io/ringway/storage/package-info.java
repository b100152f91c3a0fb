/**
 * Ringway's embedded storage node: Java implementations of Swift's account, container and
 * object servers, speaking the backend protocol the Swift proxy speaks to them.
 */
@NullMarked
package io.ringway.storage;

import org.jspecify.annotations.NullMarked;
