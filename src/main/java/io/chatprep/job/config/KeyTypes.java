package io.chatprep.job.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The kinds of value a {@link ConfigKey} holds, each with its reader and the way documentation states it. */
final class KeyTypes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyTypes() {
    }

    static ConfigKey<String> text(String name, String defaultValue, String defaultText, String doc) {
        return new ConfigKey<>(name, "text", defaultValue, defaultText, doc, false, (key, node) -> {
            if (!node.isValueNode()) {
                throw key.bad("text", node);
            }
            return node.asText();
        }, v -> v);
    }

    /** A whole number of at least {@code min}. */
    static ConfigKey<Integer> whole(String name, Integer defaultValue, int min, String defaultText, String doc) {
        return whole(name, defaultValue, min, Integer.MAX_VALUE, defaultText, doc);
    }

    /** A whole number from {@code min} to {@code max}. */
    static ConfigKey<Integer> whole(String name, Integer defaultValue, int min, int max, String defaultText,
                                    String doc) {
        String mustBe = max < Integer.MAX_VALUE ? "a whole number from " + min + " to " + max
                : min == 1 ? "a positive whole number" : "a whole number of at least " + min;
        String type = max < Integer.MAX_VALUE ? "whole number, " + min + " to " + max
                : min == 1 ? "positive whole number" : "whole number ≥ " + min;
        return new ConfigKey<>(name, type, defaultValue, defaultText, doc, false, (key, node) -> {
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
                throw key.bad(mustBe, node);
            }
            return node.asInt();
        }, v -> v);
    }

    /** A number in {@code [min, max]}. */
    static ConfigKey<Double> number(String name, Double defaultValue, double min, double max, String doc) {
        String range = "a number from " + plain(min) + " to " + plain(max);
        return new ConfigKey<>(name, "number, " + plain(min) + " to " + plain(max), defaultValue,
                "`" + plain(defaultValue) + "`", doc, false, (key, node) -> {
                    if (!node.isNumber()) {
                        throw key.bad(range, node);
                    }
                    double value = node.asDouble();
                    if (!(value >= min && value <= max)) {
                        throw key.bad(range, node);
                    }
                    return value;
                }, v -> v);
    }

    static ConfigKey<Boolean> bool(String name, boolean defaultValue, String doc) {
        return new ConfigKey<>(name, "true or false", defaultValue, "`" + defaultValue + "`", doc, false,
                KeyTypes::readBool, v -> v);
    }

    /** A boolean that the bare flag switches on ({@code --force}). */
    static ConfigKey<Boolean> switchKey(String name, String doc) {
        return new ConfigKey<>(name, "true or false (flag: bare " + "--" + name.replace('_', '-') + ")", false,
                "`false`", doc, true, KeyTypes::readBool, v -> v);
    }

    private static Boolean readBool(ConfigKey<Boolean> key, JsonNode node) {
        if (!node.isBoolean()) {
            throw key.bad("true or false", node);
        }
        return node.asBoolean();
    }

    /** One of an enum's constants, spelled as {@code spelling} gives them (lower case, '-' for '_'). */
    static <E extends Enum<E>> ConfigKey<E> choice(String name, Class<E> type, E defaultValue,
                                                  Function<E, String> spelling, String doc) {
        List<String> valid = Arrays.stream(type.getEnumConstants()).map(spelling).toList();
        return new ConfigKey<>(name, "one of: " + String.join(", ", valid), defaultValue,
                "`" + spelling.apply(defaultValue) + "`", doc, false, (key, node) -> {
                    String text = node.isValueNode() ? node.asText().trim().toLowerCase(Locale.ROOT) : null;
                    for (E e : type.getEnumConstants()) {
                        if (spelling.apply(e).equals(text) || e.name().toLowerCase(Locale.ROOT).equals(text)) {
                            return e;
                        }
                    }
                    throw new ConfigException("'" + name + "' has the bad value " + node + " (valid: "
                            + String.join(", ", valid) + ")");
                }, spelling::apply);
    }

    /** A list of texts; a single value is a list of one. */
    static ConfigKey<List<String>> list(String name, List<String> defaultValue, String defaultText, String doc) {
        return new ConfigKey<>(name, "list of texts", defaultValue, defaultText, doc, false, (key, node) -> {
            List<String> out = new ArrayList<>();
            for (JsonNode item : node.isArray() ? node : List.of(node)) {
                if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                    throw key.bad("a list of non-empty texts", node);
                }
                out.add(item.asText());
            }
            return Collections.unmodifiableList(out);
        }, v -> v);
    }

    /** A map of names to texts. */
    static ConfigKey<Map<String, String>> textMap(String name, String doc) {
        return new ConfigKey<>(name, "map of texts", Map.of(), "`{}`", doc, false, (key, node) -> {
            if (!node.isObject()) {
                throw key.bad("a map of names to texts", node);
            }
            Map<String, String> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw new ConfigException("'" + name + "." + e.getKey() + "' must be text, got " + e.getValue());
                }
                out.put(e.getKey(), e.getValue().asText());
            });
            return Collections.unmodifiableMap(out);
        }, v -> v);
    }

    /** A map of names to any values (lists and maps too), as YAML gives them. */
    static ConfigKey<Map<String, Object>> anyMap(String name, String doc) {
        return new ConfigKey<>(name, "map", Map.of(), "`{}`", doc, false, (key, node) -> {
            if (!node.isObject()) {
                throw key.bad("a map", node);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = JSON.convertValue(node, LinkedHashMap.class);
            return Collections.unmodifiableMap(values);
        }, v -> v);
    }

    static ConfigKey<LocalDateTime> dateTime(String name, String doc) {
        return new ConfigKey<>(name, "ISO date-time", null, "real time", doc, false, (key, node) -> {
            try {
                return LocalDateTime.parse(node.asText().trim());
            } catch (DateTimeParseException e) {
                throw new ConfigException("'" + name + "' must be an ISO local date-time like 2026-01-31T12:00:00, got "
                        + node);
            }
        }, LocalDateTime::toString);
    }

    private static String plain(Double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
