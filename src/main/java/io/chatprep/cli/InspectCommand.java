package io.chatprep.cli;

/** {@code chatprep inspect}. */
public final class InspectCommand implements Command {
    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String summary() {
        return "Show which tokens of a conversation are trained";
    }

    @Override
    public int run(Args args) {
        throw new UsageException("'inspect' is not available yet");
    }
}
