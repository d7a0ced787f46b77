package io.chatprep.encode;

import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.TokenizerFiles;
import io.chatprep.tokenize.segment.SegmentModel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tokenizer on its way: the native tokenizer and, with segment reuse on, what the segment encoder takes from
 * tokenizer.json, each built on a thread of its own. Every tokenizer chatprep opens is loaded through one: an encoder
 * starts one and waits for it, and a prepared run starts one the moment it has read the tokenizer files, while it
 * still resolves and compiles the template, then hands it to the encoder it builds (of a fresh JVM's run, the
 * tokenizer's second of loading is the longest thing the first rows wait for).
 */
public final class TokenizerLoad {
    private static final String THREAD = "chatprep-tokenizer-load";
    private static final String GIVEN_UP = "the tokenizer's loading was given up";
    private static final AtomicLong STARTED = new AtomicLong();

    private final TokenizerFiles files;
    private final boolean reuseSegments;
    private final boolean javaBpe;
    private final CompletableFuture<HfTokenizer> tokenizer;
    private final CompletableFuture<SegmentModel> model;

    private TokenizerLoad(TokenizerFiles files, boolean reuseSegments, boolean javaBpe) {
        this.files = files;
        this.reuseSegments = reuseSegments;
        this.javaBpe = javaBpe;
        STARTED.incrementAndGet();
        this.tokenizer = Background.start(THREAD, () -> HfTokenizer.fromFiles(files));
        this.model = reuseSegments
                ? Background.start(THREAD, () -> SegmentModel.read(files.loadedTokenizerJson(), javaBpe))
                : CompletableFuture.completedFuture(null);
    }

    /** Starts loading; {@code javaBpe} only matters with {@code reuseSegments}. */
    public static TokenizerLoad start(TokenizerFiles files, boolean reuseSegments, boolean javaBpe) {
        return new TokenizerLoad(files, reuseSegments, javaBpe);
    }

    /** How many loads this JVM has started: a load costs a core for a second or more, so callers avoid needless ones. */
    public static long started() {
        return STARTED.get();
    }

    /** The native tokenizer alone, waiting for it (a report's decoding, a dry run's special tokens). */
    public static HfTokenizer load(TokenizerFiles files) {
        return start(files, false, false).tokenizer();
    }

    /** Whether this load serves an encoder of these very files (the same object) and options. */
    public boolean serves(TokenizerFiles files, boolean reuseSegments, boolean javaBpe) {
        return this.files == files && this.reuseSegments == reuseSegments && (!reuseSegments || this.javaBpe == javaBpe);
    }

    /** The native tokenizer, waiting for it; the caller owns it. */
    public HfTokenizer tokenizer() {
        return joined(tokenizer);
    }

    /** What the segment encoder takes from tokenizer.json, waiting for it; null with segment reuse off. */
    public SegmentModel model() {
        return joined(model);
    }

    /** Gives up on this load: the native tokenizer is closed whenever it arrives. */
    public void discard() {
        model.cancel(false);
        tokenizer.thenAccept(HfTokenizer::close);
    }

    /** The value, or the loader's own exception rather than the future's wrapper. */
    private static <T> T joined(CompletableFuture<T> future) {
        return Background.joined(future, GIVEN_UP);
    }
}
