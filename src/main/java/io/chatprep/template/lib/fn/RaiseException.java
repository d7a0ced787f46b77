package io.chatprep.template.lib.fn;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.EngineException;
import io.chatprep.template.runtime.PyCallable;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;

/** transformers' {@code raise_exception(message)}: the template refuses its input. */
public final class RaiseException implements PyCallable {
    @Override
    public Object call(CallArgs args, RenderContext ctx) {
        throw new EngineException(EngineException.Kind.RAISED, Values.str(args.get(0, "message", "")));
    }

    @Override
    public String toString() {
        return "<function raise_exception>";
    }
}
