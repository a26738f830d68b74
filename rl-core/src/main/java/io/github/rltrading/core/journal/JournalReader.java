package io.github.rltrading.core.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a journal back, in order, across its rotated files, one line at a time (never a whole
 * file in memory).
 *
 * <pre>{@code
 * try (Stream<JournalEvent> events = JournalReader.read(dir)) {
 *     long fills = events.filter(e -> e.type() == EventType.FILL).count();
 * }
 * }</pre>
 *
 * A torn last line in the newest file (a crash while writing) is skipped with a warning. A corrupt
 * line anywhere else is an error naming the file, the line number and the problem: that is damage,
 * not an interrupted write.
 */
public final class JournalReader {

    private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);

    private JournalReader() {}

    /** Reads the journal named {@code journal} in {@code directory}. Close the stream. */
    public static Stream<JournalEvent> read(Path directory) {
        return read(directory, "journal");
    }

    /** Reads the journal with file prefix {@code baseName} in {@code directory}. Close the stream. */
    public static Stream<JournalEvent> read(Path directory, String baseName) {
        List<JournalFiles.Entry> files;
        try {
            files = JournalFiles.list(directory, baseName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list journal files in " + directory + ": " + e.getMessage(), e);
        }
        EventIterator it = new EventIterator(files);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(it::close);
    }

    /** Thrown for a corrupt line that is not the torn end of the journal. */
    public static final class CorruptJournalException extends RuntimeException {
        CorruptJournalException(String message) {
            super(message);
        }
    }

    private static final class EventIterator implements Iterator<JournalEvent> {
        private final List<JournalFiles.Entry> files;
        private final ObjectMapper json = JournalFiles.mapper();
        private int fileIndex = -1;
        private JournalFiles.LineReader reader;
        private int lineNumber;
        private JournalFiles.Line pendingLine;
        private JournalEvent next;

        EventIterator(List<JournalFiles.Entry> files) {
            this.files = files;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            try {
                next = advance();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot read journal file " + currentFile() + ": " + e.getMessage(), e);
            }
            return next != null;
        }

        @Override
        public JournalEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JournalEvent e = next;
            next = null;
            return e;
        }

        private JournalEvent advance() throws IOException {
            while (true) {
                if (reader == null) {
                    if (++fileIndex >= files.size()) {
                        return null;
                    }
                    reader = new JournalFiles.LineReader(Files.newInputStream(files.get(fileIndex).path()));
                    lineNumber = 0;
                    pendingLine = reader.next();
                }
                JournalFiles.Line line = pendingLine;
                if (line == null) {
                    reader.close();
                    reader = null;
                    continue;
                }
                lineNumber++;
                pendingLine = reader.next();
                boolean lastLineOfJournal = pendingLine == null && fileIndex == files.size() - 1;
                if (lastLineOfJournal && !line.terminated()) {
                    // The writer ends every event with '\n' in the same write, so a last line without
                    // one was interrupted, even if what arrived parses. The writer cuts it on open and
                    // reuses its sequence number, so reporting it here would show an event that never was.
                    LOG.warn("journal {}: skipping torn last line {} (no final newline, {} byte(s)); "
                            + "it was being written when the writer stopped", currentFile(), lineNumber,
                            line.text().getBytes(StandardCharsets.UTF_8).length);
                    continue;
                }
                if (line.text().isBlank()) {
                    continue;
                }
                try {
                    return JournalFiles.decode(json, line.text());
                } catch (IllegalArgumentException e) {
                    if (lastLineOfJournal) {
                        LOG.warn("journal {}: skipping torn last line {} ({}); it was being written when the writer stopped",
                                currentFile(), lineNumber, e.getMessage());
                        continue;
                    }
                    close();
                    throw new CorruptJournalException("journal " + currentFile() + " line " + lineNumber
                            + " is corrupt: " + e.getMessage() + "; the journal is damaged before its end, "
                            + "so it was not written by this SDK alone (restore the file from a backup)");
                }
            }
        }

        private Path currentFile() {
            return fileIndex >= 0 && fileIndex < files.size() ? files.get(fileIndex).path() : null;
        }

        void close() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException e) {
                    LOG.debug("closing journal reader failed", e);
                }
                reader = null;
            }
        }
    }
}
