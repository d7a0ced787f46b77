package io.chatprep.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One conversation the checks render.
 *
 * @param tools  tool schemas, or null when the conversation has none
 * @param kwargs the conversation's own template variables ({@code chat_template_kwargs})
 */
public record Conversation(String name, List<Object> messages, List<?> tools, Map<String, Object> kwargs) {

    /** The same conversation with every string content as a one-element list of text parts. */
    public Conversation withTextParts() {
        List<Object> converted = new ArrayList<>();
        for (Object m : messages) {
            if (m instanceof Map<?, ?> msg && msg.get("content") instanceof String text) {
                Map<Object, Object> copy = new LinkedHashMap<>(msg);
                Map<String, Object> part = new LinkedHashMap<>();
                part.put("type", "text");
                part.put("text", text);
                copy.put("content", List.of(part));
                converted.add(copy);
            } else {
                converted.add(m);
            }
        }
        return new Conversation(name, converted, tools, kwargs);
    }

    /** Indices of the assistant messages, in order. */
    public List<Integer> assistantIndices() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) instanceof Map<?, ?> m && "assistant".equals(m.get("role"))) {
                out.add(i);
            }
        }
        return out;
    }
}
