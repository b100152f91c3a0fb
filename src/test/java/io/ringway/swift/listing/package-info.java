@NullMarked
package io.ringway.swift.listing;

import org.jspecify.annotations.NullMarked;
