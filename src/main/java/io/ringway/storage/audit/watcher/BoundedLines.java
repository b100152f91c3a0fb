package io.ringway.storage.audit.watcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads lines from a child's output holding at most {@code maxBytes} of a line in memory, so that
 * a child writing without end cannot exhaust the node's heap: the rest of a longer line is
 * skipped and the line marked {@link Line#truncated()}.
 */
final class BoundedLines {

    private final InputStream in;
    private final int maxBytes;

    BoundedLines(InputStream in, int maxBytes) {
        this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in, 8192);
        this.maxBytes = maxBytes;
    }

    /** The next line without its end, or {@code null} at the end of the output. */
    @Nullable Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean truncated = false;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() < maxBytes) {
                line.write(b);
            } else {
                truncated = true;
            }
        }
        if (b == -1 && line.size() == 0 && !truncated) {
            return null;
        }
        return new Line(line.toString(StandardCharsets.UTF_8), truncated);
    }

    /** One line, cut at the limit when {@code truncated}. */
    record Line(String text, boolean truncated) {
    }
}
