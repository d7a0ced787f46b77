package io.chatprep.template.py;

/** Python's None. Java null stands for Jinja's Undefined, so None needs a value of its own. */
public final class PyNone {
    public static final PyNone NONE = new PyNone();

    private PyNone() {
    }

    @Override
    public String toString() {
        return "None";
    }
}
