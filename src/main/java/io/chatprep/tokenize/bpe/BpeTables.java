package io.chatprep.tokenize.bpe;

import io.chatprep.tokenize.JsonCursor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte-level BPE model's vocabulary and merges, read from where they start in tokenizer.json: the id of each of
 * the 256 byte tokens and the merge table, with the vocabulary kept only for models that look whole words up
 * ({@code ignore_merges}). A merge naming a token outside the vocabulary leaves the model unbuilt, with the reason.
 */
public final class BpeTables {
    final int[] byteIds;
    final PairMerges merges;
    /** Null unless asked for. */
    final TokenIds vocab;

    private BpeTables(int[] byteIds, PairMerges merges, TokenIds vocab) {
        this.byteIds = byteIds;
        this.merges = merges;
        this.vocab = vocab;
    }

    /**
     * @param vocabAt  where the vocab object starts in {@code json}
     * @param mergesAt where the merges array starts
     * @param reason   receives why there is no model when this returns null
     * @throws IOException              when those values are not JSON
     * @throws IllegalArgumentException when a vocabulary value is not an id or a merge is not a pair
     */
    static BpeTables read(byte[] json, int vocabAt, int mergesAt, boolean keepVocab, String[] reason)
            throws IOException {
        TokenIds vocab = readVocab(new JsonCursor(json, vocabAt));
        int[] byteIds = new int[256];
        for (int b = 0; b < 256; b++) {
            int id = vocab.get(String.valueOf(ByteLevelBpe.BYTE_CHARS[b]));
            if (id < 0) {
                reason[0] = "the vocabulary lacks byte " + b;
                return null;
            }
            byteIds[b] = id;
        }
        PairMerges merges = readMerges(new JsonCursor(json, mergesAt), vocab, reason);
        return merges == null ? null : new BpeTables(byteIds, merges, keepVocab ? vocab : null);
    }

    /** The vocab object starting at {@code at}. */
    public static TokenIds readVocab(byte[] json, int at) throws IOException {
        return readVocab(new JsonCursor(json, at));
    }

    private static TokenIds readVocab(JsonCursor c) throws IOException {
        TokenIds vocab = new TokenIds(1 << 17);
        c.expect('{');
        if (c.consume('}')) {
            return vocab;
        }
        do {
            c.readString();
            byte[] key = c.stringBytes();
            int start = c.stringStart();
            int length = c.stringLength();
            c.expect(':');
            vocab.put(key, start, length, c.readInt());
        } while (c.more('}'));
        return vocab;
    }

    private static PairMerges readMerges(JsonCursor c, TokenIds vocab, String[] reason) throws IOException {
        // An array-form merge's halves, copied out of the cursor's buffer (its second string reuses it).
        byte[] pair = new byte[64];
        int[] triples = new int[3 << 17];
        int count = 0;
        c.expect('[');
        if (!c.consume(']')) {
            do {
                byte[] halves;
                int leftStart;
                int leftLength;
                int rightStart;
                int rightLength;
                if (c.peek() == '"') {
                    c.readString();
                    halves = c.stringBytes();
                    leftStart = c.stringStart();
                    int split = singleSpace(halves, leftStart, c.stringLength());
                    if (split < 0) {
                        throw notAPair();
                    }
                    leftLength = split;
                    rightStart = leftStart + split + 1;
                    rightLength = c.stringLength() - split - 1;
                } else if (c.consume('[')) {
                    pair = appendString(c, pair, 0);
                    leftLength = c.stringLength();
                    if (!c.more(']')) {
                        throw notAPair();
                    }
                    pair = appendString(c, pair, leftLength);
                    halves = pair;
                    leftStart = 0;
                    rightStart = leftLength;
                    rightLength = c.stringLength();
                    if (c.more(']')) {
                        throw notAPair();
                    }
                } else {
                    throw notAPair();
                }
                int left = vocab.get(halves, leftStart, leftLength);
                int right = vocab.get(halves, rightStart, rightLength);
                int merged = vocab.get(halves, leftStart, leftLength, halves, rightStart, rightLength);
                if (left < 0 || right < 0 || merged < 0) {
                    reason[0] = "merge " + text(halves, leftStart, leftLength) + " "
                            + text(halves, rightStart, rightLength) + " names a token outside the vocabulary";
                    return null;
                }
                if (3 * count == triples.length) {
                    triples = Arrays.copyOf(triples, triples.length * 2);
                }
                triples[3 * count] = left;
                triples[3 * count + 1] = right;
                triples[3 * count + 2] = merged;
                count++;
            } while (c.more(']'));
        }
        PairMerges table = new PairMerges(count);
        for (int rank = 0; rank < count; rank++) {
            table.put(triples[3 * rank], triples[3 * rank + 1], rank, triples[3 * rank + 2]);
        }
        return table;
    }

    /** Reads one string of an array-form merge into {@code buffer} at {@code at}, growing it if need be. */
    private static byte[] appendString(JsonCursor c, byte[] buffer, int at) throws IOException {
        if (c.peek() != '"') {
            throw notAPair();
        }
        c.readString();
        byte[] out = fit(buffer, at + c.stringLength());
        System.arraycopy(c.stringBytes(), c.stringStart(), out, at, c.stringLength());
        return out;
    }

    private static int singleSpace(byte[] bytes, int start, int length) {
        int found = -1;
        for (int i = 0; i < length; i++) {
            if (bytes[start + i] == ' ') {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    private static byte[] fit(byte[] buffer, int length) {
        return length <= buffer.length ? buffer : Arrays.copyOf(buffer, Math.max(length, buffer.length * 2));
    }

    private static String text(byte[] bytes, int start, int length) {
        return new String(bytes, start, length, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException notAPair() {
        return new IllegalArgumentException("a merge is neither \"a b\" nor [a, b]");
    }
}
