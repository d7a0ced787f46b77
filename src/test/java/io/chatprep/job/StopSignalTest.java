package io.chatprep.job;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM in the middle of a run, as a scheduler or Ctrl-C sends it: the staging directory is removed, the output
 * left as it was, and standard error holds one line saying so, none of Spark's stack traces of its own shutdown.
 */
@Tag("spark")
class StopSignalTest {
    @TempDir
    Path dir;

    @Test
    void aStoppedRunCleansUpAndSaysSoInOneLine() throws Exception {
        Path input = dir.resolve("rows.jsonl");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            rows.append(Files.readString(JobTestSupport.MIXED));
        }
        Files.writeString(input, rows);
        Path tokenizer = Files.createDirectories(dir.resolve("tokenizer"));
        Files.writeString(tokenizer.resolve("tokenizer.json"), "{}");
        Path template = dir.resolve("marked.jinja");
        Files.writeString(template,
                "{% for m in messages %}{% generation %}{{ m.content }}{% endgeneration %}{% endfor %}");
        Path out = dir.resolve("out");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-D")).toList());
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), StoppedRun.class.getName(),
                input.toString(), out.toString(), template.toString(), tokenizer.toString()));
        Path stderr = dir.resolve("stderr.txt");
        Process run = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (staging().isEmpty() || !Files.exists(staging().get().resolve(".chatprep-run.json"))) {
                assertTrue(run.isAlive(), "the run ended before it could be stopped: " + Files.readString(stderr));
                assertTrue(System.nanoTime() < deadline, "no staging directory appeared");
                Thread.sleep(100);
            }
            Thread.sleep(1500);
            assertTrue(run.isAlive(), "the run must still be encoding when stopped");
            run.destroy();
            assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        } finally {
            run.destroyForcibly();
        }

        assertEquals(143, run.exitValue());
        List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.matches("(\\d\\d/\\d\\d/\\d\\d )?\\d\\d:\\d\\d:\\d\\d WARN .*")).toList(); // logged while it ran
        assertEquals(List.of("chatprep run: stopped by a signal before it finished; " + out + " was left as it was "
                + "(what the run had staged beside it was removed)"), lines);
        assertFalse(Files.exists(out));
        assertEquals(Optional.empty(), staging());
    }

    private Optional<Path> staging() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".out.chatprep-")).findFirst();
        }
    }
}
