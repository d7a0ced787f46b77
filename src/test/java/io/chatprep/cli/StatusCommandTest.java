package io.chatprep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exit code of 'chatprep status' follows the manifest the run left, and only this run's manifest counts. */
class StatusCommandTest {
    @TempDir
    Path dir;

    private int status(Path output, String... extra) {
        java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of("status", "--output", output.toString(),
                "--input", dir.resolve("in.jsonl").toString(), "--tokenizer", dir.resolve("tok").toString()));
        argv.addAll(java.util.List.of(extra));
        return Main.run(argv.toArray(String[]::new));
    }

    private static void manifest(Path dir, String json) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("manifest.json"), json);
    }

    @Test
    void exitCodesFollowTheManifest() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(1, status(out), "no manifest: the run crashed");
        manifest(dir.resolve("out.rejected"), "{\"status\": \"failed\", \"failure\": \"9 of 10 rows quarantined\","
                + " \"run_id\": \"r1\"}");
        assertEquals(5, status(out), "kept as OUTPUT.rejected by the quality gate");
        assertEquals(5, status(out, "--run-id", "r1"));
        assertEquals(1, status(out, "--run-id", "r2"), "another run's rejected files");
        manifest(out, "{\"status\": \"succeeded\", \"counts\": {\"written\": 3}, \"run_id\": \"r2\"}");
        assertEquals(0, status(out, "--run-id", "r2"));
        assertEquals(1, status(out, "--run-id", "r3"), "an earlier run's output, not this run's");
    }
}
