package io.chatprep.job.input;

import io.chatprep.encode.RowRejectedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alpaca rows to HF messages: optional {@code system}, then each {@code history} pair as a user/assistant
 * exchange, then the instruction (followed by a newline and {@code input} when that is not empty) and the output.
 */
final class Alpaca {
    private Alpaca() {
    }

    static List<Object> toMessages(Map<String, Object> row, Map<String, String> columns) throws RowRejectedException {
        List<Object> messages = new ArrayList<>();
        Object system = row.get(columns.get("system"));
        if (system instanceof String s && !s.isEmpty()) {
            messages.add(message("system", s));
        }
        Object history = row.get(columns.get("history"));
        if (history instanceof List<?> pairs) {
            for (int i = 0; i < pairs.size(); i++) {
                if (!(pairs.get(i) instanceof List<?> pair) || pair.size() != 2
                        || !(pair.get(0) instanceof String q) || !(pair.get(1) instanceof String a)) {
                    throw new RowRejectedException(RowConverter.STAGE, "'" + columns.get("history") + "'[" + i
                            + "] must be a [user, assistant] pair of strings");
                }
                messages.add(message("user", q));
                messages.add(message("assistant", a));
            }
        }
        String instruction = text(row, columns.get("instruction"), true);
        String input = text(row, columns.get("input"), false);
        String output = text(row, columns.get("output"), true);
        messages.add(message("user", input.isEmpty() ? instruction : instruction + "\n" + input));
        messages.add(message("assistant", output));
        return messages;
    }

    private static String text(Map<String, Object> row, String column, boolean required) throws RowRejectedException {
        Object v = row.get(column);
        if (v == null && !required) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw new RowRejectedException(RowConverter.STAGE, "'" + column + "' must be a string, got "
                    + RowConverter.typeName(v));
        }
        return s;
    }

    private static Map<String, Object> message(String role, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }
}
