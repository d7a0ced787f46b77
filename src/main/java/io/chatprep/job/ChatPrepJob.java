package io.chatprep.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.config.MaxLengthPolicy;
import io.chatprep.job.tasks.BroadcastSpec;
import io.chatprep.job.tasks.EncodedRecord;
import io.chatprep.job.tasks.EncoderFactory;
import io.chatprep.job.tasks.LengthLimit;
import io.chatprep.job.tasks.PartitionEncoder;
import io.chatprep.job.tasks.RowCounters;
import io.chatprep.job.input.InputException;
import io.chatprep.job.input.InputReader;
import io.chatprep.job.input.RowConverter;
import io.chatprep.job.output.DatasetCard;
import io.chatprep.job.output.FileFingerprints;
import io.chatprep.job.output.OutputTarget;
import io.chatprep.job.output.RunManifest;
import io.chatprep.job.output.RunStats;
import io.chatprep.job.output.ShardWriter;
import io.chatprep.job.output.StagingRuns;
import io.chatprep.job.output.Versions;
import io.chatprep.report.RunReport;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import io.chatprep.job.input.SourceRow;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The batch job: read rows, encode them in {@code mapPartitions} with one cached encoder per executor JVM,
 * count every outcome, write training shards, quarantine and manifest to a staging directory, and move it
 * into place only when everything (including the count reconciliation) succeeded.
 */
public final class ChatPrepJob {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SparkSession spark;
    private final EncoderFactory factory;
    private final PrintStream console;
    private java.util.function.Consumer<Progress> listener;

    public ChatPrepJob(SparkSession spark, EncoderFactory factory, PrintStream console) {
        this.spark = spark;
        this.factory = factory;
        this.console = console;
    }

    public ChatPrepJob(SparkSession spark) {
        this(spark, EncoderFactory.conversationEncoder(), System.out);
    }

    /** Also hands every progress report to {@code listener} (a notebook's progress bar, say). */
    public ChatPrepJob withProgressListener(java.util.function.Consumer<Progress> listener) {
        this.listener = listener;
        return this;
    }

    /** Prepares and runs {@code config} (a notebook's or test's call; the command line prepares before its session). */
    public JobResult run(JobConfig config) {
        config.validateForWrite();
        try (PreparedRun prepared = PreparedRun.start(config, spark.sparkContext().hadoopConfiguration(),
                spark.sparkContext().isLocal(), factory)) {
            return run(prepared);
        }
    }

    /** Runs a prepared run: read, encode, write, check, report, publish. The caller closes {@code prepared}. */
    public JobResult run(PreparedRun prepared) {
        JobConfig config = prepared.config().validateForWrite();
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        var hadoop = spark.sparkContext().hadoopConfiguration();
        JobPlan plan = prepared.plan();
        InputReader.InputFiles files = InputReader.resolve(config.input(), config.inputFormat(), hadoop);
        OutputTarget target = OutputTarget.prepare(config.output(), config.mode(), config.force(),
                InputReader.namedDirectories(config.input(), hadoop), files.all(), hadoop);
        for (StagingRuns.Removed r : target.removedStaging()) {
            console.println("chatprep: removed " + r.path().getName() + " beside the output (" + r.why() + "; "
                    + String.format(java.util.Locale.ROOT, "%,d", r.bytes()) + " bytes)");
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        RowCounters counters = RowCounters.register(spark.sparkContext());
        // Whether the tasks share this JVM is the session's to say: a run prepared for the wrong kind of master still
        // gives every executor the whole spec.
        Broadcast<BroadcastSpec> spec = jsc.broadcast(prepared.spec().forTasks(spark.sparkContext().isLocal()));
        boolean committed = false;
        try (StopSignal ignored = new StopSignal(target);
             ProgressReporter progress = new ProgressReporter(jsc.statusTracker(), counters,
                console, config.progressIntervalSeconds(), config.maxQuarantineShare(), listener)) {
            progress.start();
            console.println("chatprep: " + files.count() + " input file(s); template: " + plan.templateExplanation());
            if (files.skippedSummary() != null) {
                console.println("chatprep: " + files.skippedSummary());
            }
            if (plan.imageExplanation() != null) {
                console.println("chatprep: images: " + plan.imageExplanation());
            }
            JavaRDD<EncodedRecord> encoded = encode(new InputReader(spark, config.splitSizeMb()).read(files), config,
                    spec, prepared.factory(), counters, files.commonDirectory());
            // Last before the first task: the driver's own preparation above overlaps the tokenizer's loading.
            prepared.requireLoadable();
            step(progress, "encoding and writing rows");
            ShardWriter.Written written = new ShardWriter(spark, target).write(encoded, config.numShards(),
                    config.rowsPerShard(), config.packLength(), config.writeAssistantMasks(), plan.imageColumns(),
                    config.evalShare());
            RunStats stats = written.stats();
            stats.assertReconciled();
            if (stats.read() == 0) {
                throw new InputException("the input holds no rows (" + files.count() + " file(s), empty or blank "
                        + "lines only); nothing was written");
            }
            if (config.packLength() == null && written.outputRows() != stats.written()) {
                throw new IllegalStateException("the data files hold " + written.outputRows() + " rows but "
                        + stats.written() + " were encoded for writing");
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            JobResult result = new JobResult(target.target().toString(), stats, written.outputRows(),
                    written.dataFiles(), written.quarantineFiles(), seconds);
            String explanation = prepared.tokenization();
            console.println("chatprep: tokenization: " + explanation);
            String rejection = QualityGate.rejection(stats, config.maxQuarantineShare());
            Map<String, Long> splits = written.splits(config.evalShare());
            target.writeText(DatasetCard.FILE_NAME, DatasetCard.render(stats, splits,
                    io.chatprep.job.layout.OutputSchema.data(config.packLength() != null, config.writeAssistantMasks(),
                            plan.imageColumns()),
                    config.packLength() != null, plan.templateSha256(), plan.tokenizerSha256().get("tokenizer.json"),
                    Versions.all().get("chatprep"), config.toTree().toPrettyString()));
            step(progress, "hashing output files");
            String manifest = RunManifest.json(
                    new RunManifest.Plan(config.toTree(), config.input(), files.skippedRecord(), plan.templateOrigin(),
                            plan.templateExplanation(), plan.templateSha256(), config.tokenizer(),
                            plan.tokenizerSha256(), explanation, plan.imageExplanation()),
                    new RunManifest.Run(result.output(), stats, result.outputRows(), result.dataFiles(),
                            result.quarantineFiles(), started, Instant.now(), result.seconds(), rejection,
                            spark.sparkContext().master(), spark.sparkContext().deployMode(),
                            spark.sparkContext().getConf().get(RunManifest.RUN_ID_SETTING, null), splits),
                    FileFingerprints.inputs(files.all(), hadoop), FileFingerprints.outputs(jsc, target.staging(), hadoop));
            target.writeText(RunManifest.FILE_NAME, manifest);
            step(progress, "writing report.html");
            try {
                target.writeText(RunReport.FILE_NAME, RunReport.html(spark, target.staging(), manifest,
                        new RunReport.RunState(config.packLength() == null ? stats.digest() : null,
                                prepared::tokenizer, stats.quarantineReasons(RunReport.MAX_QUARANTINE_REASONS))));
            } catch (RuntimeException e) {
                // The data is complete and checked; a report problem must not discard it ('chatprep report' redoes it).
                console.println("chatprep: report.html not written: " + e.getMessage());
            }
            if (rejection != null) {
                String kept = target.reject().toString();
                throw new RunRejectedException(rejection + "; nothing was published at " + config.output()
                        + "; the run's quarantine, manifest and report are in " + kept, result, kept);
            }
            step(progress, "moving output into place");
            target.commit();
            committed = true;
            StopSignal.committed();
            return result;
        } finally {
            if (!committed) {
                // Spark rethrows task failures as checked exceptions, so clean up on every way out.
                target.abort();
            }
            spark.sparkContext().setJobDescription(null);
            spec.destroy();
        }
    }

    /**
     * Encodes a DataFrame of conversations without writing anything: one output row per input row with
     * {@code id, input_ids, labels, assistant_masks, num_tokens, num_trained_tokens, outcome, stage, reason}.
     * Rows are numbered by their position in {@code rows}, which must be deterministic for stable ids.
     */
    public Dataset<Row> transform(Dataset<Row> rows, JobConfig config) {
        config.validate();
        JobPlan plan = JobPlan.prepare(config, spark.sparkContext().hadoopConfiguration());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<BroadcastSpec> spec = jsc.broadcast(BroadcastSpec.of(plan.spec())
                .forTasks(spark.sparkContext().isLocal()));
        JavaRDD<SourceRow> source = JsonRows.sourceRows(rows);
        JavaRDD<Row> out = encode(source, config, spec, factory, null, null).map(ChatPrepJob::transformed);
        return spark.createDataFrame(out, TRANSFORMED);
    }

    private static final StructType TRANSFORMED = DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.StringType, false),
            DataTypes.createStructField("input_ids", DataTypes.createArrayType(DataTypes.IntegerType, false), true),
            DataTypes.createStructField("labels", DataTypes.createArrayType(DataTypes.IntegerType, false), true),
            DataTypes.createStructField("assistant_masks", DataTypes.createArrayType(DataTypes.ByteType, false), true),
            DataTypes.createStructField("num_tokens", DataTypes.IntegerType, false),
            DataTypes.createStructField("num_trained_tokens", DataTypes.IntegerType, false),
            DataTypes.createStructField("outcome", DataTypes.StringType, false),
            DataTypes.createStructField("stage", DataTypes.StringType, true),
            DataTypes.createStructField("reason", DataTypes.StringType, true)));

    private static Row transformed(EncodedRecord r) {
        return RowFactory.create(r.id(), r.inputIds(), r.labels(), r.assistantMask(),
                r.numTokens(), r.numTrainedTokens(), r.outcome().name().toLowerCase(java.util.Locale.ROOT),
                r.stage(), r.reason());
    }

    private void step(ProgressReporter progress, String name) {
        spark.sparkContext().setJobDescription("chatprep: " + name);
        progress.step(name);
    }

    JavaRDD<EncodedRecord> encode(JavaRDD<SourceRow> rows, JobConfig config, Broadcast<BroadcastSpec> spec,
                                  EncoderFactory encoders, RowCounters counters, String idDirectory) {
        LengthLimit limit = limit(config);
        return rows.mapPartitions(new PartitionEncoder(spec, encoders, new RowConverter(config), config.idColumn(),
                limit, counters, idDirectory));
    }

    /** With packing, rows must also fit a pack unless the user asked to keep long rows. */
    static LengthLimit limit(JobConfig config) {
        Integer max = config.maxLength();
        if (config.packLength() != null && config.maxLengthPolicy() != MaxLengthPolicy.KEEP) {
            max = max == null ? config.packLength() : Math.min(max, config.packLength());
        }
        return new LengthLimit(max, config.maxLengthPolicy());
    }
}
