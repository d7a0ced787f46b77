package io.chatprep.cli;

/** {@code chatprep tokenize}. */
public final class TokenizeCommand implements Command {
    @Override
    public String name() {
        return "tokenize";
    }

    @Override
    public String summary() {
        return "Render, tokenize and mask JSONL conversations (input_ids, assistant_masks, labels)";
    }

    @Override
    public int run(Args args) {
        throw new UsageException("'tokenize' is not available yet");
    }
}
