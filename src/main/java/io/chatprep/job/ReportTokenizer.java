package io.chatprep.job;

import io.chatprep.job.encode.BroadcastSpec;
import io.chatprep.job.encode.EncoderCache;
import io.chatprep.job.encode.EncoderFactory;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.NativeLibraryException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The tokenizer the report decodes its samples with. In local mode the run's encoder lives in this JVM and already
 * holds one, so it is borrowed; on a cluster it is loaded on the otherwise idle driver while the executors encode.
 */
final class ReportTokenizer implements AutoCloseable {
    private final boolean local;
    private final BroadcastSpec spec;
    private final EncoderFactory factory;
    /** Loaded by this class (and closed by it); null until needed in local mode. */
    private volatile CompletableFuture<HfTokenizer> own;

    private ReportTokenizer(boolean local, BroadcastSpec spec, EncoderFactory factory,
                            CompletableFuture<HfTokenizer> own) {
        this.local = local;
        this.spec = spec;
        this.factory = factory;
        this.own = own;
    }

    static ReportTokenizer forRun(boolean local, BroadcastSpec spec, EncoderFactory factory) {
        return new ReportTokenizer(local, spec, factory, local ? null
                : CompletableFuture.supplyAsync(() -> HfTokenizer.fromFiles(spec.spec().tokenizer())));
    }

    /**
     * Throws what every task would throw if the tokenizer cannot be loaded, before any task starts (on a cluster,
     * tasks would fail one by one, each after its retries). A local run's encoder is this JVM's: building it, or
     * waiting for the warm-up that builds it, is what the first task would do anyway. On a cluster the driver's
     * own load (started with the run) is the same library on the same files; only a driver that cannot load the
     * library at all says nothing about the executors, and is let through.
     */
    void requireLoadable() {
        if (local) {
            EncoderCache.get(spec.key(), spec.spec(), factory);
            return;
        }
        try {
            own.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof NativeLibraryException) {
                return;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    HfTokenizer get() {
        if (own == null) {
            HfTokenizer borrowed = EncoderCache.get(spec.key(), spec.spec(), factory).tokenizer();
            if (borrowed != null) {
                return borrowed;
            }
            own = CompletableFuture.completedFuture(HfTokenizer.fromFiles(spec.spec().tokenizer()));
        }
        return own.join();
    }

    @Override
    public void close() {
        CompletableFuture<HfTokenizer> loaded = own;
        if (loaded != null) {
            loaded.thenAccept(HfTokenizer::close).exceptionally(e -> null);
        }
    }
}
