package io.chatprep.job.input;

import io.chatprep.encode.RowJson;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.template.py.PyNone;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ShareGPT turns ({@code {"from": ..., "value": ...}}) to HF messages. {@code function_call} turns become
 * assistant {@code tool_calls} (their value is the JSON of one call or a list of calls) and {@code observation}
 * turns become {@code tool} messages, the way tool-calling ShareGPT datasets use them.
 */
final class ShareGpt {
    private static final Map<String, String> ROLES = Map.of(
            "human", "user", "user", "user",
            "gpt", "assistant", "assistant", "assistant", "model", "assistant",
            "system", "system",
            "observation", "tool", "tool", "tool", "function", "tool");

    private ShareGpt() {
    }

    static List<Object> toMessages(Object conversations, Object system) throws RowRejectedException {
        List<Object> turns = RowConverter.list(conversations, "conversations");
        List<Object> messages = new ArrayList<>();
        if (system instanceof String s && !s.isEmpty()) {
            messages.add(message("system", s));
        }
        for (int i = 0; i < turns.size(); i++) {
            if (!(turns.get(i) instanceof Map<?, ?> turn)) {
                throw new RowRejectedException(RowConverter.STAGE, "conversations[" + i + "] must be an object, got "
                        + RowConverter.typeName(turns.get(i)));
            }
            Object from = turn.get("from");
            Object value = turn.get("value");
            if (!(from instanceof String speaker)) {
                throw new RowRejectedException(RowConverter.STAGE, "conversations[" + i + "].from must be a string, got "
                        + RowConverter.typeName(from));
            }
            if (!(value instanceof String text)) {
                throw new RowRejectedException(RowConverter.STAGE, "conversations[" + i + "].value must be a string, got "
                        + RowConverter.typeName(value));
            }
            if (speaker.equals("function_call")) {
                messages.add(toolCallMessage(text, i));
                continue;
            }
            String role = ROLES.get(speaker);
            if (role == null) {
                throw new RowRejectedException(RowConverter.STAGE, "conversations[" + i + "].from is '" + speaker
                        + "', not a known ShareGPT speaker (human, gpt, system, function_call, observation)");
            }
            messages.add(message(role, text));
        }
        return messages;
    }

    private static Map<String, Object> message(String role, Object content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }

    private static Map<String, Object> toolCallMessage(String json, int index) throws RowRejectedException {
        Object parsed;
        try {
            parsed = RowJson.parse(json);
        } catch (IOException e) {
            throw new RowRejectedException(RowConverter.STAGE, "conversations[" + index
                    + "] is a function_call whose value is not JSON: " + e.getMessage());
        }
        List<Object> calls = new ArrayList<>();
        for (Object call : parsed instanceof List<?> l ? l : List.of(parsed)) {
            if (!(call instanceof Map<?, ?> c) || !(c.get("name") instanceof String name)) {
                throw new RowRejectedException(RowConverter.STAGE, "conversations[" + index
                        + "] is a function_call without a 'name'");
            }
            Object arguments = c.containsKey("arguments") ? c.get("arguments") : new LinkedHashMap<>();
            if (arguments instanceof String s) {
                try {
                    arguments = RowJson.parse(s);
                } catch (IOException e) {
                    // Arguments that are not JSON are kept as the text the dataset holds.
                }
            }
            Map<String, Object> function = new LinkedHashMap<>();
            function.put("name", name);
            function.put("arguments", arguments);
            Map<String, Object> toolCall = new LinkedHashMap<>();
            toolCall.put("type", "function");
            toolCall.put("function", function);
            calls.add(toolCall);
        }
        Map<String, Object> m = message("assistant", PyNone.NONE);
        m.put("tool_calls", calls);
        return m;
    }
}
