package io.chatprep.template.runtime;

import io.chatprep.template.py.PyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What Jinja2's sandbox gives for an attribute that exists but may not be reached ({@code ''.__class__},
 * {@code messages.append}): an Undefined that prints as nothing, is falsy and not defined, and raises SecurityError
 * naming the attribute wherever an Undefined raises (attribute or item access, calls, arithmetic, ordering).
 * It lives in the engine only: where a value enters the value layer (a filter, test, method, comparison or
 * container literal) it becomes a plain Undefined, and an UndefinedError raised there because of it becomes its
 * SecurityError.
 */
public final class UnsafeUndefined {
    private final String message;

    UnsafeUndefined(String attribute, String typeName) {
        this.message = "access to attribute '" + attribute + "' of '" + typeName + "' object is unsafe.";
    }

    public TemplateRuntimeException error() {
        return TemplateRuntimeException.security(message);
    }

    /** The value as the value layer sees it: an unsafe Undefined is a plain one (null). */
    public static Object plain(Object value) {
        return value instanceof UnsafeUndefined ? null : value;
    }

    public static List<Object> plain(List<Object> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(plain(v));
        }
        return out;
    }

    public static CallArgs plain(CallArgs args) {
        if (first(null, args) == null) {
            return args;
        }
        Map<String, Object> kw = new LinkedHashMap<>();
        args.keywords().forEach((k, v) -> kw.put(k, plain(v)));
        return new CallArgs(plain(args.positional()), kw);
    }

    /** The first unsafe Undefined among a value and call arguments, or null when there is none. */
    public static UnsafeUndefined first(Object value, CallArgs args) {
        if (value instanceof UnsafeUndefined u) {
            return u;
        }
        List<Object> positional = args.positional();
        for (int i = 0, n = positional.size(); i < n; i++) {
            if (positional.get(i) instanceof UnsafeUndefined u) {
                return u;
            }
        }
        if (!args.keywords().isEmpty()) {
            for (Object v : args.keywords().values()) {
                if (v instanceof UnsafeUndefined u) {
                    return u;
                }
            }
        }
        return null;
    }

    /** Runs {@code op} on plain values; an UndefinedError it raises is {@code cause}'s SecurityError. */
    public static <T> T guard(UnsafeUndefined cause, Supplier<T> op) {
        try {
            return op.get();
        } catch (PyException e) {
            if (e.pyType().equals("UndefinedError")) {
                throw cause.error();
            }
            throw e;
        } catch (TemplateRuntimeException e) {
            if (e.getMessage().startsWith("UndefinedError:")) {
                throw cause.error();
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "";
    }
}
