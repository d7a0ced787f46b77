package io.chatprep.template.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One level of Jinja2 variable scoping (template, loop body, macro call, block body): lookups fall through the
 * enclosing levels to the render's variables, then the environment's globals; assignments stay at this level.
 */
public final class Scope {
    /** A scope map cannot tell a missing name from an assigned Undefined, so the latter is stored as this marker. */
    private static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "Undefined";
        }
    };

    /** Levels hold a few names each: a linear scan beats hashing until this many, then a map takes over. */
    private static final int SCAN_LIMIT = 8;

    private final Scope parent;
    /** The render's variables and the globals, held by the top-level scope only. */
    private final Map<String, Object> variables;
    private final Map<String, Object> globals;
    private final RenderContext ctx;
    private String[] names;
    private int[] hashes;
    private Object[] values;
    private int size;
    private Map<String, Object> many;

    private Scope(Scope parent, Map<String, Object> variables, Map<String, Object> globals, RenderContext ctx) {
        this.parent = parent;
        this.variables = variables;
        this.globals = globals;
        this.ctx = ctx;
    }

    /**
     * The template's top-level scope: a name nothing assigns is the render's variable, else the global of that name
     * (a variable whose value is Java null does not hide the global).
     */
    public static Scope root(Map<String, Object> variables, Map<String, Object> globals, RenderContext ctx) {
        return new Scope(null, variables, globals, ctx);
    }

    public Scope child() {
        return new Scope(this, null, null, ctx);
    }

    /** A scope for a body that is one of Jinja2's frames: {@code undefinedNames}, those it owns from its start. */
    public Scope enter(List<String> undefinedNames) {
        Scope s = new Scope(this, null, null, ctx);
        s.bindUndefined(undefinedNames);
        return s;
    }

    /** Binds {@code names} to Undefined in this scope. */
    public void bindUndefined(List<String> names) {
        for (int i = 0, n = names.size(); i < n; i++) {
            set(names.get(i), null);
        }
    }

    public RenderContext ctx() {
        return ctx;
    }

    Scope parent() {
        return parent;
    }

    /** The values assigned at this level (for the memory walk). */
    void forEachValue(java.util.function.Consumer<Object> visit) {
        if (many != null) {
            many.values().forEach(visit);
        }
        for (int i = 0; i < size; i++) {
            visit.accept(values[i]);
        }
    }

    /** This level's value of {@code name}: the UNDEFINED marker when assigned Undefined, null when not assigned. */
    private Object own(String name) {
        if (many != null) {
            return many.get(name);
        }
        int h = name.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == h && (names[i] == name || names[i].equals(name))) {
                return values[i];
            }
        }
        return null;
    }

    /** The variable's value, or Java null (Undefined) when nothing defines it. */
    public Object lookup(String name) {
        for (Scope s = this; ; s = s.parent) {
            Object v = s.own(name);
            if (v != null) {
                return v == UNDEFINED ? null : v;
            }
            if (s.parent == null) {
                // assignments never reach the render's variables or the globals
                Object variable = s.variables.get(name);
                return variable != null ? variable : s.globals.get(name);
            }
        }
    }

    public void set(String name, Object value) {
        Object stored = value == null ? UNDEFINED : value;
        if (many != null) {
            many.put(name, stored);
            return;
        }
        int h = name.hashCode();
        for (int i = 0; i < size; i++) {
            if (hashes[i] == h && (names[i] == name || names[i].equals(name))) {
                values[i] = stored;
                return;
            }
        }
        if (size == SCAN_LIMIT) {
            many = new HashMap<>();
            for (int i = 0; i < size; i++) {
                many.put(names[i], values[i]);
            }
            names = null;
            hashes = null;
            values = null;
            size = 0;
            many.put(name, stored);
            return;
        }
        if (names == null) {
            names = new String[4];
            hashes = new int[4];
            values = new Object[4];
        } else if (size == names.length) {
            names = java.util.Arrays.copyOf(names, SCAN_LIMIT);
            hashes = java.util.Arrays.copyOf(hashes, SCAN_LIMIT);
            values = java.util.Arrays.copyOf(values, SCAN_LIMIT);
        }
        names[size] = name;
        hashes[size] = h;
        values[size++] = stored;
    }
}
