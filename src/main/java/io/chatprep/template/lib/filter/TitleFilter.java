package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Text;
import io.chatprep.template.runtime.Values;
import java.util.Set;

/** {@code title}: Jinja2 capitalises each piece between runs of whitespace, dashes and opening brackets. */
public final class TitleFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("title", 0, Set.of());
        String s = Values.str(value);
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || "-({[<".indexOf(cp) >= 0) {
                sb.appendCodePoint(cp);
                start = true;
            } else {
                sb.append(start ? Text.upper(new String(Character.toChars(cp)))
                        : Text.lower(new String(Character.toChars(cp))));
                start = false;
            }
        }
        return sb.toString();
    }
}
