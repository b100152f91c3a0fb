/**
 * Swift's ACLs ({@code swift/common/middleware/acl.py}): container ACLs ({@code X-Container-Read},
 * {@code X-Container-Write}: groups, {@code .r:} referrer rules, {@code .rlistings}), account ACLs
 * ({@code X-Account-Access-Control} JSON), and {@link io.ringway.middleware.acl.AclSource}, through
 * which an auth stage reads the ACLs stored with accounts and containers.
 */
@NullMarked
package io.ringway.middleware.acl;

import org.jspecify.annotations.NullMarked;
