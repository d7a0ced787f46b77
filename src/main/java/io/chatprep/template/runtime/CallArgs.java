package io.chatprep.template.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluated call arguments, bound by Python's rules: positional first, then by keyword, then the default. */
public record CallArgs(List<Object> positional, Map<String, Object> keywords) {
    public static final CallArgs NONE = new CallArgs(List.of(), Map.of());

    public int size() {
        return positional.size();
    }

    /** The argument at {@code index} or named {@code name}; {@code fallback} when neither was given. */
    public Object get(int index, String name, Object fallback) {
        if (index >= 0 && index < positional.size()) {
            return positional.get(index);
        }
        if (name != null && keywords.containsKey(name)) {
            return keywords.get(name);
        }
        return fallback;
    }

    public boolean has(int index, String name) {
        return (index >= 0 && index < positional.size()) || (name != null && keywords.containsKey(name));
    }

    /** Rejects more positionals than {@code max} or a keyword not in {@code names}, with Python's message. */
    public CallArgs check(String function, int max, Set<String> names) {
        if (positional.size() > max) {
            throw TemplateRuntimeException.typeError(function + "() takes at most " + max
                    + " positional arguments (" + positional.size() + " given)");
        }
        for (String k : keywords.keySet()) {
            if (!names.contains(k)) {
                throw TemplateRuntimeException.typeError(function + "() got an unexpected keyword argument '" + k + "'");
            }
        }
        return this;
    }

    public CallArgs noKeywords(String function) {
        if (!keywords.isEmpty()) {
            throw TemplateRuntimeException.typeError(function + "() takes no keyword arguments");
        }
        return this;
    }
}
