package io.chatprep.cli;

/** One {@code chatprep <command>}. Returns the process exit code. */
public interface Command {
    String name();

    String summary();

    int run(Args args) throws Exception;
}
