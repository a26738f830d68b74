package io.github.rltrading.env.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A frozen normalisation: per column {@code y = clip((x - centre[c]) / scale[c])}, fitted once by
 * {@link Normalizer} and then applied unchanged to training, validation and live data.
 *
 * <p>Applying is allocation-free and deterministic: the arithmetic is {@code double} subtraction
 * and division rounded once to {@code float}, so a copy loaded from JSON (which stores the
 * {@code double} centre and scale exactly) gives bit-identical output. NaN inputs give NaN, or 0
 * when {@link #nanToZero()}; infinite inputs give infinities unless clipped. Every {@code scale}
 * is finite and positive (constant columns were given scale 1 when fitted) and every
 * {@code centre} is finite.
 *
 * <p>Before applying a loaded normalisation to features, call
 * {@link #requireCompatible(List, String)}: a normalisation fitted on other columns silently
 * produces garbage.
 *
 * @param method         how centre and scale were computed
 * @param names          column names, in column order
 * @param featureSetHash the hash of the feature set fitted on, or null if none was given
 * @param fromRow        first fitted row
 * @param toRowExclusive one past the last fitted row
 * @param fittedRows     number of rows fitted on, {@code toRowExclusive - fromRow}
 * @param clip           bound applied after scaling, 0 for none
 * @param nanToZero      whether NaN inputs become 0 instead of NaN
 * @param centre         per-column centre (mean or median)
 * @param scale          per-column scale (std or IQR), finite and positive
 * @param statistics     per-column drift statistics of the fitted rows
 */
public record FittedNormalization(
        NormalizationMethod method,
        List<String> names,
        String featureSetHash,
        int fromRow,
        int toRowExclusive,
        int fittedRows,
        double clip,
        boolean nanToZero,
        double[] centre,
        double[] scale,
        List<ColumnStatistics> statistics) {

    /** Value of the {@code format} field of the JSON form. */
    public static final String FORMAT = "rl-trading/normalization";

    /** Version of the JSON form written by {@link #toJson()}. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** Validates the components and takes defensive copies. */
    public FittedNormalization {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(statistics, "statistics");
        int cols = centre.length;
        Checks.names(names, cols);
        if (scale.length != cols || statistics.size() != cols || cols == 0) {
            throw new IllegalArgumentException("centre (" + centre.length + "), scale (" + scale.length
                    + "), statistics (" + statistics.size() + ") and names (" + names.size()
                    + ") must all have the same, non-zero length");
        }
        for (int c = 0; c < cols; c++) {
            if (!Double.isFinite(centre[c])) {
                throw new IllegalArgumentException("centre[" + c + "] is " + centre[c] + "; it must be finite");
            }
            if (!(Double.isFinite(scale[c]) && scale[c] > 0)) {
                throw new IllegalArgumentException("scale[" + c + "] is " + scale[c]
                        + "; it must be finite and positive");
            }
            Objects.requireNonNull(statistics.get(c), "statistics[" + c + "]");
        }
        if (fittedRows != toRowExclusive - fromRow || fittedRows <= 0 || fromRow < 0) {
            throw new IllegalArgumentException("fittedRows (" + fittedRows + ") must equal toRowExclusive ("
                    + toRowExclusive + ") - fromRow (" + fromRow + ") and be positive");
        }
        checkClip(clip);
        names = List.copyOf(names);
        statistics = List.copyOf(statistics);
        centre = centre.clone();
        scale = scale.clone();
    }

    static double checkClip(double clip) {
        if (!(Double.isFinite(clip) && clip >= 0)) {
            throw new IllegalArgumentException("clip is " + clip + "; pass a positive bound such as 5 or 10,"
                    + " or 0 for no clipping");
        }
        return clip;
    }

    /**
     * Number of columns.
     *
     * @return the column count
     */
    public int columns() {
        return centre.length;
    }

    /**
     * Normalises one row. {@code in} and {@code out} may be the same array at the same offset
     * (in place); other overlaps are not supported. Allocation-free.
     *
     * @param in        source array
     * @param inOffset  index of the row's first value in {@code in}
     * @param out       destination array
     * @param outOffset index where the row's first normalised value goes
     * @throws IllegalArgumentException if a row does not fit at an offset
     */
    public void apply(float[] in, int inOffset, float[] out, int outOffset) {
        int cols = centre.length;
        Checks.slice("in", in, "inOffset", inOffset, cols);
        Checks.slice("out", out, "outOffset", outOffset, cols);
        applyUnchecked(in, inOffset, out, outOffset);
    }

    private void applyUnchecked(float[] in, int inOffset, float[] out, int outOffset) {
        int cols = centre.length;
        float nanValue = nanToZero ? 0f : Float.NaN;
        for (int c = 0; c < cols; c++) {
            float x = in[inOffset + c];
            if (Float.isNaN(x)) {
                out[outOffset + c] = nanValue;
                continue;
            }
            double z = (x - centre[c]) / scale[c];
            if (clip > 0) {
                z = z > clip ? clip : (z < -clip ? -clip : z);
            }
            out[outOffset + c] = (float) z;
        }
    }

    /**
     * A normalised copy of a feature matrix (after checking it is the feature set this was fitted
     * on), for environments: NaN stays NaN here whatever {@link #nanToZero()} says, so warm-up rows
     * stay marked invalid.
     *
     * @throws FeatureMismatchException when the matrix has other features or another hash
     */
    public io.github.rltrading.env.features.FeatureMatrix applyTo(io.github.rltrading.env.features.FeatureMatrix matrix) {
        requireCompatible(matrix.names(), matrix.hash());
        float[] copy = java.util.Arrays.copyOf(matrix.data(), matrix.rows() * matrix.columns());
        withNanToZero(false).applyAll(copy, matrix.rows());
        return io.github.rltrading.env.features.FeatureMatrix.of(matrix.featureSetId(), matrix.hash(), matrix.names(), copy,
                matrix.rows());
    }

    /**
     * Normalises the first {@code rows} rows of a row-major matrix in place. Allocation-free.
     *
     * @param data row-major matrix with {@link #columns()} columns
     * @param rows number of rows to normalise, from row 0
     * @throws IllegalArgumentException if {@code data} holds fewer than {@code rows * columns()} values
     */
    public void applyAll(float[] data, int rows) {
        int cols = centre.length;
        if (data == null) {
            throw new IllegalArgumentException("data is null; pass the row-major feature matrix");
        }
        if (rows < 0 || (long) rows * cols > data.length) {
            throw new IllegalArgumentException("rows is " + rows + " but data.length is " + data.length
                    + " and the normalisation has " + cols + " columns; pass rows in [0, "
                    + data.length / cols + "] (data.length / columns)");
        }
        for (int r = 0; r < rows; r++) {
            applyUnchecked(data, r * cols, data, r * cols);
        }
    }

    /**
     * Checks that features with these names and hash are the ones this normalisation was fitted on.
     * The names must be equal in number and order. The hash is compared only when this
     * normalisation was fitted with a non-null hash; then {@code featureSetHash} must be equal
     * (null counts as different).
     *
     * @param names          the column names of the features about to be normalised
     * @param featureSetHash the hash of their feature set, may be null
     * @throws FeatureMismatchException naming the first differing column and both hashes
     */
    public void requireCompatible(List<String> names, String featureSetHash) {
        if (names == null) {
            throw new IllegalArgumentException("names is null; pass the column names of the features");
        }
        StringBuilder problem = new StringBuilder();
        if (names.size() != this.names.size()) {
            problem.append("the normalisation was fitted on ").append(this.names.size())
                    .append(" columns but the features have ").append(names.size()).append(" columns");
        }
        int n = Math.min(names.size(), this.names.size());
        for (int i = 0; i < n; i++) {
            if (!this.names.get(i).equals(names.get(i))) {
                if (problem.length() > 0) {
                    problem.append("; ");
                }
                problem.append("first differing column at index ").append(i).append(": fitted '")
                        .append(this.names.get(i)).append("', features '").append(names.get(i)).append('\'');
                break;
            }
        }
        boolean hashDiffers = this.featureSetHash != null && !this.featureSetHash.equals(featureSetHash);
        if (hashDiffers) {
            if (problem.length() > 0) {
                problem.append("; ");
            }
            problem.append("feature-set hash differs");
        }
        if (problem.length() == 0) {
            return;
        }
        throw new FeatureMismatchException("Normalisation does not match the features: " + problem
                + " (fitted hash " + quote(this.featureSetHash) + ", features hash " + quote(featureSetHash)
                + "). Fix: re-fit the normalisation on the current feature set with Normalizer.fit, or load the"
                + " normalisation file that was saved with this feature set.");
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    /**
     * The statistics of one column.
     *
     * @param name a column name
     * @return its statistics
     * @throws IllegalArgumentException if there is no such column
     */
    public ColumnStatistics statistics(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column named '" + name + "'; columns are " + names);
        }
        return statistics.get(i);
    }

    /**
     * A copy with another clip bound.
     *
     * @param clip the bound, 0 for none
     * @return the copy
     */
    public FittedNormalization withClip(double clip) {
        return new FittedNormalization(method, names, featureSetHash, fromRow, toRowExclusive, fittedRows, clip,
                nanToZero, centre, scale, statistics);
    }

    /**
     * A copy with another NaN policy.
     *
     * @param nanToZero true to turn NaN into 0
     * @return the copy
     */
    public FittedNormalization withNanToZero(boolean nanToZero) {
        return new FittedNormalization(method, names, featureSetHash, fromRow, toRowExclusive, fittedRows, clip,
                nanToZero, centre, scale, statistics);
    }

    /**
     * The JSON form: an object with {@code format}, {@code version} and {@code normalization}.
     * Doubles are written in shortest round-trip form, so {@link #fromJson(String)} restores them
     * exactly; NaN statistics are written as the string {@code "NaN"}.
     *
     * @return the JSON text
     */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(new NormalizationFile(FORMAT, FORMAT_VERSION, this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write normalisation as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the form written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the normalisation
     * @throws IllegalArgumentException if the text is not a valid normalisation of a known version
     */
    public static FittedNormalization fromJson(String json) {
        if (json == null) {
            throw new IllegalArgumentException("json is null; pass the text written by toJson()");
        }
        NormalizationFile file;
        try {
            file = MAPPER.readValue(json, NormalizationFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid normalisation JSON: " + e.getOriginalMessage()
                    + "; pass text written by FittedNormalization.toJson() or save()", e);
        }
        if (!FORMAT.equals(file.format()) || file.version() != FORMAT_VERSION || file.normalization() == null) {
            throw new IllegalArgumentException("unsupported normalisation JSON: format " + quote(file.format())
                    + ", version " + file.version() + "; expected format '" + FORMAT + "' version "
                    + FORMAT_VERSION + "; re-fit and save with this version of the library");
        }
        return file.normalization();
    }

    /**
     * Writes {@link #toJson()} as UTF-8 to a file, replacing it.
     *
     * @param path the file
     * @throws UncheckedIOException if writing fails
     */
    public void save(Path path) {
        try {
            Files.writeString(path, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write normalisation to " + path, e);
        }
    }

    /**
     * Reads a file written by {@link #save(Path)}.
     *
     * @param path the file
     * @return the normalisation
     * @throws UncheckedIOException     if reading fails
     * @throws IllegalArgumentException if the content is not a valid normalisation
     */
    public static FittedNormalization load(Path path) {
        try {
            return fromJson(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read normalisation from " + path, e);
        }
    }

    /**
     * Reads a file written by {@link #save(Path)} and checks it against the features it is for.
     *
     * @param path           the file
     * @param names          the column names of the features
     * @param featureSetHash their feature-set hash, may be null
     * @return the normalisation
     * @throws FeatureMismatchException if it was fitted on other features
     */
    public static FittedNormalization load(Path path, List<String> names, String featureSetHash) {
        FittedNormalization n = load(path);
        n.requireCompatible(names, featureSetHash);
        return n;
    }

    @Override
    public double[] centre() {
        return centre.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FittedNormalization f
                && method == f.method
                && names.equals(f.names)
                && Objects.equals(featureSetHash, f.featureSetHash)
                && fromRow == f.fromRow
                && toRowExclusive == f.toRowExclusive
                && fittedRows == f.fittedRows
                && Double.compare(clip, f.clip) == 0
                && nanToZero == f.nanToZero
                && Arrays.equals(centre, f.centre)
                && Arrays.equals(scale, f.scale)
                && statistics.equals(f.statistics);
    }

    @Override
    public int hashCode() {
        int h = method.hashCode();
        h = 31 * h + names.hashCode();
        h = 31 * h + Arrays.hashCode(centre);
        return 31 * h + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "FittedNormalization[method=" + method + ", columns=" + names + ", featureSetHash=" + featureSetHash
                + ", rows=[" + fromRow + ", " + toRowExclusive + "), clip=" + clip + ", nanToZero=" + nanToZero
                + ", centre=" + Arrays.toString(centre) + ", scale=" + Arrays.toString(scale) + "]";
    }

    /** The JSON envelope. */
    record NormalizationFile(String format, int version, FittedNormalization normalization) {}
}
