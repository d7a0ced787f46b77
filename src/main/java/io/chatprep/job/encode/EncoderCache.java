package io.chatprep.job.encode;

import io.chatprep.encode.EncoderSpec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One encoder per spec per JVM: compiling the template and loading the tokenizer costs far more than a
 * partition of rows, so every task on an executor shares it. Encoders are closed when the JVM exits.
 */
public final class EncoderCache {
    private static final Map<String, RowEncoder> ENCODERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EncoderCache::closeAll, "chatprep-encoder-close"));
    }

    private EncoderCache() {
    }

    /** The encoder for {@code spec}, building it on first use; {@code key} identifies the spec's content. */
    public static RowEncoder get(String key, EncoderSpec spec, EncoderFactory factory) {
        return ENCODERS.computeIfAbsent(cacheKey(key, factory), k -> factory.open(spec));
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
    }
}
