package io.chatprep.encode;

import io.chatprep.mask.AssistantMask;
import io.chatprep.mask.CompletionMask;
import io.chatprep.mask.FinalChannelSpans;
import io.chatprep.mask.LastTurnMask;
import io.chatprep.mask.MaskPolicy;
import io.chatprep.template.ChatTemplate;
import io.chatprep.template.RenderRequest;
import io.chatprep.template.RenderedChat;
import io.chatprep.template.TemplateException;
import io.chatprep.tokenize.Encoding;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.segment.SegmentEncoder;
import io.chatprep.tokenize.segment.SegmentModel;
import io.chatprep.tokenize.TokenizerConfig;
import io.chatprep.encode.TokenizerLoad;
import io.chatprep.mask.DerivedSpans;
import io.chatprep.mask.NotPrefixStableException;
import io.chatprep.vision.ImageStore;

import java.util.List;
import java.util.Map;

/**
 * Render, tokenize and mask one row, with no Spark involved. A row is a parsed JSON object in the
 * Python value model ({@code messages}, optional {@code tools}, {@code chat_template_kwargs}, or
 * {@code prompt}/{@code completion}). Thread-safe: the template is immutable and the tokenizer is shared.
 *
 * <p>Mask by row kind and policy:
 * <ul>
 *   <li>{@code messages} rows: the {@link MaskPolicy} (assistant spans, last turn, or GPT-OSS final channel);</li>
 *   <li>{@code prompt}/{@code completion} rows: TRL's completion mask (tokens past the prompt rendered with the
 *       generation prompt), intersected with the final-channel mask under {@code final-channel}.</li>
 * </ul>
 * A row that trains no token is rejected, never passed on with an all-zero mask.
 *
 * <p>With an image processor in the spec, {@code messages} rows are encoded as that model's processor encodes them
 * (images expanded to their tokens, the processor's mask rule): see {@link VisionRows}.
 */
public final class ConversationEncoder implements AutoCloseable {
    private final ChatTemplate template;
    private final HfTokenizer tokenizer;
    private final EncoderOptions options;
    /** Null when {@link EncoderOptions#reuseSegments()} is off: every text is encoded whole. */
    private final SegmentEncoder segments;
    private final String tokenization;
    /** Null without an image processor. */
    private final VisionRows vision;

    private ConversationEncoder(ChatTemplate template, HfTokenizer tokenizer, EncoderOptions options,
                                SegmentEncoder segments, String tokenization, VisionRows vision) {
        this.template = template;
        this.tokenizer = tokenizer;
        this.options = options;
        this.segments = segments;
        this.tokenization = tokenization;
        this.vision = vision;
    }

    /**
     * Compiles the template and loads the tokenizer of {@code spec}. A null template source means the
     * tokenizer's own ({@code default}) chat template.
     */
    public static ConversationEncoder open(EncoderSpec spec) {
        return open(spec, ImageStore.local());
    }

    /** As {@link #open(EncoderSpec)}, reading images through {@code images} (the job's Hadoop filesystems). */
    public static ConversationEncoder open(EncoderSpec spec, ImageStore images) {
        EncoderOptions options = spec.options();
        return open(spec, images, TokenizerLoad.start(spec.tokenizer(), options.reuseSegments(), options.javaBpe()));
    }

    /**
     * As {@link #open(EncoderSpec, ImageStore)}, with a load of the spec's tokenizer already under way (it must
     * {@linkplain TokenizerLoad#serves serve} the spec); the encoder owns what it loads.
     */
    public static ConversationEncoder open(EncoderSpec spec, ImageStore images, TokenizerLoad load) {
        EncoderOptions options = spec.options();
        if (!load.serves(spec.tokenizer(), options.reuseSegments(), options.javaBpe())) {
            load.discard();
            return open(spec, images);
        }
        HfTokenizer tokenizer;
        try {
            tokenizer = load.tokenizer();
        } catch (RuntimeException e) {
            load.discard();
            throw e;
        }
        try {
            String source = spec.templateSource();
            if (source == null) {
                source = tokenizer.chatTemplates().get(TokenizerConfig.DEFAULT_TEMPLATE);
                if (source == null) {
                    throw new IllegalArgumentException(tokenizer.origin() + ": the tokenizer has no default chat "
                            + "template (tokenizer_config.json chat_template or chat_template.jinja); give one explicitly");
                }
            }
            SegmentModel pieces = load.model();
            SegmentEncoder segments = pieces == null ? null : SegmentEncoder.create(tokenizer, pieces);
            VisionRows vision = spec.imageProcessor() == null ? null
                    : VisionRows.open(spec.imageProcessor(), tokenizer, images);
            return new ConversationEncoder(ChatTemplate.compile(source, options.renderLimits()), tokenizer, options, segments,
                    pieces == null ? WHOLE_TEXTS : pieces.description(), vision);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    private static final String WHOLE_TEXTS = "native tokenizer, every text whole (reuse_segments off)";

    /**
     * How an encoder opened from {@code spec} tokenizes texts, without opening one: reads tokenizer.json once,
     * without its vocabulary (a driver's view; {@link #tokenization()} is the encoder's own).
     */
    public static String describeTokenization(EncoderSpec spec) {
        EncoderOptions options = spec.options();
        return options.reuseSegments()
                ? SegmentModel.describe(spec.tokenizer().loadedTokenizerJson(), options.javaBpe())
                : WHOLE_TEXTS;
    }

    public EncodedRow encode(Map<String, Object> row) throws RowRejectedException {
        return inspect(row).toRow();
    }

    /**
     * @param source the file the row was read from (a local path or URI), against which relative image references
     *               resolve; null when it has none
     */
    public EncodedRow encode(Map<String, Object> row, String source) throws RowRejectedException {
        return inspect(row, source).toRow();
    }

    /** Parses a JSON line and encodes it; malformed JSON is rejected at stage {@code parse}. */
    public EncodedRow encodeJson(String line) throws RowRejectedException {
        return encode(parse(line));
    }

    public static Map<String, Object> parse(String line) throws RowRejectedException {
        try {
            return RowJson.parseRow(line);
        } catch (java.io.IOException e) {
            throw new RowRejectedException("parse", "not a JSON object: " + e.getMessage(), e);
        }
    }

    /** Everything the encoding went through: rendered text, spans, tokens with offsets, mask. */
    public EncodedConversation inspect(Map<String, Object> row) throws RowRejectedException {
        return inspect(row, null);
    }

    /** As {@link #inspect(Map)}, resolving relative image references against {@code source}. */
    public EncodedConversation inspect(Map<String, Object> row, String source) throws RowRejectedException {
        RowInput input = RowInput.of(row, options.templateKwargs());
        if (vision != null) {
            if (!input.isPromptCompletion()) {
                return vision.encode(this, input, row, source);
            }
            if (VisionRows.hasImages(input, row)) {
                throw new RowRejectedException(VisionRows.STAGE, "prompt-completion rows with images are not "
                        + "supported; give them as 'messages'");
            }
        }
        RenderedChat rendered = render(input, input.allMessages(), input.addGenerationPrompt());
        if (options.deriveMasks() && !input.isPromptCompletion()) {
            rendered = new RenderedChat(rendered.text(), derivedSpans(input, input.messages(), rendered.text()));
        }
        if (rendered.text().isEmpty()) {
            throw new RowRejectedException("render", "the template rendered no text for this row");
        }
        Encoding encoding = tokenize(rendered.text());
        byte[] mask = input.isPromptCompletion()
                ? promptCompletionMask(input, rendered, encoding)
                : conversationMask(input, rendered, encoding);
        int trained = AssistantMask.count(mask);
        if (trained == 0) {
            throw new RowRejectedException("mask", noTokensReason(input, rendered));
        }
        return new EncodedConversation(rendered, encoding, mask, trained);
    }

    private byte[] conversationMask(RowInput input, RenderedChat rendered, Encoding encoding)
            throws RowRejectedException {
        int[][] spans = rendered.generationSpans();
        MaskPolicy policy = options.maskPolicy();
        if (policy == MaskPolicy.FINAL_CHANNEL) {
            spans = FinalChannelSpans.of(rendered.text(), spans);
        }
        byte[] mask = mask(encoding, spans);
        if (policy == MaskPolicy.LAST_TURN) {
            int prefix = lastTurnPrefixLength(input, input.messages(), rendered.text());
            LastTurnMask.restrict(mask, encoding.offsets(), prefix);
        }
        return mask;
    }

    /** Code points of {@code messages[:i]} rendered alone, i = the last assistant message (see {@link LastTurnMask}). */
    int lastTurnPrefixLength(RowInput input, List<Object> messages, String fullText) throws RowRejectedException {
        int last = -1;
        for (int i = messages.size() - 1; i >= 0 && last < 0; i--) {
            if ("assistant".equals(((Map<?, ?>) messages.get(i)).get("role"))) {
                last = i;
            }
        }
        if (last <= 0) {
            return 0;
        }
        String prefix;
        try {
            prefix = render(input, messages.subList(0, last), false).text();
        } catch (RowRejectedException e) {
            throw new RowRejectedException("mask", "last-turn: rendering the messages before the last assistant "
                    + "message failed (" + e.reason() + ")", e);
        }
        if (!fullText.startsWith(prefix)) {
            throw new RowRejectedException("mask", "last-turn: the template renders the messages before the last "
                    + "assistant message differently once it follows, so the last turn cannot be separated");
        }
        return prefix.codePointCount(0, prefix.length());
    }

    private byte[] promptCompletionMask(RowInput input, RenderedChat rendered, Encoding encoding)
            throws RowRejectedException {
        // TRL: the prompt alone with the generation prompt, tokenized; everything past its length is trained.
        String promptText = render(input, input.prompt(), true).text();
        int promptTokens = tokenize(promptText).size();
        byte[] mask = CompletionMask.afterPrompt(encoding.size(), promptTokens);
        if (options.maskPolicy() == MaskPolicy.FINAL_CHANNEL) {
            byte[] finalChannel = mask(encoding, FinalChannelSpans.of(rendered.text(), rendered.generationSpans()));
            for (int i = 0; i < mask.length; i++) {
                mask[i] &= finalChannel[i];
            }
        }
        return mask;
    }

    private static byte[] mask(Encoding encoding, int[][] spans) throws RowRejectedException {
        try {
            return AssistantMask.fromSpans(encoding.offsets(), spans);
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException("mask", e.getMessage(), e);
        }
    }

    String noTokensReason(RowInput input, RenderedChat rendered) {
        if (input.isPromptCompletion()) {
            return "no completion tokens: the prompt rendered with the generation prompt is as long as the whole row"
                    + (options.maskPolicy() == MaskPolicy.FINAL_CHANNEL ? ", or the completion has no final-channel message" : "");
        }
        if (rendered.generationSpans().length == 0) {
            return "no assistant tokens: the template marked no {% generation %} span for this row"
                    + " (it has no markers, or the row has no assistant message)";
        }
        return switch (options.maskPolicy()) {
            case FINAL_CHANNEL -> "no assistant tokens: no final-channel message inside the generation spans";
            case LAST_TURN -> "no assistant tokens: the last assistant message has no marked tokens";
            default -> "no assistant tokens: the generation spans cover no token";
        };
    }

    RenderedChat render(RowInput input, List<Object> messages, boolean addGenerationPrompt)
            throws RowRejectedException {
        RenderRequest.Builder request = RenderRequest.builder()
                .messages(messages)
                .specialTokens(tokenizer.config().specialTokens())
                .extras(input.variables())
                .addGenerationPrompt(addGenerationPrompt)
                .now(options.now());
        if (input.tools() instanceof List<?> tools) {
            request.tools(tools);
        }
        if (input.documents() instanceof List<?> documents) {
            request.documents(documents);
        }
        try {
            return template.render(request.build());
        } catch (TemplateException e) {
            String reason = switch (e.kind()) {
                case RAISED -> "template raised: " + e.getMessage();
                case LIMIT -> RowRejectedException.RENDER_LIMIT + e.getMessage().replaceFirst("^LimitError: ", "");
                default -> "template failed (" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + "): "
                        + e.getMessage();
            };
            throw new RowRejectedException("render", reason, e);
        } catch (RuntimeException e) {
            throw new RowRejectedException("render", "template failed: " + e, e);
        }
    }

    int[][] derivedSpans(RowInput input, List<Object> messages, String fullText) throws RowRejectedException {
        try {
            return DerivedSpans.derive(messages, fullText, (cut, agp) -> render(input, cut, agp).text());
        } catch (NotPrefixStableException e) {
            throw new RowRejectedException("mask", e.getMessage(), e);
        }
    }

    Encoding tokenize(String text) throws RowRejectedException {
        int lone = loneSurrogate(text);
        if (lone >= 0) {
            // Python strings can hold one (json.loads reads a "\ud800" escape so), but transformers' tokenizer takes no
            // such text: it raises TypeError. Java's UTF-8 conversion would silently put '?' in its place.
            throw new RowRejectedException("tokenize", String.format("the rendered text holds a lone surrogate U+%04X at "
                    + "character %d (an unpaired \\u escape in the row); transformers' tokenizer rejects such text "
                    + "(TypeError)", (int) text.charAt(lone), text.codePointCount(0, lone)));
        }
        try {
            return segments != null ? segments.encode(text) : tokenizer.encode(text);
        } catch (RuntimeException e) {
            throw new RowRejectedException("tokenize", "tokenizer failed: " + e.getMessage(), e);
        }
    }

    /** The index of the first surrogate that is not half of a pair, or -1. */
    static int loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    public HfTokenizer tokenizer() {
        return tokenizer;
    }

    public EncoderOptions options() {
        return options;
    }

    /** How texts are tokenized (native or Java, pieces reused or not, and why), for run output. */
    public String tokenization() {
        return tokenization;
    }

    /** The image processor rows are encoded for, or null for text rows only. */
    public io.chatprep.vision.ImageProcessor imageProcessor() {
        return vision == null ? null : vision.processor();
    }

    /** The piece-reusing encoder, or null when segment reuse is off. */
    public SegmentEncoder segmentEncoder() {
        return segments;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
