package io.chatprep.template.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A macro (or a {@code call} block's {@code caller}) bound to the scope it was defined in. */
public final class Macro implements PyCallable, Sandbox.Typed {
    /** Renders a macro body in a prepared scope and returns its text. */
    @FunctionalInterface
    public interface Body {
        String render(Scope scope);
    }

    /** One parameter; {@code defaultValue} is evaluated at call time, as Jinja2 does. */
    public record Param(String name, java.util.function.Function<Scope, Object> defaultValue) {
    }

    private final String name;
    private final List<Param> params;
    private final Scope definedIn;
    private final Body body;
    private final boolean catchVarargs;
    private final boolean catchKwargs;
    private final boolean usesCaller;

    /** {@code catchVarargs}, {@code catchKwargs}, {@code usesCaller}: the body reads varargs, kwargs, caller. */
    public Macro(String name, List<Param> params, Scope definedIn, Body body, boolean catchVarargs,
            boolean catchKwargs, boolean usesCaller) {
        this.name = name;
        this.params = params;
        this.definedIn = definedIn;
        this.body = body;
        this.catchVarargs = catchVarargs;
        this.catchKwargs = catchKwargs;
        this.usesCaller = usesCaller;
    }

    public String name() {
        return name;
    }

    Scope definedIn() {
        return definedIn;
    }

    /** The Python attributes of Jinja2's Macro a template can read; anything else is Undefined. */
    public Object attribute(String attribute) {
        return switch (attribute) {
            case "name" -> name;
            case "arguments" -> io.chatprep.template.py.PyTuple.copyOf(
                    params.stream().map(p -> (Object) p.name()).toList());
            case "catch_kwargs" -> catchKwargs;
            case "catch_varargs" -> catchVarargs;
            case "caller" -> usesCaller;
            case "explicit_caller" -> params.stream().anyMatch(p -> p.name().equals("caller"));
            default -> null;
        };
    }

    @Override
    public String sandboxKind() {
        return "Macro";
    }

    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        Scope scope = definedIn.child();
        List<Object> pos = args.positional();
        Map<String, Object> kw = new LinkedHashMap<>(args.keywords());
        PyCallable callerArg = null;
        Object kwCaller = kw.remove("caller");
        if (kwCaller instanceof PyCallable pc) {
            callerArg = pc;
        }
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            Object v;
            if (i < pos.size()) {
                v = pos.get(i);
                if (kw.containsKey(p.name())) {
                    throw TemplateRuntimeException.typeError("macro '" + name + "' got multiple values for argument '"
                            + p.name() + "'");
                }
            } else if (kw.containsKey(p.name())) {
                v = kw.remove(p.name());
            } else if (p.defaultValue() != null) {
                v = p.defaultValue().apply(scope);
            } else {
                v = null; // Jinja2 leaves a missing macro argument Undefined
            }
            scope.set(p.name(), v);
        }
        if (pos.size() > params.size()) {
            if (!catchVarargs) {
                throw TemplateRuntimeException.typeError("macro '" + name + "' takes not more than " + params.size()
                        + " argument(s)");
            }
            scope.set("varargs", io.chatprep.template.py.PyTuple.copyOf(new ArrayList<>(pos.subList(params.size(), pos.size()))));
        } else if (catchVarargs) {
            scope.set("varargs", io.chatprep.template.py.PyTuple.EMPTY);
        }
        if (!kw.isEmpty() && !catchKwargs) {
            throw TemplateRuntimeException.typeError("macro '" + name + "' takes no keyword argument '"
                    + kw.keySet().iterator().next() + "'");
        }
        if (catchKwargs) {
            scope.set("kwargs", java.util.Collections.unmodifiableMap(kw));
        }
        if (callerArg != null) {
            scope.set("caller", callerArg);
        }
        ctx.enterMacro(name);
        try {
            return body.render(scope);
        } finally {
            ctx.exitMacro();
        }
    }

    @Override
    public String toString() {
        return "<Macro '" + name + "'>";
    }
}
