package io.chatprep.job.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * YAML (or JSON, which is YAML) to a Jackson tree through SnakeYAML's composer, so anchors and aliases resolve the
 * way every YAML tool reads them (with SnakeYAML's alias-expansion limit on), duplicate keys are refused instead of
 * the last one silently winning, and scalars keep the type YAML gives them. Dates stay text: the config's own
 * checks parse them.
 */
final class YamlTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Aliases of lists or maps a config may expand: enough for shared role lists, far below a "billion laughs". */
    private static final int MAX_COLLECTION_ALIASES = 50;
    private static final int MAX_NESTING = 50;
    private static final int MAX_CODE_POINTS = 3 * 1024 * 1024;

    private YamlTree() {
    }

    /** The document's tree, or null for an empty document. */
    static JsonNode parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new YamlProblem(describe(e));
        }
        return root == null ? null : convert(root, new IdentityHashMap<>());
    }

    /** The parse problem as one line: SnakeYAML's own message spans lines and quotes the text with a caret. */
    static String describe(YAMLException e) {
        if (e instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            return at(m.getProblemMark()) + m.getProblem() + (m.getContext() != null ? " (" + m.getContext() + ")" : "");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String at(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }

    /** Aliases share their anchor's node; {@code open} turns one that refers to its own ancestor into an error, not a loop. */
    private static JsonNode convert(Node node, Map<Node, Boolean> open) {
        if (open.put(node, Boolean.TRUE) != null) {
            throw new YamlProblem(at(node.getStartMark()) + "an alias refers to a collection that contains it");
        }
        try {
            if (node instanceof MappingNode map) {
                ObjectNode out = NODES.objectNode();
                for (NodeTuple entry : map.getValue()) {
                    if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                        throw new YamlProblem(at(entry.getKeyNode().getStartMark()) + "a key must be plain text");
                    }
                    if (out.has(key.getValue())) {
                        throw new YamlProblem(at(key.getStartMark()) + "duplicate key '" + key.getValue() + "'");
                    }
                    out.set(key.getValue(), convert(entry.getValueNode(), open));
                }
                return out;
            }
            if (node instanceof SequenceNode seq) {
                ArrayNode out = NODES.arrayNode();
                for (Node item : seq.getValue()) {
                    out.add(convert(item, open));
                }
                return out;
            }
            return scalar((ScalarNode) node);
        } finally {
            open.remove(node);
        }
    }

    private static JsonNode scalar(ScalarNode node) {
        Tag tag = node.getTag();
        String text = node.getValue();
        if (Tag.NULL.equals(tag)) {
            return NODES.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return NODES.booleanNode(switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on", "y" -> true;
                default -> false;
            });
        }
        if (Tag.INT.equals(tag)) {
            try {
                BigInteger value = new BigInteger(text.replace("_", "").replace("+", ""));
                return value.bitLength() < 63 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
            } catch (NumberFormatException e) {
                // Octal, hex and sexagesimal forms: keep the text and let the key's own check name it.
                return NODES.textNode(text);
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return NODES.numberNode(new BigDecimal(text.replace("_", "")).doubleValue());
            } catch (NumberFormatException e) {
                return NODES.textNode(text);
            }
        }
        return NODES.textNode(text);
    }

    /** A YAML text that cannot be read as a config, with its position. */
    static final class YamlProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        YamlProblem(String message) {
            super(message);
        }
    }
}
