package io.chatprep.template.lib.test;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** One Jinja2 test: {@code value is name(args)}. */
@FunctionalInterface
public interface Test {
    boolean test(Object value, CallArgs args, RenderContext ctx);
}
