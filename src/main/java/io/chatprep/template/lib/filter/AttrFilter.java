package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.Attributes;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.Set;

/** {@code attr(name)}: attribute lookup only (the sandbox's resolver). */
public final class AttrFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("attr", 1, Set.of("name"));
        return Attributes.getAttr(value, Values.str(args.get(0, "name", "")), ctx);
    }
}
