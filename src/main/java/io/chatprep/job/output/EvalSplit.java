package io.chatprep.job.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which split a written row belongs to. With {@code eval_share} a row is held out for evaluation (the {@code test}
 * split) when the first 8 bytes of the SHA-256 of its id, as an unsigned big-endian number cut to its top 53 bits and
 * divided by 2^53, fall below the share: the same rows on every rerun, whatever the partitioning, and any tool can
 * recompute it ({@code (int.from_bytes(hashlib.sha256(id.encode()).digest()[:8], "big") >> 11) / 2**53 < share} in
 * Python).
 */
public final class EvalSplit {
    public static final String TRAIN = "train";
    public static final String TEST = "test";
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    });

    private EvalSplit() {
    }

    public static boolean isHeldOut(String id, double share) {
        return share > 0 && position(id) < share;
    }

    /** Where the id falls in [0, 1). */
    static double position(String id) {
        byte[] digest = SHA256.get().digest(id.getBytes(StandardCharsets.UTF_8));
        long high = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (digest[i] & 0xff);
        }
        // The top 53 bits over 2^53: a double in [0, 1), exact, so every language computes the same value.
        return (high >>> 11) * 0x1.0p-53;
    }
}
