package io.chatprep.cli;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Failures become one line. The Spark messages are shaped as Spark 4.0 writes them (DAGScheduler's job abort,
 * SparkContext's stopped-context check); a real aborted job is in {@code TaskFailureMessageTest}.
 */
class FailureMessageTest {
    private static final String TRACE = "\n\tat org.apache.spark.rdd.RDD.iterator(RDD.scala:338)"
            + "\n\tat org.apache.spark.scheduler.Task.run(Task.scala:147)\n\nDriver stacktrace:\n\tat x.y(Z.java:1)";

    @Test
    void plainMessagesStayAsTheyAre() {
        assertEquals("'input' /data/x matches no files", FailureMessage.of(new IllegalArgumentException(
                "'input' /data/x matches no files")));
        assertEquals("line one\nline two", FailureMessage.of(new IllegalStateException("line one\nline two")));
    }

    @Test
    void aMessageEndsWhereAStackTraceStarts() {
        assertEquals("cannot write: disk full", FailureMessage.of(new IllegalStateException("cannot write: disk full"
                + TRACE)));
    }

    @Test
    void noMessageFallsBackToTheCausesOrTheClass() {
        assertEquals("No space left on device",
                FailureMessage.of(new RuntimeException((String) null, new IOException("No space left on device"))));
        assertEquals("NullPointerException", FailureMessage.of(new NullPointerException()));
    }

    @Test
    void anAbortedJobSaysWhichTaskFailedAndTheCausesReason() {
        Throwable reason = new UncheckedIOException("cannot open tokenizer.json on this executor",
                new IOException("Permission denied"));
        SparkException abort = new SparkException("Job aborted due to stage failure: Task 1 in stage 0.0 failed 4 "
                + "times, most recent failure: Lost task 1.3 in stage 0.0 (TID 7) (10.0.0.5 executor 2): "
                + "java.io.UncheckedIOException: cannot open tokenizer.json on this executor" + TRACE,
                new SparkException("Exception thrown in awaitResult: ", reason));
        assertEquals("Spark task 1 of stage 0.0 failed 4 times: cannot open tokenizer.json on this executor "
                + "(the task's stack trace is in Spark's log)", FailureMessage.of(abort));
    }

    @Test
    void anAbortWithoutCauseTakesTheReasonFromItsText() {
        SparkException abort = new SparkException("Job aborted due to stage failure: Task 0 in stage 2.0 failed 1 "
                + "times, most recent failure: Lost task 0.0 in stage 2.0 (TID 3) (localhost executor driver): "
                + "java.lang.OutOfMemoryError: Java heap space" + TRACE);
        assertEquals("Spark task 0 of stage 2.0 failed: java.lang.OutOfMemoryError: Java heap space "
                + "(the task's stack trace is in Spark's log)" + FailureMessage.OUT_OF_MEMORY, FailureMessage.of(abort));
    }

    @Test
    void anErrorKeepsItsClassName() {
        SparkException abort = new SparkException("Job aborted due to stage failure: Task 0 in stage 0.0 failed 1 "
                + "times, most recent failure: Lost task 0.0 in stage 0.0 (TID 0) (h executor driver): x" + TRACE,
                new OutOfMemoryError("Java heap space"));
        assertEquals("Spark task 0 of stage 0.0 failed: OutOfMemoryError: Java heap space "
                + "(the task's stack trace is in Spark's log)" + FailureMessage.OUT_OF_MEMORY, FailureMessage.of(abort));
    }

    @Test
    void runningOutOfMemorySaysSoAndWhatToDo() {
        // The driver's own OutOfMemoryError carries only "Java heap space".
        String message = FailureMessage.of(new OutOfMemoryError("Java heap space"));
        assertTrue(message.startsWith("OutOfMemoryError: Java heap space; the JVM ran out of memory: give it more heap"),
                message);
        assertFalse(message.contains("\n"));
    }

    @Test
    void aStoppedContextIsExplainedWithoutWhereItWasCreated() {
        String message = FailureMessage.of(new IllegalStateException("Cannot call methods on a stopped SparkContext."
                + "\nThis stopped SparkContext was created at:\n\norg.apache.spark.sql.SparkSession$Builder"
                + ".getOrCreate(SparkSession.scala:923)\nio.chatprep.cli.Main.main(Main.java:23)"));
        assertEquals(false, message.contains("\n"), message);
        assertEquals(true, message.startsWith("the Spark application stopped before the run finished"), message);
    }
}
