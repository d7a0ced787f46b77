package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyNone;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Text;
import io.chatprep.template.runtime.Values;
import java.util.Set;

/** {@code trim(chars=None)}: Python {@code str.strip}. */
public final class TrimFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("trim", 1, Set.of("chars"));
        Object chars = args.get(0, "chars", PyNone.NONE);
        return Text.strip(Values.str(value), chars, true, true);
    }
}
