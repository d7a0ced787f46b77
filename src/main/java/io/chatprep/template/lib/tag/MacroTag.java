package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.runtime.Macro;
import io.chatprep.template.tree.Body;
import io.chatprep.template.tree.Renderer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code macro name(a, b=default) ... endmacro}. Recursion is allowed up to the render's depth cap. */
public final class MacroTag extends ChatTag<MacroTag.Compiled> {
    /** One parameter with its default expression (evaluated at call time, as Jinja2 does). */
    public record ParamSpec(String name, Expr defaultValue) {
    }

    /** Name, parameters, body, and whether the body reads varargs, kwargs, caller. */
    public record Compiled(String name, List<ParamSpec> params, Body body, boolean varargs, boolean kwargs,
            boolean caller) {
    }

    @Override
    public String name() {
        return "macro";
    }

    @Override
    public String endName() {
        return "endmacro";
    }

    @Override
    protected Compiled compile(Markup.Tag tag, Parser p, TagCompiler compiler) {
        String name = p.expectIdentifier();
        p.setSoft(false); // defaults belong to the macro's own frame
        List<ParamSpec> params = parseSignature(p);
        p.expectBlockEnd();
        compiler.frame().store(name);
        List<Markup> body = tag.children();
        return new Compiled(name, params, compiler.compileFrame(body, parameters(params, p)), mentions(body, "varargs"),
                mentions(body, "kwargs"), mentions(body, "caller"));
    }

    static List<ParamSpec> parseSignature(Parser p) {
        List<ParamSpec> params = new ArrayList<>();
        p.expectOp("(");
        while (!p.current().isOp(")")) {
            if (!params.isEmpty()) {
                p.expectOp(",");
                if (p.current().isOp(")")) {
                    break;
                }
            }
            String arg = p.expectIdentifier();
            Expr dflt = p.skipOp("=") ? p.parseExpression() : null;
            params.add(new ParamSpec(arg, dflt));
        }
        p.expectOp(")");
        return params;
    }

    /** What a macro or caller frame binds itself: its parameters, the names its defaults read, the specials. */
    static List<String> parameters(List<ParamSpec> params, Parser p) {
        List<String> names = new ArrayList<>(p.takeLoads());
        params.forEach(s -> names.add(s.name()));
        names.addAll(List.of("caller", "varargs", "kwargs"));
        return names;
    }

    static List<Macro.Param> bind(List<ParamSpec> specs) {
        List<Macro.Param> out = new ArrayList<>();
        for (ParamSpec s : specs) {
            Expr d = s.defaultValue();
            out.add(new Macro.Param(s.name(), d == null ? null : d::eval));
        }
        return out;
    }

    /**
     * The body of a macro or caller, run in the scope of one call: the frame's own names are Undefined, and the text
     * is rendered by the render the macro was defined in (a macro never outlives its render).
     */
    static Macro.Body body(Body body, Renderer r) {
        return scope -> {
            scope.bindUndefined(body.frame().ownUndefined());
            return r.renderToString(body.nodes(), scope);
        };
    }

    /**
     * Whether any print statement or tag header under {@code body} mentions {@code name} as a word (how Jinja2
     * decides that a macro takes varargs or kwargs, or uses caller).
     */
    static boolean mentions(List<Markup> body, String name) {
        Pattern word = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
        for (Markup m : body) {
            if (m instanceof Markup.Print print && word.matcher(print.text()).find()) {
                return true;
            }
            if (m instanceof Markup.Tag t && (word.matcher(t.text()).find() || mentions(t.children(), name))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void render(Compiled c, Renderer r) {
        Macro macro = new Macro(c.name(), bind(c.params()), r.scope(), body(c.body(), r), c.varargs(), c.kwargs(),
                c.caller());
        r.scope().set(c.name(), macro);
    }
}
