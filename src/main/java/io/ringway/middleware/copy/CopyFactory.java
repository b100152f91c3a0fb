package io.ringway.middleware.copy;

import io.ringway.middleware.Middleware;
import io.ringway.middleware.MiddlewareContext;
import io.ringway.middleware.MiddlewareFactory;
import io.ringway.policy.SwiftConf;

/**
 * Builds {@code copy}, Swift's server-side copy ({@code swift/common/middleware/copy.py}).
 *
 * <p>{@code COPY /v1/<account>/<container>/<object>} with {@code Destination: <container>/<object>}
 * (and {@code Destination-Account}) becomes a {@code PUT} of the destination with
 * {@code X-Copy-From}; a {@code PUT} with {@code X-Copy-From: <container>/<object>} (and
 * {@code X-Copy-From-Account}) and no body reads the source through the rest of the pipeline
 * ({@code GET} with {@code X-Newest}, logged with {@code swift.source} {@code SSC}) and streams it
 * into the destination. The destination keeps the source's metadata under the request's
 * ({@code X-Fresh-Metadata: true} keeps only its sysmeta); the answer tells
 * {@code X-Copied-From}, {@code X-Copied-From-Account} and {@code X-Copied-From-Last-Modified}.
 * Conditional and {@code Range} headers apply to the source. A source larger than
 * {@code max_file_size} ({@code swift.conf}) or without a length is refused with 413.
 *
 * <p>Place it after the auth stage and before quotas and large-object stages, as Swift does
 * (Swift adds it there when the pipeline lacks it). Both requests of a copy are authorized: the
 * source read and, for {@code COPY}, the destination write through the auth stage's
 * {@link io.ringway.middleware.Authorize}; before the auth stage they would pass through it.
 * No options ({@link CopyConfig}).
 */
public final class CopyFactory implements MiddlewareFactory<CopyConfig> {

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public Class<CopyConfig> configType() {
        return CopyConfig.class;
    }

    @Override
    public Middleware create(CopyConfig config, MiddlewareContext context) {
        long maxFileSize = context.service(SwiftConf.class).constraints().maxFileSize();
        return new CopyMiddleware(new ServerSideCopy(maxFileSize));
    }
}
