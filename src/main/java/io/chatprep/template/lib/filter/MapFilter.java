package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.GeneratorValue;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code map(attribute=..., default=...)} or {@code map('filter', args...)}, lazily as a generator. */
public final class MapFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        Function<Object, Object> fn;
        if (args.positional().isEmpty() && args.keywords().containsKey("attribute")) {
            fn = FilterSupport.attrGetter(args.keywords().get("attribute"), ctx, args.keywords().get("default"));
        } else {
            if (args.positional().isEmpty()) {
                throw TemplateRuntimeException.typeError("map requires a filter argument");
            }
            String name = Values.str(args.positional().get(0));
            Filter f = FilterLibrary.get(name);
            if (f == null) {
                throw TemplateRuntimeException.typeError("No filter named '" + name + "'.");
            }
            CallArgs rest = new CallArgs(args.positional().subList(1, args.positional().size()),
                    args.keywords());
            fn = v -> f.apply(v, rest, ctx);
        }
        List<Object> out = new ArrayList<>();
        for (Object item : Values.iterate(value)) {
            out.add(fn.apply(item));
        }
        return new GeneratorValue(out, "generator");
    }
}
