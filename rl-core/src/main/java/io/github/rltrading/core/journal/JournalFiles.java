package io.github.rltrading.core.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** Writes one whole value (the event's data). */
    @FunctionalInterface
    interface ValueWriter {
        void write(JsonGenerator g) throws IOException;
    }

    /** The data written by {@code data} as a tree (for journals that keep trees). */
    static ObjectNode tree(Journal.DataWriter data) {
        TreeFields fields = new TreeFields(TREES.createObjectNode());
        data.writeFields(fields);
        return fields.root;
    }

    /** {@link EventFields} that build a Jackson tree, with the same number rules as the line encoder. */
    private static final class TreeFields implements EventFields {
        final ObjectNode root;
        private final java.util.ArrayDeque<ObjectNode> stack = new java.util.ArrayDeque<>();

        TreeFields(ObjectNode root) {
            this.root = root;
            stack.push(root);
        }

        private ObjectNode top() {
            return stack.peek();
        }

        @Override
        public EventFields string(String name, String value) {
            top().put(name, value);
            return this;
        }

        @Override
        public EventFields number(String name, double value) {
            if (Double.isFinite(value)) {
                top().put(name, value);
            } else {
                top().putNull(name);
            }
            return this;
        }

        @Override
        public EventFields number(String name, long value) {
            top().put(name, value);
            return this;
        }

        @Override
        public EventFields bool(String name, boolean value) {
            top().put(name, value);
            return this;
        }

        @Override
        public EventFields numbers(String name, float[] values) {
            var array = top().putArray(name);
            for (float v : values) {
                if (Float.isFinite(v)) {
                    array.add(v);
                } else {
                    array.addNull();
                }
            }
            return this;
        }

        @Override
        public EventFields object(String name) {
            stack.push(top().putObject(name));
            return this;
        }

        @Override
        public EventFields end() {
            if (stack.size() == 1) {
                throw new IllegalStateException("end() without a matching object()");
            }
            stack.pop();
            return this;
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
