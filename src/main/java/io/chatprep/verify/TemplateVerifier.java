package io.chatprep.verify;

import io.chatprep.corpus.Conversation;
import io.chatprep.corpus.ConversationRenderer;
import io.chatprep.corpus.Rendering;
import io.chatprep.mask.AssistantMask;
import io.chatprep.mask.DerivedSpans;
import io.chatprep.mask.NotPrefixStableException;
import io.chatprep.template.ChatTemplate;
import io.chatprep.tokenize.Encoding;
import io.chatprep.tokenize.HfTokenizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a training template against rules (a)–(e) of {@link Check} on a set of conversations, each rendered with
 * add_generation_prompt false and true and once per value of every extra variable the template reads.
 *
 * <p>Assistant turns are located by rendering cuts of the conversation ({@link TurnLocator}).
 */
public final class TemplateVerifier {
    /** Variables some templates read, and the values each is rendered with (besides leaving it unset). */
    private static final Map<String, List<Object>> KWARG_VARIANTS = new LinkedHashMap<>();

    static {
        KWARG_VARIANTS.put("enable_thinking", List.of(false, true));
        KWARG_VARIANTS.put("preserve_thinking", List.of(true, false));
        KWARG_VARIANTS.put("truncate_history_thinking", List.of(false));
        KWARG_VARIANTS.put("reasoning_effort", List.of("low", "medium"));
        KWARG_VARIANTS.put("low_effort", List.of(true));
        KWARG_VARIANTS.put("medium_effort", List.of(true));
        KWARG_VARIANTS.put("add_thoughts", List.of(true));
        KWARG_VARIANTS.put("drop_history_thinking", List.of(false));
        KWARG_VARIANTS.put("training_prompt", List.of(true));
    }

    private final VerifySubject subject;
    private final ConversationRenderer training;
    private final ConversationRenderer original;
    private final HfTokenizer tokenizer;
    private final Map<String, ?> specialTokens;
    private final List<Map<String, Object>> variants;
    private final TurnLocator turns;
    private final Set<Integer> endOfTurnIds = new HashSet<>();
    private VerificationReport report;

    /**
     * @param tokenizer for the token-level rules; null checks text and spans only
     */
    public TemplateVerifier(VerifySubject subject, Map<String, ?> specialTokens, HfTokenizer tokenizer) {
        this.subject = subject;
        this.specialTokens = specialTokens;
        this.tokenizer = tokenizer;
        this.training = new ConversationRenderer(ChatTemplate.compile(subject.trainingSource()), specialTokens);
        this.original = subject.originalSource() == null ? null
                : new ConversationRenderer(ChatTemplate.compile(subject.originalSource()), specialTokens);
        this.variants = kwargVariants(subject.originalSource() != null ? subject.originalSource() : subject.trainingSource());
        this.turns = new TurnLocator(subject, training, variants, KWARG_VARIANTS.keySet());
        if (tokenizer != null) {
            for (String token : subject.endOfTurn()) {
                int[] ids = tokenizer.encodeIds(token);
                if (ids.length == 1) {
                    endOfTurnIds.add(ids[0]);
                }
            }
        }
    }

    /** No variables set, then one variant per value of each variable {@code source} mentions. */
    static List<Map<String, Object>> kwargVariants(String source) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(Map.of());
        KWARG_VARIANTS.forEach((name, values) -> {
            if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(source).find()) {
                values.forEach(v -> out.add(Map.of(name, v)));
            }
        });
        return out;
    }

    public VerificationReport verify(List<Conversation> conversations) {
        report = new VerificationReport();
        toolProbe();
        int rendered = 0;
        for (Conversation given : conversations) {
            Conversation conv = subject.textContentAsParts() ? given.withTextParts() : given;
            report.conversations++;
            for (Map<String, Object> variant : variants) {
                Map<String, Object> kwargs = new LinkedHashMap<>(conv.kwargs());
                kwargs.putAll(variant);
                for (boolean agp : new boolean[] {false, true}) {
                    if (agp && subject.continuesLastMessage() && endsWithAssistant(conv)) {
                        continue;
                    }
                    if (checkConversation(conv, agp, kwargs)) {
                        rendered++;
                    }
                }
            }
        }
        if (rendered == 0 && !conversations.isEmpty()) {
            report.fail(Check.EMPTY, "all conversations", "the template raises on every conversation, nothing was checked");
        }
        return report;
    }

    private static boolean endsWithAssistant(Conversation conv) {
        List<Object> messages = conv.messages();
        return !messages.isEmpty() && messages.get(messages.size() - 1) instanceof Map<?, ?> m
                && "assistant".equals(m.get("role"));
    }

    private static String where(Conversation conv, boolean agp, Map<String, Object> kwargs) {
        return conv.name() + " agp=" + agp + (kwargs.isEmpty() ? "" : " " + kwargs);
    }

    /** @return whether the training template rendered */
    private boolean checkConversation(Conversation conv, boolean agp, Map<String, Object> kwargs) {
        String where = where(conv, agp, kwargs);
        report.renderings++;
        Rendering train = training.render(conv, -1, agp, kwargs);
        Rendering orig = original == null ? null : original.render(conv, -1, agp, kwargs);
        if (orig != null && (!orig.ok() || !train.ok())) {
            if (!java.util.Objects.equals(withoutLine(orig.error()), withoutLine(train.error()))) {
                report.fail(Check.TEXT, where, "original: " + (orig.ok() ? "renders" : orig.error())
                        + " / training: " + (train.ok() ? "renders" : train.error()));
            } else {
                report.bothRaise++;
            }
            return false;
        }
        if (!train.ok()) {
            report.bothRaise++;
            report.note(where + ": the template raises (" + train.error() + ")");
            return false;
        }
        if (subject.deriveSpans()) {
            try {
                int[][] derived = DerivedSpans.derive(conv.messages(), train.text(), (cut, prompt) -> {
                    Rendering r = training.renderNow(cut, conv.tools(), prompt, kwargs);
                    if (!r.ok()) {
                        throw new IllegalStateException(r.error());
                    }
                    return r.text();
                });
                train = new Rendering(train.text(), ConversationRenderer.toCharSpans(train.text(), derived), null);
            } catch (NotPrefixStableException e) {
                report.fail(Check.PREFIX, where, "refused: " + e.getMessage());
                return true;
            }
        }
        List<TurnLocator.TurnRegion> regions = checkSpans(conv, agp, kwargs, train, where);
        if (orig != null) {
            checkText(conv, kwargs, orig, train, regions, where);
        }
        checkPrefix(conv, agp, kwargs, train, where);
        if (regions != null && tokenizer != null) {
            checkTokens(train, regions, where);
        }
        return true;
    }

    private List<TurnLocator.TurnRegion> checkSpans(Conversation conv, boolean agp, Map<String, Object> kwargs, Rendering train,
                                        String where) {
        List<Integer> assistants = conv.assistantIndices();
        int[][] spans = train.spans();
        List<TurnLocator.TurnRegion> regions = turns.regions(conv, kwargs, train, detail -> report.fail(Check.SPANS, where, detail));
        boolean generated = regions == null || regions.stream().anyMatch(r -> r.upper() < r.end());
        boolean anySpan = false;
        for (int[] s : spans) {
            anySpan |= s[1] > s[0];
        }
        if (!assistants.isEmpty() && generated && !anySpan) {
            report.fail(Check.EMPTY, where, assistants.size() + " assistant turn(s) but no non-empty generation span");
        }
        if (regions == null) {
            return null;
        }
        String text = train.text();
        for (int[] s : spans) {
            if (s[1] > s[0] && regions.stream().noneMatch(r -> r.start() <= s[0] && s[1] <= r.end())) {
                report.fail(Check.SPANS, where, "span [" + s[0] + "," + s[1] + ") " + quote(text, s[0], s[1])
                        + " is not inside one assistant turn (it covers a role header or another message)");
            }
        }
        for (TurnLocator.TurnRegion r : regions) {
            if (r.upper() >= r.end()) {
                continue;
            }
            List<int[]> inside = new ArrayList<>();
            for (int[] s : spans) {
                if (r.start() <= s[0] && s[0] < r.end() && s[1] > s[0]) {
                    inside.add(s);
                }
            }
            if (inside.stream().noneMatch(s -> s[0] <= r.upper())) {
                report.fail(Check.SPANS, where, "message " + r.message() + ": no span starts where the generation prompt "
                        + "ends (char " + r.start() + ".." + r.upper() + ", " + quote(text, r.start(), r.start() + 30)
                        + "); first span starts at " + (inside.isEmpty() ? "none" : inside.get(0)[0]));
                continue;
            }
            int eotPos = -1;
            String eot = null;
            for (String token : subject.endOfTurn()) {
                int pos = text.lastIndexOf(token, r.end() - token.length());
                if (pos >= r.start() && pos > eotPos) {
                    eotPos = pos;
                    eot = token;
                }
            }
            if (eot == null && subject.endOfTurnInNextMessage()) {
                continue;
            }
            if (eot == null) {
                report.fail(Check.EOT, where, "message " + r.message() + ": no end-of-turn token " + subject.endOfTurn()
                        + " in the turn " + quote(text, Math.max(r.start(), r.end() - 60), r.end()));
                continue;
            }
            int eotStart = eotPos;
            int eotEnd = eotPos + eot.length();
            if (inside.stream().noneMatch(s -> s[0] <= eotStart && eotEnd <= s[1])) {
                report.fail(Check.EOT, where, "message " + r.message() + ": " + eot + " at char " + eotPos
                        + " is outside the trained spans");
            }
            int lastEnd = inside.stream().mapToInt(s -> s[1]).max().orElse(r.start());
            String rest = lastEnd < r.end() ? text.substring(lastEnd, r.end()) : "";
            for (Object token : specialTokens.values()) {
                if (token instanceof String t && !t.isEmpty()) {
                    rest = rest.replace(t, "");
                }
            }
            if (!subject.closingText().isEmpty() && rest.endsWith(subject.closingText())) {
                rest = rest.substring(0, rest.length() - subject.closingText().length());
            }
            if (!rest.isBlank()) {
                report.fail(Check.EOT, where, "message " + r.message() + ": untrained text after the last span of the turn: "
                        + quote(text, lastEnd, Math.min(r.end(), lastEnd + 60)));
            }
        }
        return regions;
    }

    /** The "as generated" rule when deviations are declared; identity otherwise. */
    private void checkText(Conversation conv, Map<String, Object> kwargs, Rendering orig, Rendering train,
                           List<TurnLocator.TurnRegion> regions, String where) {
        if (orig.text().equals(train.text())) {
            return;
        }
        int at = DerivedSpans.commonPrefix(orig.text(), train.text());
        if (!subject.asGeneratedDeviations()) {
            report.fail(Check.TEXT, where, "differs at char " + at + ": original " + quote(orig.text(), at, at + 60)
                    + " / training " + quote(train.text(), at, at + 60));
            return;
        }
        if (regions == null) {
            report.fail(Check.TEXT, where, "differs at char " + at + " and the assistant turns cannot be located");
            return;
        }
        // Each part is rendered as the original renders it while that part is the latest: every assistant turn
        // as the end of the original's rendering up to that turn, the messages between two turns as the end of
        // the original's rendering up to the next one (or found, in order, in the original's full text for
        // templates that move message parts), and what follows the last turn as the end of the original's text.
        String text = train.text();
        int cursor = 0;
        int foundAt = 0;
        for (TurnLocator.TurnRegion r : regions) {
            int i = r.message();
            Rendering headR = training.render(conv, i, false, kwargs);
            Rendering promptR = training.render(conv, i, true, kwargs);
            TurnHead turnHead = headR.ok() && promptR.ok() ? TurnHead.of(headR.text(), promptR.text(), text) : new TurnHead(0, "");
            int head = turnHead.forced().isEmpty() ? (headR.ok() ? headR.text().length() : 0) : turnHead.length();
            int end = r.end();
            Rendering upto = training.render(conv, i + 1, false, kwargs);
            if (upto.ok() && text.startsWith(upto.text())) {
                end = upto.text().length();
            }
            String piece = text.substring(cursor, Math.max(cursor, head));
            Rendering before = original.render(conv, i, false, kwargs);
            String beforeText = !before.ok() ? null : !turnHead.forced().isEmpty() && before.text().endsWith(turnHead.forced())
                    ? before.text().substring(0, before.text().length() - turnHead.forced().length()) : before.text();
            boolean ok = beforeText != null && (cursor == 0 ? beforeText.equals(piece) : beforeText.endsWith(piece));
            if (!ok && cursor > 0) {
                int found = piece.isEmpty() ? foundAt + 1 : orig.text().indexOf(piece, foundAt + 1);
                ok = found >= 0;
                foundAt = Math.max(found, foundAt);
            }
            if (!ok) {
                report.fail(Check.TEXT, where, "messages before message " + i + " are not rendered as the original "
                        + "renders them up to that turn: training " + tail(piece) + " / original "
                        + tail(before.ok() ? before.text() : before.error()));
                return;
            }
            Rendering last = original.render(conv, i + 1, false, kwargs);
            String turn = text.substring(Math.min(head, end), end);
            if (!last.ok() || !last.text().endsWith(turn)) {
                report.fail(Check.TEXT, where, "message " + i + " is not rendered as the original renders it as the "
                        + "last message: training " + tail(turn) + " / original " + tail(last.ok() ? last.text() : last.error()));
                return;
            }
            cursor = end;
        }
        if (!orig.text().endsWith(text.substring(Math.min(cursor, text.length())))) {
            report.fail(Check.TEXT, where, "text after the last assistant turn differs from the original: "
                    + quote(text, cursor, cursor + 80));
            return;
        }
        report.deviating++;
    }

    private void checkPrefix(Conversation conv, boolean agp, Map<String, Object> kwargs, Rendering train, String where) {
        if (!subject.prefixPreserving()) {
            return;
        }
        int[] idsFull = null;
        for (int i : conv.assistantIndices()) {
            if (i + 1 == conv.messages().size() && !agp) {
                continue;
            }
            Rendering part = training.render(conv, i + 1, false, kwargs);
            if (!part.ok()) {
                report.fail(Check.PREFIX, where, "messages[:" + (i + 1) + "] raises " + part.error());
                continue;
            }
            if (!train.text().startsWith(part.text())) {
                int at = DerivedSpans.commonPrefix(part.text(), train.text());
                report.fail(Check.PREFIX, where, "messages[:" + (i + 1) + "] is not a text prefix (differs at char " + at
                        + ": " + quote(part.text(), at, at + 50) + " / " + quote(train.text(), at, at + 50) + ")");
                continue;
            }
            if (tokenizer != null) {
                if (idsFull == null) {
                    idsFull = tokenizer.encodeIds(train.text());
                }
                int[] idsPart = tokenizer.encodeIds(part.text());
                if (!isPrefix(idsPart, idsFull)) {
                    report.fail(Check.PREFIX, where, "messages[:" + (i + 1) + "] is a text prefix but not a token prefix");
                }
            }
        }
    }

    /** TRL's probe: [user, assistant(tool_calls)] must be a prefix of the same plus a tool message. */
    private void toolProbe() {
        if (!subject.toolProbe()) {
            return;
        }
        for (Object arguments : new Object[] {Map.of(), "{}"}) {
            Map<String, Object> call = Map.of("type", "function", "function",
                    new LinkedHashMap<>(Map.of("name", "dummy", "arguments", arguments)));
            List<Object> first = List.of(
                    new LinkedHashMap<>(Map.of("role", "user", "content", "dummy")),
                    new LinkedHashMap<>(Map.of("role", "assistant", "content", "", "tool_calls", List.of(call))));
            List<Object> second = new ArrayList<>(first);
            second.add(new LinkedHashMap<>(Map.of("role", "tool", "name", "dummy", "content", "dummy")));
            Rendering a = training.renderNow(first, null, false, Map.of());
            Rendering b = training.renderNow(second, null, true, Map.of());
            String where = "tool-call probe (arguments " + (arguments instanceof String ? "as a string" : "as a dict") + ")";
            if (!a.ok() || !b.ok()) {
                continue;
            }
            if (!b.text().startsWith(a.text())) {
                report.fail(Check.PREFIX, where, "[user, assistant(tool_calls)] is not a prefix of the same + tool message");
            } else if (tokenizer != null && !isPrefix(tokenizer.encodeIds(a.text()), tokenizer.encodeIds(b.text()))) {
                report.fail(Check.PREFIX, where, "a text prefix but not a token prefix");
            }
        }
    }

    private void checkTokens(Rendering train, List<TurnLocator.TurnRegion> regions, String where) {
        String text = train.text();
        Encoding enc = tokenizer.encode(text);
        int[][] cpSpans = new int[train.spans().length][];
        for (int k = 0; k < cpSpans.length; k++) {
            cpSpans[k] = new int[] {text.codePointCount(0, train.spans()[k][0]), text.codePointCount(0, train.spans()[k][1])};
        }
        byte[] mask = AssistantMask.fromSpans(enc.offsets(), cpSpans);
        report.tokenChecked++;
        int n = enc.size();
        int[] start = new int[n];
        int[] end = new int[n];
        for (int j = 0; j < n; j++) {
            start[j] = text.offsetByCodePoints(0, enc.offsets()[2 * j]);
            end[j] = text.offsetByCodePoints(0, enc.offsets()[2 * j + 1]);
        }
        boolean generated = regions.stream().anyMatch(r -> r.upper() < r.end());
        if (!regions.isEmpty() && generated && AssistantMask.count(mask) == 0) {
            report.fail(Check.EMPTY, where, "zero trained tokens");
        }
        for (int j = 0; j < n; j++) {
            int a = start[j];
            int b = end[j];
            if (mask[j] != 0 && regions.stream().noneMatch(r -> r.start() < b && a < r.end())) {
                report.fail(Check.SPANS, where, "token " + j + " " + quote(text, a, b) + " is trained outside every assistant turn");
                break;
            }
        }
        for (TurnLocator.TurnRegion r : regions) {
            if (r.upper() >= r.end()) {
                continue;
            }
            int lastEot = -1;
            boolean anyTrained = false;
            for (int j = 0; j < n; j++) {
                if (r.start() <= start[j] && start[j] < r.end()) {
                    anyTrained |= mask[j] != 0;
                    if (endOfTurnIds.contains(enc.ids()[j])) {
                        lastEot = j;
                    }
                }
            }
            if (!anyTrained) {
                report.fail(Check.SPANS, where, "message " + r.message() + ": no trained token in the turn");
            } else if (lastEot >= 0 && mask[lastEot] == 0) {
                report.fail(Check.EOT, where, "message " + r.message() + ": end-of-turn token " + lastEot + " is not trained");
            }
        }
    }

    /** The same error raised from the same statement sits on different lines of the two templates. */
    private static String withoutLine(String error) {
        return error == null ? null : error.replaceAll(" \\(template line \\d+\\)", "");
    }

    private static boolean isPrefix(int[] part, int[] full) {
        if (part.length > full.length) {
            return false;
        }
        for (int k = 0; k < part.length; k++) {
            if (part[k] != full[k]) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String text, int from, int to) {
        from = Math.max(0, Math.min(from, text.length()));
        to = Math.max(from, Math.min(to, text.length()));
        return "'" + text.substring(from, to).replace("\n", "\\n") + "'";
    }

    private static String tail(String s) {
        if (s == null) {
            return "''";
        }
        return quote(s, s.length() - 80, s.length());
    }
}
