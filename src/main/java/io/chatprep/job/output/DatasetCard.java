package io.chatprep.job.output;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.Map;

/**
 * The {@code README.md} that lets HF {@code datasets.load_dataset(OUTPUT_DIR)} find the shards of each split and
 * nothing else (the quarantine and manifest live beside them). Its {@code dataset_info} states the features and row
 * count as {@code datasets} itself writes them, so the card reads right on the Hub as well.
 */
public final class DatasetCard {
    public static final String FILE_NAME = "README.md";

    private DatasetCard() {
    }

    /**
     * @param splits rows in the data files per split, {@code train} first ({@code test} when rows are held out)
     */
    public static String render(RunStats stats, Map<String, Long> splits, StructType schema, boolean packed,
                                String templateSha, String tokenizerSha, String chatprepVersion, String configJson) {
        long outputRows = splits.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder b = new StringBuilder();
        b.append("---\n")
                .append("configs:\n")
                .append("- config_name: default\n")
                .append("  data_files:\n");
        for (String split : splits.keySet()) {
            b.append("  - split: ").append(split).append('\n')
                    .append("    path: data/").append(split).append("-*.parquet\n");
        }
        b.append("dataset_info:\n")
                .append("  features:\n");
        boolean images = false;
        for (StructField f : schema.fields()) {
            b.append("  - name: ").append(f.name()).append('\n').append("    ").append(feature(f.dataType()))
                    .append('\n');
            images |= f.name().equals("images");
        }
        b.append("  splits:\n");
        splits.forEach((split, rows) -> b.append("  - name: ").append(split).append('\n')
                .append("    num_examples: ").append(rows).append('\n'));
        b.append("tags:\n- chatprep\n- sft\n")
                .append("---\n")
                .append("# Tokenized chat data\n\n")
                .append("Written by chatprep ").append(chatprepVersion)
                .append(": `input_ids` and `labels` (`-100` outside assistant output)")
                .append(packed ? ", packed with `seq_lengths` per segment" : "").append(".\n\n")
                .append("| | |\n|---|---|\n")
                .append("| rows read | ").append(stats.read()).append(" |\n")
                .append("| rows written | ").append(stats.written()).append(" |\n")
                .append("| rows in the data files | ").append(outputRows).append(" |\n");
        splits.forEach((split, rows) -> b.append("| ").append(split).append(" split | ").append(rows).append(" |\n"));
        b.append("| rows quarantined | ").append(stats.quarantined()).append(" |\n")
                .append("| rows filtered (too long) | ").append(stats.filtered()).append(" |\n")
                .append("| tokens | ").append(stats.totalTokens()).append(" |\n")
                .append("| trained tokens | ").append(stats.trainedTokens()).append(" |\n")
                .append("| chatprep version | ").append(chatprepVersion).append(" |\n")
                .append("| template sha256 | `").append(templateSha).append("` |\n")
                .append("| tokenizer.json sha256 | `").append(tokenizerSha).append("` |\n\n")
                .append("## Training with TRL\n\n")
                .append(images ? IMAGES : trl(packed, splits.containsKey(EvalSplit.TEST)))
                .append("\n## Configuration\n\n```json\n").append(configJson.strip()).append("\n```\n\n")
                .append("See `report.html` for plots and samples, `manifest.json` for the full statistics, ")
                .append("`quarantine/` for rejected rows.\n");
        return b.toString();
    }

    private static final String IMAGES = "Rows with images: `images` lists each row's image files in order"
            + " (`image_grid_thw` their patch grids, for Qwen) and `input_ids` already hold each image's tokens."
            + " A collator loads the images as transformers' `load_image` does (EXIF orientation applied), runs"
            + " the image processor for `pixel_values` (its `image_grid_thw` must equal the column) and pads"
            + " `input_ids` and `labels`; train with `skip_prepare_dataset` and `remove_unused_columns=False`.\n";

    /**
     * The TRL settings that train on these rows as written. The rows are already cut to chatprep's {@code max_length}
     * and their labels carry the mask: TRL's default {@code max_length} (1024) would cut longer rows again, and its
     * {@code assistant_only_loss} needs a chat template. Packed rows bring their own {@code seq_lengths}, so TRL's
     * preparation, which would pack again, is skipped. scripts/check_output.py runs the {@code SFTConfig} line below.
     */
    static String trl(boolean packed, boolean heldOut) {
        String config = packed
                ? "SFTConfig(max_length=None, padding_free=True, dataset_kwargs={\"skip_prepare_dataset\": True})"
                : "SFTConfig(max_length=None, assistant_only_loss=False)";
        return (packed
                ? "Each row is a pack: train padding-free, without TRL's own preparation:\n\n"
                : "The labels already carry the mask and rows are already cut to length: keep TRL from truncating "
                        + "them again (its default `max_length` is 1024):\n\n")
                + "```python\n"
                + "from datasets import load_dataset\n"
                + "from trl import SFTConfig, SFTTrainer\n\n"
                + "dataset = load_dataset(DATA_DIR)  # this directory\n"
                + "config = " + config + "\n"
                + "trainer = SFTTrainer(model=MODEL, args=config, train_dataset=dataset[\"train\"]"
                + (heldOut ? ", eval_dataset=dataset[\"test\"]" : "") + ")\n"
                + "```\n";
    }

    /**
     * A column type as a {@code datasets} feature in YAML ({@code dtype: int32}, {@code list: int32}, and for a list
     * of lists {@code list:} with {@code list: int32} below it).
     */
    static String feature(DataType type) {
        if (type instanceof ArrayType a && a.elementType() instanceof ArrayType inner) {
            return "list:\n      list: " + dtype(inner.elementType());
        }
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
