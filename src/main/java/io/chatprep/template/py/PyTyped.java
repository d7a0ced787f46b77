package io.chatprep.template.py;

/**
 * A value from outside the value model (a template generator, namespace, loop) that still has a Python type
 * name, so the value layer's error messages name it as Python would ("object of type 'generator' has no len()").
 */
public interface PyTyped {
    String pyTypeName();
}
