package io.chatprep.template.lib.fn;

import java.util.Map;

/** The globals of transformers' environment: Jinja2's defaults plus raise_exception and strftime_now. */
public final class FunctionLibrary {
    private static final Map<String, Object> GLOBALS = Map.of(
            "raise_exception", new RaiseException(),
            "strftime_now", new StrftimeNow(),
            "range", new RangeFunction(),
            "namespace", new NamespaceFunction(),
            "dict", new DictFunction(),
            "cycler", new CyclerFunction(),
            "joiner", new JoinerFunction());

    private FunctionLibrary() {
    }

    public static Map<String, Object> globals() {
        return GLOBALS;
    }
}
