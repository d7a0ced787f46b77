package io.chatprep.encode;

import io.chatprep.mask.FinalChannelSpans;
import io.chatprep.mask.LastTurnMask;
import io.chatprep.mask.MaskPolicy;
import io.chatprep.mask.ProcessorMask;
import io.chatprep.template.RenderedChat;
import io.chatprep.template.py.PyNone;
import io.chatprep.tokenize.Encoding;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.vision.ImageException;
import io.chatprep.vision.ImageProcessor;
import io.chatprep.vision.ImageProcessorFiles;
import io.chatprep.vision.ImageProcessors;
import io.chatprep.vision.ImageStore;
import io.chatprep.vision.PlaceholderExpansion;
import io.chatprep.vision.RowImages;
import io.chatprep.vision.VisionMessages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rows encoded as a model's processor encodes them ({@code ProcessorMixin.apply_chat_template(..., tokenize=True,
 * return_assistant_tokens_mask=True)}): messages prepared as the processor (and TRL's layout) prepare them, images
 * located and their headers read, the rendered placeholders expanded to the images' tokens, the expanded text
 * tokenized (with the post-processor's special tokens unless the text starts with the BOS token), and the mask
 * built by the processor's rule ({@link ProcessorMask}). Image tokens are never trained. Failures about images are
 * rejections at stage {@code image}.
 */
final class VisionRows {
    static final String STAGE = "image";

    private final ImageProcessor processor;
    private final ImageStore store;
    private final int imageTokenId;
    private final String bos;
    private final int[] addedPrefix;
    private final int[] addedSuffix;
    /** Whether image tokens may be spliced into the rendered text's tokens instead of tokenizing the expansion. */
    private final boolean splice;

    private VisionRows(ImageProcessor processor, ImageStore store, int imageTokenId, String bos, int[][] added,
                       boolean splice) {
        this.processor = processor;
        this.store = store;
        this.imageTokenId = imageTokenId;
        this.bos = bos;
        this.addedPrefix = added[0];
        this.addedSuffix = added[1];
        this.splice = splice;
    }

    static VisionRows open(ImageProcessorFiles files, HfTokenizer tokenizer, ImageStore store) {
        ImageProcessor processor = ImageProcessors.create(files, tokenizer.config().specialTokens());
        int[] ids = tokenizer.encodeIds(processor.imageToken());
        int[] placeholder = tokenizer.encodeIds(processor.placeholder());
        if (ids.length != 1 || placeholder.length != 1) {
            throw new IllegalArgumentException(tokenizer.origin() + ": the tokenizer has no single token for "
                    + (ids.length != 1 ? processor.imageToken() : processor.placeholder()) + ", which "
                    + processor.description() + " needs");
        }
        return new VisionRows(processor, store, ids[0], tokenizer.config().specialTokens().get("bos_token"),
                tokenizer.addedSpecialTokens(), repeatsAlone(tokenizer, processor.imageToken(), ids[0]));
    }

    /**
     * Whether the image token, repeated, tokenizes as that many copies of itself, each covering its own text: then a
     * run of them splits the text around it exactly as one does, and the tokens of an expanded placeholder that is the
     * image token itself (Qwen's) can be spliced in rather than tokenized, a few thousand per image.
     */
    private static boolean repeatsAlone(HfTokenizer tokenizer, String token, int id) {
        int n = token.codePointCount(0, token.length());
        Encoding three = tokenizer.encode(token.repeat(3));
        if (three.size() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (three.ids()[i] != id || three.offsets()[2 * i] != i * n || three.offsets()[2 * i + 1] != (i + 1) * n) {
                return false;
            }
        }
        return true;
    }

    ImageProcessor processor() {
        return processor;
    }

    /** TRL's {@code images} column, or its single {@code image} as a list of one; null when the row has neither. */
    private static Object imagesColumn(Map<String, Object> row) {
        Object images = row.get("images");
        if (images != null && images != PyNone.NONE) {
            return images;
        }
        Object image = row.get("image");
        return image == null || image == PyNone.NONE ? null : List.of(image);
    }

    /** Whether a prompt-completion row holds images (which these rows do not support). */
    static boolean hasImages(RowInput input, Map<String, Object> row) {
        Object column = imagesColumn(row);
        if (column != null && !(column instanceof List<?> l && l.isEmpty())) {
            return true;
        }
        for (Object message : input.allMessages()) {
            if (((Map<?, ?>) message).get("content") instanceof List<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Map<?, ?> p && ("image".equals(p.get("type")) || "image_url".equals(p.get("type")))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    EncodedConversation encode(ConversationEncoder encoder, RowInput input, Map<String, Object> row, String source)
            throws RowRejectedException {
        Object column = imagesColumn(row);
        VisionMessages.Prepared prepared;
        List<RowImages.Image> images;
        try {
            prepared = VisionMessages.prepare(input.messages(), column);
            images = RowImages.load(prepared.images(), source, store, processor);
        } catch (ImageException e) {
            throw new RowRejectedException(STAGE, e.getMessage(), e);
        }
        List<Object> messages = prepared.messages();
        RenderedChat rendered = encoder.render(input, messages, input.addGenerationPrompt());
        if (encoder.options().deriveMasks()) {
            rendered = new RenderedChat(rendered.text(), encoder.derivedSpans(input, messages, rendered.text()));
        }
        if (rendered.text().isEmpty()) {
            throw new RowRejectedException("render", "the template rendered no text for this row");
        }
        PlaceholderExpansion expansion = expand(rendered.text(), images);
        Encoding spliced = splice ? splice(encoder.tokenize(rendered.text()), expansion, images) : null;
        Encoding encoding = withAddedTokens(spliced != null ? spliced : encoder.tokenize(expansion.text()),
                expansion.text());
        int[][] spans = rendered.generationSpans();
        MaskPolicy policy = encoder.options().maskPolicy();
        if (policy == MaskPolicy.FINAL_CHANNEL) {
            spans = FinalChannelSpans.of(rendered.text(), spans);
        }
        byte[] mask = ProcessorMask.fromSpans(encoding.offsets(), spans, expansion::shift);
        if (policy == MaskPolicy.LAST_TURN) {
            int prefix = encoder.lastTurnPrefixLength(input, messages, rendered.text());
            LastTurnMask.restrict(mask, encoding.offsets(), expansion.shift(prefix));
        }
        ProcessorMask.clearToken(mask, encoding.ids(), imageTokenId);
        int trained = io.chatprep.mask.AssistantMask.count(mask);
        if (trained == 0) {
            throw new RowRejectedException("mask", encoder.noTokensReason(input, rendered));
        }
        return new EncodedConversation(rendered, encoding, mask, trained, expansion.text(),
                encodedImages(images, expansion, encoding), imageTokenId);
    }

    private PlaceholderExpansion expand(String rendered, List<RowImages.Image> images) throws RowRejectedException {
        try {
            if (images.isEmpty()) {
                int found = countPlaceholders(rendered);
                if (found > 0) {
                    throw new ImageException("the rendered conversation holds " + found + " image placeholder"
                            + (found == 1 ? "" : "s") + " (" + processor.placeholder() + ") but the row has no image");
                }
                return PlaceholderExpansion.none(rendered);
            }
            List<String> replacements = new ArrayList<>(images.size());
            for (RowImages.Image image : images) {
                replacements.add(image.tokens().replacement());
            }
            return PlaceholderExpansion.expand(rendered, processor.placeholder(), replacements);
        } catch (ImageException e) {
            throw new RowRejectedException(STAGE, e.getMessage(), e);
        }
    }

    /**
     * The expanded text's tokens from the rendered text's: each placeholder token becomes its image's run of image
     * tokens, later offsets move by what the expansions before them added. Null when a placeholder is not a token of
     * its own or a replacement is not the image token repeated (then the expanded text is tokenized).
     */
    private Encoding splice(Encoding rendered, PlaceholderExpansion expansion, List<RowImages.Image> images) {
        String token = processor.imageToken();
        if (images.isEmpty()) {
            return rendered;
        }
        if (!processor.placeholder().equals(token)) {
            return null;
        }
        int width = token.codePointCount(0, token.length());
        int total = rendered.size();
        for (RowImages.Image image : images) {
            if (image.tokens().replacement().length() != image.tokens().count() * token.length()) {
                return null;
            }
            total += image.tokens().count() - 1;
        }
        int[] ids = new int[total];
        int[] offsets = new int[2 * total];
        int[] from = rendered.offsets();
        int out = 0;
        int image = 0;
        int gained = 0;
        for (int t = 0; t < rendered.size(); t++) {
            int[] span = image < images.size() ? expansion.replacement(image) : null;
            if (span != null && rendered.ids()[t] == imageTokenId && from[2 * t] + gained == span[0]) {
                if (from[2 * t + 1] - from[2 * t] != width) {
                    return null;
                }
                for (int k = 0; k < images.get(image).tokens().count(); k++) {
                    ids[out] = imageTokenId;
                    offsets[2 * out] = span[0] + k * width;
                    offsets[2 * out + 1] = span[0] + (k + 1) * width;
                    out++;
                }
                gained = span[1] - from[2 * t + 1];
                image++;
                continue;
            }
            if (out >= total) {
                return null;
            }
            ids[out] = rendered.ids()[t];
            boolean covers = from[2 * t + 1] > from[2 * t];
            offsets[2 * out] = covers || from[2 * t] > 0 ? from[2 * t] + gained : 0;
            offsets[2 * out + 1] = covers || from[2 * t + 1] > 0 ? from[2 * t + 1] + gained : 0;
            out++;
        }
        return image == images.size() && out == total ? new Encoding(ids, offsets) : null;
    }

    private int countPlaceholders(String text) {
        String p = processor.placeholder();
        int n = 0;
        for (int at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + p.length())) {
            n++;
        }
        return n;
    }

    /** The processor tokenizes with special tokens added unless the text starts with the BOS token. */
    private Encoding withAddedTokens(Encoding encoding, String text) {
        boolean added = bos == null || !text.startsWith(bos);
        if (!added || (addedPrefix.length == 0 && addedSuffix.length == 0)) {
            return encoding;
        }
        int n = encoding.size();
        int[] ids = new int[addedPrefix.length + n + addedSuffix.length];
        int[] offsets = new int[2 * ids.length]; // added tokens cover no text: (0, 0)
        System.arraycopy(addedPrefix, 0, ids, 0, addedPrefix.length);
        System.arraycopy(encoding.ids(), 0, ids, addedPrefix.length, n);
        System.arraycopy(addedSuffix, 0, ids, addedPrefix.length + n, addedSuffix.length);
        System.arraycopy(encoding.offsets(), 0, offsets, 2 * addedPrefix.length, 2 * n);
        return new Encoding(ids, offsets);
    }

    private EncodedImages encodedImages(List<RowImages.Image> images, PlaceholderExpansion expansion, Encoding encoding) {
        List<String> locations = new ArrayList<>(images.size());
        int[][] grids = processor.hasGrid() ? new int[images.size()][] : null;
        int[] ranges = new int[2 * images.size()];
        int[] offsets = encoding.offsets();
        int t = 0;
        for (int i = 0; i < images.size(); i++) {
            locations.add(images.get(i).location());
            if (grids != null) {
                grids[i] = images.get(i).tokens().grid();
            }
            int[] span = expansion.replacement(i);
            while (t < encoding.size() && offsets[2 * t + 1] <= span[0]) {
                t++;
            }
            int first = t;
            while (t < encoding.size() && offsets[2 * t] < span[1]) {
                t++;
            }
            ranges[2 * i] = first;
            ranges[2 * i + 1] = t;
        }
        return new EncodedImages(List.copyOf(locations), grids, ranges);
    }
}
