package io.chatprep.job.input;

import io.chatprep.encode.RowJson;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.config.RowFormat;
import io.chatprep.template.py.PyNone;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a source row (any supported layout, configured column names) into the row the encoder takes:
 * {@code messages} (+ {@code tools}, {@code chat_template_kwargs}) or {@code prompt}/{@code completion}.
 * Keys absent in the source stay absent, so templates see Undefined exactly where Python would.
 */
public final class RowConverter implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String STAGE = "convert";
    private static final List<String> IMAGE_COLUMNS = List.of("images", "image");

    private final RowFormat format;
    private final Map<String, String> columns;
    private final java.util.Set<String> allowedRoles;

    public RowConverter(JobConfig config) {
        this.format = config.rowFormat();
        this.allowedRoles = new java.util.LinkedHashSet<>(config.allowedRoles());
        this.columns = new LinkedHashMap<>();
        for (String role : JobConfig.COLUMN_ROLES) {
            columns.put(role, config.column(role));
        }
    }

    public Map<String, Object> convert(Object parsed) throws RowRejectedException {
        if (!(parsed instanceof Map<?, ?>)) {
            throw new RowRejectedException(STAGE, "a row must be a JSON object, got " + typeName(parsed));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> source = (Map<String, Object>) parsed;
        RowFormat f = format == RowFormat.AUTO ? detect(source) : format;
        Map<String, Object> row = new LinkedHashMap<>();
        switch (f) {
            case MESSAGES -> row.put("messages", checkMessages(listText(source, "messages"), columns.get("messages")));
            case PROMPT_COMPLETION -> {
                row.put("prompt", listText(source, "prompt"));
                row.put("completion", listText(source, "completion"));
            }
            case SHAREGPT -> row.put("messages", ShareGpt.toMessages(listText(source, "conversations"),
                    source.get(columns.get("system"))));
            case ALPACA -> row.put("messages", Alpaca.toMessages(source, columns));
            default -> throw new IllegalStateException("unreachable: " + f);
        }
        copyJson(source, "tools", row);
        copyJson(source, "chat_template_kwargs", row);
        // TRL's image layout: the references of the messages' image placeholders
        for (String images : IMAGE_COLUMNS) {
            if (source.containsKey(images)) {
                row.put(images, source.get(images));
            }
        }
        return row;
    }

    /**
     * A message list must be a list of objects with a string role the run allows; templates silently skip
     * roles they do not know, which would train on a conversation with turns missing.
     */
    private List<Object> checkMessages(Object value, String name) throws RowRejectedException {
        List<Object> messages = list(value, name);
        for (int i = 0; i < messages.size(); i++) {
            if (!(messages.get(i) instanceof Map<?, ?> m)) {
                throw new RowRejectedException(STAGE, name + "[" + i + "] must be an object, got "
                        + typeName(messages.get(i)));
            }
            Object role = m.get("role");
            if (!(role instanceof String r)) {
                throw new RowRejectedException(STAGE, name + "[" + i + "].role must be a string, got " + typeName(role));
            }
            if (!allowedRoles.contains(r)) {
                throw new RowRejectedException(STAGE, name + "[" + i + "].role '" + r + "' is not an allowed role "
                        + "(allowed_roles: " + String.join(", ", allowedRoles) + ")");
            }
        }
        return messages;
    }

    private RowFormat detect(Map<String, Object> source) throws RowRejectedException {
        if (source.containsKey(columns.get("messages"))) {
            return RowFormat.MESSAGES;
        }
        if (source.containsKey(columns.get("prompt")) && source.containsKey(columns.get("completion"))) {
            return RowFormat.PROMPT_COMPLETION;
        }
        if (source.containsKey(columns.get("conversations"))) {
            return RowFormat.SHAREGPT;
        }
        if (source.containsKey(columns.get("instruction")) && source.containsKey(columns.get("output"))) {
            return RowFormat.ALPACA;
        }
        throw new RowRejectedException(STAGE, "no conversation found: the row has none of the columns '"
                + columns.get("messages") + "', '" + columns.get("prompt") + "'+'" + columns.get("completion")
                + "', '" + columns.get("conversations") + "', '" + columns.get("instruction") + "'+'"
                + columns.get("output") + "' (keys present: " + source.keySet() + ")");
    }

    private Object require(Map<String, Object> source, String role) throws RowRejectedException {
        String name = columns.get(role);
        Object v = source.get(name);
        if (v == null) {
            throw new RowRejectedException(STAGE, "the row has no '" + name + "' column");
        }
        if (v == PyNone.NONE) {
            throw new RowRejectedException(STAGE, "the '" + name + "' column is null");
        }
        return v;
    }

    /**
     * A message list column, parsed when it holds the list as JSON text (tabular exports often store nested values
     * so); text that is not a JSON list stays text for the checks that follow.
     */
    private Object listText(Map<String, Object> source, String role) throws RowRejectedException {
        Object v = require(source, role);
        if (v instanceof String s && s.stripLeading().startsWith("[")) {
            try {
                return RowJson.parse(s);
            } catch (IOException e) {
                throw new RowRejectedException(STAGE, "the '" + columns.get(role) + "' column holds text that is not "
                        + "JSON: " + e.getMessage());
            }
        }
        return v;
    }

    /** Tabular sources often store {@code tools} as a JSON string; the template needs the parsed value. */
    private void copyJson(Map<String, Object> source, String role, Map<String, Object> row) throws RowRejectedException {
        String name = columns.get(role);
        if (!source.containsKey(name)) {
            return;
        }
        Object v = source.get(name);
        if (v instanceof String s) {
            if (s.isBlank()) {
                return;
            }
            try {
                v = RowJson.parse(s);
            } catch (IOException e) {
                throw new RowRejectedException(STAGE, "the '" + name + "' column holds text that is not JSON: " + e.getMessage());
            }
        }
        row.put(role, v);
    }

    static String typeName(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v == PyNone.NONE) {
            return "null";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }

    static List<Object> list(Object v, String what) throws RowRejectedException {
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw new RowRejectedException(STAGE, "'" + what + "' must be a list, got " + typeName(v));
    }
}
