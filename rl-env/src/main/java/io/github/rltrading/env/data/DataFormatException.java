package io.github.rltrading.env.data;

/**
 * A row of a data file that cannot become a correct bar. The message names the file, the line,
 * the field, the value, what is wrong and how to fix it; the parts are also available separately.
 */
public final class DataFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String field;
    private final String value;
    private final String reason;

    /**
     * @param source the file or stream name
     * @param line   1-based line number
     * @param field  the column (name or position) at fault
     * @param value  the text found there (shortened if long)
     * @param reason what is wrong
     * @param fix    what the user can do about it
     */
    public DataFormatException(String source, long line, String field, String value, String reason, String fix) {
        super(source + " line " + line + ", field " + field + ": " + reason
                + (value == null ? "" : " (value '" + value + "')") + "; " + fix);
        this.source = source;
        this.line = line;
        this.field = field;
        this.value = value;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    /** What is wrong, without the location (the category lenient loads count by). */
    public String reason() {
        return reason;
    }
}
