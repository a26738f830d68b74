package io.github.rltrading.core.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Journal} written as JSON Lines files in one directory, named
 * {@code <base>-<file number, 6 digits>-<UTC date of its first event>.jsonl} (e.g.
 * {@code journal-000003-2020-03-09.jsonl}), so that the file number orders them.
 *
 * <ul>
 *   <li>Rotation: a new file when the next line would take the current one past
 *       {@code rotateEveryBytes}, and (when {@code rotateDaily}) when an event's UTC date differs
 *       from the current file's.</li>
 *   <li>Durability: per {@link SyncPolicy}.</li>
 *   <li>Recovery: opening a directory that already has a journal continues its sequence numbers. If
 *       the newest file ends in a torn line (no final newline, or not valid JSON) left by a crash,
 *       the file is truncated back to the end of its last valid line and a warning is logged; see
 *       {@link #recovery()}. A crash therefore loses at most the line being written.</li>
 * </ul>
 *
 * Thread-safe: appends are serialised by a lock.

 */
public final class JsonLinesJournal implements Journal {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesJournal.class);
    /** In {@link SyncPolicy.OnClose} mode, write the buffer out once it holds this much. */
    private static final int BUFFER_LIMIT = 64 * 1024;

    private final Path directory;
    private final String baseName;
    private final long rotateEveryBytes;
    private final boolean rotateDaily;
    private final SyncPolicy syncPolicy;
    private final ObjectMapper json = JournalFiles.mapper();
    private final LineEncoder encoder = new LineEncoder(json);
    private final ReentrantLock lock = new ReentrantLock();
    /** The buffering policies' bytes not yet handed to the file. */
    private final byte[] pending = new byte[BUFFER_LIMIT];
    private int pendingLength;
    private final Recovery recovery;

    private FileChannel channel;
    private Path currentFile;
    private LocalDate currentDate;
    private long currentEpochDay = Long.MIN_VALUE;
    private long currentSize;
    private int fileNumber;
    private long sequence;
    private int unsyncedEvents;
    private long lastSyncNanos = System.nanoTime();
    /** fsyncs done so far; lets tests see that a policy really forces (durability itself is untestable). */
    private long syncCount;
    private boolean closed;

    private JsonLinesJournal(Builder b) throws IOException {
        this.directory = b.directory;
        this.baseName = b.baseName;
        this.rotateEveryBytes = b.rotateEveryBytes;
        this.rotateDaily = b.rotateDaily;
        this.syncPolicy = b.syncPolicy;
        Files.createDirectories(directory);
        if (b.replaceExisting) {
            for (JournalFiles.Entry old : JournalFiles.list(directory, baseName)) {
                Files.delete(old.path());
            }
        }
        List<JournalFiles.Entry> files = JournalFiles.list(directory, baseName);
        this.recovery = files.isEmpty() ? Recovery.none() : recover(files);
        this.sequence = recovery.lastSequence();
        if (!files.isEmpty()) {
            JournalFiles.Entry newest = files.get(files.size() - 1);
            fileNumber = newest.number();
            currentFile = newest.path();
            currentDate = newest.date();
            currentEpochDay = currentDate.toEpochDay();
            currentSize = Files.size(currentFile);
            channel = FileChannel.open(currentFile, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
    }

    static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** What opening found: whether a torn tail was cut off, and where the sequence continues. */
    public Recovery recovery() {
        return recovery;
    }

    /** The directory this journal writes to. */
    public Path directory() {
        return directory;
    }

    /** The last sequence number written (0 when none). */
    public long lastSequence() {
        lock.lock();
        try {
            return sequence;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long append(EventType type, String source, Instant time, ObjectNode data) {
        Objects.requireNonNull(data, "data");
        return appendLine(type, source, time, seq -> encoder.encode(new JournalEvent(seq, time, type, source, data)));
    }

    /** Streams the event's data to the file without building a tree (the form used for every bar). */
    @Override
    public long append(EventType type, String source, Instant time, Journal.DataWriter data) {
        Objects.requireNonNull(data, "data");
        return appendLine(type, source, time, seq -> encoder.encode(seq, time, type, source, data));
    }

    private long appendLine(EventType type, String source, Instant time, java.util.function.LongFunction<byte[]> encoder) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("journal " + directory + " is closed; open a new one to append");
            }
            long seq = sequence + 1;
            byte[] line = encoder.apply(seq);
            long epochDay = Math.floorDiv(time.getEpochSecond(), 86_400L);
            // The file's size counts what the OnClose policy still buffers for it.
            long fileSize = currentSize + pendingBytes();
            if (channel == null
                    || (fileSize > 0 && fileSize + line.length > rotateEveryBytes)
                    || (rotateDaily && epochDay != currentEpochDay)) {
                rotate(LocalDate.ofEpochDay(epochDay));
            }
            write(line);
            sequence = seq;
            return seq;
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + currentFile + ": cannot append " + type.wireName() + " event: "
                    + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private int pendingBytes() {
        return pendingLength;
    }

    /** Adds a line to the in-memory buffer of the buffering policies, writing it out when full. */
    private void buffer(byte[] line) throws IOException {
        if (pendingLength + line.length > pending.length) {
            drainBuffer();
            if (line.length > pending.length) {
                writeFully(ByteBuffer.wrap(line));
                currentSize += line.length;
                return;
            }
        }
        System.arraycopy(line, 0, pending, pendingLength, line.length);
        pendingLength += line.length;
    }

    private void write(byte[] line) throws IOException {
        switch (syncPolicy) {
            case SyncPolicy.OnClose ignored -> {
                buffer(line);
                return;
            }
            case SyncPolicy.Buffered ignored -> {
                buffer(line);
                return;
            }
            default -> writeFully(ByteBuffer.wrap(line));
        }
        currentSize += line.length;
        unsyncedEvents++;
        boolean sync = switch (syncPolicy) {
            case SyncPolicy.EveryEvent e -> true;
            case SyncPolicy.SyncEvery s -> unsyncedEvents >= s.events();
            case SyncPolicy.SyncInterval i -> System.nanoTime() - lastSyncNanos >= i.interval().toNanos();
            case SyncPolicy.FlushEveryEvent f -> false;
            case SyncPolicy.OnClose o -> false;
            case SyncPolicy.Buffered b -> false;
        };
        if (sync) {
            force();
        }
    }

    private void drainBuffer() throws IOException {
        if (pendingLength > 0) {
            writeFully(ByteBuffer.wrap(pending, 0, pendingLength));
            currentSize += pendingLength;
            pendingLength = 0;
        }
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private void force() throws IOException {
        channel.force(false);
        syncCount++;
        unsyncedEvents = 0;
        lastSyncNanos = System.nanoTime();
    }

    private void rotate(LocalDate date) throws IOException {
        if (channel != null) {
            drainBuffer();
            if (!(syncPolicy instanceof SyncPolicy.Buffered)) {
                force();
            }
            channel.close();
        }
        fileNumber++;
        currentFile = directory.resolve(JournalFiles.fileName(baseName, fileNumber, date));
        currentDate = date;
        currentEpochDay = date.toEpochDay();
        channel = FileChannel.open(currentFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        currentSize = 0;
    }

    /** How many times the current journal has forced its file to disk (for tests). */
    long syncCount() {
        lock.lock();
        try {
            return syncCount;
        } finally {
            lock.unlock();
        }
    }

    /** Writes out buffered events and forces them to disk. */
    public void flush() {
        lock.lock();
        try {
            if (channel != null && !closed) {
                drainBuffer();
                force();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + currentFile + ": flush failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (channel != null) {
                try {
                    drainBuffer();
                    if (!(syncPolicy instanceof SyncPolicy.Buffered)) {
                        force();
                    }
                } finally {
                    channel.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + currentFile + ": close failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    // --- recovery -------------------------------------------------------------------------------

    /**
     * Cuts a torn tail off the newest file and finds the last sequence number. Only the newest file
     * can be torn: older ones were closed (and forced) before the next was opened.
     */
    private Recovery recover(List<JournalFiles.Entry> files) throws IOException {
        JournalFiles.Entry newest = files.get(files.size() - 1);
        Path file = newest.path();
        long size = Files.size(file);
        long validEnd;
        long lastSeq = -1;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            validEnd = size;
            while (validEnd > 0) {
                long lineStart = JournalFiles.startOfLastLine(ch, validEnd);
                boolean endsWithNewline = JournalFiles.byteAt(ch, validEnd - 1) == '\n';
                if (endsWithNewline) {
                    long seq = parseSequence(ch, lineStart, validEnd - 1);
                    if (seq >= 0) {
                        lastSeq = seq;
                        break;
                    }
                }
                validEnd = lineStart;
            }
            if (validEnd < size) {
                ch.truncate(validEnd);
                ch.force(true);
                LOG.warn("journal {}: cut {} torn byte(s) at offset {} left by an interrupted write; "
                        + "every complete event before it is kept", file, size - validEnd, validEnd);
            }
        }
        if (lastSeq < 0) {
            // The newest file holds no valid event (empty, or only a torn line): continue from the newest
            // earlier file that has one (a crash just after a rotation can leave an empty file between).
            lastSeq = 0;
            for (int k = files.size() - 2; k >= 0 && lastSeq == 0; k--) {
                lastSeq = JournalFiles.lastSequenceOf(json, files.get(k).path());
            }
        }
        return new Recovery(size - validEnd, size == validEnd ? null : file, lastSeq);
    }

    /**
     * The sequence number of the line at {@code [start, endExclusive)}, or -1 when it is not an event
     * the reader would accept. The reader's own check is used on purpose: a line kept here that the
     * reader refuses would end up mid-file after the next append, and make the journal unreadable.
     */
    private long parseSequence(FileChannel ch, long start, long endExclusive) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) (endExclusive - start));
        ch.read(bytes, start);
        try {
            return JournalFiles.decode(json, new String(bytes.array(), StandardCharsets.UTF_8)).sequence();
        } catch (IllegalArgumentException e) {
            return -1; // the caller cuts it and logs the file, offset and byte count
        }
    }

    /**
     * What opening an existing journal found.
     *
     * @param droppedBytes bytes cut from the end of the newest file (0 when it was intact)
     * @param file         the file that was cut, or null
     * @param lastSequence the last valid sequence number; appends continue after it
     */
    public record Recovery(long droppedBytes, Path file, long lastSequence) {
        static Recovery none() {
            return new Recovery(0, null, 0);
        }

        public boolean repaired() {
            return droppedBytes > 0;
        }
    }

    /** Builder for {@link JsonLinesJournal}. */
    public static final class Builder {
        private final Path directory;
        private String baseName = "journal";
        private long rotateEveryBytes = 64L * 1024 * 1024;
        private boolean rotateDaily = true;
        private SyncPolicy syncPolicy = SyncPolicy.flushEveryEvent();
        private boolean replaceExisting;

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /** File name prefix; letters, digits, '_' and '-'. Default {@code journal}. */
        public Builder baseName(String value) {
            if (value == null || !value.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("journal baseName must be letters, digits, '_' or '-', got '" + value + "'");
            }
            this.baseName = value;
            return this;
        }

        /** Start a new file before one grows past this many bytes; default 64 MiB. */
        public Builder rotateEveryBytes(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("journal rotateEveryBytes must be >= 1, got " + value);
            }
            this.rotateEveryBytes = value;
            return this;
        }

        /** Start a new file when the UTC date of events changes; default true. */
        public Builder rotateDaily(boolean value) {
            this.rotateDaily = value;
            return this;
        }

        /**
         * Whether opening deletes this journal's files already in the directory (those named
         * {@code <baseName>-NNNNNN-<date>.jsonl}; nothing else is touched) instead of appending to
         * them. Default false. A backtest that rewrites its run folder sets it, so the folder never
         * holds two runs' journals.
         */
        public Builder replaceExisting(boolean value) {
            this.replaceExisting = value;
            return this;
        }

        public Builder syncPolicy(SyncPolicy value) {
            this.syncPolicy = Objects.requireNonNull(value, "syncPolicy");
            return this;
        }

        /**
         * Opens the journal, repairing a torn tail if there is one.
         *
         * @throws UncheckedIOException if the directory cannot be created or read
         */
        public JsonLinesJournal open() {
            try {
                return new JsonLinesJournal(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open journal in " + directory + ": " + e.getMessage(), e);
            }
        }
    }
}
