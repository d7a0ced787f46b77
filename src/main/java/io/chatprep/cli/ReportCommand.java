package io.chatprep.cli;

/** {@code chatprep report}. */
public final class ReportCommand implements Command {
    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "Re-create report.html for an existing output directory";
    }

    @Override
    public int run(Args args) {
        throw new UsageException("'report' is not available yet");
    }
}
