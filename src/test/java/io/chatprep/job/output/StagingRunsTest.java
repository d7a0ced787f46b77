package io.chatprep.job.output;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a killed run leaves beside its output is removed by the next run, and a live run's staging never is. */
class StagingRunsTest {
    @TempDir
    java.nio.file.Path dir;

    private static final Instant NOW = Instant.now();

    private java.nio.file.Path staging(String name, String marker) throws Exception {
        java.nio.file.Path d = Files.createDirectories(dir.resolve(name));
        Files.write(d.resolve("part-00000.parquet"), new byte[4096]);
        if (marker != null) {
            Files.writeString(d.resolve(StagingRuns.MARKER), marker);
        }
        return d;
    }

    private static String marker(String host, long pid, Instant beat) {
        return "{\"host\": \"" + host + "\", \"pid\": " + pid + ", \"started_at\": \"" + beat + "\", \"heartbeat_at\": \""
                + beat + "\"}";
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void deadRunsAreRemovedAndLiveOnesKept() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        long self = ProcessHandle.current().pid();
        staging(".out.chatprep-dead-pid", marker(host, deadPid(), NOW));
        staging(".out.chatprep-silent", marker("another-host", 1, NOW.minus(Duration.ofMinutes(11))));
        staging(".out.chatprep-live", marker(host, self, NOW));
        staging(".out.chatprep-live-elsewhere", marker("another-host", 1, NOW.minus(Duration.ofMinutes(2))));
        java.nio.file.Path unmarkedOld = staging(".out.chatprep-unmarked-old", null);
        Files.setLastModifiedTime(unmarkedOld, FileTime.from(NOW.minus(Duration.ofHours(1))));
        staging(".out.chatprep-unmarked-new", null);
        staging(".other.chatprep-dead", marker(host, deadPid(), NOW));

        FileSystem fs = FileSystem.getLocal(new Configuration());
        List<StagingRuns.Removed> removed = StagingRuns.removeDead(fs, new Path(dir.resolve("out").toUri()), NOW);

        assertEquals(List.of(".out.chatprep-dead-pid", ".out.chatprep-silent", ".out.chatprep-unmarked-old"),
                removed.stream().map(r -> r.path().getName()).sorted().toList());
        assertTrue(removed.stream().allMatch(r -> r.bytes() >= 4096), removed.toString());
        assertTrue(removed.stream().anyMatch(r -> r.why().contains("has ended")), removed.toString());
        assertEquals(List.of(".other.chatprep-dead", ".out.chatprep-live", ".out.chatprep-live-elsewhere",
                ".out.chatprep-unmarked-new"), names());
    }

    @Test
    void anOldOutputIsKeptUntilItsReplacementIsInPlace() throws Exception {
        staging(".out.chatprep-old-1", null);
        FileSystem fs = FileSystem.getLocal(new Configuration());
        Path target = new Path(dir.resolve("out").toUri());
        // The run stopped between moving the old output aside and moving the new one in: the old one is all there is.
        assertEquals(List.of(), StagingRuns.removeDead(fs, target, NOW.plus(Duration.ofDays(1))));
        Files.createDirectories(dir.resolve("out"));
        assertEquals(1, StagingRuns.removeDead(fs, target, NOW).size());
        assertEquals(List.of("out"), names());
    }

    @Test
    void aRunsMarkerIsRenewedAndRemovedWithItsHeartbeat() throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        java.nio.file.Path d = Files.createDirectories(dir.resolve(".out.chatprep-mine"));
        AutoCloseable beat = StagingRuns.startHeartbeat(fs, new Path(d.toUri()));
        String marker = Files.readString(d.resolve(StagingRuns.MARKER));
        assertTrue(marker.contains("\"pid\":" + ProcessHandle.current().pid()), marker);
        assertEquals(null, StagingRuns.deadBecause(fs, fs.getFileStatus(new Path(d.toUri())), NOW));
        beat.close();
        assertFalse(Files.exists(d.resolve(StagingRuns.MARKER)));
    }

    private List<String> names() throws Exception {
        try (Stream<java.nio.file.Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
