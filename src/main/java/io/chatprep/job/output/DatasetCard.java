package io.chatprep.job.output;

/**
 * The {@code README.md} that lets HF {@code datasets.load_dataset(OUTPUT_DIR)} find the shards and nothing
 * else (the quarantine and manifest live beside them).
 */
public final class DatasetCard {
    private DatasetCard() {
    }

    public static String render(RunStats stats, boolean packed, String templateSha, String tokenizerSha) {
        return "---\n"
                + "configs:\n"
                + "- config_name: default\n"
                + "  data_files:\n"
                + "  - split: train\n"
                + "    path: data/*.parquet\n"
                + "---\n"
                + "# Tokenized chat data\n\n"
                + "Written by chatprep: `input_ids` and `labels` (`-100` outside assistant output)"
                + (packed ? ", packed with `seq_lengths` per segment" : "") + ".\n\n"
                + "| | |\n|---|---|\n"
                + "| rows read | " + stats.read() + " |\n"
                + "| rows written | " + stats.written() + " |\n"
                + "| rows quarantined | " + stats.quarantined() + " |\n"
                + "| rows filtered (too long) | " + stats.filtered() + " |\n"
                + "| tokens | " + stats.totalTokens() + " |\n"
                + "| trained tokens | " + stats.trainedTokens() + " |\n"
                + "| template sha256 | `" + templateSha + "` |\n"
                + "| tokenizer.json sha256 | `" + tokenizerSha + "` |\n\n"
                + (packed
                    ? "Train with TRL using `padding_free=True`, `max_length=None` and `dataset_kwargs={\"skip_prepare_dataset\": True}`.\n"
                    : "Train with TRL with `assistant_only_loss=False`: the labels already carry the mask.\n")
                + "See `manifest.json` for the full configuration and statistics, `quarantine/` for rejected rows.\n";
    }
}
