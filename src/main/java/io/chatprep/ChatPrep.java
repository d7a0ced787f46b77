package io.chatprep;

import io.chatprep.job.ChatPrepJob;
import io.chatprep.job.JobResult;
import io.chatprep.job.config.ConfigKey;
import io.chatprep.job.config.ConfigKeys;
import io.chatprep.job.config.JobConfig;
import io.chatprep.job.config.JobConfigLoader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.Map;

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

    /** Runs the whole job (read, encode, write) and returns its counts. */
    public JobResult execute() {
        return new ChatPrepJob(spark).run(buildConfig());
    }

    /** Same as {@link #execute()}. */
    public JobResult run() {
        return execute();
    }

    /** Encodes a DataFrame of conversations lazily; nothing is written. */
    public Dataset<Row> transform(Dataset<Row> conversations) {
        return new ChatPrepJob(spark).transform(conversations, buildConfig());
    }
}
