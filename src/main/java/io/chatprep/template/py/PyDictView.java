package io.chatprep.template.py;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The result of {@code dict.items()}, {@code keys()} or {@code values()}: an immutable snapshot list that
 * prints like Python's view ({@code dict_items([('a', 1)])}).
 */
public final class PyDictView extends AbstractList<Object> implements RandomAccess {
    private final String kind;
    private final List<Object> items;

    PyDictView(String kind, List<Object> items) {
        this.kind = kind;
        this.items = items;
    }

    /** {@code dict_items}, {@code dict_keys} or {@code dict_values}. */
    public String kind() {
        return kind;
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public String toString() {
        return kind + "(" + PyStr.repr(List.copyOf(items)) + ")";
    }
}
