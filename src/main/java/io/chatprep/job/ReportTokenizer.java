package io.chatprep.job;

import io.chatprep.job.encode.BroadcastSpec;
import io.chatprep.job.encode.EncoderCache;
import io.chatprep.job.encode.EncoderFactory;
import io.chatprep.tokenize.HfTokenizer;

import java.util.concurrent.CompletableFuture;

/**
 * The tokenizer the report decodes its samples with. In local mode the run's encoder lives in this JVM and already
 * holds one, so it is borrowed; on a cluster it is loaded on the otherwise idle driver while the executors encode.
 */
final class ReportTokenizer implements AutoCloseable {
    private final BroadcastSpec spec;
    private final EncoderFactory factory;
    /** Loaded by this class (and closed by it); null until needed in local mode. */
    private volatile CompletableFuture<HfTokenizer> own;

    private ReportTokenizer(BroadcastSpec spec, EncoderFactory factory, CompletableFuture<HfTokenizer> own) {
        this.spec = spec;
        this.factory = factory;
        this.own = own;
    }

    static ReportTokenizer forRun(boolean local, BroadcastSpec spec, EncoderFactory factory) {
        return new ReportTokenizer(spec, factory, local ? null
                : CompletableFuture.supplyAsync(() -> HfTokenizer.fromFiles(spec.spec().tokenizer())));
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
