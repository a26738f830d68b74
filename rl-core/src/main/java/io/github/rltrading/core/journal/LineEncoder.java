package io.github.rltrading.core.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rltrading.core.util.IsoTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Encodes journal events into lines with one long-lived JSON generator and one reused buffer,
 * instead of a new generator, buffer and copy per event: the journal writes two events per bar of a
 * backtest, so this is on the hottest path there is. Not thread-safe: one per journal, used under
 * its lock or on its writer thread.
 */
final class LineEncoder {

    private final ObjectMapper json;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private JsonGenerator g;
    private final FastJsonLine fast = new FastJsonLine();

    LineEncoder(ObjectMapper json) {
        this.json = json;
        this.g = newGenerator();
    }

    private JsonGenerator newGenerator() {
        try {
            JsonGenerator gen = json.getFactory().createGenerator(out);
            gen.setRootValueSeparator(null); // lines are separated by our '\n', not Jackson's ' '
            return gen;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One event as a line of UTF-8 JSON ending in {@code \n}. */
    private byte[] encodeValue(long seq, Instant time, EventType type, String source, JournalFiles.ValueWriter data) {
        out.reset();
        try {
            g.writeStartObject();
            g.writeNumberField("seq", seq);
            g.writeStringField("time", IsoTime.format(time));
            g.writeStringField("type", type.wireName());
            g.writeStringField("source", source);
            g.writeFieldName("data");
            data.write(g);
            g.writeEndObject();
            g.flush();
        } catch (IOException | RuntimeException e) {
            // The generator's state is unknown after a failure half-way through an event: start afresh.
            g = newGenerator();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot encode journal event " + seq + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Events streamed field by field go through the byte-level encoder, not Jackson. */
    byte[] encode(long seq, Instant time, EventType type, String source, Journal.DataWriter data) {
        return fast.encode(seq, time, type, source, data);
    }

    byte[] encode(JournalEvent e) {
        return encodeValue(e.sequence(), e.time(), e.type(), e.source(), gen -> {
            if (e.data() == null) {
                gen.writeNull();
            } else {
                json.writeTree(gen, e.data());
            }
        });
    }
}
