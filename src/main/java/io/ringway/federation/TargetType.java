package io.ringway.federation;

/** The API a target cluster speaks. */
public enum TargetType {
    /** OpenStack Swift's API with v1 auth (another Ringway, a swift-proxy-server, any Swift service). */
    SWIFT,
    /** Amazon S3's API with signature V4. */
    S3
}
