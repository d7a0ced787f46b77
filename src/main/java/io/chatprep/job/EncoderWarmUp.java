package io.chatprep.job;

import io.chatprep.job.config.JobConfig;
import io.chatprep.job.encode.BroadcastSpec;
import io.chatprep.job.encode.EncoderCache;
import io.chatprep.job.encode.EncoderFactory;
import io.chatprep.tokenize.TokenizerLoad;
import org.apache.hadoop.conf.Configuration;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds a run's encoder before its first task needs it, in a JVM that runs the tasks itself (local mode).
 * Loading the tokenizer's native library, the tokenizer and its Java BPE model takes a second or two; done
 * aside, it overlaps work the driver does anyway, and it starts as soon as the tokenizer files are read. Cluster
 * executors are other JVMs: nothing to warm there.
 * A warm-up never reports a failure: the first task builds the encoder again and reports it where it belongs.
 */
public final class EncoderWarmUp {
    private EncoderWarmUp() {
    }

    /** Starts building the encoder of {@code spec} into this JVM's cache; returns the thread doing it. */
    public static Thread start(BroadcastSpec spec, EncoderFactory factory) {
        return daemon(() -> EncoderCache.get(spec.key(), spec.spec(), factory));
    }

    /**
     * For a local run, starts planning it and building its encoder before the Spark session exists, so both
     * overlap the session's start-up (a few seconds of mostly one busy core) instead of following it; the run then
     * takes that plan ({@link #takePlan}) rather than making its own. The Hadoop settings are the run's own
     * {@code spark.hadoop.*} entries, as the session would give them. Returns the thread doing it, or null when
     * the run is not local.
     */
    public static Thread beforeLocalSession(JobConfig config) {
        String master = System.getProperty("spark.master", config.master());
        if (master == null || !master.startsWith("local")) {
            return null;
        }
        Configuration hadoop = new Configuration();
        for (Map.Entry<String, String> e : config.spark().entrySet()) {
            if (e.getKey().startsWith("spark.hadoop.")) {
                hadoop.set(e.getKey().substring("spark.hadoop.".length()), e.getValue());
            }
        }
        CompletableFuture<Prepared> prepared = new CompletableFuture<>();
        PLANNED.set(new Planned(config, prepared));
        return daemon(() -> {
            try {
                // The tokenizer starts loading as soon as its files are read; the template is resolved meanwhile.
                JobPlan plan = JobPlan.prepare(config, hadoop, files -> TokenizerLoad.offer(
                        TokenizerLoad.start(files, config.reuseSegments(), config.javaBpe())));
                BroadcastSpec spec = BroadcastSpec.of(plan.spec());
                prepared.complete(new Prepared(plan, spec));
                EncoderCache.get(spec.key(), spec.spec(), EncoderFactory.conversationEncoder());
            } catch (RuntimeException e) {
                prepared.completeExceptionally(e);
                throw e;
            } finally {
                // Claimed by the encoder just built, unless there was none to build.
                TokenizerLoad.withdraw();
            }
        });
    }

    /** A local run's plan and broadcast spec, as the warm-up made them before the session. */
    record Prepared(JobPlan plan, BroadcastSpec spec) {
    }

    private record Planned(JobConfig config, CompletableFuture<Prepared> prepared) {
    }

    private static final AtomicReference<Planned> PLANNED = new AtomicReference<>();

    /**
     * The plan the warm-up made for this very config (the same object), waiting for it if need be, so the run does
     * not read the tokenizer files, resolve the template and hash the spec a second time. Taken once; null when
     * there is none or making it failed (the run then plans itself and reports the failure where it belongs).
     */
    static Prepared takePlan(JobConfig config) {
        Planned planned = PLANNED.get();
        if (planned == null || planned.config() != config || !PLANNED.compareAndSet(planned, null)) {
            return null;
        }
        try {
            return planned.prepared().join();
        } catch (CompletionException | CancellationException e) {
            return null;
        }
    }

    /** Waits for a warm-up: it must not outlive its run, since a later run may clear the cache. */
    public static void await(Thread warmUp) {
        if (warmUp == null) {
            return;
        }
        try {
            warmUp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException ignored) {
                // Reported by the run itself, where it belongs.
            }
        }, "chatprep-encoder-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
