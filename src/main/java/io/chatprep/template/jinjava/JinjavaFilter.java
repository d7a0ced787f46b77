package io.chatprep.template.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import io.chatprep.template.lib.filter.Filter;
import io.chatprep.template.runtime.CallArgs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One engine filter registered, under one of its Jinja2 names, in Jinjava's filter library. Templates reach
 * filters only through these registrations; Jinjava's own filters stay unreachable.
 */
public final class JinjavaFilter implements com.hubspot.jinjava.lib.filter.Filter {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final transient Filter filter;

    public JinjavaFilter(String name, Filter filter) {
        this.name = name;
        this.filter = filter;
    }

    @Override
    public String getName() {
        return name;
    }

    public Filter filter() {
        return filter;
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        return filter(value, interpreter, (Object[]) args, Map.of());
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        List<Object> positional = args == null ? List.of() : Arrays.asList(args);
        return filter.apply(value, new CallArgs(positional, kwargs == null ? Map.of() : kwargs),
                RenderSession.current().ctx());
    }
}
