package io.chatprep.job.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which staging directories beside an output belong to runs that are still alive. Each run keeps a marker in its
 * staging directory (host, process id, a heartbeat renewed every {@link #HEARTBEAT}); a later run on the same target
 * removes the staging directories of runs that are gone: on the same host when their process no longer exists,
 * anywhere when their heartbeat is older than {@link #STALE_AFTER}. A live concurrent run's directory is never
 * touched. Without this, every killed run leaves its partial output (tens of MB and more) behind for good.
 */
public final class StagingRuns {
    static final String MARKER = ".chatprep-run.json";
    static final String STAGING_INFIX = ".chatprep-";
    private static final String OLD_INFIX = ".chatprep-old-";
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = host();

    private StagingRuns() {
    }

    /** A staging directory that was removed, with the bytes it held. */
    public record Removed(Path path, long bytes, String why) {
    }

    /** Writes the marker now and renews it until the returned handle is closed. */
    static AutoCloseable startHeartbeat(FileSystem fs, Path staging) {
        Instant started = Instant.now();
        writeMarker(fs, staging, started);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chatprep-staging-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                writeMarker(fs, staging, started);
            } catch (RuntimeException e) {
                // A missed beat only makes a concurrent run wait longer before it may call this one dead.
            }
        }, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        return () -> {
            timer.shutdownNow();
            // A beat being written now would recreate the marker (and its directory) after the delete below.
            timer.awaitTermination(5, TimeUnit.SECONDS);
            fs.delete(new Path(staging, MARKER), false);
        };
    }

    private static void writeMarker(FileSystem fs, Path staging, Instant started) {
        ObjectNode m = JSON.createObjectNode();
        m.put("host", HOST);
        m.put("pid", ProcessHandle.current().pid());
        m.put("started_at", started.toString());
        m.put("heartbeat_at", Instant.now().toString());
        try (OutputStream out = fs.create(new Path(staging, MARKER), true)) {
            out.write(m.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + MARKER + " in " + staging + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the staging directories of dead runs beside {@code target}, and the old output an interrupted
     * replacement left once the new one is in place. Returns what it removed.
     */
    static List<Removed> removeDead(FileSystem fs, Path target, Instant now) throws IOException {
        List<Removed> removed = new ArrayList<>();
        Path parent = target.getParent();
        if (!fs.exists(parent)) {
            return removed;
        }
        String prefix = "." + target.getName() + STAGING_INFIX;
        String oldPrefix = "." + target.getName() + OLD_INFIX;
        for (FileStatus s : fs.listStatus(parent)) {
            String name = s.getPath().getName();
            if (!s.isDirectory() || !name.startsWith(prefix)) {
                continue;
            }
            String why;
            if (name.startsWith(oldPrefix)) {
                // Until the new output is in place, the old one is the only copy: keep it.
                why = fs.exists(target) ? "the previous output, left by a run stopped while replacing it" : null;
            } else {
                why = deadBecause(fs, s, now);
            }
            if (why != null) {
                long bytes = bytes(fs, s.getPath());
                if (fs.delete(s.getPath(), true)) {
                    removed.add(new Removed(s.getPath(), bytes, why));
                }
            }
        }
        return removed;
    }

    /** Why the run that owns this staging directory is gone, or null while it may be alive. */
    static String deadBecause(FileSystem fs, FileStatus staging, Instant now) throws IOException {
        Path marker = new Path(staging.getPath(), MARKER);
        if (!fs.exists(marker)) {
            // Its run writes the marker right after creating the directory; an old directory without one is dead.
            Instant created = Instant.ofEpochMilli(staging.getModificationTime());
            return created.plus(STALE_AFTER).isBefore(now) ? "no run marker, created " + created : null;
        }
        JsonNode m;
        try (InputStream in = fs.open(marker)) {
            m = JSON.readTree(in);
        } catch (IOException e) {
            // A marker being rewritten this instant reads short: its run is alive.
            return null;
        }
        String host = m.path("host").asText("");
        long pid = m.path("pid").asLong(-1);
        if (host.equals(HOST) && pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
            return "its process " + pid + " on " + host + " has ended";
        }
        Instant beat;
        try {
            beat = Instant.parse(m.path("heartbeat_at").asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
        return beat.plus(STALE_AFTER).isBefore(now) ? "no heartbeat since " + beat : null;
    }

    private static long bytes(FileSystem fs, Path dir) {
        try {
            ContentSummary summary = fs.getContentSummary(dir);
            return summary.getLength();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
