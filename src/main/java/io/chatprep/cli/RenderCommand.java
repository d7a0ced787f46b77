package io.chatprep.cli;

/** {@code chatprep render}. */
public final class RenderCommand implements Command {
    @Override
    public String name() {
        return "render";
    }

    @Override
    public String summary() {
        return "Render chat templates for JSONL cases (text + generation spans)";
    }

    @Override
    public int run(Args args) {
        throw new UsageException("'render' is not available yet");
    }
}
