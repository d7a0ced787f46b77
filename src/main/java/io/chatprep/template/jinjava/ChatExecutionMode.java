package io.chatprep.template.jinjava;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.mode.ExecutionMode;

/** Jinjava execution mode of chat templates: print nodes use {@link PythonExpressionStrategy}. */
public final class ChatExecutionMode implements ExecutionMode {
    static final PythonExpressionStrategy STRATEGY = new PythonExpressionStrategy();

    @Override
    public void prepareContext(Context context) {
        context.setExpressionStrategy(STRATEGY);
    }
}
