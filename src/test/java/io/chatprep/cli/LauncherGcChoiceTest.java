package io.chatprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The collector scripts/chatprep adds to its JVM options (scripts/lib/gc-choice.sh), run as the launcher runs it. */
class LauncherGcChoiceTest {
    private static final Path SCRIPT = Path.of("scripts/lib/gc-choice.sh").toAbsolutePath();

    @Test
    void optionsThatNameACollectorKeepIt() throws Exception {
        for (String opts : List.of("-Xmx4g -XX:+UseG1GC", "-XX:+UseZGC", "-XX:+UseParallelGC -Xmx2g",
                "-Xmx1g -XX:+UseSerialGC -Xlog:gc")) {
            assertEquals("", gcChoice(opts), opts);
        }
    }

    @Test
    void otherwiseTheParallelCollectorOnOneOrTwoCoresOnly() throws Exception {
        int cores = Integer.parseInt(shell("nproc").trim());
        String expected = cores <= 2 ? "-XX:+UseParallelGC" : "";
        // A GC logging option is not a collector.
        for (String opts : List.of("", "-Xmx4g", "-Xmx2g -XX:+PrintGCDetails", "-Xlog:gc:file=gc.log")) {
            assertEquals(expected, gcChoice(opts), "'" + opts + "' on " + cores + " cores");
        }
    }

    private static String gcChoice(String opts) throws Exception {
        return shell(". \"$0\"; gc_choice \"$1\"", SCRIPT.toString(), opts).trim();
    }

    private static String shell(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("bash " + script + " failed: " + out);
        }
        return out;
    }
}
