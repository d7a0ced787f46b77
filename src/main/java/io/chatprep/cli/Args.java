package io.chatprep.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GNU-style arguments: {@code --name value}, {@code --name=value}, bare {@code --flag}, and positionals.
 * Options may repeat ({@code --set a=1 --set b=2}). Unknown options are reported by {@link #rejectUnknown}.
 */
public final class Args {
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    private Args() {
    }

    /** @param flags option names that never take a value */
    public static Args parse(String[] argv, Set<String> flags) {
        Args args = new Args();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (flags.contains(name)) {
                    value = "true";
                } else if (i + 1 < argv.length) {
                    value = argv[++i];
                } else {
                    throw new UsageException("option --" + name + " needs a value");
                }
                args.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                args.positionals.add(a);
            }
        }
        return args;
    }

    public String get(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    public String get(String name, String fallback) {
        String v = get(name);
        return v == null ? fallback : v;
    }

    public String require(String name) {
        String v = get(name);
        if (v == null) {
            throw new UsageException("missing required option --" + name);
        }
        return v;
    }

    public boolean flag(String name) {
        String v = get(name);
        return v != null && !v.equals("false");
    }

    public List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    public List<String> positionals() {
        return positionals;
    }

    public Set<String> names() {
        return options.keySet();
    }

    /** Fails on any option not in {@code known} and on any positional argument, naming it: typos never pass silently. */
    public void rejectUnknown(Set<String> known) {
        rejectUnknown(known, 0);
    }

    /** As {@link #rejectUnknown(Set)}, for a command that takes up to {@code positionalsTaken} positional arguments. */
    public void rejectUnknown(Set<String> known, int positionalsTaken) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name + " (known: --" + String.join(", --", known) + ")");
            }
        }
        if (positionals.size() > positionalsTaken) {
            throw new UsageException("unexpected argument '" + positionals.get(positionalsTaken)
                    + "' (options start with --)");
        }
    }

    /** Whether {@code --help} or {@code -h} is among the arguments (checked before they are parsed). */
    static boolean asksForHelp(String[] argv) {
        for (String a : argv) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }
}
