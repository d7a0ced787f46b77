package io.chatprep.job.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatprep.mask.MaskPolicy;
import io.chatprep.template.RenderLimits;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.chatprep.job.config.ConfigKeys.*;

/**
 * Everything one run needs, typed and checked: one component per {@link ConfigKeys} key, read from the merged
 * configuration tree by {@link #from(JsonNode)}. Immutable; {@link #validateForRead()} and {@link #validateForWrite()}
 * add the checks that depend on what the run does.
 */
public record JobConfig(List<String> input, InputFormat inputFormat, RowFormat rowFormat, Map<String, String> columns,
                        String idColumn, List<String> allowedRoles, String output, WriteMode mode, boolean force,
                        double maxQuarantineShare, String tokenizer, String chatTemplate, boolean deriveMasks,
                        String imageProcessor,
                        boolean reuseSegments, boolean javaBpe, MaskPolicy maskPolicy, Integer maxLength,
                        MaxLengthPolicy maxLengthPolicy, Integer packLength, Integer numShards, int rowsPerShard,
                        boolean writeAssistantMasks, Map<String, Object> templateKwargs, LocalDateTime now,
                        String master, Map<String, String> spark, double splitSizeMb, int progressIntervalSeconds,
                        int dryRunRows, double renderTimeoutSeconds, int renderMemoryMb, int renderOutputChars,
                        double evalShare)
        implements Serializable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Logical columns a row may use; {@code columns:} maps them to the names in the input. */
    public static final Set<String> COLUMN_ROLES = ConfigKeys.COLUMN_ROLES;
    public static final double DEFAULT_MAX_QUARANTINE_SHARE = ConfigKeys.DEFAULT_MAX_QUARANTINE_SHARE;

    /** Reads every key of the tree (absent and null keys take their defaults) and checks the keys together. */
    static JobConfig from(JsonNode tree) {
        JobConfig c = new JobConfig(INPUT.read(tree), INPUT_FORMAT.read(tree), FORMAT.read(tree), COLUMNS.read(tree),
                ID_COLUMN.read(tree), ALLOWED_ROLES.read(tree), OUTPUT.read(tree), MODE.read(tree), FORCE.read(tree),
                MAX_QUARANTINE_SHARE.read(tree), TOKENIZER.read(tree), CHAT_TEMPLATE.read(tree), DERIVE_MASKS.read(tree),
                IMAGE_PROCESSOR.read(tree),
                REUSE_SEGMENTS.read(tree), JAVA_BPE.read(tree), MASK.read(tree), MAX_LENGTH.read(tree),
                MAX_LENGTH_POLICY.read(tree), PACK_LENGTH.read(tree), NUM_SHARDS.read(tree), ROWS_PER_SHARD.read(tree),
                WRITE_ASSISTANT_MASKS.read(tree), TEMPLATE_KWARGS.read(tree), NOW.read(tree), MASTER.read(tree),
                SPARK.read(tree), SPLIT_SIZE_MB.read(tree), PROGRESS_INTERVAL_SECONDS.read(tree),
                DRY_RUN_ROWS.read(tree), RENDER_TIMEOUT_SECONDS.read(tree), RENDER_MEMORY_MB.read(tree),
                RENDER_OUTPUT_CHARS.read(tree), EVAL_SHARE.read(tree));
        return c.validate();
    }

    /** The checks across keys that every use of a config needs; returns this. */
    public JobConfig validate() {
        if (tokenizer == null || tokenizer.isBlank()) {
            throw new ConfigException("'tokenizer' is required: a directory holding tokenizer.json");
        }
        for (Map.Entry<String, String> c : columns.entrySet()) {
            if (!COLUMN_ROLES.contains(c.getKey())) {
                throw new ConfigException("'columns." + c.getKey() + "' is not a known column role (valid: "
                        + String.join(", ", new TreeSet<>(COLUMN_ROLES)) + ")");
            }
            if (c.getValue().isBlank()) {
                throw new ConfigException("'columns." + c.getKey() + "' needs a column name");
            }
        }
        if (allowedRoles.isEmpty()) {
            throw new ConfigException("'allowed_roles' must name at least one message role (default: "
                    + String.join(", ", DEFAULT_ROLES) + "), got []");
        }
        if (evalShare >= 1) {
            throw new ConfigException("'eval_share' must be a fraction from 0 to below 1 (0.05 holds out 5% of the "
                    + "written rows as the test split), got " + evalShare);
        }
        if (packLength != null && imageProcessor != null) {
            throw new ConfigException("'pack_length' cannot be combined with 'image_processor': packed rows would mix "
                    + "several rows' images in one sequence");
        }
        if (packLength != null && maxLength != null && maxLength > packLength
                && maxLengthPolicy != MaxLengthPolicy.KEEP) {
            throw new ConfigException("'max_length' (" + maxLength + ") exceeds 'pack_length' (" + packLength
                    + "): rows longer than a pack cannot be packed; lower max_length or raise pack_length");
        }
        return this;
    }

    /** Same as {@link #validate()} plus the input, which every run over files needs. */
    public JobConfig validateForRead() {
        validate();
        if (input == null || input.isEmpty()) {
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

    /** The input's name of a logical column ({@code messages}, {@code tools}, ...). */
    public String column(String role) {
        return columns.getOrDefault(role, role);
    }

    /**
     * What one row's render may take: {@code render_timeout_seconds} of wall-clock time, {@code render_memory_mb} of
     * strings, lists and output held at once, {@code render_output_chars} of text (also the cap on any one string or
     * list it builds); the other caps are the engine's defaults. A row past a limit is quarantined at stage render.
     */
    public RenderLimits renderLimits() {
        return RenderLimits.DEFAULT
                .withTimeBudget(Duration.ofMillis(Math.max(1, Math.round(renderTimeoutSeconds * 1000))))
                .withMaxMemoryBytes((long) renderMemoryMb << 20)
                .withMaxOutputChars(renderOutputChars)
                .withMaxStringChars(renderOutputChars);
    }

    /** Every key with its value as the config file spells it (null: unset), in documentation order. */
    public ObjectNode toTree() {
        ObjectNode tree = JSON.createObjectNode();
        for (ConfigKey<?> key : ALL) {
            tree.set(key.name(), JSON.valueToTree(shown(key)));
        }
        return tree;
    }

    private <T> Object shown(ConfigKey<T> key) {
        return key.shown(value(key));
    }

    /** This config's value of {@code key}. */
    @SuppressWarnings("unchecked")
    public <T> T value(ConfigKey<T> key) {
        return (T) Accessors.VALUES.get(key.name()).apply(this);
    }

    /** Each key's accessor, built on first use (after {@link ConfigKeys} exists, whichever class loads first). */
    private static final class Accessors {
        private static final Map<String, java.util.function.Function<JobConfig, Object>> VALUES = Map.ofEntries(
                Map.entry(INPUT.name(), JobConfig::input), Map.entry(INPUT_FORMAT.name(), JobConfig::inputFormat),
                Map.entry(FORMAT.name(), JobConfig::rowFormat), Map.entry(COLUMNS.name(), JobConfig::columns),
                Map.entry(ID_COLUMN.name(), JobConfig::idColumn), Map.entry(ALLOWED_ROLES.name(), JobConfig::allowedRoles),
                Map.entry(OUTPUT.name(), JobConfig::output), Map.entry(MODE.name(), JobConfig::mode),
                Map.entry(FORCE.name(), JobConfig::force),
                Map.entry(MAX_QUARANTINE_SHARE.name(), JobConfig::maxQuarantineShare),
                Map.entry(TOKENIZER.name(), JobConfig::tokenizer), Map.entry(CHAT_TEMPLATE.name(), JobConfig::chatTemplate),
                Map.entry(DERIVE_MASKS.name(), JobConfig::deriveMasks),
                Map.entry(IMAGE_PROCESSOR.name(), JobConfig::imageProcessor),
                Map.entry(REUSE_SEGMENTS.name(), JobConfig::reuseSegments), Map.entry(JAVA_BPE.name(), JobConfig::javaBpe),
                Map.entry(MASK.name(), JobConfig::maskPolicy), Map.entry(MAX_LENGTH.name(), JobConfig::maxLength),
                Map.entry(MAX_LENGTH_POLICY.name(), JobConfig::maxLengthPolicy),
                Map.entry(PACK_LENGTH.name(), JobConfig::packLength), Map.entry(NUM_SHARDS.name(), JobConfig::numShards),
                Map.entry(ROWS_PER_SHARD.name(), JobConfig::rowsPerShard),
                Map.entry(WRITE_ASSISTANT_MASKS.name(), JobConfig::writeAssistantMasks),
                Map.entry(TEMPLATE_KWARGS.name(), JobConfig::templateKwargs), Map.entry(NOW.name(), JobConfig::now),
                Map.entry(MASTER.name(), JobConfig::master), Map.entry(SPARK.name(), JobConfig::spark),
                Map.entry(SPLIT_SIZE_MB.name(), JobConfig::splitSizeMb),
                Map.entry(PROGRESS_INTERVAL_SECONDS.name(), JobConfig::progressIntervalSeconds),
                Map.entry(DRY_RUN_ROWS.name(), JobConfig::dryRunRows),
                Map.entry(RENDER_TIMEOUT_SECONDS.name(), JobConfig::renderTimeoutSeconds),
                Map.entry(RENDER_MEMORY_MB.name(), JobConfig::renderMemoryMb),
                Map.entry(RENDER_OUTPUT_CHARS.name(), JobConfig::renderOutputChars),
                Map.entry(EVAL_SHARE.name(), JobConfig::evalShare));
    }
}
