package io.chatprep.template.lib.filter;

import io.chatprep.template.runtime.CallArgs;
import io.chatprep.template.runtime.RenderContext;
import io.chatprep.template.runtime.Text;
import io.chatprep.template.runtime.Values;
import java.util.List;
import java.util.Set;

/** {@code indent(width=4, first=False, blank=False)}, with Jinja2 3.1's splitlines behaviour. */
public final class IndentFilter implements Filter {
    @Override
    public Object apply(Object value, CallArgs args, RenderContext ctx) {
        args.check("indent", 3, Set.of("width", "first", "blank"));
        Object w = args.get(0, "width", 4L);
        String indention;
        if (w instanceof String s) {
            indention = s;
        } else {
            long width = ((Number) w).longValue();
            ctx.checkStringSize(width);
            indention = " ".repeat((int) Math.max(width, 0));
        }
        boolean first = Values.truthy(args.get(1, "first", false));
        boolean blank = Values.truthy(args.get(2, "blank", false));
        List<String> lines = Text.splitlines(Values.str(value) + "\n");
        StringBuilder rv = new StringBuilder();
        if (blank) {
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    rv.append('\n').append(indention);
                }
                rv.append(lines.get(i));
            }
        } else {
            rv.append(lines.get(0));
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                rv.append('\n');
                if (!line.isEmpty()) {
                    rv.append(indention);
                }
                rv.append(line);
                ctx.checkStringSize(rv.length());
            }
        }
        return first ? indention + rv : rv.toString();
    }
}
