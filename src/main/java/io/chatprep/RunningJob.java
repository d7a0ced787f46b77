package io.chatprep;

import io.chatprep.job.JobResult;
import io.chatprep.job.Progress;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A job started by {@link ChatPrep#start()}: its latest progress while it runs, then its result or its failure.
 * <pre>{@code
 * job = ChatPrep.builder(spark._jsparkSession).option("input", ...).start()
 * while not job.isDone():
 *     print(job.progress().line()); time.sleep(5)
 * result = job.result()
 * }</pre>
 */
public final class RunningJob {
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private volatile Progress progress = new Progress("starting", 0, 0, 0, 0, 0, "chatprep: starting");

    private RunningJob() {
    }

    static RunningJob start(Function<Consumer<Progress>, JobResult> run, Consumer<Progress> alsoTell) {
        RunningJob job = new RunningJob();
        Consumer<Progress> listener = p -> {
            job.progress = p;
            if (alsoTell != null) {
                alsoTell.accept(p);
            }
        };
        Thread t = new Thread(() -> {
            try {
                job.result.complete(run.apply(listener));
            } catch (RuntimeException | Error e) {
                job.result.completeExceptionally(e);
            }
        }, "chatprep-job");
        t.setDaemon(true);
        t.start();
        return job;
    }

    /** The latest progress report (updated every {@code progress_interval_seconds} and at each step). */
    public Progress progress() {
        return progress;
    }

    public boolean isDone() {
        return result.isDone();
    }

    /** Waits for the job and returns its counts, or throws its failure as {@code execute()} would. */
    public JobResult result() {
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Waits up to {@code seconds}; true when the job has ended (successfully or not). */
    public boolean await(double seconds) {
        try {
            result.get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result.isDone();
        }
    }
}
