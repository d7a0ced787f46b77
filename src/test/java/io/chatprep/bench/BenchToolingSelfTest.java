package io.chatprep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The benchmark scripts' arithmetic (scripts/reference/selftest_bench.py, standard-library Python) run with the
 * suite, so a change to how the benchmarks compute their ratios and targets is checked where every change is.
 */
class BenchToolingSelfTest {
    private static final Path SELFTEST = Path.of("scripts/reference/selftest_bench.py").toAbsolutePath();

    @Test
    void benchmarkArithmeticMatchesHandWorkedFigures() throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed; the benchmarks need it too");
        Process p = new ProcessBuilder("python3", SELFTEST.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("selftest_bench.py did not finish in 60 s:\n" + out);
        }
        assertEquals(0, p.exitValue(), out);
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
