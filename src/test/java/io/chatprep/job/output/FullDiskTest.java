package io.chatprep.job.output;

import io.chatprep.job.config.WriteMode;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hadoop's local filesystem reports a full disk as an Error (FSError), which escaped every handler and printed a
 * stack trace; writing the run's own files turns it into the one-line failure the caller reports.
 */
class FullDiskTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskIsAnIoFailureNamingTheFile() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "needs /dev/full, a device every write to fails with ENOSPC");
        OutputTarget target = OutputTarget.prepare(dir.resolve("out").toString(), WriteMode.ERROR_IF_EXISTS, false,
                List.of(), List.of(), new Configuration());
        try {
            Path staging = Path.of(target.staging().toUri());
            Files.createSymbolicLink(staging.resolve("report.html"), full);
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> target.writeText("report.html", "<html>" + "x".repeat(1 << 16)));
            assertTrue(e.getMessage().startsWith("cannot write report.html in "), e.getMessage());
            assertTrue(e.getMessage().endsWith(": No space left on device"), e.getMessage());
            assertEquals("No space left on device", e.getCause().getMessage());
        } finally {
            target.abort();
        }
    }
}
