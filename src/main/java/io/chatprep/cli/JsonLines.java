package io.chatprep.cli;

import io.chatprep.encode.EncodedRow;

/** Writes the JSON lines of {@code tokenize} directly: ids are plain ints, so no object tree is built. */
final class JsonLines {
    private JsonLines() {
    }

    static void encodedRow(StringBuilder out, EncodedRow row) {
        out.append("{\"input_ids\": ");
        ints(out, row.inputIds());
        out.append(", \"assistant_masks\": [");
        byte[] mask = row.assistantMask();
        for (int i = 0; i < mask.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(mask[i]);
        }
        out.append("], \"labels\": ");
        ints(out, row.labels());
        if (row.images() != null) {
            out.append(", \"images\": [");
            for (int i = 0; i < row.images().count(); i++) {
                out.append(i > 0 ? ", " : "");
                string(out, row.images().locations().get(i));
            }
            out.append(']');
            if (row.images().grids() != null) {
                out.append(", \"image_grid_thw\": [");
                for (int i = 0; i < row.images().count(); i++) {
                    out.append(i > 0 ? ", " : "");
                    ints(out, row.images().grids()[i]);
                }
                out.append(']');
            }
        }
        out.append('}');
    }

    static void error(StringBuilder out, String message) {
        out.append("{\"error\": ");
        string(out, message);
        out.append('}');
    }

    private static void ints(StringBuilder out, int[] values) {
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(values[i]);
        }
        out.append(']');
    }

    /**
     * A JSON string with non-ASCII kept as is, as Python's json.dumps(ensure_ascii=False) writes it (a lone surrogate,
     * which UTF-8 cannot hold, escaped).
     */
    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean lone = Character.isHighSurrogate(c)
                            ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    // A lone surrogate has no UTF-8 form: escaped, the line stays writable and reads back the same.
                    if (c < 0x20 || lone) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
