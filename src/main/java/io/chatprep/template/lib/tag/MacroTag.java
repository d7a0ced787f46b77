package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.Expr;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.runtime.Macro;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code macro name(a, b=default) ... endmacro}. Recursion is allowed up to the render's depth cap. */
public final class MacroTag implements Tag {
    @Override
    public String name() {
        return "macro";
    }

    @Override
    public Node parse(Parser p, Token nameToken) {
        String name = p.expectIdentifier();
        List<ParamSpec> params = parseSignature(p);
        p.expectBlockEnd();
        int start = p.mark();
        Node[] body = p.subparse(Set.of("endmacro"));
        boolean varargs = p.sawName(start, "varargs");
        boolean kwargs = p.sawName(start, "kwargs");
        p.next();
        p.expectBlockEnd();
        return new MacroNode(name, params, body, varargs, kwargs);
    }

    record ParamSpec(String name, Expr defaultValue) {
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

    static List<Macro.Param> bind(List<ParamSpec> specs) {
        List<Macro.Param> out = new ArrayList<>();
        for (ParamSpec s : specs) {
            Expr d = s.defaultValue();
            out.add(new Macro.Param(s.name(), d == null ? null : d::eval));
        }
        return out;
    }

    record MacroNode(String name, List<ParamSpec> params, Node[] body, boolean varargs, boolean kwargs)
            implements Node {
        @Override
        public void render(Scope scope, Output out) {
            Macro macro = new Macro(name, bind(params), scope, s -> {
                Output buffer = s.ctx().newOutput();
                Node.renderAll(body, s, buffer);
                return buffer.toString();
            }, varargs, kwargs, null);
            scope.set(name, macro);
        }
    }
}
