package io.chatprep.template.runtime;

import io.chatprep.template.py.PyOps;
import io.chatprep.template.py.PyTyped;
import java.util.List;

/** Jinja2's {@code loop} variable for one {@code for} loop. */
public final class LoopState implements PyTyped, Sandbox.Typed {
    private final List<Object> items;
    private int index;
    private Object lastChanged = NOT_SET;
    private static final Object NOT_SET = new Object();

    public LoopState(List<Object> items) {
        this.items = items;
    }

    List<Object> items() {
        return items;
    }

    public void moveTo(int i) {
        index = i;
    }

    public Object attribute(String name, RenderContext ctx) {
        int n = items.size();
        return switch (name) {
            case "index" -> (long) index + 1;
            case "index0" -> (long) index;
            case "revindex" -> (long) (n - index);
            case "revindex0" -> (long) (n - index - 1);
            case "first" -> index == 0;
            case "last" -> index == n - 1;
            case "length" -> (long) n;
            // Only recursive loops nest deeper in Jinja2, and those are refused, so every loop is at depth 1.
            case "depth" -> 1L;
            case "depth0" -> 0L;
            case "previtem" -> index > 0 ? items.get(index - 1) : null;
            case "nextitem" -> index + 1 < n ? items.get(index + 1) : null;
            case "cycle" -> new BoundCall(this, "LoopContext", "cycle", (args, c) -> {
                if (args.size() == 0) {
                    throw TemplateRuntimeException.typeError("no items for cycling given");
                }
                return args.positional().get(index % args.size());
            });
            case "changed" -> new BoundCall(this, "LoopContext", "changed", (args, c) -> {
                Object now = UnsafeUndefined.plain(args.positional());
                if (lastChanged != NOT_SET && PyOps.eq(lastChanged, now)) {
                    return false;
                }
                lastChanged = now;
                return true;
            });
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "<LoopContext " + (index + 1) + "/" + items.size() + ">";
    }

    @Override
    public String pyTypeName() {
        return "LoopContext";
    }

    @Override
    public String sandboxKind() {
        return "LoopContext";
    }
}
