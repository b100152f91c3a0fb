@NullMarked
package io.ringway.api.http;

import org.jspecify.annotations.NullMarked;
