package io.chatprep.job.encode;

import io.chatprep.encode.EncoderSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The encoder spec as broadcast to executors, with a content hash computed once on the driver so each
 * executor finds its cached encoder without hashing megabytes of tokenizer per task.
 */
public record BroadcastSpec(String key, EncoderSpec spec) implements Serializable {
    /** Specs whose tasks run in this JVM (local mode), by key; kept, like the encoders built from them. */
    private static final Map<String, EncoderSpec> IN_THIS_JVM = new ConcurrentHashMap<>();

    /**
     * What to broadcast to the tasks. In local mode they run in this JVM, so they get a handle of the key alone and
     * find the spec here, rather than Spark copying the tokenizer's megabytes into broadcast blocks of this same
     * JVM's memory each run (20-25 ms of a warm session's run; 3-10 ms for the handle).
     */
    public BroadcastSpec forTasks(boolean tasksInThisJvm) {
        if (!tasksInThisJvm || spec == null) {
            return this;
        }
        IN_THIS_JVM.put(key, spec);
        return new BroadcastSpec(key, null);
    }

    /** The spec; for a handle, the one this JVM holds under its key. */
    @Override
    public EncoderSpec spec() {
        if (spec != null) {
            return spec;
        }
        EncoderSpec here = IN_THIS_JVM.get(key);
        if (here == null) {
            throw new IllegalStateException("encoder spec " + key + " is not held by this JVM: a local-mode handle "
                    + "was sent to another JVM");
        }
        return here;
    }

    public static BroadcastSpec of(EncoderSpec spec) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("the encoder spec cannot be serialized: " + e.getMessage(), e);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
            return new BroadcastSpec(HexFormat.of().formatHex(digest), spec);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
