package io.chatprep.encode;

import io.chatprep.template.py.PyNone;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One dataset row checked and taken apart as TRL reads it: either {@code messages} (language modelling) or
 * {@code prompt} + {@code completion} message lists; {@code tools} as a list or a JSON string (parsed the way
 * TRL's {@code json.loads} does); {@code chat_template_kwargs} spread into the template variables, where
 * {@code add_generation_prompt} and {@code documents} are {@code apply_chat_template}'s own parameters.
 */
record RowInput(List<Object> messages, List<Object> prompt, List<Object> completion, Object tools,
                Object documents, boolean addGenerationPrompt, Map<String, Object> variables) {

    static final String STAGE = "convert";

    /** Keyword names apply_chat_template owns: passing them again through chat_template_kwargs is an error. */
    private static final Set<String> RESERVED = Set.of("conversation", "tools", "chat_template", "tokenize",
            "padding", "truncation", "max_length", "return_tensors", "return_dict",
            "return_assistant_tokens_mask", "tokenizer_kwargs");

    boolean isPromptCompletion() {
        return prompt != null;
    }

    /**
     * @param defaults template keyword arguments for every row (the run's); the row's own
     *                 {@code chat_template_kwargs} win over them
     */
    static RowInput of(Map<String, Object> row, Map<String, Object> defaults) throws RowRejectedException {
        if (row == null) {
            throw new RowRejectedException(STAGE, "the row is empty");
        }
        Object tools = tools(row.get("tools"));
        Map<String, Object> variables = new LinkedHashMap<>();
        Object documents = PyNone.NONE;
        boolean addGenerationPrompt = false;
        Map<Object, Object> merged = new LinkedHashMap<>(defaults == null ? Map.of() : defaults);
        Object kwargs = row.get("chat_template_kwargs");
        if (kwargs != null && kwargs != PyNone.NONE) {
            if (!(kwargs instanceof Map<?, ?> map)) {
                throw new RowRejectedException(STAGE, "'chat_template_kwargs' must be a dict, got "
                        + PythonTypes.name(kwargs));
            }
            merged.putAll(map);
        }
        for (Map.Entry<?, ?> e : merged.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (RESERVED.contains(name)) {
                throw new RowRejectedException(STAGE, "'chat_template_kwargs' sets '" + name
                        + "', which apply_chat_template already receives (it would fail with a TypeError)");
            }
            if (name.equals("continue_final_message") && PythonTypes.truthy(e.getValue())) {
                throw new RowRejectedException(STAGE,
                        "continue_final_message is not compatible with assistant masks (transformers refuses it)");
            }
            switch (name) {
                case "add_generation_prompt" -> addGenerationPrompt = PythonTypes.truthy(e.getValue());
                case "documents" -> documents = e.getValue() == null ? PyNone.NONE : e.getValue();
                case "continue_final_message" -> { }
                default -> variables.put(name, e.getValue());
            }
        }
        if (row.containsKey("prompt")) {
            List<Object> prompt = messageList(row, "prompt");
            List<Object> completion = messageList(row, "completion");
            return new RowInput(null, prompt, completion, tools, documents, addGenerationPrompt, variables);
        }
        return new RowInput(messageList(row, "messages"), null, null, tools, documents, addGenerationPrompt, variables);
    }

    /** prompt + completion, the conversation TRL renders in full. */
    List<Object> allMessages() {
        if (!isPromptCompletion()) {
            return messages;
        }
        List<Object> all = new ArrayList<>(prompt.size() + completion.size());
        all.addAll(prompt);
        all.addAll(completion);
        return Collections.unmodifiableList(all);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> messageList(Map<String, Object> row, String field) throws RowRejectedException {
        Object value = row.get(field);
        if (value == null) {
            throw new RowRejectedException(STAGE, "missing '" + field + "'"
                    + (field.equals("messages") ? " (a row needs 'messages', or 'prompt' and 'completion')" : ""));
        }
        if (value instanceof String && !field.equals("messages")) {
            throw new RowRejectedException(STAGE, "'" + field + "' is plain text; only conversational prompt-completion"
                    + " rows (lists of messages) are supported");
        }
        if (!(value instanceof List<?> list)) {
            throw new RowRejectedException(STAGE, "'" + field + "' must be a list of messages, got "
                    + PythonTypes.name(value));
        }
        for (int i = 0; i < list.size(); i++) {
            Object message = list.get(i);
            if (!(message instanceof Map<?, ?> m)) {
                throw new RowRejectedException(STAGE, field + "[" + i + "] must be a dict with 'role' and 'content', got "
                        + PythonTypes.name(message));
            }
            Object role = m.get("role");
            if (!(role instanceof String)) {
                throw new RowRejectedException(STAGE, field + "[" + i + "] has no string 'role' (got "
                        + PythonTypes.name(role) + ")");
            }
        }
        return (List<Object>) list;
    }

    private static Object tools(Object value) throws RowRejectedException {
        if (value == null || value == PyNone.NONE) {
            return PyNone.NONE;
        }
        if (value instanceof String text) {
            try {
                value = RowJson.parse(text);
            } catch (IOException e) {
                throw new RowRejectedException(STAGE, "'tools' is a string but not valid JSON: " + e.getMessage(), e);
            }
            if (value == PyNone.NONE) {
                return PyNone.NONE;
            }
        }
        if (!(value instanceof List)) {
            throw new RowRejectedException(STAGE, "'tools' must be a list of tool schemas (or its JSON text), got "
                    + PythonTypes.name(value));
        }
        return value;
    }
}
