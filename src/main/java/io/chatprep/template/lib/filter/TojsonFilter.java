package io.chatprep.template.lib.filter;

import io.chatprep.template.py.PyJson;
import io.chatprep.template.py.PyNone;
import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.GeneratorValue;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * transformers' {@code tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)}: Python
 * {@code json.dumps}, non-ASCII kept, keys in insertion order.
 */
public final class TojsonFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("tojson", 4, Set.of("ensure_ascii", "indent", "separators", "sort_keys"));
        boolean ensureAscii = Values.truthy(args.get(0, "ensure_ascii", false));
        Object indent = args.get(1, "indent", PyNone.NONE);
        Object separators = args.get(2, "separators", PyNone.NONE);
        boolean sortKeys = Values.truthy(args.get(3, "sort_keys", false));
        checkSerializable(value);
        String itemSep = null;
        String keySep = null;
        if (separators instanceof List<?> seps && seps.size() == 2) {
            itemSep = Values.str(seps.get(0));
            keySep = Values.str(seps.get(1));
        }
        String out = PyJson.dumps(value, indent == PyNone.NONE ? null : indent, itemSep, keySep, sortKeys, ensureAscii);
        ctx.checkStringSize(out.length());
        return out;
    }

    private static void checkSerializable(Object v) {
        if (v == null) {
            throw TemplateRuntimeException.typeError("Object of type Undefined is not JSON serializable");
        }
        if (v instanceof GeneratorValue || v instanceof io.chatprep.template.runtime.Namespace
                || v instanceof io.chatprep.template.runtime.PyCallable
                || v instanceof io.chatprep.template.runtime.LoopState) {
            throw TemplateRuntimeException.typeError("Object of type " + Values.typeName(v) + " is not JSON serializable");
        }
        if (v instanceof List<?> l) {
            for (Object o : l) {
                checkSerializable(o);
            }
        } else if (v instanceof Map<?, ?> m) {
            for (Object o : m.values()) {
                checkSerializable(o);
            }
        }
    }
}
