package io.chatprep.tokenize.bpe;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A vocabulary as UTF-8 token bytes to id, in flat arrays: one byte array holds every token back to back and an
 * open-addressed int table finds them, so loading 150,000 tokens makes no String, Integer or map entry each, and a
 * merge's two halves and their concatenation are looked up without building either. A token listed twice keeps its
 * last id, as a map collecting the list does.
 */
public final class TokenIds {
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;

    private byte[] bytes = new byte[1 << 20];
    private int used;
    private int[] starts;
    private int[] lengths;
    private int[] ids;
    private int size;
    /** Entry index + 1 per slot, 0 when empty. */
    private int[] slots;
    private int mask;

    TokenIds(int expected) {
        int entries = Math.max(16, expected);
        starts = new int[entries];
        lengths = new int[entries];
        ids = new int[entries];
        int capacity = Integer.highestOneBit(Math.max(16, entries * 2 - 1)) << 1;
        slots = new int[capacity];
        mask = capacity - 1;
    }

    void put(byte[] src, int off, int len, int id) {
        int hash = finish(hash(FNV_OFFSET, src, off, len));
        int slot = hash & mask;
        while (slots[slot] != 0) {
            int e = slots[slot] - 1;
            if (same(e, src, off, len, null, 0, 0)) {
                ids[e] = id;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
        }
        if (used + len > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(used + len, bytes.length * 2));
        }
        System.arraycopy(src, off, bytes, used, len);
        starts[size] = used;
        lengths[size] = len;
        ids[size] = id;
        used += len;
        slots[slot] = ++size;
        if (size * 2 > slots.length) {
            grow();
        }
    }

    /** The id of the token {@code a} followed by {@code b} ({@code b} may be empty), or -1 when there is none. */
    int get(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        int hash = finish(hash(hash(FNV_OFFSET, a, aOff, aLen), b, bOff, bLen));
        int slot = hash & mask;
        while (slots[slot] != 0) {
            int e = slots[slot] - 1;
            if (lengths[e] == aLen + bLen && same(e, a, aOff, aLen, b, bOff, bLen)) {
                return ids[e];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    int get(byte[] a, int aOff, int aLen) {
        return get(a, aOff, aLen, a, 0, 0);
    }

    public int get(String token) {
        byte[] utf8 = token.getBytes(StandardCharsets.UTF_8);
        return get(utf8, 0, utf8.length);
    }

    int size() {
        return size;
    }

    /** The same vocabulary as a map of token text to id, for the few encoders that look words up whole. */
    Map<String, Integer> toMap() {
        Map<String, Integer> map = new HashMap<>(size * 2);
        for (int e = 0; e < size; e++) {
            map.put(new String(bytes, starts[e], lengths[e], StandardCharsets.UTF_8), ids[e]);
        }
        return map;
    }

    private boolean same(int e, byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        int s = starts[e];
        if (lengths[e] != aLen + bLen
                || !Arrays.equals(bytes, s, s + aLen, a, aOff, aOff + aLen)) {
            return false;
        }
        return bLen == 0 || Arrays.equals(bytes, s + aLen, s + aLen + bLen, b, bOff, bOff + bLen);
    }

    private void grow() {
        int capacity = slots.length * 2;
        slots = new int[capacity];
        mask = capacity - 1;
        for (int e = 0; e < size; e++) {
            int slot = finish(hash(FNV_OFFSET, bytes, starts[e], lengths[e])) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = e + 1;
        }
    }

    private static int hash(int h, byte[] src, int off, int len) {
        for (int i = off, n = off + len; i < n; i++) {
            h = (h ^ (src[i] & 0xFF)) * FNV_PRIME;
        }
        return h;
    }

    /** FNV's low bits are weak for short keys; spread the high ones down before masking. */
    private static int finish(int h) {
        return h ^ (h >>> 16);
    }
}
