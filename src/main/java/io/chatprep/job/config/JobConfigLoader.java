package io.chatprep.job.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link JobConfig} from layers, later ones winning: a YAML or JSON file, then single keys
 * ({@code --set key=value} or {@code --key value}, values read as YAML scalars). Unknown keys fail naming the key and
 * the valid ones; {@link ConfigKeys} says what each key holds.
 */
public final class JobConfigLoader {
    private static final com.fasterxml.jackson.databind.ObjectMapper TYPED = new com.fasterxml.jackson.databind.ObjectMapper();
    private final ObjectNode tree = JsonNodeFactory.instance.objectNode();
    private final Set<String> fromCommandLine = new java.util.HashSet<>();

    /** Every top-level key a config may hold, in sorted order. */
    public static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>();
        ConfigKeys.ALL.forEach(k -> keys.add(k.name()));
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
            if (!ConfigKeys.MAPS.contains(ConfigKeys.named(top))) {
                throw new ConfigException("'" + top + "' is not a map, so '" + key + "' is not a valid key (maps: "
                        + String.join(", ", ConfigKeys.MAPS.stream().map(ConfigKey::name).sorted().toList()) + ")");
            }
            JsonNode existing = tree.get(top);
            ObjectNode map = existing instanceof ObjectNode o ? o : tree.putObject(top);
            map.set(entry, parsed);
        } else if (top.equals(ConfigKeys.INPUT.name()) && !parsed.isArray()) {
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
        return JobConfig.from(tree);
    }

    /** The same key, typed: {@code values} hold what a notebook passes ({@code .option(ConfigKeys.MAX_LENGTH, 4096)}). */
    public <T> JobConfigLoader set(ConfigKey<T> key, T value) {
        tree.set(key.name(), TYPED.valueToTree(key.shown(value)));
        return this;
    }

    /** The merged tree, for the manifest. */
    public ObjectNode tree() {
        return tree.deepCopy();
    }
}
