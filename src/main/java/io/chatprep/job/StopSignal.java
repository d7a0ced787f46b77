package io.chatprep.job;

import io.chatprep.job.output.OutputTarget;
import org.apache.spark.util.ShutdownHookManager;
import scala.runtime.BoxedUnit;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * A run stopped by SIGTERM or Ctrl-C. The JVM's shutdown stops the SparkContext under the running job, whose
 * threads then print stack traces of their own interruption ("Job 0 cancelled because SparkContext was shut down",
 * rejected futures, a null SparkEnv): none of them says what happened. So a command that runs the job
 * ({@link #watchCommand}) mutes standard error once shutdown starts (before Spark's context stops) and ends with one
 * line saying the run was stopped; each run ({@link #StopSignal}) removes its staging directory after the context has
 * stopped, when no task writes into it any more.
 */
public final class StopSignal implements AutoCloseable {
    /** Runs before Spark's default hooks and its context's stop. */
    private static final int MUTE_PRIORITY = ShutdownHookManager.DEFAULT_SHUTDOWN_PRIORITY() + 10;
    /** Runs after the context's stop and before Spark deletes its temporary directories. */
    private static final int CLEAN_PRIORITY = ShutdownHookManager.SPARK_CONTEXT_SHUTDOWN_PRIORITY() - 10;
    private static final int MESSAGE_PRIORITY = CLEAN_PRIORITY - 1;
    private static volatile boolean stopping;
    private static volatile boolean committed;

    private final Object cleanHook;

    /** For the length of one run: a stop removes what the run staged; the output stays as it was. */
    StopSignal(OutputTarget target) {
        cleanHook = ShutdownHookManager.addShutdownHook(CLEAN_PRIORITY, () -> {
            target.abort();
            return BoxedUnit.UNIT;
        });
    }

    /**
     * For a command's whole life: on a stop signal, standard error is muted and the command's one line printed on it
     * at the end, after the run's cleanup.
     */
    public static AutoCloseable watchCommand(String command, String output) {
        PrintStream err = System.err;
        Object mute = ShutdownHookManager.addShutdownHook(MUTE_PRIORITY, () -> {
            stopping = true;
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            try {
                // Log4j's console appender holds the stream it started with: Spark's warnings about its own shutdown.
                org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.OFF);
            } catch (LinkageError e) {
                // Another logging backend: its lines stay.
            }
            return BoxedUnit.UNIT;
        });
        Object message = ShutdownHookManager.addShutdownHook(MESSAGE_PRIORITY, () -> {
            err.println("chatprep " + command + ": stopped by a signal " + (committed
                    ? "after its output was complete and in place at " + output
                    : "before it finished; " + (output == null ? "nothing was written" : output + " was left as it "
                    + "was (what the run had staged beside it was removed)")));
            err.flush();
            return BoxedUnit.UNIT;
        });
        // Closed when the command returns, before its exit code ends the JVM (whose shutdown is then no stop).
        return () -> {
            if (!ShutdownHookManager.inShutdown()) {
                ShutdownHookManager.removeShutdownHook(mute);
                ShutdownHookManager.removeShutdownHook(message);
            }
        };
    }

    /** The run's output is in place: a stop from now on loses nothing. */
    static void committed() {
        committed = true;
    }

    /** True once a stop signal has begun shutting this JVM down: a command's errors are then the stop's echoes. */
    public static boolean stopping() {
        return stopping;
    }

    @Override
    public void close() {
        if (!ShutdownHookManager.inShutdown()) {
            ShutdownHookManager.removeShutdownHook(cleanHook);
        }
    }
}
