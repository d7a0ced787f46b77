package io.chatprep.encode;

import io.chatprep.mask.AssistantMask;
import io.chatprep.template.RenderedChat;
import io.chatprep.tokenize.Encoding;

/** One row's way through the encoder, for inspection: rendered text and spans, tokens with offsets, mask. */
public record EncodedConversation(RenderedChat rendered, Encoding encoding, byte[] mask, int trainedTokens) {
    public EncodedRow toRow() {
        return new EncodedRow(encoding.ids(), mask, AssistantMask.labels(encoding.ids(), mask), trainedTokens);
    }
}
