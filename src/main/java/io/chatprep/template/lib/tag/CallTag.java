package io.chatprep.template.lib.tag;

import io.chatprep.template.expr.Call;
import io.chatprep.template.expr.Expr;
import io.chatprep.template.parse.Markup;
import io.chatprep.template.parse.Parser;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.Macro;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.UnsafeUndefined;
import io.chatprep.template.runtime.Values;
import io.chatprep.template.tree.Body;
import io.chatprep.template.tree.Renderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code call[(params)] macro(args) ... endcall}: the body becomes the macro's {@code caller()}. */
public final class CallTag extends ChatTag<CallTag.Compiled> {
    /** The macro call, the caller's parameters and body. */
    public record Compiled(Call call, List<MacroTag.ParamSpec> params, Body body) {
    }

    @Override
    public String name() {
        return "call";
    }

    @Override
    public String endName() {
        return "endcall";
    }

    @Override
    protected Compiled compile(Markup.Tag tag, Parser p, TagCompiler compiler) {
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
        return new Compiled(c, params, compiler.compileFrame(tag.children(), parameters));
    }

    @Override
    protected void render(Compiled c, Renderer r) {
        Macro caller = new Macro("caller", MacroTag.bind(c.params()), r.scope(), MacroTag.body(c.body(), r), false,
                false, false);
        r.ctx().at(c.call().line());
        Object f = c.call().function().eval(r.scope());
        if (f instanceof UnsafeUndefined u) {
            throw u.error();
        }
        if (f == null) {
            throw TemplateRuntimeException.undefined("'" + c.call().function().describe() + "' is undefined");
        }
        if (!(f instanceof PyCallable fn)) {
            throw TemplateRuntimeException.typeError("'" + Values.typeName(f) + "' object is not callable");
        }
        CallArgs args = c.call().arguments().eval(r.scope());
        Map<String, Object> kw = new LinkedHashMap<>(args.keywords());
        kw.put("caller", caller);
        r.out().write(Values.str(fn.call(new CallArgs(args.positional(), kw), r.ctx())));
    }
}
