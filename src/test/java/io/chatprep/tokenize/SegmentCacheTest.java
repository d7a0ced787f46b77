package io.chatprep.tokenize;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The piece cache spreads pieces over its stripes without crowding each stripe's map into a few bins. */
class SegmentCacheTest {
    /** The bin a HashMap of {@code bins} bins (a power of two) gives a key. */
    private static int bin(String key, int bins) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (bins - 1);
    }

    @Test
    void everyStripeUsesEveryBinOfItsMap() {
        // Pieces that differ only at their end, as replicas of one message with a number appended do.
        Set<Integer>[] bins = new Set[SegmentCache.STRIPES];
        int[] counts = new int[SegmentCache.STRIPES];
        for (int s = 0; s < bins.length; s++) {
            bins[s] = new HashSet<>();
        }
        for (int i = 0; i < 64_000; i++) {
            String piece = "You are a helpful assistant. #" + i;
            int stripe = SegmentCache.stripeOf(piece);
            counts[stripe]++;
            bins[stripe].add(bin(piece, 1024));
        }
        for (int s = 0; s < bins.length; s++) {
            assertTrue(counts[s] > 64_000 / SegmentCache.STRIPES / 2, "stripe " + s + " holds " + counts[s]);
            // About 4,000 pieces over 1,024 bins: nearly every bin is used.
            assertTrue(bins[s].size() > 900, "stripe " + s + " uses " + bins[s].size() + " of 1,024 bins");
        }
    }

    @Test
    void offeredPiecesComeBackUntilCleared() {
        SegmentCache cache = new SegmentCache(1 << 20, 64);
        EncodedPiece piece = new EncodedPiece(new int[] {1, 2}, new int[] {0, 1, 1, 2});
        for (int i = 0; i < 1_000; i++) {
            cache.offer("piece " + i, piece);
        }
        assertEquals(1_000, cache.size());
        for (int i = 0; i < 1_000; i++) {
            assertSame(piece, cache.get("piece " + i));
        }
        cache.clear();
        assertNull(cache.get("piece 1"));
        assertEquals(0, cache.size());
    }
}
