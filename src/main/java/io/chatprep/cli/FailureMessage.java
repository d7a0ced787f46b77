package io.chatprep.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line a failed command prints. Most messages are that line already, but Spark writes stack traces into
 * its own: a job abort carries the failed task's whole trace (the reason sits in its cause chain or after the
 * task's name), and a call on a stopped context lists where the context was made. Those become their reason;
 * the traces stay in Spark's log, and {@code CHATPREP_DEBUG=1} prints ours.
 */
final class FailureMessage {
    private static final String JOB_ABORTED = "Job aborted due to stage failure";
    private static final String STOPPED_CONTEXT = "Cannot call methods on a stopped SparkContext";
    /** "Task 1 in stage 0.0 failed 4 times, most recent failure: Lost task 1.3 in stage 0.0 (TID 7) (host executor 1): reason" */
    private static final Pattern ABORT = Pattern.compile(
            "Task (\\S+) in stage (\\S+) failed (\\d+) times?(?:.*?most recent failure: Lost task .*?\\) \\([^)]*\\): (.*))?");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at \\S");

    private FailureMessage() {
    }

    /** What to do about an OutOfMemoryError, which on its own names no remedy. */
    static final String OUT_OF_MEMORY = "; the JVM ran out of memory: give it more heap (CHATPREP_JAVA_OPTS=-Xmx8g for "
            + "a local run; spark.driver.memory / spark.executor.memory on a cluster) or make tasks smaller "
            + "(split_size_mb)";

    static String of(Throwable e) {
        String line = line(e);
        return outOfMemory(e) ? line + OUT_OF_MEMORY : line;
    }

    private static String line(Throwable e) {
        String message = e.getMessage();
        if (e instanceof Error && message != null) {
            return text(e);
        }
        if (message == null) {
            Throwable reason = firstWithMessage(e.getCause());
            return reason != null ? text(reason) : e.getClass().getSimpleName();
        }
        if (message.startsWith(JOB_ABORTED)) {
            return taskFailure(e, firstLine(message));
        }
        if (message.startsWith(STOPPED_CONTEXT)) {
            return "the Spark application stopped before the run finished (Spark's log says why: a cluster manager "
                    + "that removed the application, executors that could not start, ...)";
        }
        return withoutTrace(message);
    }

    private static String taskFailure(Throwable abort, String firstLine) {
        Matcher m = ABORT.matcher(firstLine);
        String which = "a Spark task failed";
        String reasonInText = null;
        if (m.find()) {
            int attempts = Integer.parseInt(m.group(3));
            which = "Spark task " + m.group(1) + " of stage " + m.group(2) + " failed"
                    + (attempts > 1 ? " " + attempts + " times" : "");
            reasonInText = m.group(4);
        }
        Throwable cause = firstWithMessage(abort.getCause());
        String reason = cause != null ? text(cause) : reasonInText;
        return which + ": " + (reason == null || reason.isBlank() ? "no reason given" : reason.strip())
                + " (the task's stack trace is in Spark's log)";
    }

    /** An OutOfMemoryError anywhere in the chain, or named in a Spark task's failure text. */
    private static boolean outOfMemory(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError || String.valueOf(c.getMessage()).contains("java.lang.OutOfMemoryError")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first exception down the chain whose message says something: Spark wraps a task's failure in ones that
     * only announce what follows ("Exception thrown in awaitResult: ").
     */
    private static Throwable firstWithMessage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank() && !m.strip().endsWith(":")) {
                return c;
            }
        }
        return null;
    }

    /** An error's class is most of its meaning (OutOfMemoryError: Java heap space); an exception's message is. */
    private static String text(Throwable t) {
        String m = firstLine(t.getMessage());
        return t instanceof Error ? t.getClass().getSimpleName() + ": " + m : m;
    }

    private static String withoutTrace(String message) {
        Matcher frame = STACK_FRAME.matcher(message);
        return frame.find() ? message.substring(0, frame.start()).stripTrailing() : message;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).stripTrailing();
    }
}
