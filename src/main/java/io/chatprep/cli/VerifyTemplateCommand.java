package io.chatprep.cli;

/** {@code chatprep verify-template}. */
public final class VerifyTemplateCommand implements Command {
    @Override
    public String name() {
        return "verify-template";
    }

    @Override
    public String summary() {
        return "Check a training template against the original and the mask rules";
    }

    @Override
    public int run(Args args) {
        throw new UsageException("'verify-template' is not available yet");
    }
}
