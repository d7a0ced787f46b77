package io.chatprep.template.runtime;

import com.hubspot.jinjava.interpret.Context;
import io.chatprep.template.tree.Frame;

import java.util.HashMap;
import java.util.Map;

/**
 * One level of Jinja2 variable scoping (template, loop body, macro call, block body): lookups fall through the
 * enclosing levels to the render's variables and the environment's globals, held by the render's root Jinjava
 * {@link Context}; assignments stay at this level. Levels below the root are plain maps made on their first
 * assignment: a Jinjava context per loop iteration built four libraries and several stacks nobody used.
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
    private final Context root;
    private final RenderContext ctx;
    private String[] names;
    private int[] hashes;
    private Object[] values;
    private int size;
    private Map<String, Object> many;

    private Scope(Scope parent, Context root, RenderContext ctx) {
        this.parent = parent;
        this.root = root;
        this.ctx = ctx;
    }

    /** The template's top-level scope over a render's root context. */
    public static Scope root(Context renderContext, RenderContext ctx) {
        return new Scope(null, renderContext, ctx);
    }

    public Scope child() {
        return new Scope(this, null, ctx);
    }

    /** A scope for a body that is one of Jinja2's frames: the names it owns from its start are Undefined. */
    public Scope enter(Frame frame) {
        Scope s = new Scope(this, null, ctx);
        s.bindUndefined(frame);
        return s;
    }

    /** Binds the names {@code frame} owns from its start to Undefined in this scope. */
    public void bindUndefined(Frame frame) {
        for (String name : frame.ownUndefined()) {
            set(name, null);
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
                // The root context holds the render's variables and globals; assignments never reach it.
                return s.root.get(name);
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
