package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;

/** One Jinja2 filter: {@code value | name(args)}. Implementations are stateless and shared. */
@FunctionalInterface
public interface Filter {
    Object apply(Object value, CallArgs args, RenderContext ctx);
}
