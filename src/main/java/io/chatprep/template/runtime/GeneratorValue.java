package io.chatprep.template.runtime;

import io.chatprep.template.py.PyTyped;
import java.util.Iterator;
import java.util.List;

/**
 * What Jinja2's lazy filters ({@code map}, {@code select}, {@code items}, {@code reverse}, ...) return: iterable
 * once, with no length and no indexing, so templates that rely on either fail as they do in Python.
 */
public final class GeneratorValue implements Iterable<Object>, PyTyped {
    private final List<Object> items;
    private final String typeName;
    private boolean consumed;

    public GeneratorValue(List<Object> items, String typeName) {
        this.items = items;
        this.typeName = typeName;
    }

    List<Object> items() {
        return items;
    }

    public String typeName() {
        return typeName;
    }

    @Override
    public String pyTypeName() {
        return typeName;
    }

    @Override
    public Iterator<Object> iterator() {
        if (consumed) {
            return List.<Object>of().iterator();
        }
        consumed = true;
        return items.iterator();
    }

    @Override
    public String toString() {
        return "<" + typeName + " object>";
    }
}
