package io.chatprep.job.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chatprep.mask.MaskPolicy;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything one run needs, as read from YAML/JSON, {@code --set key=value} and command-line flags.
 * Keys are snake_case; {@link #validate()} checks every value and names the key of the first bad one.
 */
public final class JobConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * A JSONL split below 1 KB holds hardly a row; above 2 GB one task holds more than a JVM array
     * can index. Both mean a typo, not a choice.
     */
    static final double MIN_SPLIT_MB = 0.001;
    /**
     * A run that quarantines more than this share of its rows fails: a wrong template, column mapping or role list
     * rejects most rows, while real data with a few broken rows stays well under it.
     */
    public static final double DEFAULT_MAX_QUARANTINE_SHARE = 0.05;
    static final double MAX_SPLIT_MB = 2048;

    /** Logical columns a row may use; {@code columns:} maps them to the names in the input. */
    public static final Set<String> COLUMN_ROLES = Set.of("messages", "tools", "chat_template_kwargs", "prompt",
            "completion", "conversations", "instruction", "input", "output", "system", "history");

    @JsonProperty("input")
    private List<String> input = new ArrayList<>();
    @JsonProperty("input_format")
    private String inputFormat = "auto";
    @JsonProperty("format")
    private String format = "auto";
    @JsonProperty("columns")
    private Map<String, String> columns = new LinkedHashMap<>();
    @JsonProperty("allowed_roles")
    private List<String> allowedRoles = new ArrayList<>(List.of("system", "developer", "user", "assistant", "tool",
            "ipython", "function"));
    @JsonProperty("id_column")
    private String idColumn;
    @JsonProperty("output")
    private String output;
    @JsonProperty("mode")
    private String mode = "error-if-exists";
    @JsonProperty("force")
    private boolean force;
    @JsonProperty("max_quarantine_share")
    private double maxQuarantineShare = DEFAULT_MAX_QUARANTINE_SHARE;
    @JsonProperty("eval_share")
    private double evalShare;
    @JsonProperty("tokenizer")
    private String tokenizer;
    @JsonProperty("chat_template")
    private String chatTemplate = "auto";
    @JsonProperty("derive_masks")
    private boolean deriveMasks;
    @JsonProperty("reuse_segments")
    private boolean reuseSegments = true;
    @JsonProperty("java_bpe")
    private boolean javaBpe = true;
    @JsonProperty("mask")
    private String mask = "assistant";
    @JsonProperty("max_length")
    private Integer maxLength;
    @JsonProperty("max_length_policy")
    private String maxLengthPolicy = "drop";
    @JsonProperty("pack_length")
    private Integer packLength;
    @JsonProperty("num_shards")
    private Integer numShards;
    @JsonProperty("rows_per_shard")
    private Integer rowsPerShard = 100_000;
    @JsonProperty("write_assistant_masks")
    private boolean writeAssistantMasks = true;
    @JsonProperty("template_kwargs")
    private Map<String, Object> templateKwargs = new LinkedHashMap<>();
    @JsonProperty("now")
    private String now;
    @JsonProperty("master")
    private String master = "local[*]";
    @JsonProperty("spark")
    private Map<String, String> spark = new LinkedHashMap<>();
    @JsonProperty("split_size_mb")
    private double splitSizeMb = 16;
    @JsonProperty("progress_interval_seconds")
    private int progressIntervalSeconds = 10;
    @JsonProperty("dry_run_rows")
    private int dryRunRows = 3;

    /** Fails on the first invalid value, naming its key. Returns this for chaining. */
    public JobConfig validate() {
        if (tokenizer == null || tokenizer.isBlank()) {
            throw new ConfigException("'tokenizer' is required: a directory holding tokenizer.json");
        }
        inputFormat();
        rowFormat();
        mode();
        maskPolicy();
        maxLengthPolicy();
        now();
        for (String role : columns.keySet()) {
            if (!COLUMN_ROLES.contains(role)) {
                throw new ConfigException("'columns." + role + "' is not a known column role (valid: "
                        + String.join(", ", new java.util.TreeSet<>(COLUMN_ROLES)) + ")");
            }
            if (columns.get(role) == null || columns.get(role).isBlank()) {
                throw new ConfigException("'columns." + role + "' needs a column name");
            }
        }
        positive("max_length", maxLength);
        positive("pack_length", packLength);
        positive("num_shards", numShards);
        positive("rows_per_shard", rowsPerShard);
        if (!(splitSizeMb >= MIN_SPLIT_MB && splitSizeMb <= MAX_SPLIT_MB)) {
            throw new ConfigException("'split_size_mb' must be between " + MIN_SPLIT_MB + " and " + (int) MAX_SPLIT_MB
                    + " (MB of JSONL per task), got " + splitSizeMb);
        }
        if (!(maxQuarantineShare >= 0 && maxQuarantineShare <= 1)) {
            throw new ConfigException("'max_quarantine_share' must be a fraction between 0 and 1 (0.05 = 5% of the "
                    + "rows read), got " + maxQuarantineShare);
        }
        if (!(evalShare >= 0 && evalShare < 1)) {
            throw new ConfigException("'eval_share' must be a fraction from 0 to below 1 (0.05 holds out 5% of the "
                    + "written rows as the test split), got " + evalShare);
        }
        if (allowedRoles == null || allowedRoles.isEmpty()
                || allowedRoles.stream().anyMatch(r -> r == null || r.isBlank())) {
            throw new ConfigException("'allowed_roles' must name at least one message role (default: system, developer, "
                    + "user, assistant, tool, ipython, function), got " + allowedRoles);
        }
        positive("progress_interval_seconds", progressIntervalSeconds);
        if (dryRunRows < 1) {
            throw new ConfigException("'dry_run_rows' must be at least 1, got " + dryRunRows);
        }
        if (packLength != null && maxLength != null && maxLength > packLength
                && maxLengthPolicy() != MaxLengthPolicy.KEEP) {
            throw new ConfigException("'max_length' (" + maxLength + ") exceeds 'pack_length' (" + packLength
                    + "): rows longer than a pack cannot be packed; lower max_length or raise pack_length");
        }
        return this;
    }

    /** Same as {@link #validate()} plus the input, which every run over files needs. */
    public JobConfig validateForRead() {
        validate();
        if (input == null || input.isEmpty() || input.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new ConfigException("'input' is required: one or more files, directories or globs");
        }
        return this;
    }

    /** Same as {@link #validateForRead()} plus the keys only a run that writes needs. */
    public JobConfig validateForWrite() {
        validateForRead();
        if (output == null || output.isBlank()) {
            throw new ConfigException("'output' is required: the directory to write");
        }
        return this;
    }

    private static void positive(String key, Integer value) {
        if (value != null && value <= 0) {
            throw new ConfigException("'" + key + "' must be a positive integer, got " + value);
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String key, String text) {
        String normalized = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(normalized)) {
                return e;
            }
        }
        List<String> valid = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            valid.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new ConfigException("'" + key + "' has the bad value '" + text + "' (valid: " + String.join(", ", valid) + ")");
    }

    public List<String> input() {
        return input;
    }

    public InputFormat inputFormat() {
        return parseEnum(InputFormat.class, "input_format", inputFormat);
    }

    public RowFormat rowFormat() {
        return parseEnum(RowFormat.class, "format", format);
    }

    /** The input's name of a logical column ({@code messages}, {@code tools}, ...). */
    public String column(String role) {
        return columns.getOrDefault(role, role);
    }

    public Map<String, String> columns() {
        return columns;
    }

    /** Message roles a {@code messages} row may use; others are quarantined before rendering. */
    public List<String> allowedRoles() {
        return allowedRoles;
    }

    public String idColumn() {
        return idColumn;
    }

    public String output() {
        return output;
    }

    public WriteMode mode() {
        return parseEnum(WriteMode.class, "mode", mode);
    }

    /** The share of rows read that may be quarantined before the run fails (1 never fails on quarantine). */
    public double maxQuarantineShare() {
        return maxQuarantineShare;
    }

    /** The share of written rows held out as the {@code test} split, chosen by a hash of the row id (0: none). */
    public double evalShare() {
        return evalShare;
    }

    /** With {@code mode: overwrite}, also replace an output directory that chatprep did not write. */
    public boolean force() {
        return force;
    }

    public String tokenizer() {
        return tokenizer;
    }

    /** A template file path, or {@code auto} for the tokenizer's own / the bundled family template. */
    public String chatTemplate() {
        return chatTemplate == null || chatTemplate.isBlank() ? "auto" : chatTemplate;
    }

    /**
     * Derive assistant spans by prefix rendering for a template without {@code {% generation %}} markers that no
     * bundled family replaces; rows whose renderings are not prefix-stable are quarantined.
     */
    public boolean deriveMasks() {
        return deriveMasks;
    }

    /**
     * Encode the text between added tokens once per distinct piece and reuse it across rows; the tokens are
     * the same as encoding each row whole, so this only trades memory (a bounded cache) for speed.
     */
    public boolean reuseSegments() {
        return reuseSegments;
    }

    /**
     * With {@link #reuseSegments()}, encode the pieces of byte-level BPE tokenizers in Java: same tokens as the
     * native tokenizer, which still takes every piece the Java encoder declines and every other tokenizer.
     */
    public boolean javaBpe() {
        return javaBpe;
    }

    public MaskPolicy maskPolicy() {
        try {
            return MaskPolicy.parse(mask);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("'mask' has the bad value '" + mask + "' (valid: assistant, last-turn, final-channel)");
        }
    }

    public Integer maxLength() {
        return maxLength;
    }

    public MaxLengthPolicy maxLengthPolicy() {
        return parseEnum(MaxLengthPolicy.class, "max_length_policy", maxLengthPolicy);
    }

    public Integer packLength() {
        return packLength;
    }

    public Integer numShards() {
        return numShards;
    }

    public Integer rowsPerShard() {
        return rowsPerShard;
    }

    public boolean writeAssistantMasks() {
        return writeAssistantMasks;
    }

    public Map<String, Object> templateKwargs() {
        return templateKwargs;
    }

    /** The pinned time for {@code strftime_now}, so reruns render the same dates; null means the real time. */
    public LocalDateTime now() {
        if (now == null || now.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(now.trim());
        } catch (DateTimeParseException e) {
            throw new ConfigException("'now' must be an ISO local date-time like 2026-01-31T12:00:00, got '" + now + "'");
        }
    }

    public String master() {
        return master;
    }

    public Map<String, String> spark() {
        return spark;
    }

    public double splitSizeMb() {
        return splitSizeMb;
    }

    public int progressIntervalSeconds() {
        return progressIntervalSeconds;
    }

    public int dryRunRows() {
        return dryRunRows;
    }
}
