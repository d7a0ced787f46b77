package io.chatprep.template.lib.tag;

import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import io.chatprep.template.expr.Call;
import io.chatprep.template.expr.Expr;
import io.chatprep.template.jinjava.RenderSession;
import io.chatprep.template.jinjava.TreeCompiler;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.Macro;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.UnsafeUndefined;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.Frame;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code call[(params)] macro(args) ... endcall}: the body becomes the macro's {@code caller()}. */
public final class CallTag extends ChatTag<CallTag.Header> {
    private static final long serialVersionUID = 1L;

    /** The macro call, the caller's parameters, body and frame. */
    public record Header(Call call, List<MacroTag.ParamSpec> params, List<Node> body, Frame frame) {
    }

    @Override
    public String getName() {
        return "call";
    }

    @Override
    public String getEndTagName() {
        return "endcall";
    }

    @Override
    public Header compile(TagNode node, Parser p, TreeCompiler compiler) {
        boolean outer = p.soft();
        p.setSoft(false); // the caller's defaults belong to its own frame, the call to the enclosing one
        List<MacroTag.ParamSpec> params = p.current().isOp("(") ? MacroTag.parseSignature(p) : List.of();
        List<String> parameters = MacroTag.parameters(params, p);
        p.setSoft(outer);
        Expr call = p.parseExpression();
        if (!(call instanceof Call c)) {
            throw p.fail("expected call");
        }
        p.expectBlockEnd();
        compiler.frame().loadAll(p.takeLoads());
        return new Header(c, params, node.getChildren(), compiler.compileFrame(node.getChildren(), parameters));
    }

    @Override
    protected void render(TagNode node, Header h, RenderSession s) {
        List<Node> body = h.body();
        Frame frame = h.frame();
        Macro caller = new Macro("caller", MacroTag.bind(h.params()), s.scope(), scope -> {
            scope.bindUndefined(frame);
            return RenderSession.current().renderToString(body, scope);
        }, false, false, false);
        s.ctx().at(h.call().line());
        Object f = h.call().function().eval(s.scope());
        if (f instanceof UnsafeUndefined u) {
            throw u.error();
        }
        if (f == null) {
            throw TemplateRuntimeException.undefined("'" + h.call().function().describe() + "' is undefined");
        }
        if (!(f instanceof PyCallable fn)) {
            throw TemplateRuntimeException.typeError("'" + Values.typeName(f) + "' object is not callable");
        }
        CallArgs args = h.call().arguments().eval(s.scope());
        Map<String, Object> kw = new LinkedHashMap<>(args.keywords());
        kw.put("caller", caller);
        s.out().write(Values.str(fn.call(new CallArgs(args.positional(), kw), s.ctx())));
    }
}
