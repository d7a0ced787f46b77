package io.chatprep.template.lib.fn;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.Sandbox;
import io.chatprep.template.runtime.UnsafeUndefined;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code dict(mapping_or_pairs?, **kwargs)}. */
public final class DictFunction implements PyCallable, Sandbox.Typed {
    @Override
    public Object call(CallArgs callArgs, RenderContext ctx) {
        CallArgs args = UnsafeUndefined.plain(callArgs);
        Map<Object, Object> out = new LinkedHashMap<>();
        if (!args.positional().isEmpty()) {
            Object src = args.positional().get(0);
            if (src instanceof Map<?, ?> m) {
                out.putAll(m);
            } else {
                for (Object pair : Values.iterate(src)) {
                    List<Object> kv = Values.iterate(pair);
                    out.put(kv.get(0), kv.get(1));
                }
            }
        }
        out.putAll(args.keywords());
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String sandboxKind() {
        return "class:dict";
    }

    @Override
    public String toString() {
        return "<class 'dict'>";
    }
}
