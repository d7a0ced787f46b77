package io.chatprep.cli;

import io.chatprep.job.RunRejectedException;
import io.chatprep.job.config.ConfigException;
import io.chatprep.job.input.InputException;
import io.chatprep.job.input.InputReadException;
import io.chatprep.job.output.OutputRefusedException;

/**
 * The process exit codes, distinct so that a scheduler can tell what to do: fix the command, fix the input, pick
 * another output, look at the rejected rows, or retry. A stop signal ends the JVM with the usual 128 + signal.
 */
public enum ExitCode {
    OK(0, "success"),
    FAILED(1, "the run failed (a Spark task, out of memory, a filesystem error): retrying may help"),
    USAGE(2, "wrong command line or configuration (a key, a value, the tokenizer, the chat template)"),
    INPUT(3, "the input cannot be read: no files match, a file is unreadable or not JSON Lines, or it holds no rows"),
    OUTPUT(4, "the output was refused: it exists (mode error-if-exists), holds the input, or is not a chatprep output"),
    REJECTED(5, "the run finished but was not published: no row written, or more rows quarantined than "
            + "max_quarantine_share allows");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The code a command's failure ends with. */
    static ExitCode of(Throwable e) {
        if (e instanceof RunRejectedException) {
            return REJECTED;
        }
        if (e instanceof OutputRefusedException) {
            return OUTPUT;
        }
        if (e instanceof InputException || readsInput(e)) {
            return INPUT;
        }
        if (e instanceof ConfigException || e instanceof UsageException) {
            return USAGE;
        }
        return FAILED;
    }

    /** An input file that failed in a task: the cause itself in local mode, its class name in a cluster's text. */
    private static boolean readsInput(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InputReadException
                    || String.valueOf(c.getMessage()).contains(InputReadException.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The table {@code --help} prints. */
    static String table() {
        StringBuilder b = new StringBuilder("exit codes:\n");
        for (ExitCode c : values()) {
            b.append(String.format(java.util.Locale.ROOT, "  %d  %s%n", c.code, c.meaning));
        }
        return b.append("  130/143  stopped by Ctrl-C / SIGTERM (the output is left as it was)").toString();
    }
}
