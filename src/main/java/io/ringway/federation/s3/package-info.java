/**
 * S3 clusters as federation targets: Swift requests for a federated container said in S3's terms
 * (signature V4, a bucket per container, {@code x-amz-meta-*} for {@code X-Object-Meta-*}), and
 * S3's answers said in Swift's (ListObjectsV2 pages as Swift listings, S3 error codes as Swift
 * statuses).
 */
@NullMarked
package io.ringway.federation.s3;

import org.jspecify.annotations.NullMarked;
