package io.chatprep.job.output;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code README.md} that lets HF {@code datasets.load_dataset(OUTPUT_DIR)} find the shards and nothing
 * else (the quarantine and manifest live beside them). Its {@code dataset_info} states the features and row
 * count as {@code datasets} itself writes them, so the card reads right on the Hub as well.
 */
public final class DatasetCard {
    public static final String FILE_NAME = "README.md";

    private DatasetCard() {
    }

    public static String render(RunStats stats, long outputRows, StructType schema, boolean packed,
                                String templateSha, String tokenizerSha, String chatprepVersion, String configJson) {
        StringBuilder b = new StringBuilder();
        b.append("---\n")
                .append("configs:\n")
                .append("- config_name: default\n")
                .append("  data_files:\n")
                .append("  - split: train\n")
                .append("    path: data/*.parquet\n")
                .append("dataset_info:\n")
                .append("  features:\n");
        for (StructField f : schema.fields()) {
            b.append("  - name: ").append(f.name()).append('\n').append("    ").append(feature(f.dataType()))
                    .append('\n');
        }
        b.append("  splits:\n")
                .append("  - name: train\n")
                .append("    num_examples: ").append(outputRows).append('\n')
                .append("tags:\n- chatprep\n- sft\n")
                .append("---\n")
                .append("# Tokenized chat data\n\n")
                .append("Written by chatprep ").append(chatprepVersion)
                .append(": `input_ids` and `labels` (`-100` outside assistant output)")
                .append(packed ? ", packed with `seq_lengths` per segment" : "").append(".\n\n")
                .append("| | |\n|---|---|\n")
                .append("| rows read | ").append(stats.read()).append(" |\n")
                .append("| rows written | ").append(stats.written()).append(" |\n")
                .append("| rows in the data files | ").append(outputRows).append(" |\n")
                .append("| rows quarantined | ").append(stats.quarantined()).append(" |\n")
                .append("| rows filtered (too long) | ").append(stats.filtered()).append(" |\n")
                .append("| tokens | ").append(stats.totalTokens()).append(" |\n")
                .append("| trained tokens | ").append(stats.trainedTokens()).append(" |\n")
                .append("| chatprep version | ").append(chatprepVersion).append(" |\n")
                .append("| template sha256 | `").append(templateSha).append("` |\n")
                .append("| tokenizer.json sha256 | `").append(tokenizerSha).append("` |\n\n")
                .append(packed
                        ? "Train with TRL using `padding_free=True`, `max_length=None` and `dataset_kwargs={\"skip_prepare_dataset\": True}`.\n"
                        : "Train with TRL with `assistant_only_loss=False`: the labels already carry the mask.\n")
                .append("\n## Configuration\n\n```json\n").append(configJson.strip()).append("\n```\n\n")
                .append("See `report.html` for plots and samples, `manifest.json` for the full statistics, ")
                .append("`quarantine/` for rejected rows.\n");
        return b.toString();
    }

    /** A column type as a {@code datasets} feature in YAML ({@code dtype: int32}, {@code list: int32}). */
    static String feature(DataType type) {
        if (type instanceof ArrayType a) {
            return "list: " + dtype(a.elementType());
        }
        return "dtype: " + dtype(type);
    }

    private static String dtype(DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return "string";
        } else if (type.equals(DataTypes.IntegerType)) {
            return "int32";
        } else if (type.equals(DataTypes.LongType)) {
            return "int64";
        } else if (type.equals(DataTypes.ByteType)) {
            return "int8";
        }
        throw new IllegalArgumentException("no datasets feature for column type " + type.simpleString());
    }
}
