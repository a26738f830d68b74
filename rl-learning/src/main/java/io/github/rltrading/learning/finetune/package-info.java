/**
 * Fine-tuning data for the reasoner: what it learns from its own reflections.
 *
 * <ul>
 *   <li>{@link io.github.rltrading.learning.finetune.FineTuneExporter} writes annotated experiences
 *       (high-value and failed trades with the reasoner's reflection) as chat-format JSON Lines,
 *       the input of LoRA trainers such as unsloth, axolotl or llama.cpp's tools.</li>
 *   <li>{@link io.github.rltrading.learning.finetune.ModelfileTemplate} renders the Ollama
 *       {@code Modelfile} that loads the trained adapter on its base model.</li>
 * </ul>
 *
 * <pre>{@code
 * FineTuneExporter exporter = FineTuneExporter.builder().highValueMinPnl(250).build();
 * ExportSummary summary = exporter.export(experiences, Path.of("finetune/reflections.jsonl"));
 * String modelfile = ModelfileTemplate.render("deepseek-r1:8b",
 *         Path.of("/models/reasoner-lora.gguf"), exporter.systemPrompt());
 * }</pre>
 *
 * <p>Training itself happens outside this SDK; {@code docs/fine-tuning.md} walks through the loop.
 */
package io.github.rltrading.learning.finetune;
