package io.github.rltrading.core.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.rltrading.core.util.IsoTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** File naming, encoding and low-level reading shared by the journal writer and reader. */
final class JournalFiles {

    /** A journal file and what its name says. */
    record Entry(Path path, int number, LocalDate date) {}

    private JournalFiles() {}

    private static final ObjectMapper TREES = new ObjectMapper();

    static ObjectMapper mapper() {
        return new ObjectMapper();
    }

    static String fileName(String baseName, int number, LocalDate date) {
        return String.format("%s-%06d-%s.jsonl", baseName, number, date);
    }

    /** The journal files of {@code baseName} in {@code directory}, ordered by file number. */
    static List<Entry> list(Path directory, String baseName) throws IOException {
        Pattern p = Pattern.compile(Pattern.quote(baseName) + "-(\\d{6,})-(\\d{4}-\\d{2}-\\d{2})\\.jsonl");
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = p.matcher(f.getFileName().toString());
                if (m.matches() && Files.isRegularFile(f)) {
                    out.add(new Entry(f, Integer.parseInt(m.group(1)), LocalDate.parse(m.group(2))));
                }
            }
        }
        out.sort(Comparator.comparingInt(Entry::number));
        return out;
    }

    /** One event as a line of UTF-8 JSON ending in {@code \n}. */
    static byte[] encode(ObjectMapper json, JournalEvent e) {
        return encodeValue(json, e.sequence(), e.time(), e.type(), e.source(), g -> {
            if (e.data() == null) {
                g.writeNull();
            } else {
                json.writeTree(g, e.data());
            }
        });
    }

    /** Writes one whole value (the event's data). */
    @FunctionalInterface
    interface ValueWriter {
        void write(JsonGenerator g) throws IOException;
    }

    /** Encodes an event whose data fields are streamed by {@code data}. */
    static byte[] encode(ObjectMapper json, long seq, Instant time, EventType type, String source, Journal.DataWriter data) {
        return encodeValue(json, seq, time, type, source, g -> {
            g.writeStartObject();
            data.writeFields(g);
            g.writeEndObject();
        });
    }

    // Streamed, not built as a tree first: this runs for every event of every bar.
    private static byte[] encodeValue(ObjectMapper json, long seq, Instant time, EventType type, String source,
            ValueWriter data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("seq", seq);
            g.writeStringField("time", IsoTime.format(time));
            g.writeStringField("type", type.wireName());
            g.writeStringField("source", source);
            g.writeFieldName("data");
            data.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode journal event " + seq, e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** The data written by {@code data} as a tree (for journals that keep trees). */
    static ObjectNode tree(Journal.DataWriter data) {
        ObjectMapper json = TREES;
        try (TokenBuffer buffer = new TokenBuffer(json, false)) {
            buffer.writeStartObject();
            data.writeFields(buffer);
            buffer.writeEndObject();
            try (JsonParser p = buffer.asParser()) {
                return json.readTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build journal event data: " + e.getMessage(), e);
        }
    }

    /**
     * Parses one line into an event.
     *
     * @throws IllegalArgumentException describing what is wrong with the line
     */
    static JournalEvent decode(ObjectMapper json, String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (String field : List.of("seq", "time", "type", "source", "data")) {
            if (!node.has(field)) {
                throw new IllegalArgumentException("missing field '" + field + "'");
            }
        }
        if (!node.get("seq").canConvertToLong() || !node.get("data").isObject()) {
            throw new IllegalArgumentException("'seq' must be a whole number and 'data' an object");
        }
        Instant time;
        try {
            time = Instant.parse(node.get("time").asText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("field 'time' is not an ISO-8601 instant: '" + node.get("time").asText() + "'");
        }
        return new JournalEvent(node.get("seq").asLong(), time, EventType.fromWireName(node.get("type").asText()),
                node.get("source").asText(), (ObjectNode) node.get("data"));
    }

    /**
     * One line of a file without its line end.
     *
     * @param text       the line, decoded as UTF-8
     * @param terminated whether a {@code \n} ended it (false only for an unfinished last line)
     */
    record Line(String text, boolean terminated) {}

    /**
     * Reads a file line by line with a fixed buffer. Unlike {@link java.io.BufferedReader#readLine()}
     * it tells whether the last line had its {@code \n}, which is how a torn write is recognised.
     */
    static final class LineReader implements AutoCloseable {
        private final InputStream in;
        private final byte[] buf = new byte[64 * 1024];
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private int pos;
        private int len;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line, or null at the end of the file. */
        Line next() throws IOException {
            line.reset();
            while (true) {
                if (pos == len) {
                    len = in.read(buf);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return line.size() == 0 ? null : new Line(line.toString(StandardCharsets.UTF_8), false);
                    }
                }
                int start = pos;
                while (pos < len && buf[pos] != '\n') {
                    pos++;
                }
                line.write(buf, start, pos - start);
                if (pos < len) {
                    pos++; // the '\n'
                    return new Line(line.toString(StandardCharsets.UTF_8), true);
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    static byte byteAt(FileChannel ch, long position) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        ch.read(b, position);
        return b.get(0);
    }

    /**
     * Offset where the line that ends at {@code end} (exclusive; its own final newline, if any, is
     * at {@code end - 1}) starts: just after the previous newline, or 0.
     */
    static long startOfLastLine(FileChannel ch, long end) throws IOException {
        long pos = end - 1;
        if (pos >= 0 && byteAt(ch, pos) == '\n') {
            pos--;
        }
        ByteBuffer block = ByteBuffer.allocate(8192);
        while (pos >= 0) {
            long from = Math.max(0, pos - block.capacity() + 1);
            block.clear().limit((int) (pos - from + 1));
            ch.read(block, from);
            for (int i = block.position() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            pos = from - 1;
        }
        return 0;
    }

    /** The sequence number of the last line of a closed (complete) file, or 0 when it has none. */
    static long lastSequenceOf(ObjectMapper json, Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = ch.size();
            if (end == 0) {
                return 0;
            }
            long start = startOfLastLine(ch, end);
            ByteBuffer b = ByteBuffer.allocate((int) (end - start));
            ch.read(b, start);
            try {
                return decode(json, new String(b.array(), StandardCharsets.UTF_8).strip()).sequence();
            } catch (IllegalArgumentException e) {
                throw new IOException("journal " + file + ": last line is corrupt: " + e.getMessage());
            }
        }
    }
}
