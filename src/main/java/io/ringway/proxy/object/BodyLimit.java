package io.ringway.proxy.object;

import io.ringway.api.error.GatewayException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;

/**
 * Swift's {@code _transfer_data} size check: a body (chunked, or longer than it said) that goes
 * past {@code max_file_size} fails with 413 as soon as it does, so the object servers discard
 * the upload and the rest is never read.
 */
final class BodyLimit {

    private BodyLimit() {
    }

    static Flux<DataBuffer> atMost(Flux<DataBuffer> body, long maxFileSize) {
        return Flux.defer(() -> {
            long[] seen = {0};
            return body.handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > maxFileSize) {
                    DataBufferUtils.release(buffer);
                    sink.error(GatewayException.status(413));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }
}
