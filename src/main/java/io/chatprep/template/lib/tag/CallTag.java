package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.Call;
import io.chatprep.template.expr.Expr;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.Macro;
import io.chatprep.template.runtime.Output;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code call[(params)] macro(args) ... endcall}: the body becomes the macro's {@code caller()}. */
public final class CallTag implements Tag {
    @Override
    public String name() {
        return "call";
    }

    @Override
    public Node parse(Parser p, Token nameToken) {
        List<MacroTag.ParamSpec> params = p.current().isOp("(") ? MacroTag.parseSignature(p) : List.of();
        Expr call = p.parseExpression();
        if (!(call instanceof Call c)) {
            throw p.fail("expected call");
        }
        p.expectBlockEnd();
        Node[] body = p.subparse(Set.of("endcall"));
        p.next();
        p.expectBlockEnd();
        return new CallNode(c, params, body);
    }

    record CallNode(Call call, List<MacroTag.ParamSpec> params, Node[] body) implements Node {
        @Override
        public void render(Scope scope, Output out) {
            Macro caller = new Macro("caller", MacroTag.bind(params), scope, s -> {
                Output buffer = s.ctx().newOutput();
                Node.renderAll(body, s, buffer);
                return buffer.toString();
            }, false, false, null);
            scope.ctx().at(call.line());
            Object f = call.function().eval(scope);
            if (!(f instanceof PyCallable fn)) {
                throw TemplateRuntimeException.typeError("'" + Values.typeName(f) + "' object is not callable");
            }
            CallArgs args = call.arguments().eval(scope);
            Map<String, Object> kw = new LinkedHashMap<>(args.keywords());
            kw.put("caller", caller);
            out.write(Values.str(fn.call(new CallArgs(args.positional(), kw), scope.ctx())));
        }
    }
}
