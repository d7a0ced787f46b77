package io.chatprep.template.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import io.chatprep.template.lib.test.Test;
import io.chatprep.template.runtime.CallArgs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One engine test registered, under one of its Jinja2 names, in Jinjava's expression-test library. Templates
 * reach tests only through these registrations.
 */
public final class JinjavaTest implements ExpTest {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final transient Test test;

    public JinjavaTest(String name, Test test) {
        this.name = name;
        this.test = test;
    }

    @Override
    public String getName() {
        return name;
    }

    public Test test() {
        return test;
    }

    @Override
    public boolean evaluate(Object value, JinjavaInterpreter interpreter, Object... args) {
        List<Object> positional = args == null ? List.of() : Arrays.asList(args);
        return test.test(value, new CallArgs(positional, Map.of()), RenderSession.current().ctx());
    }
}
