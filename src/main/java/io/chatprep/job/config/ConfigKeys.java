package io.chatprep.job.config;

import io.chatprep.mask.MaskPolicy;
import io.chatprep.template.RenderLimits;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.chatprep.job.config.KeyTypes.anyMap;
import static io.chatprep.job.config.KeyTypes.bool;
import static io.chatprep.job.config.KeyTypes.choice;
import static io.chatprep.job.config.KeyTypes.dateTime;
import static io.chatprep.job.config.KeyTypes.list;
import static io.chatprep.job.config.KeyTypes.number;
import static io.chatprep.job.config.KeyTypes.switchKey;
import static io.chatprep.job.config.KeyTypes.text;
import static io.chatprep.job.config.KeyTypes.textMap;
import static io.chatprep.job.config.KeyTypes.whole;

/**
 * Every configuration key of a run, in the order the documentation lists them. The same key is a config-file
 * entry ({@code max_length: 4096}), a flag ({@code --max-length 4096}), a {@code --set max_length=4096}, and an
 * option of the notebook API ({@code .option(ConfigKeys.MAX_LENGTH, 4096)}).
 */
public final class ConfigKeys {
    private ConfigKeys() {
    }

    /** Logical columns a row may use; {@code columns:} maps them to the names in the input. */
    public static final Set<String> COLUMN_ROLES = Set.of("messages", "tools", "chat_template_kwargs", "prompt",
            "completion", "conversations", "instruction", "input", "output", "system", "history");
    /**
     * A run that quarantines more than this share of its rows fails: a wrong template, column mapping or role list
     * rejects most rows, while real data with a few broken rows stays well under it.
     */
    public static final double DEFAULT_MAX_QUARANTINE_SHARE = 0.05;
    /**
     * A JSONL split below 1 KB holds hardly a row; above 2 GB one task holds more than a JVM array can index.
     * Both mean a typo, not a choice.
     */
    static final double MIN_SPLIT_MB = 0.001;
    static final double MAX_SPLIT_MB = 2048;

    public static final List<String> DEFAULT_ROLES = List.of("system", "developer", "user", "assistant", "tool",
            "ipython", "function");

    public static final ConfigKey<List<String>> INPUT = list("input", null, "(required)",
            "files, directories or globs on any Hadoop filesystem (`--input` may repeat)");
    public static final ConfigKey<InputFormat> INPUT_FORMAT = choice("input_format", InputFormat.class,
            InputFormat.AUTO, InputFormat::configName,
            "`auto` (`.parquet` files are Parquet, everything else JSONL), `jsonl`, `parquet`");
    public static final ConfigKey<RowFormat> FORMAT = choice("format", RowFormat.class, RowFormat.AUTO,
            RowFormat::configName, "row layout: `auto` (per row), `messages`, `prompt-completion`, `sharegpt`, `alpaca`");
    public static final ConfigKey<Map<String, String>> COLUMNS = textMap("columns",
            "input column names per role, e.g. `columns: {messages: conversation, tools: functions}`; roles: "
                    + String.join(", ", COLUMN_ROLES.stream().sorted().map(r -> "`" + r + "`").toList()));
    public static final ConfigKey<String> ID_COLUMN = text("id_column", null, "none",
            "column carried through as `id` (a row without it is quarantined); else `<file>:<position>`");
    public static final ConfigKey<List<String>> ALLOWED_ROLES = list("allowed_roles", DEFAULT_ROLES,
            "`[" + String.join(", ", DEFAULT_ROLES) + "]`",
            "message roles accepted (at least one); others are quarantined (templates silently skip roles they do "
                    + "not know)");
    public static final ConfigKey<String> OUTPUT = text("output", null, "(required)",
            "output directory, any Hadoop path");
    public static final ConfigKey<WriteMode> MODE = choice("mode", WriteMode.class, WriteMode.ERROR_IF_EXISTS,
            WriteMode::configName, "`error-if-exists` or `overwrite` (replaces a chatprep output, never the input)");
    public static final ConfigKey<Boolean> FORCE = switchKey("force",
            "with `overwrite`, also replace a directory chatprep did not write");
    public static final ConfigKey<Double> MAX_QUARANTINE_SHARE = number("max_quarantine_share",
            DEFAULT_MAX_QUARANTINE_SHARE, 0, 1, "share of rows read that may be quarantined before the run "
                    + "fails with exit code 5 (`1`: never on quarantine; a run that writes no row always fails)");
    public static final ConfigKey<String> TOKENIZER = text("tokenizer", null, "(required)",
            "directory with `tokenizer.json` (or `.json.gz`), `tokenizer_config.json`, optional "
                    + "`special_tokens_map.json`, `chat_template.jinja`");
    public static final ConfigKey<String> CHAT_TEMPLATE = text("chat_template", "auto", "`auto`",
            "a template file, one of the tokenizer's named templates, or `auto`: the tokenizer's own template when it "
                    + "has `{% generation %}` markers, else the bundled training template of its family");
    public static final ConfigKey<Boolean> DERIVE_MASKS = switchKey("derive_masks",
            "for a template without generation markers that no bundled family replaces: derive assistant spans by "
                    + "prefix rendering; rows that are not prefix-stable are quarantined (stage `mask`)");
    public static final ConfigKey<String> IMAGE_PROCESSOR = text("image_processor", null, "none: text rows only",
            "a directory holding a Hugging Face `preprocessor_config.json`, or `auto` (the tokenizer's directory): image "
                    + "rows are expanded to the model's image tokens and masked as its processor does");
    public static final ConfigKey<Boolean> REUSE_SEGMENTS = bool("reuse_segments", true,
            "encode the text between added tokens once per distinct piece and reuse its tokens across rows "
                    + "(identical ids and offsets; a bounded cache per executor)");
    public static final ConfigKey<Boolean> JAVA_BPE = bool("java_bpe", true,
            "with `reuse_segments`, tokenize that text in Java for byte-level BPE tokenizers (same ids and offsets as "
                    + "the native tokenizer)");
    public static final ConfigKey<MaskPolicy> MASK = choice("mask", MaskPolicy.class, MaskPolicy.ASSISTANT,
            MaskPolicy::cliName, "`assistant` (every generation span, as transformers), `last-turn`, `final-channel` "
                    + "(GPT-OSS)");
    public static final ConfigKey<Integer> MAX_LENGTH = whole("max_length", null, 1, "none", "token limit per row");
    public static final ConfigKey<MaxLengthPolicy> MAX_LENGTH_POLICY = choice("max_length_policy",
            MaxLengthPolicy.class, MaxLengthPolicy.DROP, MaxLengthPolicy::configName,
            "`drop` (counted as filtered), `truncate` (keep the start, as TRL), `keep`");
    public static final ConfigKey<Integer> PACK_LENGTH = whole("pack_length", null, 1, "none",
            "pack rows best-fit-decreasing into rows of at most this many tokens; adds `seq_lengths`");
    public static final ConfigKey<Double> EVAL_SHARE = number("eval_share", 0.0, 0, 1,
            "share of written rows held out as the `test` split, chosen by a hash of the row id (stable across reruns); "
                    + "below 1; `0`: no test split");
    public static final ConfigKey<Integer> NUM_SHARDS = whole("num_shards", null, 1, "none: files follow the input splits",
            "number of data files, rows spread by a hash of their source position (a shuffle)");
    public static final ConfigKey<Integer> ROWS_PER_SHARD = whole("rows_per_shard", 100_000, 1, "`100000`",
            "most rows (or packs) per data file when `num_shards` is not set");
    public static final ConfigKey<Boolean> WRITE_ASSISTANT_MASKS = bool("write_assistant_masks", true,
            "also write `assistant_masks`");
    public static final ConfigKey<Map<String, Object>> TEMPLATE_KWARGS = anyMap("template_kwargs",
            "extra template variables for every row (a row's `chat_template_kwargs` win), e.g. "
                    + "`enable_thinking: false`");
    public static final ConfigKey<LocalDateTime> NOW = dateTime("now",
            "ISO date-time that `strftime_now` returns, for reproducible dates");
    public static final ConfigKey<String> MASTER = text("master", "local[*]", "`local[*]`",
            "Spark master when not launched by spark-submit; local runs bind to 127.0.0.1 with the UI off");
    public static final ConfigKey<Map<String, String>> SPARK = textMap("spark",
            "extra Spark settings, e.g. `spark: {spark.executor.memory: 6g}`");
    public static final ConfigKey<Double> SPLIT_SIZE_MB = number("split_size_mb", 16.0, MIN_SPLIT_MB,
            MAX_SPLIT_MB, "largest JSONL input split in MB (small inputs are split further so every core "
                    + "has work)");
    public static final ConfigKey<Integer> PROGRESS_INTERVAL_SECONDS = whole("progress_interval_seconds", 10, 1,
            "`10`", "how often progress lines are printed");
    public static final ConfigKey<Integer> DRY_RUN_ROWS = whole("dry_run_rows", 3, 1, "`3`", "rows shown by `--dry-run`");
    public static final ConfigKey<Double> RENDER_TIMEOUT_SECONDS = number("render_timeout_seconds",
            RenderLimits.DEFAULT.timeBudget().toMillis() / 1000.0, 0.001, 86_400,
            "wall-clock time one row's render may take (see Limits)");
    public static final ConfigKey<Integer> RENDER_MEMORY_MB = whole("render_memory_mb",
            (int) (RenderLimits.DEFAULT_MAX_MEMORY_BYTES >> 20), 1, Integer.MAX_VALUE >> 20,
            "`" + (RenderLimits.DEFAULT_MAX_MEMORY_BYTES >> 20) + "`", "memory one row's render may hold at once (see Limits)");
    public static final ConfigKey<Integer> RENDER_OUTPUT_CHARS = whole("render_output_chars",
            (int) RenderLimits.DEFAULT.maxOutputChars(), 1, Integer.MAX_VALUE - 16,
            "`" + RenderLimits.DEFAULT.maxOutputChars() + "`",
            "characters one row may render to, and the size of any one string or list it builds (see Limits)");

    /** Every key, in documentation order. */
    public static final List<ConfigKey<?>> ALL = List.of(INPUT, INPUT_FORMAT, FORMAT, COLUMNS, ID_COLUMN,
            ALLOWED_ROLES, OUTPUT, MODE, FORCE, MAX_QUARANTINE_SHARE, TOKENIZER, CHAT_TEMPLATE, DERIVE_MASKS,
            IMAGE_PROCESSOR, REUSE_SEGMENTS, JAVA_BPE, MASK, MAX_LENGTH, MAX_LENGTH_POLICY, PACK_LENGTH, EVAL_SHARE, NUM_SHARDS, ROWS_PER_SHARD,
            WRITE_ASSISTANT_MASKS, TEMPLATE_KWARGS, NOW, MASTER, SPARK, SPLIT_SIZE_MB, PROGRESS_INTERVAL_SECONDS,
            DRY_RUN_ROWS, RENDER_TIMEOUT_SECONDS, RENDER_MEMORY_MB, RENDER_OUTPUT_CHARS);

    /** Keys whose value is a map: {@code --set spark.spark.executor.memory=4g} addresses one entry. */
    static final List<ConfigKey<?>> MAPS = List.of(COLUMNS, TEMPLATE_KWARGS, SPARK);

    /** The documentation's table of keys (Markdown), as README.md holds it. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| key | type | default | meaning |\n|---|---|---|---|\n");
        for (ConfigKey<?> k : ALL) {
            b.append("| `").append(k.name()).append("` | ").append(k.type()).append(" | ").append(k.defaultText())
                    .append(" | ").append(k.doc()).append(" |\n");
        }
        return b.toString();
    }

    /** The key of this name (snake_case or kebab-case), or null. */
    public static ConfigKey<?> named(String name) {
        String normalized = name.replace('-', '_');
        for (ConfigKey<?> k : ALL) {
            if (k.name().equals(normalized)) {
                return k;
            }
        }
        return null;
    }
}
