package io.chatprep.verify;

import io.chatprep.corpus.Conversation;
import io.chatprep.corpus.ConversationRenderer;
import io.chatprep.corpus.Rendering;
import io.chatprep.mask.DerivedSpans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Where each assistant turn of a rendered conversation lies, found by rendering cuts of it: a turn starts where
 * {@code messages[:i]} ends and its generated part where the generation prompt after {@code messages[:i]} ends; it
 * ends where {@code messages[:i+1]} ends. When the prompt prefills more than the turn holds (an empty think block
 * while the turn has reasoning) the trained part may start anywhere between the end of the role header every
 * prefill variant shares and the point where prompt and rendering part.
 */
final class TurnLocator {
    static final Pattern TAG_END = Pattern.compile("<[^<>\\s]{1,64}>$");

    private final VerifySubject subject;
    private final ConversationRenderer training;
    private final List<Map<String, Object>> variants;
    private final Set<String> variableNames;

    TurnLocator(VerifySubject subject, ConversationRenderer training, List<Map<String, Object>> variants,
                Set<String> variableNames) {
        this.subject = subject;
        this.training = training;
        this.variants = variants;
        this.variableNames = variableNames;
    }

    /** One assistant turn: message index, earliest and latest allowed start of its trained part, end of turn. */
    record TurnRegion(int message, int start, int upper, int end) {
    }

    List<TurnRegion> regions(Conversation conv, Map<String, Object> kwargs, Rendering train, Consumer<String> fail) {
        List<TurnRegion> regions = new ArrayList<>();
        String text = train.text();
        for (int i : conv.assistantIndices()) {
            Rendering prompt = training.render(conv, i, true, kwargs);
            Rendering before = training.render(conv, i, false, kwargs);
            if (!prompt.ok() || !before.ok()) {
                fail.accept("message " + i + ": messages[:" + i + "] raises ("
                        + (prompt.ok() ? before.error() : prompt.error()) + ")");
                return null;
            }
            int beforeLen = TurnHead.of(before.text(), prompt.text(), text).length();
            int upper = DerivedSpans.commonPrefix(prompt.text(), text);
            int lower = backToBoundary(text, beforeLen, Math.min(upper, beforeLen + headerLength(conv, i, kwargs)));
            if (upper < beforeLen) {
                fail.accept("message " + i + ": the generation prompt departs from the rendering "
                        + "before the turn starts (char " + upper + ")");
                return null;
            }
            Rendering upto = training.render(conv, i + 1, false, kwargs);
            int[] aligned = beforeLen < before.text().length()
                    ? alignedTurn(conv, i, text, upper, prompt.text(), upto.ok() ? upto.text() : null) : null;
            int end;
            if (aligned != null) {
                lower = aligned[0];
                upper = aligned[0];
                end = aligned[1];
            } else if (upto.ok() && text.startsWith(upto.text()) && upto.text().length() >= upper) {
                end = upto.text().length();
            } else {
                end = turnEndWithoutPrefix(conv, i, text, upper, upto.ok() ? upto.text() : null);
            }
            if (subject.endOfTurnInNextMessage()) {
                // The next message's role token, or a closing token rendered only once another message follows
                // (after optional whitespace), ends this turn.
                int after = end;
                while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
                    after++;
                }
                for (String token : subject.endOfTurn()) {
                    if (text.startsWith(token, after)) {
                        end = after + token.length();
                        break;
                    }
                }
            }
            String closing = subject.closingText();
            if (!closing.isEmpty() && end == text.length() && text.endsWith(closing) && end - closing.length() >= upper) {
                // What the template appends after the last message is not part of the last turn.
                end -= closing.length();
            }
            regions.add(new TurnRegion(i, lower, upper, end));
        }
        return regions;
    }

    /**
     * {start, end} of turn i when messages[:i] is not a prefix of the whole rendering because the template moved
     * earlier text (Mistral prints the system prompt inside the last user message): the turn starts right after
     * the first place, past the shared part, where the rendering continues as the prompt ends from the last
     * message's content on, and holds what messages[:i+1] renders after that tail. Null when the last message has
     * no text content or no such place exists.
     */
    private static int[] alignedTurn(Conversation conv, int i, String text, int shared, String prompt, String upto) {
        if (i == 0 || upto == null || !(conv.messages().get(i - 1) instanceof Map<?, ?> last)
                || !(last.get("content") instanceof String content) || content.isBlank()) {
            return null;
        }
        int at = prompt.lastIndexOf(content.strip());
        if (at < 0) {
            return null;
        }
        String tail = prompt.substring(at);
        int pos = text.indexOf(tail, Math.max(0, shared - tail.length()));
        int uptoAt = upto.indexOf(tail, Math.max(0, DerivedSpans.commonPrefix(upto, prompt) - tail.length()));
        if (pos < 0 || uptoAt < 0) {
            return null;
        }
        int start = pos + tail.length();
        String turn = upto.substring(uptoAt + tail.length());
        return text.startsWith(turn, start) ? new int[]{start, start + turn.length()} : null;
    }

    /** pos moved back to the end of a whole tag or whitespace, not before floor. */
    private static int backToBoundary(String text, int floor, int pos) {
        while (pos > floor) {
            if (Character.isWhitespace(text.charAt(pos - 1)) || TAG_END.matcher(text).region(floor, pos).find()) {
                return pos;
            }
            pos--;
        }
        return floor;
    }

    /** Length of what the generation prompt appends after messages[:i] under every prefill variant. */
    private int headerLength(Conversation conv, int i, Map<String, Object> kwargs) {
        List<String> suffixes = new ArrayList<>();
        Map<String, Object> plain = new LinkedHashMap<>(kwargs);
        plain.keySet().removeAll(variableNames);
        for (Map<String, Object> variant : variants) {
            Map<String, Object> merged = new LinkedHashMap<>(plain);
            merged.putAll(variant);
            Rendering withPrompt = training.render(conv, i, true, merged);
            Rendering without = training.render(conv, i, false, merged);
            if (withPrompt.ok() && without.ok() && withPrompt.text().startsWith(without.text())) {
                suffixes.add(withPrompt.text().substring(without.text().length()));
            }
        }
        if (suffixes.isEmpty()) {
            return 0;
        }
        int n = suffixes.get(0).length();
        for (String other : suffixes.subList(1, suffixes.size())) {
            n = Math.min(n, DerivedSpans.commonPrefix(suffixes.get(0), other));
        }
        return n;
    }

    private int turnEndWithoutPrefix(Conversation conv, int i, String text, int start, String upto) {
        if (upto != null) {
            int shared = DerivedSpans.commonPrefix(upto, text);
            int best = -1;
            for (String token : subject.endOfTurn()) {
                int pos = text.lastIndexOf(token, shared - token.length());
                if (pos >= start) {
                    best = Math.max(best, pos + token.length());
                }
            }
            if (best >= 0) {
                while (best < shared && Character.isWhitespace(text.charAt(best))) {
                    best++;
                }
                return best;
            }
        }
        for (Object m : conv.messages().subList(i + 1, conv.messages().size())) {
            if (m instanceof Map<?, ?> msg && !"assistant".equals(msg.get("role"))
                    && msg.get("content") instanceof String content && !content.isBlank()) {
                int pos = text.indexOf(content.strip(), start);
                if (pos >= 0) {
                    return pos;
                }
                break;
            }
        }
        return text.length();
    }
}
