package io.github.rltrading.learning.finetune;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Renders an Ollama {@code Modelfile} that puts a fine-tuned LoRA adapter on its base model:
 * <pre>
 * FROM deepseek-r1:8b
 * ADAPTER /models/reasoner-lora/adapter.gguf
 * PARAMETER temperature 0.1
 * PARAMETER num_ctx 4096
 * SYSTEM """You are a cautious risk analyst ..."""
 * </pre>
 * Save it as {@code Modelfile} and run {@code ollama create reasoner-es -f Modelfile}; see
 * {@code docs/fine-tuning.md} for the whole loop.
 *
 * <p><b>Checks</b>, each refusing with a message that names the value and the fix:
 * <ul>
 *   <li>The base model is one token (a model name such as {@code deepseek-r1:8b}, or a path without
 *       spaces): a Modelfile value has no escapes.</li>
 *   <li>The adapter path must be <b>absolute</b>: Ollama resolves a relative {@code ADAPTER} against
 *       the Modelfile's directory, not the directory the program ran in, so a relative path would
 *       silently mean a different file depending on where the Modelfile is saved. It must also
 *       <b>exist</b> (a GGUF adapter file, or a directory holding a Safetensors adapter):
 *       {@code ollama create} reads it then, and a missing one is better reported now, with the path,
 *       than by a failed create later.</li>
 *   <li>The system prompt may span lines but must not contain {@code """}, which would end the
 *       {@code SYSTEM """...""" } block early; leading and trailing blanks are dropped.</li>
 * </ul>
 *
 * <p>The adapter must have been trained on the same base model; Ollama does not check that, and an
 * adapter on another base gives erratic output.
 */
public final class ModelfileTemplate {

    private ModelfileTemplate() {}

    /**
     * Sampling settings written as {@code PARAMETER} lines.
     *
     * @param temperature the sampling temperature, ≥ 0; low, because a risk analyst should be steady
     * @param numCtx      the context window in tokens, ≥ 256
     */
    public record Parameters(double temperature, int numCtx) {

        /** Temperature 0.1 and a 4096-token context, the reasoner's own defaults. */
        public static final Parameters DEFAULT = new Parameters(0.1, 4096);

        public Parameters {
            if (!(temperature >= 0 && Double.isFinite(temperature))) {
                throw new IllegalArgumentException("Modelfile temperature must be a finite number >= 0, got "
                        + temperature + "; the reasoner uses 0.1");
            }
            if (numCtx < 256) {
                throw new IllegalArgumentException("Modelfile num_ctx must be at least 256 tokens, got " + numCtx
                        + "; the reasoner uses 4096");
            }
        }
    }

    /** The Modelfile text with {@link Parameters#DEFAULT}. */
    public static String render(String baseModel, Path adapterPath, String systemPrompt) {
        return render(baseModel, adapterPath, systemPrompt, Parameters.DEFAULT);
    }

    /**
     * The Modelfile text.
     *
     * @throws IllegalArgumentException if an input fails a check listed on the class
     */
    public static String render(String baseModel, Path adapterPath, String systemPrompt, Parameters parameters) {
        Objects.requireNonNull(baseModel, "baseModel");
        Objects.requireNonNull(adapterPath, "adapterPath");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(parameters, "parameters");
        if (baseModel.isBlank() || !baseModel.equals(baseModel.strip()) || baseModel.chars().anyMatch(
                c -> Character.isWhitespace(c) || c == '"')) {
            throw new IllegalArgumentException("Modelfile baseModel must be one Ollama model name or path without "
                    + "spaces or quotes, got '" + baseModel + "'; e.g. deepseek-r1:8b, the model the adapter was trained on");
        }
        if (!adapterPath.isAbsolute()) {
            throw new IllegalArgumentException("Modelfile adapterPath '" + adapterPath + "' is relative; Ollama resolves "
                    + "a relative ADAPTER against the Modelfile's directory, not the current one, so give an absolute "
                    + "path, e.g. " + adapterPath.toAbsolutePath());
        }
        String adapter = adapterPath.toString();
        if (!adapter.equals(adapter.strip()) || adapter.contains("\"") || adapter.contains("\n")
                || adapter.contains("\r")) {
            throw new IllegalArgumentException("Modelfile adapterPath '" + adapter + "' has a quote, a line break or "
                    + "leading or trailing blanks, which a Modelfile value cannot hold; move the adapter to a plainer path");
        }
        if (!Files.exists(adapterPath)) {
            throw new IllegalArgumentException("Modelfile adapterPath '" + adapter + "' does not exist; convert the "
                    + "LoRA adapter to GGUF (or keep the Safetensors adapter directory) there first");
        }
        String system = systemPrompt.strip();
        if (system.isEmpty()) {
            throw new IllegalArgumentException("Modelfile systemPrompt must not be blank; give the prompt the examples "
                    + "were trained with (FineTuneExporter.systemPrompt())");
        }
        if (system.contains("\"\"\"")) {
            throw new IllegalArgumentException("Modelfile systemPrompt contains \"\"\", which would end the SYSTEM "
                    + "block early (a Modelfile has no escapes); reword it without three quotes in a row");
        }
        return "# Written by io.github.rltrading.learning.finetune.ModelfileTemplate.\n"
                + "# Create the model with: ollama create <name> -f <this file>\n"
                + "FROM " + baseModel + "\n"
                + "ADAPTER " + adapter + "\n"
                + "PARAMETER temperature " + parameters.temperature() + "\n"
                + "PARAMETER num_ctx " + parameters.numCtx() + "\n"
                + "SYSTEM \"\"\"" + system + "\"\"\"\n";
    }
}
