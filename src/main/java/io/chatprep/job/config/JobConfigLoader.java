package io.chatprep.job.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link JobConfig} from layers, later ones winning: a YAML or JSON file, then single keys
 * ({@code --set key=value} or {@code --key value}). Unknown keys fail naming the key and the valid ones.
 */
public final class JobConfigLoader {
    /** Keys whose value is a map: {@code --set spark.spark.executor.memory=4g} addresses one entry. */
    private static final Set<String> MAP_KEYS = Set.of("columns", "spark", "template_kwargs");
    /** Keys whose value is a list: repeating them on the command line appends. */
    private static final Set<String> LIST_KEYS = Set.of("input");

    private static final ObjectMapper YAML = new ObjectMapper()
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private final ObjectNode tree = JsonNodeFactory.instance.objectNode();
    private final Set<String> fromCommandLine = new java.util.HashSet<>();

    /** Every top-level key a config may hold, in sorted order. */
    public static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>();
        for (var f : JobConfig.class.getDeclaredFields()) {
            var p = f.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            if (p != null) {
                keys.add(p.value());
            }
        }
        return keys;
    }

    public JobConfigLoader file(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("config file not found: " + path);
        }
        try {
            return text(path.toString(), Files.readString(path));
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage(), e);
        }
    }

    /** A config file found anywhere {@link ConfigLocation} looks: a Hadoop path or a file shipped with --files. */
    public JobConfigLoader location(String location) {
        ConfigLocation.Found found = ConfigLocation.read(location);
        return text(found.where(), found.text());
    }

    /** The YAML or JSON text of a config file, {@code source} naming it in errors. */
    public JobConfigLoader text(String source, String yaml) {
        JsonNode node;
        try {
            node = YamlTree.parse(yaml);
        } catch (YamlTree.YamlProblem e) {
            throw new ConfigException("cannot parse config file " + source + ": " + e.getMessage(), e);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return this;
        }
        if (!node.isObject()) {
            throw new ConfigException("config file " + source + " must hold a mapping of keys, not " + node.getNodeType());
        }
        node.fields().forEachRemaining(e -> {
            checkKnown(e.getKey(), "config file " + source);
            tree.set(e.getKey(), e.getValue());
        });
        return this;
    }

    /** Adds a whole map (e.g. from a notebook), keys as in the config file. */
    public JobConfigLoader values(Map<String, ?> values) {
        for (Map.Entry<String, ?> e : values.entrySet()) {
            set(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue()));
        }
        return this;
    }

    /** {@code key=value}, as given to {@code --set}. */
    public JobConfigLoader assignment(String keyEqualsValue) {
        int eq = keyEqualsValue.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set expects key=value, got '" + keyEqualsValue + "'");
        }
        return set(keyEqualsValue.substring(0, eq).trim(), keyEqualsValue.substring(eq + 1));
    }

    /**
     * One key. {@code key} may be snake_case or kebab-case; for map keys a dotted suffix names the entry.
     * The value is read as a YAML scalar ({@code 2048} a number, {@code false} a boolean, {@code [a, b]} a list).
     */
    public JobConfigLoader set(String key, String value) {
        String normalized = key.replace('-', '_');
        String top = normalized;
        String entry = null;
        int dot = key.indexOf('.');
        if (dot > 0) {
            top = key.substring(0, dot).replace('-', '_');
            entry = key.substring(dot + 1);
        }
        checkKnown(top, "the options");
        JsonNode parsed = scalar(value);
        if (entry != null) {
            if (!MAP_KEYS.contains(top)) {
                throw new ConfigException("'" + top + "' is not a map, so '" + key + "' is not a valid key (maps: "
                        + String.join(", ", new TreeSet<>(MAP_KEYS)) + ")");
            }
            JsonNode existing = tree.get(top);
            ObjectNode map = existing instanceof ObjectNode o ? o : tree.putObject(top);
            map.set(entry, parsed);
        } else if (LIST_KEYS.contains(top) && !parsed.isArray()) {
            // The first command-line value replaces the file's list; more values append.
            JsonNode existing = tree.get(top);
            ArrayNode list = existing instanceof ArrayNode a && fromCommandLine.contains(top) ? a : tree.putArray(top);
            list.add(parsed);
            fromCommandLine.add(top);
        } else {
            tree.set(top, parsed);
        }
        return this;
    }

    private static JsonNode scalar(String value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            JsonNode n = YamlTree.parse(value);
            return n == null || n.isObject() ? TextNode.valueOf(value) : n;
        } catch (YamlTree.YamlProblem e) {
            return TextNode.valueOf(value);
        }
    }

    private static void checkKnown(String key, String where) {
        if (!knownKeys().contains(key)) {
            throw new ConfigException("unknown config key '" + key + "' in " + where + " (valid keys: "
                    + String.join(", ", knownKeys()) + ")");
        }
    }

    /** The typed configuration; values are checked, not yet whether files exist. */
    public JobConfig load() {
        JobConfig config;
        try {
            config = YAML.treeToValue(tree, JobConfig.class);
        } catch (MismatchedInputException e) {
            throw new ConfigException(mismatch(e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("bad configuration: " + e.getOriginalMessage(), e);
        }
        return config.validate();
    }

    /** Jackson's own text names its coercion settings; the user needs the key, the value and what it must be. */
    private String mismatch(MismatchedInputException e) {
        String key = path(e);
        JsonNode value = tree.at("/" + key.replace(".", "/"));
        Class<?> type = e.getTargetType();
        String shown = value.isMissingNode() ? "" : ", got " + value;
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "'" + key + "' must be a whole number" + shown;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "'" + key + "' must be true or false" + shown;
        }
        if (type == Double.class || type == double.class) {
            return "'" + key + "' must be a number" + shown;
        }
        return "bad value for '" + key + "': " + e.getOriginalMessage();
    }

    private static String path(MismatchedInputException e) {
        List<String> parts = new ArrayList<>();
        for (var ref : e.getPath()) {
            parts.add(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return String.join(".", parts);
    }

    /** The merged tree, for the manifest. */
    public ObjectNode tree() {
        return tree.deepCopy();
    }
}
