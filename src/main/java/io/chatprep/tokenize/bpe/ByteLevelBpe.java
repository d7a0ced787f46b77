package io.chatprep.tokenize.bpe;

import java.util.Arrays;
import java.util.Map;

/**
 * A byte-level BPE model: the tokens of one pre-tokenized word, with tokenizers-rs' merge order.
 *
 * <p>The word's UTF-8 bytes start as one symbol each; the pair with the lowest merge rank is merged first, the
 * leftmost among equal ranks, until no adjacent pair has a merge. That is what tokenizers-rs' priority queue does
 * (a queued pair whose symbols changed since is skipped), so ids are the same. A token's offsets are the code
 * points its bytes come from: a token holding part of a character's bytes covers that whole character, as the
 * byte-level alignments make tokenizers-rs report it.
 */
final class ByteLevelBpe {
    /** GPT-2's printable stand-in for each byte, the alphabet byte-level vocabularies are written in. */
    static final char[] BYTE_CHARS = byteChars();

    private final Map<String, Integer> vocab;
    private final int[] byteIds;
    private final PairMerges merges;
    private final boolean ignoreMerges;
    /** Working arrays of one thread, grown to the longest word it has met: a word costs one allocation, its result. */
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    ByteLevelBpe(Map<String, Integer> vocab, int[] byteIds, PairMerges merges, boolean ignoreMerges) {
        this.vocab = vocab;
        this.byteIds = byteIds;
        this.merges = merges;
        this.ignoreMerges = ignoreMerges;
    }

    /**
     * The tokens of the word {@code text[start, end)}, packed in one array of {@code 3n} ints for n tokens: the
     * n ids, then each token's start and end in code points relative to the word. Words are looked up far more
     * often than they are encoded, and one array is one memory access where ids and offsets apart would be two.
     */
    int[] encode(CharSequence text, int start, int end) {
        Scratch w = scratch.get();
        w.fit((end - start) * 3);
        byte[] bytes = w.bytes;
        int[] cpOfByte = w.cpOfByte;
        int n = utf8(text, start, end, bytes, cpOfByte);
        int cps = n == 0 ? 0 : cpOfByte[n - 1] + 1;
        if (ignoreMerges) {
            Integer whole = vocab.get(byteLevel(bytes, n));
            if (whole != null) {
                return new int[] {whole, 0, cps};
            }
        }
        int[] id = w.id;
        int[] next = w.next;
        int[] prev = w.prev;
        boolean[] gone = w.gone;
        for (int i = 0; i < n; i++) {
            id[i] = byteIds[bytes[i] & 0xFF];
            next[i] = i + 1 < n ? i + 1 : -1;
            prev[i] = i - 1;
            gone[i] = false;
        }
        LongHeap queue = w.queue;
        queue.clear();
        for (int i = 0; i + 1 < n; i++) {
            queue.offer(candidate(id[i], id[i + 1], i));
        }
        int count = n;
        while (!queue.isEmpty()) {
            long top = queue.poll();
            int pos = (int) top;
            int right = next[pos];
            if (gone[pos] || right < 0) {
                continue;
            }
            long merge = merges.get(id[pos], id[right]);
            if (merge == PairMerges.ABSENT || (merge >>> 32) != (top >>> 32)) {
                continue;
            }
            id[pos] = (int) merge;
            gone[right] = true;
            count--;
            next[pos] = next[right];
            if (next[pos] >= 0) {
                prev[next[pos]] = pos;
                queue.offer(candidate(id[pos], id[next[pos]], pos));
            }
            if (prev[pos] >= 0) {
                queue.offer(candidate(id[prev[pos]], id[pos], prev[pos]));
            }
        }
        int[] tokens = new int[3 * count];
        int k = 0;
        for (int s = n == 0 ? -1 : 0; s >= 0; s = next[s]) {
            int last = next[s] < 0 ? n - 1 : next[s] - 1;
            tokens[k] = id[s];
            tokens[count + 2 * k] = cpOfByte[s];
            tokens[count + 2 * k + 1] = cpOfByte[last] + 1;
            k++;
        }
        return tokens;
    }

    /** The number of tokens in an array {@link #encode} returned. */
    static int count(int[] tokens) {
        return tokens.length / 3;
    }

    /** A queue entry ordered by rank, then position; {@code Long.MAX_VALUE} (never merged) when the pair has no merge. */
    private long candidate(int left, int right, int pos) {
        long merge = merges.get(left, right);
        return merge == PairMerges.ABSENT ? Long.MAX_VALUE : (merge & 0xFFFFFFFF00000000L) | pos;
    }

    private static String byteLevel(byte[] bytes, int n) {
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = BYTE_CHARS[bytes[i] & 0xFF];
        }
        return new String(chars);
    }

    /** UTF-8 of {@code s[start, end)} into {@code out}, noting each byte's code point index; returns the byte count. */
    private static int utf8(CharSequence s, int start, int end, byte[] out, int[] cpOfByte) {
        int b = 0;
        int cp = 0;
        for (int i = start; i < end; cp++) {
            int c = Character.codePointAt(s, i);
            i += Character.charCount(c);
            if (c < 0x80) {
                cpOfByte[b] = cp;
                out[b++] = (byte) c;
                continue;
            }
            int first = b;
            if (c < 0x800) {
                out[b++] = (byte) (0xC0 | (c >> 6));
                out[b++] = (byte) (0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                out[b++] = (byte) (0xE0 | (c >> 12));
                out[b++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[b++] = (byte) (0x80 | (c & 0x3F));
            } else {
                out[b++] = (byte) (0xF0 | (c >> 18));
                out[b++] = (byte) (0x80 | ((c >> 12) & 0x3F));
                out[b++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[b++] = (byte) (0x80 | (c & 0x3F));
            }
            for (int k = first; k < b; k++) {
                cpOfByte[k] = cp;
            }
        }
        return b;
    }

    private static char[] byteChars() {
        char[] chars = new char[256];
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            chars[b] = printable ? (char) b : (char) (256 + extra++);
        }
        return chars;
    }

    private static final class Scratch {
        byte[] bytes = new byte[0];
        int[] cpOfByte = new int[0];
        int[] id = new int[0];
        int[] next = new int[0];
        int[] prev = new int[0];
        boolean[] gone = new boolean[0];
        final LongHeap queue = new LongHeap(64);

        void fit(int maxBytes) {
            if (bytes.length < maxBytes) {
                int size = Math.max(maxBytes, 2 * bytes.length);
                bytes = new byte[size];
                cpOfByte = new int[size];
                id = new int[size];
                next = new int[size];
                prev = new int[size];
                gone = new boolean[size];
            }
        }
    }

    /** A growable binary min-heap of longs. */
    private static final class LongHeap {
        private long[] items;
        private int size;

        LongHeap(int capacity) {
            items = new long[capacity];
        }

        void clear() {
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void offer(long value) {
            if (value == Long.MAX_VALUE) {
                return;
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (items[parent] <= value) {
                    break;
                }
                items[i] = items[parent];
                i = parent;
            }
            items[i] = value;
        }

        long poll() {
            long top = items[0];
            long last = items[--size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && items[child + 1] < items[child]) {
                    child++;
                }
                if (items[child] >= last) {
                    break;
                }
                items[i] = items[child];
                i = child;
            }
            items[i] = last;
            return top;
        }
    }
}
