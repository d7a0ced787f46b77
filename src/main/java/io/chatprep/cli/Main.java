package io.chatprep.cli;

import io.chatprep.job.StopSignal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code chatprep <command> [options]}: the single entry point of the jar. */
public final class Main {
    private static final List<Command> COMMANDS = List.of(
            new RenderCommand(),
            new TokenizeCommand(),
            new InspectCommand(),
            new TemplatesCommand(),
            new VerifyTemplateCommand(),
            new RunCommand(),
            new StatusCommand(),
            new ReportCommand());

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    /** Runs a command and returns its exit code; errors become one clear line on stderr. */
    public static int run(String[] argv) {
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command c : COMMANDS) {
            byName.put(c.name(), c);
        }
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
            printUsage(byName);
            return argv.length == 0 ? ExitCode.USAGE.code() : 0;
        }
        Command command = byName.get(argv[0]);
        if (command == null) {
            System.err.println("chatprep: unknown command '" + argv[0] + "'");
            printUsage(byName);
            return ExitCode.USAGE.code();
        }
        String[] rest = new String[argv.length - 1];
        System.arraycopy(argv, 1, rest, 0, rest.length);
        if (Args.asksForHelp(rest)) {
            System.out.println(command.usage());
            return 0;
        }
        try {
            Set<String> flags = command instanceof FlagOptions f ? f.flags() : Set.of();
            return command.run(Args.parse(rest, flags));
        } catch (UsageException e) {
            System.err.println("chatprep " + command.name() + ": " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (Exception | Error e) {
            if (StopSignal.stopping()) {
                // The run's stop line is printed by the shutdown; this exception is its echo.
                return ExitCode.FAILED.code();
            }
            System.err.println("chatprep " + command.name() + ": " + FailureMessage.of(e));
            if (System.getenv("CHATPREP_DEBUG") != null) {
                e.printStackTrace();
            }
            return ExitCode.of(e).code();
        }
    }

    private static void printUsage(Map<String, Command> byName) {
        System.err.println("usage: chatprep <command> [options]   (CHATPREP_DEBUG=1 prints stack traces)");
        System.err.println();
        for (Command c : byName.values()) {
            System.err.printf("  %-16s %s%n", c.name(), c.summary());
        }
        System.err.println();
        System.err.println(ExitCode.table());
    }
}
