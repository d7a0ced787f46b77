package io.chatprep.tokenize.bpe;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordCacheTest {
    private static int[] tokensOf(String word) {
        return new int[] {word.hashCode(), 0, word.length()};
    }

    private static int hash(String s) {
        return WordCache.hash(s, 0, s.length());
    }

    @Test
    void aWordIsFoundFromAnyTextHoldingIt() {
        WordCache cache = new WordCache(64);
        String text = "say hello, world";
        int[] hello = tokensOf("hello");
        cache.put(text, 4, 9, WordCache.hash(text, 4, 9), hello);
        String other = "hello";
        assertSame(hello, cache.get(other, 0, 5, hash(other)));
        assertEquals(WordCache.hash(text, 4, 9), hash(other));
        assertNull(cache.get("hell", 0, 4, hash("hell")));
        assertNull(cache.get("hellO", 0, 5, hash("hellO")));
    }

    @Test
    void equalHashesWithDifferentTextDoNotMatch() {
        WordCache cache = new WordCache(64);
        cache.put("abc", 0, 3, 42, tokensOf("abc"));
        assertNull(cache.get("abd", 0, 3, 42));
        assertNull(cache.get("abcd", 0, 4, 42));
        assertArrayEquals(tokensOf("abc"), cache.get("abc", 0, 3, 42));
    }

    @Test
    void theTableNeverGrowsAndKeepsTheLatestWord() {
        WordCache cache = new WordCache(1_000);
        assertEquals(1_024, cache.capacity());
        for (int i = 0; i < 50_000; i++) {
            String w = "w" + i;
            cache.put(w, 0, w.length(), hash(w), tokensOf(w));
            assertArrayEquals(tokensOf(w), cache.get(w, 0, w.length(), hash(w)));
        }
        assertTrue(cache.size() <= cache.capacity());
        assertTrue(cache.size() > cache.capacity() / 2, "kept " + cache.size());
        cache.clear();
        assertEquals(0, cache.size());
    }

    @Test
    void threadsSharingTheTableOnlyEverSeeTheirWordsTokens() throws Exception {
        WordCache cache = new WordCache(256);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                runs.add(pool.submit(() -> {
                    java.util.Random r = new java.util.Random(seed);
                    int hits = 0;
                    for (int i = 0; i < 200_000; i++) {
                        String w = "x" + r.nextInt(2_000);
                        int h = hash(w);
                        int[] got = cache.get(w, 0, w.length(), h);
                        if (got == null) {
                            cache.put(w, 0, w.length(), h, tokensOf(w));
                        } else {
                            assertArrayEquals(tokensOf(w), got, w);
                            hits++;
                        }
                    }
                    return hits;
                }));
            }
            for (Future<Integer> f : runs) {
                assertTrue(f.get() > 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
