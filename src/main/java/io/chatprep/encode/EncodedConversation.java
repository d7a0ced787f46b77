package io.chatprep.encode;

import io.chatprep.mask.AssistantMask;
import io.chatprep.template.RenderedChat;
import io.chatprep.tokenize.Encoding;

/**
 * One row's way through the encoder, for inspection: rendered text and spans, tokens with offsets, mask. With
 * images, {@code text} is the rendered text with its placeholders expanded (what the offsets refer to) and
 * {@code imageTokenId} the id of the image token; otherwise {@code text} is the rendered text and the id -1.
 */
public record EncodedConversation(RenderedChat rendered, Encoding encoding, byte[] mask, int trainedTokens,
                                  String text, EncodedImages images, int imageTokenId) {
    public EncodedConversation(RenderedChat rendered, Encoding encoding, byte[] mask, int trainedTokens) {
        this(rendered, encoding, mask, trainedTokens, rendered.text(), null, -1);
    }

    public EncodedRow toRow() {
        return new EncodedRow(encoding.ids(), mask, AssistantMask.labels(encoding.ids(), mask), trainedTokens, images);
    }
}
