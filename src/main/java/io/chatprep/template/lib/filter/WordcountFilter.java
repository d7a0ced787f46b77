package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Values;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code wordcount}: runs of word characters, as Jinja2's {@code \w+}. */
public final class WordcountFilter implements Filter {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("wordcount", 0, Set.of());
        Matcher m = WORD.matcher(Values.str(value));
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
