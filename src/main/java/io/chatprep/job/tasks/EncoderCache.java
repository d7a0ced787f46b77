package io.chatprep.job.tasks;

import io.chatprep.encode.EncoderSpec;
import io.chatprep.encode.TokenizerLoad;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One encoder per spec per JVM: compiling the template and loading the tokenizer costs far more than a
 * partition of rows, so every task on an executor shares it. Encoders are closed when the JVM exits. In local mode
 * the tasks run in the driver's JVM, which also {@linkplain #hold holds} the specs themselves, so that tasks get a
 * handle of the key alone rather than Spark copying the tokenizer's megabytes into broadcast blocks of the same JVM.
 */
public final class EncoderCache {
    private static final Map<String, RowEncoder> ENCODERS = new ConcurrentHashMap<>();
    private static final Map<String, EncoderSpec> SPECS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EncoderCache::closeAll, "chatprep-encoder-close"));
    }

    private EncoderCache() {
    }

    /** The encoder for {@code spec}, building it on first use; {@code key} identifies the spec's content. */
    public static RowEncoder get(String key, EncoderSpec spec, EncoderFactory factory) {
        return ENCODERS.computeIfAbsent(cacheKey(key, factory), k -> factory.open(spec));
    }

    /** As {@link #get(String, EncoderSpec, EncoderFactory)}, building from a load under way (dropped if not needed). */
    public static RowEncoder get(String key, EncoderSpec spec, EncoderFactory factory, TokenizerLoad load) {
        boolean[] used = {false};
        RowEncoder encoder = ENCODERS.computeIfAbsent(cacheKey(key, factory), k -> {
            used[0] = true;
            return factory.open(spec, load);
        });
        if (!used[0]) {
            load.discard();
        }
        return encoder;
    }

    /** Keeps the spec of this key for the tasks of this JVM, which receive only the key. */
    public static void hold(String key, EncoderSpec spec) {
        SPECS.put(key, spec);
    }

    /** The spec held under this key; fails when a local-mode handle reached another JVM. */
    static EncoderSpec held(String key) {
        EncoderSpec spec = SPECS.get(key);
        if (spec == null) {
            throw new IllegalStateException("encoder spec " + key + " is not held by this JVM: a local-mode handle "
                    + "was sent to another JVM");
        }
        return spec;
    }

    /** The encoder for the spec with this key if this JVM has built it, else null (builds nothing). */
    public static RowEncoder cached(String key, EncoderFactory factory) {
        return ENCODERS.get(cacheKey(key, factory));
    }

    private static String cacheKey(String key, EncoderFactory factory) {
        return key + "/" + factory.getClass().getName();
    }

    /** How many encoders this JVM holds. */
    public static int size() {
        return ENCODERS.size();
    }

    /**
     * Empties the caches of every cached encoder but keeps the encoders: a long-lived session gets the memory
     * back, and a measurement of a later run starts from no learnt pieces while its tokenizer stays loaded.
     */
    public static void clearCaches() {
        ENCODERS.values().forEach(RowEncoder::clearCaches);
    }

    /** Closes and forgets every cached encoder (tests and notebooks that change specs call this). */
    public static synchronized void closeAll() {
        for (RowEncoder e : ENCODERS.values()) {
            try {
                e.close();
            } catch (RuntimeException ignored) {
                // Closing at exit must not stop the other encoders from closing.
            }
        }
        ENCODERS.clear();
        SPECS.clear();
    }
}
