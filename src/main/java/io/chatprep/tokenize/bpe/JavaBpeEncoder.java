package io.chatprep.tokenize.bpe;

import io.chatprep.tokenize.EncodedPiece;
import java.text.Normalizer;

/**
 * Encodes the text between added tokens in Java, for byte-level BPE tokenizers (Qwen, Llama 3, DeepSeek, GPT-OSS
 * and their kin), with the ids and code-point offsets tokenizers-rs gives the same piece.
 *
 * <p>The pipeline is the one tokenizer.json describes: an identity or NFC normalizer, {@code Split} regexes, the
 * byte-level alphabet and BPE merges ({@link JavaBpeLoader} accepts nothing else). Words recur far more than
 * pieces do, so their tokens are kept in a bounded {@link WordCache} shared by all threads. A piece this class cannot vouch
 * for is declined ({@link #encode} returns null) and goes to the native tokenizer: one NFC would change
 * (offsets would need the normalizer's alignments), or one holding a code point unassigned in Java's Unicode
 * tables (the native regex engine may know it as a letter). Thread-safe.
 */
public final class JavaBpeEncoder {
    /** Words kept at most (the cache's table rounds it up to a power of two); a few tens of megabytes. */
    static final int MAX_CACHED_WORDS = 200_000;
    /** Longer words (long digit or symbol runs, base64) are rare enough not to be worth keeping. */
    static final int MAX_CACHED_WORD_CHARS = 128;

    private final RegexSplits splits;
    private final ByteLevelBpe model;
    private final boolean nfc;
    private final WordCache words = new WordCache(MAX_CACHED_WORDS);
    private final ThreadLocal<RegexSplits.Bounds> bounds = ThreadLocal.withInitial(RegexSplits.Bounds::new);

    JavaBpeEncoder(RegexSplits splits, ByteLevelBpe model, boolean nfc) {
        this.splits = splits;
        this.model = model;
        this.nfc = nfc;
    }

    /** The Java encoder for this tokenizer, or null with the reason in {@code whyNot[0]} when it has none. */
    public static JavaBpeEncoder forTokenizer(byte[] tokenizerJson, String[] whyNot) {
        return JavaBpeLoader.load(tokenizerJson, whyNot);
    }

    /** The tokens of a piece holding no added token, offsets relative to it; null when the piece is declined. */
    public EncodedPiece encode(String piece) {
        if (!vouchesFor(piece)) {
            return null;
        }
        RegexSplits.Bounds cuts = bounds.get();
        int count = splits.split(piece, cuts);
        int[][] tokens = new int[count][];
        int total = 0;
        for (int i = 0; i < count; i++) {
            tokens[i] = word(piece, cuts.get(i), cuts.get(i + 1));
            total += ByteLevelBpe.count(tokens[i]);
        }
        int[] ids = new int[total];
        int[] offsets = new int[2 * total];
        int k = 0;
        int cp = 0;
        for (int i = 0; i < count; i++) {
            int[] word = tokens[i];
            int size = ByteLevelBpe.count(word);
            System.arraycopy(word, 0, ids, k, size);
            for (int j = 0; j < 2 * size; j++) {
                offsets[2 * k + j] = word[size + j] + cp;
            }
            k += size;
            // A word's last token ends where the word does (words are never empty).
            cp += word[word.length - 1];
        }
        return new EncodedPiece(ids, offsets);
    }

    private int[] word(String piece, int start, int end) {
        int hash = WordCache.hash(piece, start, end);
        int[] known = words.get(piece, start, end, hash);
        if (known != null) {
            return known;
        }
        int[] fresh = model.encode(piece, start, end);
        if (end - start <= MAX_CACHED_WORD_CHARS) {
            words.put(piece, start, end, hash, fresh);
        }
        return fresh;
    }

    private boolean vouchesFor(String piece) {
        for (int i = 0; i < piece.length(); ) {
            int c = piece.codePointAt(i);
            if (c >= 0x80 && (UnicodeClasses.mayDiffer(c) || Character.getType(c) == Character.SURROGATE)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return !nfc || Normalizer.isNormalized(piece, Normalizer.Form.NFC);
    }

    public void clearWords() {
        words.clear();
    }

    /** Words whose tokens are kept right now. */
    int cachedWords() {
        return words.size();
    }
}
