package io.chatprep.template.parse;

import io.chatprep.template.runtime.EngineException;

/** A template that cannot be parsed; the message names the template line. */
public final class TemplateSyntaxException extends EngineException {
    public TemplateSyntaxException(String message, int line) {
        super(Kind.SYNTAX, message + " (template line " + line + ")");
    }
}
