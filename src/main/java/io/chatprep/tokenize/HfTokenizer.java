package io.chatprep.tokenize;

import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A HuggingFace tokenizer (DJL, tokenizers-rs) configured as transformers uses it for chat templates:
 * no special tokens added, no padding, no truncation. Thread-safe; close it when done.
 *
 * <p>Encoding goes straight to DJL's JNI functions (encode, ids, char spans, delete) rather than
 * {@code HuggingFaceTokenizer.encode}, which fills every field of a full encoding on each call.
 */
public final class HfTokenizer implements AutoCloseable {
    private final long handle;
    private final TokenizerConfig config;
    private final String origin;
    // Encodes share the read side; close takes the write side so the native tokenizer is never freed mid-call.
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private HfTokenizer(long handle, TokenizerConfig config, String origin) {
        this.handle = handle;
        this.config = config;
        this.origin = origin;
    }

    public static HfTokenizer load(Path dir) {
        return fromFiles(TokenizerFiles.fromDirectory(dir));
    }

    /**
     * Loads on this thread; chatprep's own code loads through {@code io.chatprep.encode.TokenizerLoad}, which
     * overlaps the loading.
     */
    public static HfTokenizer fromFiles(TokenizerFiles files) {
        TokenizerConfig config = TokenizerConfig.of(files);
        NativeLibrary.ensureLoaded();
        String json = new String(files.loadedTokenizerJson(), StandardCharsets.UTF_8);
        long handle;
        try {
            handle = TokenizersLibrary.LIB.createTokenizerFromString(json);
        } catch (RuntimeException e) {
            throw new TokenizerLoadException(files.origin() + "/" + TokenizerFiles.TOKENIZER_JSON
                    + ": not a valid HuggingFace tokenizer (" + e.getMessage() + ")", e);
        }
        // tokenizer.json may carry padding or truncation settings; chat-template tokenization uses neither.
        TokenizersLibrary.LIB.disablePadding(handle);
        TokenizersLibrary.LIB.disableTruncation(handle);
        return new HfTokenizer(handle, config, files.origin());
    }

    /** Token ids and their code-point offsets for {@code text}, without adding special tokens. */
    public Encoding encode(String text) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            long encoding = TokenizersLibrary.LIB.encode(handle, text, false);
            try {
                long[] wideIds = TokenizersLibrary.LIB.getTokenIds(encoding);
                CharSpan[] spans = TokenizersLibrary.LIB.getTokenCharSpans(encoding);
                int n = wideIds.length;
                int[] ids = new int[n];
                int[] offsets = new int[2 * n];
                for (int i = 0; i < n; i++) {
                    ids[i] = (int) wideIds[i];
                    CharSpan span = spans[i];
                    // A token with no source characters has no span; (0, 0) is what transformers reports.
                    if (span != null) {
                        offsets[2 * i] = span.getStart();
                        offsets[2 * i + 1] = span.getEnd();
                    }
                }
                return new Encoding(ids, offsets);
            } finally {
                TokenizersLibrary.LIB.deleteEncoding(encoding);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Encodes each of {@code pieces[0, count)} as if it were a text of its own, in one native call when there are
     * several (tokenizers-rs' pre-tokenized input runs the whole pipeline on every element separately and
     * numbers each element's tokens with its index). Offsets are relative to each piece, -1 for no span.
     * Returns null if the native result does not say which tokens belong to which piece.
     */
    public EncodedPiece[] encodePieces(String[] pieces, int count) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            long encoding = count == 1
                    ? TokenizersLibrary.LIB.encode(handle, pieces[0], false)
                    : TokenizersLibrary.LIB.encodeList(handle, java.util.Arrays.copyOf(pieces, count), false);
            try {
                long[] wideIds = TokenizersLibrary.LIB.getTokenIds(encoding);
                CharSpan[] spans = TokenizersLibrary.LIB.getTokenCharSpans(encoding);
                long[] pieceOf = count == 1 ? null : TokenizersLibrary.LIB.getWordIds(encoding);
                return slice(wideIds, spans, pieceOf, count);
            } finally {
                TokenizersLibrary.LIB.deleteEncoding(encoding);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private static EncodedPiece[] slice(long[] wideIds, CharSpan[] spans, long[] pieceOf, int count) {
        int n = wideIds.length;
        if (spans.length != n || (pieceOf != null && pieceOf.length != n)) {
            return null;
        }
        EncodedPiece[] out = new EncodedPiece[count];
        int token = 0;
        for (int piece = 0; piece < count; piece++) {
            int first = token;
            while (token < n && (pieceOf == null || pieceOf[token] == piece)) {
                token++;
            }
            int size = token - first;
            int[] ids = new int[size];
            int[] offsets = new int[2 * size];
            for (int i = 0; i < size; i++) {
                ids[i] = (int) wideIds[first + i];
                CharSpan span = spans[first + i];
                offsets[2 * i] = span == null ? -1 : span.getStart();
                offsets[2 * i + 1] = span == null ? -1 : span.getEnd();
            }
            out[piece] = new EncodedPiece(ids, offsets);
        }
        return token == n ? out : null;
    }

    /**
     * The tokens the post-processor adds around a single text when special tokens are added (a processor's
     * {@code tokenizer(text)} call does that unless the text starts with the BOS token): {@code {prefix, suffix}} ids,
     * each possibly empty. Found by encoding a probe text both ways.
     */
    public int[][] addedSpecialTokens() {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            String probe = "a";
            long[] plain = ids(TokenizersLibrary.LIB.encode(handle, probe, false));
            long[] added = ids(TokenizersLibrary.LIB.encode(handle, probe, true));
            for (int at = 0; at + plain.length <= added.length; at++) {
                if (java.util.Arrays.equals(added, at, at + plain.length, plain, 0, plain.length)) {
                    int[] prefix = new int[at];
                    int[] suffix = new int[added.length - at - plain.length];
                    for (int i = 0; i < prefix.length; i++) {
                        prefix[i] = (int) added[i];
                    }
                    for (int i = 0; i < suffix.length; i++) {
                        suffix[i] = (int) added[at + plain.length + i];
                    }
                    return new int[][] {prefix, suffix};
                }
            }
            throw new IllegalStateException(origin + ": cannot tell which tokens the post-processor adds");
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private static long[] ids(long encoding) {
        try {
            return TokenizersLibrary.LIB.getTokenIds(encoding);
        } finally {
            TokenizersLibrary.LIB.deleteEncoding(encoding);
        }
    }

    /** Token ids only: cheaper than {@link #encode} when offsets are not needed. */
    public int[] encodeIds(String text) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            long encoding = TokenizersLibrary.LIB.encode(handle, text, false);
            try {
                long[] wideIds = TokenizersLibrary.LIB.getTokenIds(encoding);
                int[] ids = new int[wideIds.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = (int) wideIds[i];
                }
                return ids;
            } finally {
                TokenizersLibrary.LIB.deleteEncoding(encoding);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** The text of token ids, special tokens included (for inspection, not for training data). */
    public String decode(int[] ids) {
        long[] wide = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            wide[i] = ids[i];
        }
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return TokenizersLibrary.LIB.decode(handle, wide, false);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Special tokens by name ({@code bos_token}, {@code eos_token}, ...) as template variables, in transformers' order. */
    public Map<String, Object> specialTokens() {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config.specialTokens()));
    }

    /** What the tokenizer's config gives templates: special tokens and its own chat templates. */
    public TokenizerConfig config() {
        return config;
    }

    /** The tokenizer's own chat templates by name (a single one is named {@code default}); may be empty. */
    public Map<String, String> chatTemplates() {
        return config.chatTemplates();
    }

    public String origin() {
        return origin;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(origin + ": tokenizer is closed");
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                TokenizersLibrary.LIB.deleteTokenizer(handle);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
