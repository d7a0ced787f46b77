package io.chatprep.catalog;

import io.chatprep.template.ChatTemplate;
import io.chatprep.template.TemplateException;
import io.chatprep.corpus.Conversation;
import io.chatprep.corpus.ConversationCorpus;
import io.chatprep.corpus.ConversationRenderer;
import io.chatprep.corpus.Rendering;

import java.util.List;
import java.util.Map;

/**
 * Whether a template renders exactly like a family's original on the verification corpus: the evidence a
 * template of a generic shape (ChatML) needs before it may be trained with that family's training template.
 */
final class RenderedEquivalence {
    private RenderedEquivalence() {
    }

    /**
     * True when, for every corpus conversation with and without the generation prompt, both templates render the
     * same text or both raise, and at least one conversation renders (two templates that fail on everything prove
     * nothing).
     */
    static boolean rendersLike(String candidate, String reference, Map<String, ?> specialTokens) {
        return rendersLike(candidate, reference, specialTokens, ConversationCorpus.bundled());
    }

    static boolean rendersLike(String candidate, String reference, Map<String, ?> specialTokens,
                               List<Conversation> corpus) {
        ConversationRenderer mine;
        ConversationRenderer theirs;
        try {
            mine = new ConversationRenderer(ChatTemplate.compile(candidate), specialTokens);
            theirs = new ConversationRenderer(ChatTemplate.compile(reference), specialTokens);
        } catch (TemplateException e) {
            return false;
        }
        boolean anyRendered = false;
        for (Conversation conv : corpus) {
            for (boolean prompt : new boolean[]{false, true}) {
                Rendering a = mine.renderNow(conv.messages(), conv.tools(), prompt, conv.kwargs());
                Rendering b = theirs.renderNow(conv.messages(), conv.tools(), prompt, conv.kwargs());
                if (a.ok() != b.ok() || a.ok() && !a.text().equals(b.text())) {
                    return false;
                }
                anyRendered |= a.ok();
            }
        }
        return anyRendered;
    }
}
