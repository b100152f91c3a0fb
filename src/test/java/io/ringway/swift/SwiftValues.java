package io.ringway.swift;

/** Values computed by Swift 2.30.1's python (prefix saio-prefix, suffix saio-suffix). */
final class SwiftValues {

    static final String ACCOUNT_HASH = "6db4c6b2c64c32cfc9a15c12a25ea952";
    static final String CONTAINER_HASH = "ec6037a90c1b1c70d2bda75eaab04a67";
    static final String OBJECT_HASH = "e442db0f157762c8d375a8f00b850abe";
    static final String UNICODE_OBJECT_HASH = "4f632fb436241930268b11817aa1ca74";

    private SwiftValues() {
    }
}
