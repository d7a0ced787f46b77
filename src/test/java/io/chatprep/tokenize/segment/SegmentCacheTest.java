package io.chatprep.tokenize.segment;

import io.chatprep.tokenize.EncodedPiece;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The piece cache keeps what it admits within its bound, evicts pieces nobody looks up first, and shares safely. */
class SegmentCacheTest {
    private static EncodedPiece tokens(int n) {
        int[] ids = new int[n];
        int[] offsets = new int[2 * n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            offsets[2 * i] = i;
            offsets[2 * i + 1] = i + 1;
        }
        return new EncodedPiece(ids, offsets);
    }

    @Test
    void offeredPiecesComeBackUntilCleared() {
        SegmentCache cache = new SegmentCache(1 << 20, 64);
        EncodedPiece piece = tokens(2);
        for (int i = 0; i < 1_000; i++) {
            cache.offer("piece " + i, piece);
        }
        assertEquals(1_000, cache.size());
        for (int i = 0; i < 1_000; i++) {
            assertSame(piece, cache.get("piece " + i));
        }
        assertEquals(1_000, cache.hits());
        cache.clear();
        assertNull(cache.get("piece 1"));
        assertEquals(0, cache.size());
        assertEquals(0, cache.bytes());
        assertEquals(0, cache.hits());
        assertEquals(1, cache.misses());
    }

    @Test
    void longPiecesAreKeptOnlyOnceSeenTwice() {
        SegmentCache cache = new SegmentCache(1 << 20, 8);
        EncodedPiece piece = tokens(3);
        cache.offer("a long message of one row", piece);
        assertNull(cache.get("a long message of one row"));
        cache.offer("a long message of one row", piece);
        assertSame(piece, cache.get("a long message of one row"));
        cache.offer("short", piece);
        assertSame(piece, cache.get("short"));
    }

    @Test
    void staysWithinItsBoundAndEvictsPiecesNotLookedUpFirst() {
        EncodedPiece piece = tokens(4);
        long weight = piece.weight("piece 000");
        SegmentCache cache = new SegmentCache(100 * weight, 64);
        for (int i = 0; i < 100; i++) {
            cache.offer(String.format("piece %03d", i), piece);
        }
        assertEquals(100, cache.size());
        // Looked up since they were added: these get a second chance when the bound is reached.
        for (int i = 0; i < 10; i++) {
            assertNotNull(cache.get(String.format("piece %03d", i)));
        }
        for (int i = 100; i < 150; i++) {
            cache.offer(String.format("piece %03d", i), piece);
            assertTrue(cache.bytes() <= 100 * weight, "over the bound after " + i + ": " + cache.bytes());
        }
        assertEquals(100, cache.size());
        for (int i = 0; i < 10; i++) {
            assertNotNull(cache.get(String.format("piece %03d", i)), "looked-up piece " + i + " evicted");
        }
        for (int i = 10; i < 60; i++) {
            assertNull(cache.get(String.format("piece %03d", i)), "unused piece " + i + " kept");
        }
        for (int i = 60; i < 150; i++) {
            assertNotNull(cache.get(String.format("piece %03d", i)), "newer piece " + i + " evicted");
        }
    }

    @Test
    void aPieceLargerThanTheBoundIsNotKept() {
        SegmentCache cache = new SegmentCache(100, 64);
        cache.offer("big", tokens(50));
        assertNull(cache.get("big"));
        assertEquals(0, cache.bytes());
    }

    @Test
    void threadsSharingItAlwaysGetThePieceOfferedForTheirKey() throws Exception {
        EncodedPiece[] pieces = new EncodedPiece[500];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = tokens(1 + i % 7);
        }
        long bound = 200 * pieces[6].weight("piece 499");
        SegmentCache cache = new SegmentCache(bound, 64);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int start = t * 97;
                results.add(pool.submit(() -> {
                    int hits = 0;
                    for (int n = 0; n < 50_000; n++) {
                        int k = (start + n * 31) % pieces.length;
                        String key = "piece " + k;
                        EncodedPiece found = cache.get(key);
                        if (found == null) {
                            cache.offer(key, pieces[k]);
                        } else {
                            assertSame(pieces[k], found, key);
                            hits++;
                        }
                    }
                    return hits;
                }));
            }
            int hits = 0;
            for (Future<Integer> r : results) {
                hits += r.get();
            }
            assertTrue(hits > 0);
            assertEquals(hits, cache.hits());
            assertEquals(4 * 50_000 - hits, cache.misses());
        } finally {
            pool.shutdownNow();
        }
        // Once every thread is done, nothing another added while one evicted is left over the bound.
        assertTrue(cache.bytes() <= bound, "bytes " + cache.bytes() + " over the bound " + bound);
        long kept = 0;
        for (int k = 0; k < pieces.length; k++) {
            if (cache.get("piece " + k) != null) {
                kept += pieces[k].weight("piece " + k);
            }
        }
        assertEquals(kept, cache.bytes(), "the estimate is the kept pieces' weight");
    }
}
