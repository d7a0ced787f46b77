package io.chatprep.job.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Function;

/**
 * One configuration key: its name in files and {@code --set} (snake_case; flags use kebab-case), its type, default
 * and meaning, and how a value of it is read. {@link ConfigKeys} lists them all; the loader, the command-line flags,
 * {@code --help}, the documentation table and the notebook API all come from that list.
 *
 * @param <T> the value's Java type
 */
public final class ConfigKey<T> {
    private final String name;
    private final String type;
    private final T defaultValue;
    private final String defaultText;
    private final String doc;
    private final boolean switchFlag;
    private final ValueReader<T> reader;
    private final Function<T, Object> shown;

    /** Reads one key's value from the merged configuration tree; {@code null} nodes never reach it. */
    @FunctionalInterface
    interface ValueReader<T> {
        T read(ConfigKey<T> key, JsonNode node);
    }

    ConfigKey(String name, String type, T defaultValue, String defaultText, String doc, boolean switchFlag,
              ValueReader<T> reader, Function<T, Object> shown) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.doc = doc;
        this.switchFlag = switchFlag;
        this.reader = reader;
        this.shown = shown;
    }

    /** The key as written in config files and {@code --set}. */
    public String name() {
        return name;
    }

    /** The command-line flag, {@code --max-length}. */
    public String flag() {
        return "--" + name.replace('_', '-');
    }

    /** The type as the documentation states it ("whole number", "one of: drop, truncate, keep", ...). */
    public String type() {
        return type;
    }

    /** The value when the key is not set (null: none). */
    public T defaultValue() {
        return defaultValue;
    }

    /** The default as the documentation states it. */
    public String defaultText() {
        return defaultText;
    }

    public String doc() {
        return doc;
    }

    /** A boolean the command line sets by its bare flag ({@code --force}), without a value. */
    public boolean isSwitch() {
        return switchFlag;
    }

    /** The value of this key in a tree; its default when absent or null. Fails naming the key. */
    T read(JsonNode tree) {
        JsonNode node = tree.get(name);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        return reader.read(this, node);
    }

    /** The value as the manifest shows it: config spelling for choices, plain JSON values otherwise. */
    Object shown(T value) {
        return value == null ? null : shown.apply(value);
    }

    /** "'max_length' must be a whole number, got 3.7": a bad value names its key, what it must be, what it was. */
    ConfigException bad(String mustBe, JsonNode got) {
        return new ConfigException("'" + name + "' must be " + mustBe + ", got " + got);
    }

    @Override
    public String toString() {
        return name;
    }
}
