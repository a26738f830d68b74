package io.github.rltrading.reasoning.llm;

/**
 * A model's answer.
 *
 * @param content  the answer text, with any {@code <think>} block removed
 * @param thinking the model's reasoning (from {@code message.thinking}, {@code reasoning_content} or a
 *                 {@code <think>} block in the content), empty when there was none
 * @param model    the model that answered
 * @param millis   wall time of the call
 */
public record ChatReply(String content, String thinking, String model, long millis) {

    /**
     * Splits a legacy reply whose content starts with {@code <think>…</think>} (older Ollama builds
     * and some OpenAI-compatible servers put DeepSeek-R1's reasoning there).
     */
    public static ChatReply of(String content, String thinking, String model, long millis) {
        String text = content == null ? "" : content;
        String thought = thinking == null ? "" : thinking;
        int open = text.indexOf("<think>");
        int close = text.indexOf("</think>");
        if (open >= 0 && close > open) {
            String inner = text.substring(open + "<think>".length(), close).strip();
            thought = thought.isEmpty() ? inner : thought + "\n" + inner;
            text = (text.substring(0, open) + text.substring(close + "</think>".length())).strip();
        } else if (open < 0 && close >= 0) {
            // Some templates open the block in the prompt, so only the closing tag arrives.
            String inner = text.substring(0, close).strip();
            thought = thought.isEmpty() ? inner : thought + "\n" + inner;
            text = text.substring(close + "</think>".length()).strip();
        }
        return new ChatReply(text, thought, model == null ? "" : model, millis);
    }
}
