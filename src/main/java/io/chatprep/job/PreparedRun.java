package io.chatprep.job;

import io.chatprep.encode.Background;
import io.chatprep.encode.TokenizerLoad;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.tasks.BroadcastSpec;
import io.chatprep.job.tasks.EncoderCache;
import io.chatprep.job.tasks.EncoderFactory;
import io.chatprep.job.tasks.RowEncoder;
import io.chatprep.tokenize.HfTokenizer;
import io.chatprep.tokenize.NativeLibraryException;
import org.apache.hadoop.conf.Configuration;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Everything a run prepares before reading a row, as one object the command line or notebook builds and hands to the
 * job: the plan (tokenizer files read, template resolved and compiled, encoder spec), and the tokenizer, loaded
 * once. Preparing starts at once, on a thread of its own, so that it overlaps whatever the caller does meanwhile
 * (a fresh JVM starting its Spark session): the tokenizer starts loading as soon as its files are read, while the
 * template is still being resolved.
 *
 * <p>Where the tasks run in this JVM (local mode), the tokenizer becomes the run's encoder, which the tasks then find
 * in {@link EncoderCache}; on a cluster it is the driver's own copy, for the report's samples and to fail fast when
 * it cannot load.
 */
public final class PreparedRun implements AutoCloseable {
    private static final String THREAD = "chatprep-prepare";
    private static final Executor PREPARE = Background.threads(THREAD);
    private static final String GIVEN_UP = "the run's preparation was given up";
    private final JobConfig config;
    private final boolean tasksInThisJvm;
    private final EncoderFactory factory;
    private final CompletableFuture<Planned> planned;
    /** Local mode: the run's encoder. */
    private final CompletableFuture<RowEncoder> encoder;
    /** Cluster: the driver's tokenizer, closed with this run. */
    private final CompletableFuture<HfTokenizer> driverTokenizer;
    /** Cluster: how the executors' encoders tokenize, read from tokenizer.json by the otherwise idle driver. */
    private final CompletableFuture<String> explanation;

    private record Planned(JobPlan plan, BroadcastSpec spec, TokenizerLoad load) {
    }

    private PreparedRun(JobConfig config, Configuration hadoop, boolean tasksInThisJvm, EncoderFactory factory) {
        this.config = config;
        this.tasksInThisJvm = tasksInThisJvm;
        this.factory = factory;
        // A JVM that already holds encoders is a warm session, whose run most likely finds its encoder cached: a
        // load started on speculation there would only compete with the tasks for the cores.
        boolean loadEarly = !tasksInThisJvm || EncoderCache.size() == 0;
        CompletableFuture<TokenizerLoad> started = new CompletableFuture<>();
        this.planned = Background.start(THREAD, () -> {
            JobPlan plan = JobPlan.prepare(config, hadoop, files -> started.complete(!loadEarly ? null
                    : tasksInThisJvm ? TokenizerLoad.start(files, config.reuseSegments(), config.javaBpe())
                    : TokenizerLoad.start(files, false, false)));
            return new Planned(plan, BroadcastSpec.of(plan.spec()), started.join());
        });
        planned.whenComplete((p, e) -> {
            if (e != null) {
                // A plan that failed before reading the tokenizer files leaves no load to wait for; one that failed
                // after leaves a load nobody will use.
                started.completeExceptionally(e);
                started.thenAccept(load -> {
                    if (load != null) {
                        load.discard();
                    }
                });
            }
        });
        if (tasksInThisJvm) {
            this.encoder = planned.thenApplyAsync(p -> p.load() == null
                    ? EncoderCache.get(p.spec().key(), p.spec().spec(), factory)
                    : EncoderCache.get(p.spec().key(), p.spec().spec(), factory, p.load()), PREPARE);
            this.driverTokenizer = null;
            this.explanation = null;
        } else {
            this.encoder = null;
            this.driverTokenizer = started.thenApplyAsync(TokenizerLoad::tokenizer, PREPARE);
            this.explanation = planned.thenApplyAsync(p -> p.plan().encodingExplanation(), PREPARE);
        }
    }

    /**
     * Starts preparing a run of {@code config}; {@code hadoop} reads its tokenizer and template files, and
     * {@code tasksInThisJvm} says whether the run's tasks will run in this JVM (a local master).
     */
    public static PreparedRun start(JobConfig config, Configuration hadoop, boolean tasksInThisJvm,
                                    EncoderFactory factory) {
        return new PreparedRun(config, hadoop, tasksInThisJvm, factory);
    }

    /**
     * Starts preparing a run before its Spark session exists: Hadoop settings from the config's own
     * {@code spark.hadoop.*} entries, as the session would give them, and local mode when the master is local
     * (spark-submit's {@code spark.master} wins over the config's, as for the session).
     */
    public static PreparedRun beforeSession(JobConfig config, EncoderFactory factory) {
        Configuration hadoop = new Configuration();
        for (Map.Entry<String, String> e : config.spark().entrySet()) {
            if (e.getKey().startsWith("spark.hadoop.")) {
                hadoop.set(e.getKey().substring("spark.hadoop.".length()), e.getValue());
            }
        }
        String master = System.getProperty("spark.master", config.master());
        return start(config, hadoop, runsTasksInThisJvm(master), factory);
    }

    /**
     * Spark's own rule for a master whose tasks run in the driver's JVM: {@code local} and {@code local[...]}, not
     * {@code local-cluster[...]}, whose executors are JVMs of their own.
     */
    static boolean runsTasksInThisJvm(String master) {
        return master != null && (master.equals("local") || master.startsWith("local["));
    }

    public JobConfig config() {
        return config;
    }

    /** Whether this run's tasks run in this JVM, where its encoder is. */
    public boolean tasksInThisJvm() {
        return tasksInThisJvm;
    }

    public EncoderFactory factory() {
        return factory;
    }

    /** The plan, waiting for it; the planning's own failure (a bad tokenizer path, template) if it failed. */
    public JobPlan plan() {
        return joined(planned).plan();
    }

    /** The encoder spec with its content key, as the tasks receive it. */
    public BroadcastSpec spec() {
        return joined(planned).spec();
    }

    /**
     * Throws what every task would throw if the tokenizer cannot be loaded, before any task starts (on a cluster,
     * tasks would fail one by one, each after its retries). Locally that is this JVM's encoder; on a cluster the
     * driver's own load of the same files, except that a driver which cannot load the native library at all says
     * nothing about the executors.
     */
    public void requireLoadable() {
        if (tasksInThisJvm) {
            joined(encoder);
            return;
        }
        try {
            joined(driverTokenizer);
        } catch (NativeLibraryException e) {
            // The executors' platform may differ from the driver's.
        }
    }

    /** The tokenizer, for decoding the report's samples: the encoder's locally, the driver's own on a cluster. */
    public HfTokenizer tokenizer() {
        return tasksInThisJvm ? joined(encoder).tokenizer() : joined(driverTokenizer);
    }

    /** How rows are tokenized: the encoder's own account locally, else what the plan reads from tokenizer.json. */
    public String tokenization() {
        if (!tasksInThisJvm) {
            return joined(explanation);
        }
        String own = joined(encoder).tokenization();
        return own != null ? own : plan().encodingExplanation();
    }

    /** Waits for what is still loading, so that no load outlives the run; closes the driver's tokenizer. */
    @Override
    public void close() {
        if (encoder != null) {
            encoder.exceptionally(e -> null).join();
        }
        if (driverTokenizer != null) {
            driverTokenizer.thenAccept(HfTokenizer::close).exceptionally(e -> null);
        }
    }

    /** The value, or the preparation's own exception rather than the future's wrapper. */
    private static <T> T joined(CompletableFuture<T> future) {
        return Background.joined(future, GIVEN_UP);
    }
}
