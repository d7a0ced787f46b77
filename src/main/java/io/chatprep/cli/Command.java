package io.chatprep.cli;

/** One {@code chatprep <command>}. Returns the process exit code. */
public interface Command {
    String name();

    String summary();

    /** The synopsis {@code chatprep COMMAND --help} prints (options in brackets are optional). */
    String usage();

    int run(Args args) throws Exception;
}
