package io.chatprep;

import io.chatprep.job.ChatPrepJob;
import io.chatprep.job.JobResult;
import io.chatprep.job.JsonRows;
import io.chatprep.job.Progress;
import io.chatprep.job.config.InputFormat;
import io.chatprep.job.tasks.EncoderCache;
import io.chatprep.job.config.ConfigKey;
import io.chatprep.job.config.ConfigKeys;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.config.JobConfigLoader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The notebook entry point, in the style of Spark actions:
 * <pre>{@code
 * JobResult r = ChatPrep.builder(spark)
 *     .option("input", "s3a://bucket/chats/*.jsonl")
 *     .option("tokenizer", "s3a://bucket/tokenizers/qwen3")
 *     .option("output", "s3a://bucket/sft/qwen3")
 *     .option("max_length", 4096)
 *     .execute();
 * Dataset<Row> encoded = ChatPrep.builder(spark).option("tokenizer", dir).transform(conversations);
 * }</pre>
 * Options are the config-file keys ({@link ConfigKeys} holds them typed); values given as strings are read like
 * {@code --set} values.
 */
public final class ChatPrep {
    private final SparkSession spark;
    private final JobConfigLoader loader = new JobConfigLoader();
    private Consumer<Progress> listener;

    private ChatPrep(SparkSession spark) {
        this.spark = spark;
    }

    public static ChatPrep builder(SparkSession spark) {
        return new ChatPrep(spark);
    }

    /** Loads a YAML/JSON config file first; later options win. */
    public ChatPrep config(String path) {
        loader.file(Path.of(path));
        return this;
    }

    /** A typed option: {@code .option(ConfigKeys.MAX_LENGTH, 4096)}, {@code .option(ConfigKeys.MODE, WriteMode.OVERWRITE)}. */
    public <T> ChatPrep option(ConfigKey<T> key, T value) {
        loader.set(key, value);
        return this;
    }

    public ChatPrep option(String key, Object value) {
        loader.set(key, value == null ? null : String.valueOf(value));
        return this;
    }

    public ChatPrep options(Map<String, ?> options) {
        loader.values(options);
        return this;
    }

    /** The validated configuration these options make. */
    public JobConfig buildConfig() {
        return loader.load();
    }

    /** Hands every progress report of {@link #execute()} to {@code listener} as well (the JVM's stdout gets them too). */
    public ChatPrep progressListener(Consumer<Progress> listener) {
        this.listener = listener;
        return this;
    }

    /** Runs the whole job (read, encode, write) and returns its counts. */
    public JobResult execute() {
        return new ChatPrepJob(spark).withProgressListener(listener).run(buildConfig());
    }

    /** Same as {@link #execute()}. */
    public JobResult run() {
        return execute();
    }

    /**
     * Starts the job on a thread of its own and returns at once: a notebook cell (PySpark included, which cannot hand
     * the JVM a listener easily) polls {@link RunningJob#progress()} and then takes {@link RunningJob#result()}.
     */
    public RunningJob start() {
        JobConfig config = buildConfig();
        return RunningJob.start(listener -> new ChatPrepJob(spark).withProgressListener(listener).run(config), listener);
    }

    /** Encodes a DataFrame of conversations lazily; nothing is written. A string column {@code json} is read as each
     * row's JSON text (as {@link #read} gives it); otherwise the columns are the row. */
    public Dataset<Row> transform(Dataset<Row> conversations) {
        return new ChatPrepJob(spark).transform(conversations, buildConfig());
    }

    /**
     * Conversations from files, directories or globs (JSONL or Parquet, on any Hadoop filesystem) as a DataFrame of
     * {@code source_file, source_position, json, unreadable}: each row's JSON text, without Spark's schema inference
     * (which fails on real tool-calling data and turns absent keys into nulls). {@link #transform} reads it back.
     */
    public static Dataset<Row> read(SparkSession spark, String... inputs) {
        return JsonRows.read(spark, List.of(inputs), InputFormat.AUTO, ConfigKeys.SPLIT_SIZE_MB.defaultValue());
    }

    /** Empties the encoders' piece and word caches in this JVM (memory back; tokenizer and template stay loaded). */
    public static void clearCaches() {
        EncoderCache.clearCaches();
    }

    /** Closes this JVM's encoders (tokenizers unloaded); the next run loads them again. */
    public static void closeEncoders() {
        EncoderCache.closeAll();
    }
}
