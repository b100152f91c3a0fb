/**
 * {@code GET /info}, Swift's capabilities document: the {@code swift} section (version,
 * constraints, storage policies) and one section per stage that registers one.
 */
@NullMarked
package io.ringway.info;

import org.jspecify.annotations.NullMarked;
