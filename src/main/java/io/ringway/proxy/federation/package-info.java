/**
 * The proxy's side of federation: containers whose storage policy is federated live in a remote
 * cluster ({@link io.ringway.federation.Target}); their container and object requests are
 * forwarded there, and the answers brought back in Swift's form. The local cluster keeps a record
 * of each such container (so that the account lists it and its ACLs and metadata serve the
 * gateway's own stages), with the policy in system metadata.
 */
@NullMarked
package io.ringway.proxy.federation;

import org.jspecify.annotations.NullMarked;
