/**
 * The real-cluster tier: Ringway in front of a real Swift 2.30 cluster ({@code scripts/swift-cluster.sh}:
 * four nodes in two regions, policies 0 and 1 {@code silver}, Debian's {@code swift-proxy-server}
 * in front of the same nodes), proving Ringway a drop-in for Swift's proxy: the Swift API end to
 * end, faults on real servers (compared with the real proxy's answers), and objects and
 * containers written through one proxy read back through the other. {@link io.ringway.cluster.RealCluster}
 * runs the cluster and hands tests a {@link io.ringway.cluster.Cluster}; see {@code docs/testing.md}.
 */
@NullMarked
package io.ringway.cluster;

import org.jspecify.annotations.NullMarked;
