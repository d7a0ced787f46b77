package io.chatprep.template.runtime;

import io.chatprep.template.py.PyTyped;
import java.util.LinkedHashMap;
import java.util.Map;

/** Jinja2's {@code namespace()}: the one object a template may assign attributes to, across scopes. */
public final class Namespace implements PyTyped, Sandbox.Typed {
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    public Object get(String name) {
        return attributes.get(name);
    }

    public boolean has(String name) {
        return attributes.containsKey(name);
    }

    public void set(String name, Object value) {
        attributes.put(name, value);
    }

    void forEachValue(java.util.function.Consumer<Object> visit) {
        attributes.values().forEach(visit);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<Namespace {");
        boolean first = true;
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(io.chatprep.template.py.PyStr.repr(e.getKey())).append(": ")
                    .append(io.chatprep.template.py.PyStr.repr(UnsafeUndefined.plain(e.getValue())));
        }
        return sb.append("}>").toString();
    }

    @Override
    public String pyTypeName() {
        return "Namespace";
    }

    @Override
    public String sandboxKind() {
        return "Namespace";
    }
}
