package io.chatprep.template.parse;

import io.chatprep.template.lib.filter.Filter;
import io.chatprep.template.lib.filter.FilterLibrary;
import io.chatprep.template.lib.test.Test;
import io.chatprep.template.lib.test.TestLibrary;
import io.chatprep.template.runtime.TemplateRuntimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Filters and tests a tag header or print node names that do not exist. Jinja2 reports them when it compiles
 * the template, except where the code generator is in a "soft" frame: an {@code if} test or body (but not a
 * loop, macro, call, filter, set or with body nested in it, which open frames of their own) and anything under
 * an inline {@code a if b else c}. There the name is looked up when the filter or test is applied, so a branch
 * never taken renders, and one that is taken fails with "No filter named 'x' found.".
 */
final class UnknownNames {
    /** One unknown name: where its expression starts (token index), and whether Jinja2 defers it. */
    private record Use(String kind, String name, int line, int start, int order, boolean soft) {
    }

    private final List<Use> uses = new ArrayList<>();
    private boolean soft;

    /** Whether what is parsed next sits in a soft frame. */
    void setSoft(boolean soft) {
        this.soft = soft;
    }

    boolean soft() {
        return soft;
    }

    /** A position to pass to {@link #softenFrom} once an inline if turns out to wrap what follows it. */
    int mark() {
        return uses.size();
    }

    /** Everything recorded since {@code mark} lies under an inline if expression. */
    void softenFrom(int mark) {
        for (int i = mark; i < uses.size(); i++) {
            Use u = uses.get(i);
            uses.set(i, new Use(u.kind, u.name, u.line, u.start, u.order, true));
        }
    }

    /**
     * The filter named {@code name}; one that does not exist is recorded (its expression starts at token
     * {@code start}) and fails when applied.
     */
    Filter filter(String name, int line, int start) {
        Filter f = FilterLibrary.get(name);
        return f != null ? f : recorded("filter", name, line, start, (value, args, ctx) -> {
            throw missing("filter", name);
        });
    }

    /** The test named {@code name}, or one that fails when applied, as {@link #filter}. */
    Test test(String name, int line, int start) {
        Test t = TestLibrary.get(name);
        return t != null ? t : recorded("test", name, line, start, (value, args, ctx) -> {
            throw missing("test", name);
        });
    }

    /** Records an unknown name and returns {@code failing}, what stands in for it. */
    private <T> T recorded(String kind, String name, int line, int start, T failing) {
        uses.add(new Use(kind, name, line, start, uses.size(), soft));
        return failing;
    }

    /**
     * Fails with Jinja2's compile-time error for the first unknown name that is not deferred. Jinja2's code
     * generator checks a filter before the expression it filters, and an expression before the ones to its right,
     * so the first is the one whose input starts first, and of a chain ({@code x | a | b}) the outermost.
     */
    void check() {
        Use first = uses.stream().filter(u -> !u.soft)
                .min(Comparator.comparingInt(Use::start).thenComparing(Comparator.comparingInt(Use::order).reversed()))
                .orElse(null);
        uses.clear();
        if (first != null) {
            throw new TemplateSyntaxException("No " + first.kind + " named '" + first.name + "'.", first.line);
        }
    }

    /** The error of applying a name that was deferred to run time, as Jinja2 raises it. */
    private static TemplateRuntimeException missing(String kind, String name) {
        return new TemplateRuntimeException(io.chatprep.template.runtime.EngineException.Kind.RUNTIME,
                "TemplateRuntimeError: No " + kind + " named '" + name + "' found.");
    }
}
