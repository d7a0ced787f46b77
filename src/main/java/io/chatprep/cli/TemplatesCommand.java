package io.chatprep.cli;

/** {@code chatprep templates}. */
public final class TemplatesCommand implements Command {
    @Override
    public String name() {
        return "templates";
    }

    @Override
    public String summary() {
        return "List the bundled training templates";
    }

    @Override
    public int run(Args args) {
        throw new UsageException("'templates' is not available yet");
    }
}
