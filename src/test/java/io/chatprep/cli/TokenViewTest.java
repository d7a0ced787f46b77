package io.chatprep.cli;

import io.chatprep.encode.EncodedConversation;
import io.chatprep.mask.AssistantMask;
import io.chatprep.template.RenderedChat;
import io.chatprep.tokenize.Encoding;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.TokenGoldens;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenViewTest {

    private static EncodedConversation conversation(String text, int[][] spans) {
        try (HfTokenizer tokenizer = HfTokenizer.load(TokenGoldens.tokenizerDir("qwen3"))) {
            Encoding encoding = tokenizer.encode(text);
            byte[] mask = AssistantMask.fromSpans(encoding.offsets(), spans);
            return new EncodedConversation(new RenderedChat(text, spans), encoding, mask, AssistantMask.count(mask));
        }
    }

    @Test
    void plainMarkersSurroundTrainedRuns() {
        String text = "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello there<|im_end|>\n";
        int start = text.indexOf("Hello");
        EncodedConversation c = conversation(text, new int[][] {{start, text.length()}});
        String shown = new TokenView(TokenView.Style.PLAIN, false).render(c);
        assertEquals("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n[[Hello there<|im_end|>\n]]", shown);
    }

    @Test
    void splitCharactersAreShownOnceWithTheirFirstTokensMarking() {
        // The emoji is three byte-level tokens; only the first is trained (transformers' rule), and the
        // character is shown once, inside the marked run.
        String text = "A flamingo \uD83E\uDDA9 here";
        int end = text.codePointCount(0, text.indexOf(" here"));
        EncodedConversation c = conversation(text, new int[][] {{2, end}});
        String shown = new TokenView(TokenView.Style.PLAIN, false).render(c);
        // " flamingo" starts before the span and is trained whole.
        assertEquals("A[[ flamingo \uD83E\uDDA9]] here", shown);
    }

    @Test
    void boundariesAndHtmlEscaping() {
        String text = "a<b & c";
        EncodedConversation c = conversation(text, new int[][] {{2, 7}});
        String plain = new TokenView(TokenView.Style.PLAIN, true).render(c);
        assertEquals(text, plain.replace("|", "").replace("[[", "").replace("]]", ""));
        assertTrue(plain.contains("|"), plain);
        String html = new TokenView(TokenView.Style.HTML, false).render(c);
        assertTrue(html.contains("&lt;") && html.contains("&amp;") && html.contains("class=\"t\""), html);
        assertTrue(TokenView.htmlPage("x", html).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void rowSelection() {
        assertEquals("[0, 2, 3, 4, 7]", InspectCommand.parseRows("0,2-4,7").toString());
    }
}
