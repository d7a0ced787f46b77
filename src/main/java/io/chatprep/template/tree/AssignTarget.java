package io.chatprep.template.tree;

import io.chatprep.template.runtime.EngineException;
import io.chatprep.template.runtime.Namespace;
import io.chatprep.template.runtime.Scope;
import io.chatprep.template.runtime.TemplateRuntimeException;
import io.chatprep.template.runtime.Values;
import java.util.List;

/** Left side of {@code set} / {@code for}: a name, {@code ns.attr}, or a tuple of targets. */
public sealed interface AssignTarget {
    void assign(Scope scope, Object value);

    /** The plain names this target binds, in order (a namespace attribute binds none). */
    List<String> boundNames();

    record ToName(String name) implements AssignTarget {
        @Override
        public void assign(Scope scope, Object value) {
            scope.set(name, value);
        }

        @Override
        public List<String> boundNames() {
            return List.of(name);
        }
    }

    record ToNamespace(String namespace, String attribute, int line) implements AssignTarget {
        @Override
        public void assign(Scope scope, Object value) {
            Object ns = scope.lookup(namespace);
            if (!(ns instanceof Namespace n)) {
                throw new TemplateRuntimeException(EngineException.Kind.RUNTIME,
                        "TemplateRuntimeError: cannot assign attribute on non-namespace object");
            }
            n.set(attribute, value);
        }

        @Override
        public List<String> boundNames() {
            return List.of();
        }
    }

    record ToTuple(List<AssignTarget> targets) implements AssignTarget {
        @Override
        public void assign(Scope scope, Object value) {
            List<Object> items = Values.iterate(value);
            if (items.size() != targets.size()) {
                throw TemplateRuntimeException.valueError(items.size() < targets.size()
                        ? "not enough values to unpack (expected " + targets.size() + ", got " + items.size() + ")"
                        : "too many values to unpack (expected " + targets.size() + ")");
            }
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).assign(scope, items.get(i));
            }
        }

        @Override
        public List<String> boundNames() {
            return targets.stream().flatMap(t -> t.boundNames().stream()).toList();
        }
    }
}
