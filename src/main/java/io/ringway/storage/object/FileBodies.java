package io.ringway.storage.object;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * GET bodies streamed from a data file with positioned reads, one chunk per request from
 * downstream, on {@code boundedElastic}: a whole body, one range, or swob's
 * {@code multipart/byteranges} for several. The file was opened when the metadata was read (so a
 * later PUT or DELETE does not change or break the body) and is closed when the body ends, fails or
 * is cancelled.
 */
final class FileBodies {

    private static final DataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

    private FileBodies() {
    }

    /** Bytes {@code [start, stop)} of the file. */
    static Flux<DataBuffer> span(OpenedObject file, long start, long stop, int chunkSize) {
        return Flux.using(() -> file,
                        opened -> read(opened.channel(), start, stop, chunkSize),
                        OpenedObject::closeLater)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * swob's {@code multi_range_iterator}: for each span {@code --boundary}, its
     * {@code Content-Type} and {@code Content-Range}, a blank line, the bytes and CRLF; then
     * {@code --boundary--}.
     */
    static Flux<DataBuffer> multipart(OpenedObject file, List<RangeHeader.ByteSpan> spans, String contentType,
            String boundary, long size, int chunkSize) {
        return Flux.using(() -> file,
                        opened -> {
                            FileChannel channel = opened.channel();
                            List<Flux<DataBuffer>> parts = new ArrayList<>();
                            for (RangeHeader.ByteSpan span : spans) {
                                parts.add(text(partHeader(boundary, contentType, span, size)));
                                parts.add(read(channel, span.start(), span.stop(), chunkSize));
                                parts.add(text("\r\n"));
                            }
                            parts.add(text("--" + boundary + "--"));
                            return Flux.concat(parts);
                        },
                        OpenedObject::closeLater)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** swob's {@code _prepare_for_ranges}: the exact length of the multipart body. */
    static long multipartLength(List<RangeHeader.ByteSpan> spans, String contentType, String boundary, long size) {
        long length = 0;
        for (RangeHeader.ByteSpan span : spans) {
            length += utf8Length(partHeader(boundary, contentType, span, size)) + span.length() + 2;
        }
        return length + boundary.length() + 4;
    }

    private static String partHeader(String boundary, String contentType, RangeHeader.ByteSpan span, long size) {
        return "--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Range: "
                + span.contentRange(size) + "\r\n\r\n";
    }

    private static Flux<DataBuffer> read(FileChannel channel, long start, long stop, int chunkSize) {
        return Flux.generate(() -> start, (position, sink) -> {
            if (position >= stop) {
                sink.complete();
                return position;
            }
            int length = (int) Math.min(chunkSize, stop - position);
            ByteBuffer chunk = ByteBuffer.allocate(length);
            try {
                while (chunk.hasRemaining()) {
                    if (channel.read(chunk, position + chunk.position()) < 0) {
                        throw new EOFException("data file ends before byte " + stop);
                    }
                }
            } catch (IOException e) {
                sink.error(e);
                return position;
            }
            sink.next(BUFFERS.wrap(chunk.flip()));
            return position + length;
        });
    }

    private static Flux<DataBuffer> text(String text) {
        return Flux.defer(() -> Flux.just(BUFFERS.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** Content types are ISO-8859-1 header text; the multipart headers carry the same bytes. */
    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
