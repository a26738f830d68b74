package io.github.rltrading.learning.watch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The "last processed" marker: which export files, at which size and modification time, a
 * successful retrain has consumed. Kept as a small JSON file in the state directory so that, on
 * the next start, files that arrived (or changed) while the program was down can be told from
 * files already trained on.
 *
 * <p>Why a record per file rather than one timestamp: modification times have a coarse precision
 * on some file systems (a second, two on FAT), so "newer than the last one processed" would miss a
 * file written in the same second; and a file rewritten in place is a change even when its time
 * is not newer. Entries of files no longer in the directory are dropped on each write, so the
 * marker stays as small as the directory.
 *
 * <p>Writes are atomic (temporary file, fsync, rename): a crash leaves the old marker or the new
 * one. Not thread-safe beyond its own {@code synchronized} methods.
 */
final class ProcessedExports {

    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's content. */
    record Content(int version, String directory, Map<String, Entry> files) {
    }

    /** One processed file: its size and modification time (ISO-8601, full precision). */
    record Entry(long size, String lastModified) {
    }

    private final Path file;
    private final Path directory;
    private final Map<String, Entry> files;

    private ProcessedExports(Path file, Path directory, Map<String, Entry> files) {
        this.file = file;
        this.directory = directory;
        this.files = files;
    }

    /**
     * The marker for {@code directory} kept in {@code stateDirectory}, read if it exists; empty
     * (every file counts as new) if it does not.
     *
     * @throws UncheckedIOException when the marker exists but cannot be read or is not a marker;
     *         the message says to delete it, which makes every export file count as new once
     */
    static ProcessedExports load(Path stateDirectory, Path directory) {
        Path absoluteDirectory = directory.toAbsolutePath().normalize();
        Path file = stateDirectory.toAbsolutePath().normalize().resolve(fileName(absoluteDirectory));
        Map<String, Entry> files = new TreeMap<>();
        if (Files.exists(file)) {
            try {
                Content content = JSON.readValue(file.toFile(), Content.class);
                if (content.version() != VERSION) {
                    throw new IOException("it has version " + content.version() + ", this program reads version " + VERSION);
                }
                if (content.files() != null) {
                    for (Map.Entry<String, Entry> e : content.files().entrySet()) {
                        if (e.getValue() == null || e.getValue().lastModified() == null) {
                            throw new IOException("the entry of " + e.getKey() + " has no lastModified");
                        }
                        Instant.parse(e.getValue().lastModified()); // refuse a corrupt entry now, not at the first comparison
                        files.put(e.getKey(), e.getValue());
                    }
                }
            } catch (IOException | DateTimeParseException e) {
                throw new UncheckedIOException(new IOException("processed-exports marker " + file + " cannot be read: "
                        + e.getMessage() + "; delete it (every export file in " + absoluteDirectory
                        + " then counts as new once) or restore it from a backup", e));
            }
        }
        return new ProcessedExports(file, absoluteDirectory, files);
    }

    /**
     * The marker's file name: the watched folder's name for people, plus a hash of its full path so
     * two watched folders with the same name can share a state directory.
     */
    static String fileName(Path absoluteDirectory) {
        Path last = absoluteDirectory.getFileName();
        String name = last == null ? "root" : last.toString().replaceAll("[^A-Za-z0-9_-]", "_");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(absoluteDirectory.toString().getBytes(StandardCharsets.UTF_8));
            return "processed-exports-" + name + "-" + HexFormat.of().formatHex(hash, 0, 4) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM, which every Java SE runtime must have", e);
        }
    }

    /** Where the marker is kept. */
    Path file() {
        return file;
    }

    /** Whether a successful retrain consumed this file at exactly this size and modification time. */
    synchronized boolean isProcessed(FileChange change) {
        if (!directory.equals(change.path().getParent())) {
            return false;
        }
        Entry entry = files.get(change.path().getFileName().toString());
        return entry != null && entry.size() == change.size()
                && Instant.parse(entry.lastModified()).equals(change.lastModified());
    }

    /**
     * Records these files as consumed and writes the marker. Files outside the watched directory
     * are not recorded (a request given by hand may name any file); entries of files no longer in
     * the directory are dropped.
     */
    synchronized void markProcessed(Collection<FileChange> consumed) {
        Objects.requireNonNull(consumed, "consumed");
        for (FileChange change : consumed) {
            if (directory.equals(change.path().getParent())) {
                files.put(change.path().getFileName().toString(),
                        new Entry(change.size(), change.lastModified().toString()));
            }
        }
        files.keySet().removeIf(name -> !Files.exists(directory.resolve(name)));
        write();
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = JSON.writeValueAsBytes(new Content(VERSION, directory.toString(), files));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true); // on disk before the rename makes it the marker
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("processed-exports marker " + file + " cannot be written: " + e.getMessage()
                    + "; check that the state directory is writable and has free space", e);
        }
    }
}
