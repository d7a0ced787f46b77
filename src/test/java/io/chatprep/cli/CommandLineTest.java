package io.chatprep.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every command does with --help and with arguments it does not take, before doing any work. */
class CommandLineTest {
    private static final List<String> COMMANDS = List.of("render", "tokenize", "inspect", "templates",
            "verify-template", "run", "report");

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome main(String... argv) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(argv);
            return new Outcome(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void everyCommandPrintsItsUsageForHelp() {
        for (String command : COMMANDS) {
            for (String help : List.of("--help", "-h")) {
                // Wherever it stands, and whatever else is there: nothing runs.
                Outcome r = main(command, "--tokenizer", "/nowhere", help);
                assertEquals(0, r.code(), command + " " + help + ": " + r.err());
                assertTrue(r.out().startsWith("usage: chatprep " + command + " "), command + ": " + r.out());
                assertEquals("", r.err(), command);
            }
        }
    }

    @Test
    void aStrayArgumentIsNamedInsteadOfIgnored() {
        for (String command : List.of("render", "tokenize", "inspect", "templates", "verify-template", "run")) {
            Outcome r = main(command, "my_template.jinja");
            assertEquals(2, r.code(), command + ": " + r.err());
            assertTrue(r.err().contains("unexpected argument 'my_template.jinja' (options start with --)"),
                    command + ": " + r.err());
        }
        Outcome report = main("report", "out-a", "out-b");
        assertEquals(2, report.code(), report.err());
        assertTrue(report.err().contains("unexpected argument 'out-b'"), report.err());
    }
}
