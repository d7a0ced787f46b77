package io.chatprep.template.tree;

/** Thrown by {@code break} / {@code continue} and caught by the innermost loop. */
public final class LoopControl extends RuntimeException {
    public static final LoopControl BREAK = new LoopControl("break");
    public static final LoopControl CONTINUE = new LoopControl("continue");

    private LoopControl(String what) {
        super(what, null, false, false);
    }
}
