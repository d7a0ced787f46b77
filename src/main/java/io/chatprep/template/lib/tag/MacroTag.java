package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import io.chatprep.template.expr.Expr;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.runtime.Macro;
import io.chatprep.template.tree.Frame;
import java.util.ArrayList;
import java.util.List;

/** {@code macro name(a, b=default) ... endmacro}. Recursion is allowed up to the render's depth cap. */
public final class MacroTag extends ChatTag<MacroTag.Header> {
    private static final long serialVersionUID = 1L;

    /** One parameter with its default expression (evaluated at call time, as Jinja2 does). */
    public record ParamSpec(String name, Expr defaultValue) {
    }

    /** Name, parameters, body and its frame, and whether the body reads varargs, kwargs, caller. */
    public record Header(String name, List<ParamSpec> params, List<Node> body, Frame frame, boolean varargs,
            boolean kwargs, boolean caller) {
    }

    @Override
    public String getName() {
        return "macro";
    }

    @Override
    public String getEndTagName() {
        return "endmacro";
    }

    @Override
    public Header compile(TagNode node, Parser p, TreeCompiler compiler) {
        String name = p.expectIdentifier();
        p.setSoft(false); // defaults belong to the macro's own frame
        List<ParamSpec> params = parseSignature(p);
        p.expectBlockEnd();
        compiler.frame().store(name);
        List<Node> body = node.getChildren();
        return new Header(name, params, body, compiler.compileFrame(body, parameters(params, p)),
                TreeCompiler.mentions(body, "varargs"), TreeCompiler.mentions(body, "kwargs"),
                TreeCompiler.mentions(body, "caller"));
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

    @Override
    protected void render(TagNode node, Header h, RenderSession s) {
        List<Node> body = h.body();
        Frame frame = h.frame();
        Macro macro = new Macro(h.name(), bind(h.params()), s.scope(), scope -> {
            scope.bindUndefined(frame);
            return RenderSession.current().renderToString(body, scope);
        }, h.varargs(), h.kwargs(), h.caller());
        s.scope().set(h.name(), macro);
    }
}
