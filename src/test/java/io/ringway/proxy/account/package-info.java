@NullMarked
package io.ringway.proxy.account;

import org.jspecify.annotations.NullMarked;
