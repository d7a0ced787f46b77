package io.chatprep.template.py;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list that Python sees as a tuple: it prints as {@code (a, b)} and never equals a list under
 * {@link PyOps#eq}. Java's {@code equals} keeps the {@link List} contract. A named tuple (Jinja2's groupby
 * result) also answers its field names as attributes.
 */
public final class PyTuple extends AbstractList<Object> implements RandomAccess {
    public static final PyTuple EMPTY = new PyTuple(new Object[0]);

    private final Object[] items;
    private final List<String> fields;

    private PyTuple(Object[] items) {
        this(items, List.of());
    }

    private PyTuple(Object[] items, List<String> fields) {
        this.items = items;
        this.fields = fields;
    }

    /** A named tuple: {@code fields.get(i)} names item {@code i}. */
    public static PyTuple named(List<String> fields, Object... items) {
        if (fields.size() != items.length) {
            throw new IllegalArgumentException(fields.size() + " field names for " + items.length + " items");
        }
        return new PyTuple(items.clone(), List.copyOf(fields));
    }

    /** True when this is a named tuple with a field {@code name}. */
    public boolean hasField(String name) {
        return fields.contains(name);
    }

    /** The item a named tuple's field names, or null (Undefined) when it has no such field. */
    public Object field(String name) {
        int i = fields.indexOf(name);
        return i < 0 ? null : items[i];
    }

    public static PyTuple of(Object... items) {
        return items.length == 0 ? EMPTY : new PyTuple(items.clone());
    }

    public static PyTuple copyOf(List<?> items) {
        return items.isEmpty() ? EMPTY : new PyTuple(items.toArray());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(items, items.length);
    }

    @Override
    public String toString() {
        return PyStr.repr(this);
    }
}
