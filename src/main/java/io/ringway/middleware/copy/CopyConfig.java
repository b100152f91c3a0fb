package io.ringway.middleware.copy;

/**
 * {@code ringway.middleware.copy}: empty, as Swift 2.30's {@code [filter:copy]} has no options
 * of its own (its {@code object_post_as_copy} went in 2.16; the largest copy is the
 * cluster's {@code max_file_size} from {@code swift.conf}).
 */
public record CopyConfig() {
}
