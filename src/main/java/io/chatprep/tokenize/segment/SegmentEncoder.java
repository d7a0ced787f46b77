package io.chatprep.tokenize.segment;

import io.chatprep.tokenize.AddedToken;
import io.chatprep.tokenize.EncodedPiece;
import io.chatprep.tokenize.Encoding;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.tokenize.bpe.JavaBpeEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Encodes texts exactly as {@link HfTokenizer#encode} does, reusing the tokens of text pieces it has seen before.
 *
 * <p>tokenizers-rs first cuts a text at its added tokens and then encodes each piece independently, so a piece
 * that recurs (a system prompt, a tool schema, the {@code "assistant\n"} after every turn marker) always gets the
 * same tokens. This class cuts texts the same way ({@link AddedTokenSplitter}), takes known pieces from a
 * bounded cache shared by all threads, encodes the others in one native call and shifts each piece's offsets
 * by where it starts. Tokenizers whose pipeline is not piecewise-exact ({@link SegmentRules#unsafeReason()}),
 * texts the splitter cannot cut exactly and texts with lone surrogates are encoded whole. Thread-safe; does not own the tokenizer.
 */
public final class SegmentEncoder {
    /** Default bound of the piece cache: a few hundred thousand short pieces. */
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;
    /** Pieces up to this many characters are cached on first sight; longer ones when they come back. */
    public static final int DEFAULT_ALWAYS_ADMIT_CHARS = 64;

    private final HfTokenizer tokenizer;
    private final AddedTokenSplitter splitter;
    private final int[] tokenIds;
    private final String disabledReason;
    private final SegmentCache cache;
    /** Null when pieces are encoded natively only. */
    private final JavaBpeEncoder java;
    private final LongAdder wholeTexts = new LongAdder();
    private final LongAdder nativePieces = new LongAdder();

    private SegmentEncoder(HfTokenizer tokenizer, AddedTokenSplitter splitter, int[] tokenIds, String disabledReason,
                           SegmentCache cache, JavaBpeEncoder java) {
        this.tokenizer = tokenizer;
        this.splitter = splitter;
        this.tokenIds = tokenIds;
        this.disabledReason = disabledReason;
        this.cache = cache;
        this.java = splitter == null ? null : java;
    }

    /** Pieces are encoded natively, never in Java. */
    public static SegmentEncoder create(HfTokenizer tokenizer, TokenizerFiles files) {
        return create(tokenizer, files, false);
    }

    /**
     * @param javaBpe encode pieces with {@link JavaBpeEncoder} when the tokenizer is one it reproduces (the native
     *                tokenizer takes the pieces it declines and every other tokenizer)
     */
    public static SegmentEncoder create(HfTokenizer tokenizer, TokenizerFiles files, boolean javaBpe) {
        return create(tokenizer, SegmentModel.read(files.loadedTokenizerJson(), javaBpe));
    }

    /** @param model what tokenizer.json says about this tokenizer's pieces (read by the caller) */
    public static SegmentEncoder create(HfTokenizer tokenizer, SegmentModel model) {
        return create(tokenizer, model.rules(), DEFAULT_CACHE_BYTES, DEFAULT_ALWAYS_ADMIT_CHARS, model.java());
    }

    public static SegmentEncoder create(HfTokenizer tokenizer, SegmentRules rules, long cacheBytes, int alwaysAdmitChars) {
        return create(tokenizer, rules, cacheBytes, alwaysAdmitChars, null);
    }

    static SegmentEncoder create(HfTokenizer tokenizer, SegmentRules rules, long cacheBytes, int alwaysAdmitChars,
                                 JavaBpeEncoder java) {
        SegmentCache cache = new SegmentCache(cacheBytes, alwaysAdmitChars);
        if (rules.unsafeReason() != null) {
            return new SegmentEncoder(tokenizer, null, null, rules.unsafeReason(), cache, null);
        }
        AddedTokenSplitter splitter = new AddedTokenSplitter(rules.tokens(), rules.normalizerIsIdentity());
        List<AddedToken> tokens = splitter.tokens();
        // The id each match stands for, from the tokenizer itself: a content encoded alone is exactly one match.
        // Anything else means the splitter's model of this tokenizer is wrong, so reuse stays off.
        int[] ids = new int[tokens.size()];
        List<Integer> checked = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            AddedToken t = tokens.get(i);
            if (!t.normalized() || rules.normalizerIsIdentity()) {
                checked.add(i);
                contents.add(t.content());
            }
        }
        String reason = null;
        if (!contents.isEmpty()) {
            EncodedPiece[] alone = tokenizer.encodePieces(contents.toArray(new String[0]), contents.size());
            for (int j = 0; alone != null && j < alone.length && reason == null; j++) {
                String content = contents.get(j);
                int[] offsets = alone[j].offsets();
                if (alone[j].size() != 1 || offsets[0] != 0
                        || offsets[1] != content.codePointCount(0, content.length())) {
                    reason = "added token " + content + " does not encode to itself alone";
                } else {
                    ids[checked.get(j)] = alone[j].ids()[0];
                }
            }
            if (alone == null) {
                reason = "the tokenizer does not report which piece each token belongs to";
            }
        }
        return reason == null
                ? new SegmentEncoder(tokenizer, splitter, ids, null, cache, java)
                : new SegmentEncoder(tokenizer, null, null, reason, cache, null);
    }

    /** Same ids and code-point offsets as {@code tokenizer.encode(text)}. */
    public Encoding encode(String text) {
        if (splitter == null) {
            return tokenizer.encode(text);
        }
        Segments segments = new Segments();
        int surrogates = surrogates(text);
        if (surrogates == LONE_SURROGATE || !splitter.split(text, segments)) {
            wholeTexts.increment();
            return tokenizer.encode(text);
        }
        int n = segments.count();
        EncodedPiece[] pieces = new EncodedPiece[n];
        String[] missing = new String[n];
        int[] missingAt = new int[n];
        int m = 0;
        int total = 0;
        for (int i = 0; i < n; i++) {
            if (segments.token(i) != Segments.TEXT) {
                total++;
                continue;
            }
            String piece = text.substring(segments.start(i), segments.end(i));
            EncodedPiece known = cache.get(piece);
            if (known == null && java != null) {
                known = java.encode(piece);
                if (known != null) {
                    cache.offer(piece, known);
                }
            }
            if (known == null) {
                missing[m] = piece;
                missingAt[m++] = i;
            } else {
                pieces[i] = known;
                total += known.size();
            }
        }
        if (m > 0) {
            nativePieces.add(m);
            EncodedPiece[] fresh = tokenizer.encodePieces(missing, m);
            if (fresh == null) {
                wholeTexts.increment();
                return tokenizer.encode(text);
            }
            for (int j = 0; j < m; j++) {
                pieces[missingAt[j]] = fresh[j];
                total += fresh[j].size();
                cache.offer(missing[j], fresh[j]);
            }
        }
        return assemble(text, segments, pieces, total, surrogates == 0);
    }

    private static final int LONE_SURROGATE = -1;

    /**
     * How many surrogate pairs the text holds, or {@link #LONE_SURROGATE}. The native side receives a lone
     * surrogate as several replacement characters, so its offsets after one do not count code points the way
     * Java does; such texts (never produced by a JSON parser from valid input) go whole. A text without pairs
     * counts code points as chars, which spares counting them again segment by segment.
     */
    private static int surrogates(String text) {
        int pairs = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    pairs++;
                } else {
                    return LONE_SURROGATE;
                }
            }
        }
        return pairs;
    }

    private Encoding assemble(String text, Segments segments, EncodedPiece[] pieces, int total, boolean noPairs) {
        int[] ids = new int[total];
        int[] offsets = new int[2 * total];
        int k = 0;
        int cp = 0;
        for (int i = 0; i < segments.count(); i++) {
            int length = noPairs ? segments.end(i) - segments.start(i)
                    : text.codePointCount(segments.start(i), segments.end(i));
            int token = segments.token(i);
            if (token != Segments.TEXT) {
                ids[k] = tokenIds[token];
                offsets[2 * k] = cp;
                offsets[2 * k + 1] = cp + length;
                k++;
            } else {
                EncodedPiece piece = pieces[i];
                int size = piece.size();
                System.arraycopy(piece.ids(), 0, ids, k, size);
                int[] relative = piece.offsets();
                for (int j = 0; j < 2 * size; j++) {
                    int o = relative[j];
                    // No span is (0, 0) in a whole-text encoding, wherever the token sits.
                    offsets[2 * k + j] = o < 0 ? 0 : o + cp;
                }
                k += size;
            }
            cp += length;
        }
        return new Encoding(ids, offsets);
    }

    /** Whether pieces are reused for this tokenizer; when false, {@link #disabledReason()} says why. */
    public boolean reuses() {
        return splitter != null;
    }

    public String disabledReason() {
        return disabledReason;
    }

    /** Whether pieces are encoded in Java ({@link JavaBpeEncoder}) rather than by the native tokenizer. */
    public boolean encodesInJava() {
        return java != null;
    }

    /** Pieces that went to the native tokenizer so far (with Java encoding on: the pieces it declined). */
    public long nativePieces() {
        return nativePieces.sum();
    }

    /** Pieces found in the cache so far. */
    public long cacheHits() {
        return cache.hits();
    }

    /** Pieces that had to be encoded so far. */
    public long cacheMisses() {
        return cache.misses();
    }

    public int cachedPieces() {
        return cache.size();
    }

    /** Empties the piece cache and resets the counters (for measurements that must start cold). */
    public void clearCache() {
        cache.clear();
        if (java != null) {
            java.clearWords();
        }
        wholeTexts.reset();
        nativePieces.reset();
    }

    /** Texts encoded whole because the splitter could not cut them exactly. */
    public long wholeTexts() {
        return wholeTexts.sum();
    }
}
