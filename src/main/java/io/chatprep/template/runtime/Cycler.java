package io.chatprep.template.runtime;

import io.chatprep.template.py.PyNone;
import io.chatprep.template.py.PyTuple;
import io.chatprep.template.py.PyTyped;
import java.util.List;

/** Jinja2's {@code cycler(*items)}: {@code next()} returns the items in turn; {@code current}, {@code reset()}. */
public final class Cycler implements PyTyped, Sandbox.Typed {
    private final List<Object> items;
    private int position;

    public Cycler(List<Object> items) {
        this.items = items;
    }

    List<Object> items() {
        return items;
    }

    public Object attribute(String name) {
        return switch (name) {
            case "current" -> items.get(position);
            case "items" -> PyTuple.copyOf(items);
            case "pos" -> (long) position;
            case "next" -> new BoundCall(this, "Cycler", "next", (a, c) -> {
                Object v = items.get(position);
                position = (position + 1) % items.size();
                return v;
            });
            case "reset" -> new BoundCall(this, "Cycler", "reset", (a, c) -> {
                position = 0;
                return PyNone.NONE;
            });
            default -> null;
        };
    }

    @Override
    public String pyTypeName() {
        return "Cycler";
    }

    @Override
    public String sandboxKind() {
        return "Cycler";
    }

    @Override
    public String toString() {
        return "<Cycler>";
    }
}
