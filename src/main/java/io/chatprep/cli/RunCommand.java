package io.chatprep.cli;

/** {@code chatprep run}. */
public final class RunCommand implements Command {
    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "Run the Spark job: conversations to sharded Parquet";
    }

    @Override
    public int run(Args args) {
        throw new UsageException("'run' is not available yet");
    }
}
