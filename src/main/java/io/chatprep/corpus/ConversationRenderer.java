package io.chatprep.corpus;

import io.chatprep.template.ChatTemplate;
import io.chatprep.template.RenderRequest;
import io.chatprep.template.RenderedChat;
import io.chatprep.template.TemplateException;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders cuts of a conversation ({@code messages[:k]}) with one template, as {@code apply_chat_template} would,
 * remembering each result: the checks ask for the same cut many times.
 */
public final class ConversationRenderer {
    /** strftime_now is pinned so that two renders of the same input can be compared. */
    public static final LocalDateTime FIXED_NOW = LocalDateTime.of(2025, 1, 1, 0, 0, 0);

    private final ChatTemplate template;
    private final Map<String, ?> specialTokens;
    private final Map<String, Rendering> cache = new HashMap<>();

    public ConversationRenderer(ChatTemplate template, Map<String, ?> specialTokens) {
        this.template = template;
        this.specialTokens = specialTokens;
    }

    /** messages[:k] (all messages when k is negative). */
    public Rendering render(Conversation conv, int k, boolean addGenerationPrompt, Map<String, Object> kwargs) {
        String key = conv.name() + '\u0000' + System.identityHashCode(conv) + '\u0000' + k + '\u0000'
                + addGenerationPrompt + '\u0000' + kwargs;
        Rendering cached = cache.get(key);
        if (cached == null) {
            cached = renderNow(conv.messages().subList(0, k < 0 ? conv.messages().size() : k), conv.tools(),
                    addGenerationPrompt, kwargs);
            cache.put(key, cached);
        }
        return cached;
    }

    public Rendering renderNow(List<Object> messages, List<?> tools, boolean addGenerationPrompt,
                               Map<String, Object> kwargs) {
        RenderRequest.Builder request = RenderRequest.builder()
                .messages(messages)
                .tools(tools)
                .specialTokens(specialTokens)
                .extras(new LinkedHashMap<>(kwargs))
                .addGenerationPrompt(addGenerationPrompt)
                .now(FIXED_NOW);
        try {
            RenderedChat chat = template.render(request.build());
            return new Rendering(chat.text(), toCharSpans(chat.text(), chat.generationSpans()), null);
        } catch (TemplateException e) {
            return Rendering.failed(e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return Rendering.failed("failed: " + e);
        }
    }

    public static int[][] toCharSpans(String text, int[][] codePointSpans) {
        int[][] out = new int[codePointSpans.length][];
        for (int i = 0; i < codePointSpans.length; i++) {
            out[i] = new int[] {text.offsetByCodePoints(0, codePointSpans[i][0]),
                    text.offsetByCodePoints(0, codePointSpans[i][1])};
        }
        return out;
    }
}
