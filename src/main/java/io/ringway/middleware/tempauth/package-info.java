/**
 * The {@code tempauth} stage: Swift's development auth system, with users from configuration,
 * signed stateless tokens, and Swift's account and container ACLs.
 */
@NullMarked
package io.ringway.middleware.tempauth;

import org.jspecify.annotations.NullMarked;
