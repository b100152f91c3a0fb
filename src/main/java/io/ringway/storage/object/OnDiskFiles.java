package io.ringway.storage.object;

import io.ringway.swift.Timestamp;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The files of one hash directory sorted out as Swift's {@code get_ondisk_files} does for
 * replicated policies: the newest {@code .data} or {@code .ts} wins, the newest {@code .meta}
 * newer than a winning {@code .data} applies to it, and everything older is obsolete (removed by
 * {@link ObjectDiskFiles#cleanup}, Swift's {@code cleanup_ondisk_files}). A tombstone older than
 * {@code reclaim_age} is obsolete too.
 */
record OnDiskFiles(@Nullable OnDiskFile data, @Nullable OnDiskFile meta, @Nullable OnDiskFile tombstone,
        List<Path> obsolete) {

    static OnDiskFiles list(Path hashDir, Timestamp reclaimBefore) throws IOException {
        List<OnDiskFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(hashDir)) {
            for (Path entry : entries) {
                OnDiskFile file = OnDiskFile.parse(entry);
                if (file != null) {
                    files.add(file);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return new OnDiskFiles(null, null, null, List.of());
        }
        // Newest first; for one timestamp .ts before .meta before .data, as Swift's reverse sort.
        files.sort(Comparator.comparing(OnDiskFile::timestamp).thenComparing(OnDiskFile::extension).reversed());
        OnDiskFile data = null;
        OnDiskFile meta = null;
        OnDiskFile tombstone = null;
        List<Path> obsolete = new ArrayList<>();
        for (OnDiskFile file : files) {
            if (data != null || tombstone != null) {
                obsolete.add(file.path());
            } else if (file.extension().equals(".meta")) {
                if (meta == null) {
                    meta = file;
                } else {
                    obsolete.add(file.path());
                }
            } else if (file.extension().equals(".data")) {
                data = file;
            } else {
                tombstone = file;
            }
        }
        if (tombstone != null && meta != null) {
            obsolete.add(meta.path());
            meta = null;
        }
        if (tombstone != null && tombstone.timestamp().isBefore(reclaimBefore)) {
            obsolete.add(tombstone.path());
            tombstone = null;
        }
        return new OnDiskFiles(data, meta, tombstone, obsolete);
    }

    /** One {@code timestamp.ext} file. */
    record OnDiskFile(Path path, Timestamp timestamp, String extension) {

        static @Nullable OnDiskFile parse(Path path) {
            String name = path.getFileName().toString();
            int dot = name.lastIndexOf('.');
            if (dot <= 0) {
                return null;
            }
            String extension = name.substring(dot);
            if (!extension.equals(".data") && !extension.equals(".meta") && !extension.equals(".ts")) {
                return null;
            }
            Timestamp timestamp = Timestamp.parseOrNull(name.substring(0, dot));
            return timestamp == null ? null : new OnDiskFile(path, timestamp, extension);
        }
    }
}
