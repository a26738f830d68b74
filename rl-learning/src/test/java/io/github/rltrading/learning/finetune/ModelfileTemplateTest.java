package io.github.rltrading.learning.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelfileTemplateTest {

    @TempDir
    Path dir;

    @Test
    void rendersFromAdapterParametersAndSystem() throws IOException {
        Path adapter = Files.writeString(dir.resolve("adapter.gguf"), "not really a gguf");

        String text = ModelfileTemplate.render("deepseek-r1:8b", adapter, "Line one.\nLine \"two\".\n");

        List<String> lines = text.lines().toList();
        assertThat(lines).contains("FROM deepseek-r1:8b", "ADAPTER " + adapter, "PARAMETER temperature 0.1",
                "PARAMETER num_ctx 4096");
        assertThat(text).endsWith("SYSTEM \"\"\"Line one.\nLine \"two\".\"\"\"\n");
        // every line is a comment, an instruction Ollama knows, or inside the SYSTEM block
        boolean inSystem = false;
        for (String line : lines) {
            if (!inSystem) {
                assertThat(line).matches("(#.*|(FROM|ADAPTER|PARAMETER|SYSTEM) .+)");
                inSystem = line.startsWith("SYSTEM \"\"\"") && !line.endsWith("\"\"\"");
            } else {
                inSystem = !line.endsWith("\"\"\"");
            }
        }
        assertThat(inSystem).as("SYSTEM block closed").isFalse();
    }

    @Test
    void takesASafetensorsAdapterDirectoryAndOtherParameters() throws IOException {
        Path adapter = Files.createDirectory(dir.resolve("lora"));

        String text = ModelfileTemplate.render("llama3.1:8b", adapter, "Be brief.",
                new ModelfileTemplate.Parameters(0.3, 8192));

        assertThat(text.lines()).contains("ADAPTER " + adapter, "PARAMETER temperature 0.3", "PARAMETER num_ctx 8192",
                "SYSTEM \"\"\"Be brief.\"\"\"");
    }

    @Test
    void aRelativeOrMissingAdapterIsRefused() {
        Path relative = Path.of("adapters/lora.gguf");
        assertThatThrownBy(() -> ModelfileTemplate.render("deepseek-r1:8b", relative, "x"))
                .hasMessage("Modelfile adapterPath 'adapters/lora.gguf' is relative; Ollama resolves a relative ADAPTER "
                        + "against the Modelfile's directory, not the current one, so give an absolute path, e.g. "
                        + relative.toAbsolutePath());
        Path missing = dir.resolve("missing.gguf");
        assertThatThrownBy(() -> ModelfileTemplate.render("deepseek-r1:8b", missing, "x"))
                .hasMessage("Modelfile adapterPath '" + missing + "' does not exist; convert the LoRA adapter to GGUF (or "
                        + "keep the Safetensors adapter directory) there first");
    }

    @Test
    void inputsAModelfileCannotHoldAreRefused() throws IOException {
        Path adapter = Files.writeString(dir.resolve("adapter.gguf"), "x");
        assertThatThrownBy(() -> ModelfileTemplate.render("deepseek r1", adapter, "x"))
                .hasMessage("Modelfile baseModel must be one Ollama model name or path without spaces or quotes, got "
                        + "'deepseek r1'; e.g. deepseek-r1:8b, the model the adapter was trained on");
        assertThatThrownBy(() -> ModelfileTemplate.render("deepseek-r1:8b", adapter, "say \"\"\"hi\"\"\""))
                .hasMessage("Modelfile systemPrompt contains \"\"\", which would end the SYSTEM block early (a Modelfile "
                        + "has no escapes); reword it without three quotes in a row");
        assertThatThrownBy(() -> ModelfileTemplate.render("deepseek-r1:8b", adapter, " \n "))
                .hasMessage("Modelfile systemPrompt must not be blank; give the prompt the examples were trained with "
                        + "(FineTuneExporter.systemPrompt())");
        assertThatThrownBy(() -> new ModelfileTemplate.Parameters(-0.1, 4096))
                .hasMessage("Modelfile temperature must be a finite number >= 0, got -0.1; the reasoner uses 0.1");
        assertThatThrownBy(() -> new ModelfileTemplate.Parameters(0.1, 100))
                .hasMessage("Modelfile num_ctx must be at least 256 tokens, got 100; the reasoner uses 4096");
    }
}
