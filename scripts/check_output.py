#!/usr/bin/env python3
"""Load a chatprep output directory with HF `datasets` and run TRL's SFT data preparation on it.

    python scripts/check_output.py OUTPUT_DIR [--max-length N] [--rows N]

Checks that the data loads through the dataset card (`load_dataset(OUTPUT_DIR)`), that every row is
consistent (lengths, label/mask agreement, trained-token counts, pack lengths), that TRL 1.13's
preparation treats it as already tokenized (input_ids and labels come out unchanged, nothing is
re-tokenized), and that TRL's collator batches it. Exits non-zero on the first inconsistency.
"""
import argparse
import json
import os
import sys
import tempfile
import types


def fail(message):
    print(f"check_output: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def check_rows(ds, packed):
    has_masks = "assistant_masks" in ds.column_names
    total = trained = 0
    for i, row in enumerate(ds):
        ids, labels = row["input_ids"], row["labels"]
        if len(ids) != len(labels):
            fail(f"row {i}: {len(ids)} input_ids but {len(labels)} labels")
        if len(ids) != row["num_tokens"]:
            fail(f"row {i}: num_tokens {row['num_tokens']} != {len(ids)}")
        n_trained = sum(1 for label in labels if label != -100)
        if n_trained != row["num_trained_tokens"]:
            fail(f"row {i}: num_trained_tokens {row['num_trained_tokens']} != {n_trained} labels that are not -100")
        if n_trained == 0:
            fail(f"row {i}: no trained token")
        for t, (token, label) in enumerate(zip(ids, labels)):
            if label != -100 and label != token:
                fail(f"row {i} token {t}: label {label} is neither -100 nor the token id {token}")
        if has_masks:
            mask = row["assistant_masks"]
            if [1 if label != -100 else 0 for label in labels] != list(mask):
                fail(f"row {i}: assistant_masks disagree with labels")
        if packed:
            if sum(row["seq_lengths"]) != len(ids):
                fail(f"row {i}: seq_lengths sum {sum(row['seq_lengths'])} != {len(ids)} tokens")
            if len(row["seq_lengths"]) != len(row["ids"]):
                fail(f"row {i}: {len(row['seq_lengths'])} segments but {len(row['ids'])} ids")
        total += len(ids)
        trained += n_trained
    return total, trained


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output_dir")
    parser.add_argument("--max-length", type=int, default=None,
                        help="TRL max_length for preparation (default: None, no truncation)")
    parser.add_argument("--rows", type=int, default=4, help="rows to collate into one batch")
    args = parser.parse_args()

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    from datasets import load_dataset
    from trl import SFTConfig, SFTTrainer
    from trl.trainer.sft_trainer import DataCollatorForLanguageModeling

    ds = load_dataset(args.output_dir, split="train")
    manifest_path = os.path.join(args.output_dir, "manifest.json")
    manifest = json.load(open(manifest_path)) if os.path.exists(manifest_path) else None
    packed = "seq_lengths" in ds.column_names
    print(f"loaded {ds.num_rows} rows from {args.output_dir} (packed: {packed})")
    print(f"features: {ds.features}")

    total, trained = check_rows(ds, packed)
    print(f"rows consistent: {total} tokens, {trained} trained ({100.0 * trained / max(total, 1):.1f}%)")
    if manifest is not None:
        if manifest["tokens"]["total"] != total or manifest["tokens"]["trained"] != trained:
            fail(f"manifest tokens {manifest['tokens']} differ from the data ({total}, {trained})")
        counts = manifest["counts"]
        if counts["read"] != counts["written"] + counts["quarantined"] + counts["filtered_max_length"]:
            fail(f"manifest counts do not reconcile: {counts}")
        if counts["output_rows"] != ds.num_rows:
            fail(f"manifest says {counts['output_rows']} output rows, the data has {ds.num_rows}")
        print(f"manifest agrees: read {counts['read']} = written {counts['written']} + quarantined "
              f"{counts['quarantined']} + filtered {counts['filtered_max_length']}")

    with tempfile.TemporaryDirectory() as tmp:
        config = SFTConfig(output_dir=tmp, max_length=args.max_length, packing=False, padding_free=packed,
                           assistant_only_loss=False, dataset_num_proc=None, report_to=[],
                           use_cpu=True, bf16=False)
        # _prepare_dataset only reads these trainer attributes for an already tokenized dataset.
        trainer_state = types.SimpleNamespace(completion_only_loss=False, chat_template=None)
        prepared = SFTTrainer._prepare_dataset(trainer_state, ds, None, config, False, None, "train")

    print(f"TRL prepared {prepared.num_rows} rows; columns {prepared.column_names}")
    if args.max_length is None:
        if prepared.num_rows != ds.num_rows:
            fail(f"TRL kept {prepared.num_rows} of {ds.num_rows} rows")
        for i in range(ds.num_rows):
            if prepared[i]["input_ids"] != ds[i]["input_ids"] or prepared[i]["labels"] != ds[i]["labels"]:
                fail(f"row {i}: TRL changed input_ids or labels (it should not re-tokenize)")
        print("TRL kept input_ids and labels unchanged (no re-tokenization)")

    n = min(args.rows, prepared.num_rows)
    if n > 0:
        collator = DataCollatorForLanguageModeling(pad_token_id=0, padding_free=packed)
        examples = [{k: prepared[i][k] for k in ("input_ids", "labels", "seq_lengths") if k in prepared.column_names}
                    for i in range(n)]
        batch = collator(examples)
        shapes = {k: tuple(v.shape) for k, v in batch.items()}
        trained_in_batch = int((batch["labels"] != -100).sum())
        print(f"collated {n} rows: {shapes}, {trained_in_batch} trained labels")
    print("check_output: OK")


if __name__ == "__main__":
    main()
