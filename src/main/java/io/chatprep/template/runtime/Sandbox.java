package io.chatprep.template.runtime;

import io.chatprep.template.py.PyTypes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Jinja2's ImmutableSandboxedEnvironment for attribute access. {@code obj.name} (and {@code obj['name']} when there
 * is no such item) is refused, giving an {@link UnsafeUndefined}, when Python's getattr would find the attribute
 * and the sandbox deems it unsafe: a name starting with an underscore, an internal attribute (a type's
 * {@code mro}, a generator's frame) or a method that mutates a list or dict. An attribute Python would not find is
 * a plain Undefined. Which names exist depends on the value's Python type; the table, recorded from Python by
 * {@code scripts/reference/make_sandbox_attributes.py}, is {@code template/sandbox-attributes.tsv}.
 */
public final class Sandbox {
    /** A value the template can reach whose Python type is not one of the value layer's. */
    public interface Typed {
        /** The row of the attribute table: the Python type, or {@code class:<global>} for a class object. */
        String sandboxKind();
    }

    private record Kind(String typeName, Set<String> unsafe) {
    }

    private static final Map<String, Kind> KINDS = load();
    /** The refused names not starting with an underscore (mutators, {@code mro}, a generator's frame and code). */
    private static final Set<String> PLAIN_NAMES = plainNames();
    /** Bit {@code c - 'a'} of entry {@code n}: some plain refused name has length n and starts with c. */
    private static final long[] PLAIN_SHAPES = shapes(PLAIN_NAMES);

    private Sandbox() {
    }

    /** The refusal of {@code obj.name}, or null when the sandbox lets Jinja2 look the name up. */
    public static UnsafeUndefined refused(Object obj, String name) {
        boolean underscore = !name.isEmpty() && name.charAt(0) == '_';
        if (!underscore && !mayBePlain(name)) {
            return null; // most lookups (message.role, loop.index) end here, without hashing the name
        }
        if (underscore && obj instanceof Namespace ns && ns.has(name)) {
            return new UnsafeUndefined(name, "Namespace"); // its own attributes are Python attributes too
        }
        Kind kind = KINDS.get(kindOf(obj));
        if (kind == null || !kind.unsafe().contains(name)) {
            return null;
        }
        return new UnsafeUndefined(name, kind.typeName());
    }

    private static String kindOf(Object v) {
        if (v == null || v instanceof UnsafeUndefined) {
            return "Undefined";
        }
        if (v instanceof Typed t) {
            return t.sandboxKind();
        }
        if (v instanceof GeneratorValue g) {
            return g.typeName();
        }
        if (v instanceof PyCallable) {
            return "function";
        }
        return PyTypes.typeName(v);
    }

    private static boolean mayBePlain(String name) {
        int n = name.length();
        if (n == 0 || n >= PLAIN_SHAPES.length) {
            return false;
        }
        int c = name.charAt(0) - 'a';
        return c >= 0 && c < 26 && (PLAIN_SHAPES[n] >>> c & 1) != 0 && PLAIN_NAMES.contains(name);
    }

    private static long[] shapes(Set<String> names) {
        long[] shapes = new long[names.stream().mapToInt(String::length).max().orElse(0) + 1];
        for (String name : names) {
            shapes[name.length()] |= 1L << (name.charAt(0) - 'a');
        }
        return shapes;
    }

    private static Set<String> plainNames() {
        Set<String> names = new HashSet<>();
        for (Kind k : KINDS.values()) {
            for (String n : k.unsafe()) {
                if (!n.startsWith("_")) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    private static Map<String, Kind> load() {
        Map<String, Kind> kinds = new HashMap<>();
        try (InputStream in = Sandbox.class.getResourceAsStream("/template/sandbox-attributes.tsv")) {
            if (in == null) {
                throw new IllegalStateException("template/sandbox-attributes.tsv is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                kinds.put(cols[0], new Kind(cols[1], Set.of(cols[2].split(" "))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kinds;
    }
}
