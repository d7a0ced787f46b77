package io.chatprep.template.py;

import java.util.List;
import java.util.Map;

/**
 * A method looked up on a value ({@code 'a b'.split}), callable later with the call's arguments. Mutating
 * methods of lists and dicts are looked up too but raise SecurityError when called, as in Jinja2's immutable
 * sandbox.
 */
public final class PyMethod {
    private final Object self;
    private final String name;

    PyMethod(Object self, String name) {
        this.self = self;
        this.name = name;
    }

    public Object self() {
        return self;
    }

    public String name() {
        return name;
    }

    public Object call(List<Object> args, Map<String, Object> kwargs) {
        return PyMethods.call(self, name, args, kwargs);
    }

    @Override
    public String toString() {
        return "<built-in method " + name + " of " + PyTypes.typeName(self) + " object>";
    }
}
