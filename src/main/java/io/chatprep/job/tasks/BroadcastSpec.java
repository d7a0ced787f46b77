package io.chatprep.job.tasks;

import io.chatprep.encode.EncoderSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The encoder spec as broadcast to executors, with a content hash computed once on the driver so each
 * executor finds its cached encoder without hashing megabytes of tokenizer per task.
 */
public record BroadcastSpec(String key, EncoderSpec spec) implements Serializable {
    /**
     * What to broadcast to the tasks. In local mode they run in this JVM, so they get a handle of the key alone and
     * find the spec in {@link EncoderCache}, rather than Spark copying the tokenizer's megabytes into broadcast
     * blocks of this same JVM's memory each run.
     */
    public BroadcastSpec forTasks(boolean tasksInThisJvm) {
        if (!tasksInThisJvm || spec == null) {
            return this;
        }
        EncoderCache.hold(key, spec);
        return new BroadcastSpec(key, null);
    }

    /** The spec; for a handle, the one this JVM holds under its key. */
    @Override
    public EncoderSpec spec() {
        return spec != null ? spec : EncoderCache.held(key);
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
