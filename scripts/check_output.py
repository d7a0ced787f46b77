#!/usr/bin/env python3
"""Load a chatprep output directory with HF `datasets` and run TRL's SFT data preparation on it.

    python scripts/check_output.py OUTPUT_DIR [--rows N]

Checks that
- both loading routes, `load_dataset(OUTPUT_DIR)` (through the dataset card) and
  `load_dataset("parquet", data_dir=OUTPUT_DIR)` (file names only), see exactly the splits the card's YAML lists
  (`train`, and `test` with eval_share), with the row counts the card and the manifest give;
- with eval_share, each row sits in the split its id's hash puts it in;
- every row is consistent (lengths, label/mask agreement, trained-token counts, pack lengths);
- the card's TRL recipe (its `SFTConfig(...)` line, run as written) keeps every row whole: TRL's preparation leaves
  input_ids and labels unchanged and drops nothing (nothing re-tokenized or truncated), or is skipped for packed
  output, and TRL's collator batches the rows.
Exits non-zero on the first inconsistency.
"""
import argparse
import ast
import hashlib
import json
import os
import re
import sys
import tempfile
import types


def fail(message):
    print(f"check_output: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def check_rows(ds, packed, split):
    has_masks = "assistant_masks" in ds.column_names
    total = trained = 0
    for i, row in enumerate(ds):
        where = f"{split} row {i}"
        ids, labels = row["input_ids"], row["labels"]
        if len(ids) != len(labels):
            fail(f"{where}: {len(ids)} input_ids but {len(labels)} labels")
        if len(ids) != row["num_tokens"]:
            fail(f"{where}: num_tokens {row['num_tokens']} != {len(ids)}")
        n_trained = sum(1 for label in labels if label != -100)
        if n_trained != row["num_trained_tokens"]:
            fail(f"{where}: num_trained_tokens {row['num_trained_tokens']} != {n_trained} labels that are not -100")
        if n_trained == 0:
            fail(f"{where}: no trained token")
        for t, (token, label) in enumerate(zip(ids, labels)):
            if label != -100 and label != token:
                fail(f"{where} token {t}: label {label} is neither -100 nor the token id {token}")
        if has_masks:
            mask = row["assistant_masks"]
            if [1 if label != -100 else 0 for label in labels] != list(mask):
                fail(f"{where}: assistant_masks disagree with labels")
        if packed:
            if sum(row["seq_lengths"]) != len(ids):
                fail(f"{where}: seq_lengths sum {sum(row['seq_lengths'])} != {len(ids)} tokens")
            if len(row["seq_lengths"]) != len(row["ids"]):
                fail(f"{where}: {len(row['seq_lengths'])} segments but {len(row['ids'])} ids")
        total += len(ids)
        trained += n_trained
    return total, trained


def card_parts(output_dir):
    """The card's YAML front matter and its TRL line."""
    import yaml
    text = open(os.path.join(output_dir, "README.md"), encoding="utf-8").read()
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        fail("README.md has no YAML front matter")
    front = yaml.safe_load(m.group(1))
    lines = [line for line in text.splitlines() if line.startswith("config = SFTConfig(")]
    if len(lines) != 1:
        fail(f"README.md should give one 'config = SFTConfig(...)' line, has {len(lines)}")
    return front, lines[0][len("config = "):]


def sft_kwargs(call):
    """The keyword arguments of the card's SFTConfig(...) call, as literals."""
    node = ast.parse(call, mode="eval").body
    if not isinstance(node, ast.Call) or getattr(node.func, "id", None) != "SFTConfig" or node.args:
        fail(f"the card's TRL line is not SFTConfig(keyword=value, ...): {call}")
    return {k.arg: ast.literal_eval(k.value) for k in node.keywords}


def held_out(row_id, share):
    """The documented rule: sha256 of the id, top 53 bits of its first 8 bytes over 2**53, below the share."""
    return (int.from_bytes(hashlib.sha256(row_id.encode("utf-8")).digest()[:8], "big") >> 11) / 2**53 < share


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output_dir")
    parser.add_argument("--rows", type=int, default=4, help="rows to collate into one batch")
    args = parser.parse_args()

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    from datasets import load_dataset
    from trl import SFTConfig, SFTTrainer
    from trl.trainer.sft_trainer import DataCollatorForLanguageModeling

    front, trl_line = card_parts(args.output_dir)
    card_files = {entry["split"]: entry["path"] for entry in front["configs"][0]["data_files"]}
    card_rows = {entry["name"]: entry["num_examples"] for entry in front["dataset_info"]["splits"]}
    if list(card_files) != list(card_rows):
        fail(f"the card's data_files list splits {list(card_files)}, its dataset_info {list(card_rows)}")
    manifest_path = os.path.join(args.output_dir, "manifest.json")
    manifest = json.load(open(manifest_path)) if os.path.exists(manifest_path) else None

    by_card = load_dataset(args.output_dir)
    by_files = load_dataset("parquet", data_dir=args.output_dir)
    for route, dd in (("load_dataset(OUT)", by_card), ('load_dataset("parquet", data_dir=OUT)', by_files)):
        rows = {name: dd[name].num_rows for name in dd}
        if sorted(rows) != sorted(card_rows) or any(rows[s] != card_rows[s] for s in rows):
            fail(f"{route} sees splits {rows}; the card lists {card_rows}")
        print(f"{route}: splits {rows}, as the card lists")
    if manifest is not None and manifest["counts"].get("splits", card_rows) != card_rows:
        fail(f"the manifest's splits {manifest['counts']['splits']} differ from the card's {card_rows}")

    share = manifest["config"].get("eval_share", 0) if manifest is not None else 0
    packed = "seq_lengths" in by_card["train"].column_names
    total = trained = 0
    for split in by_card:
        ds = by_card[split]
        t, n = check_rows(ds, packed, split)
        total, trained = total + t, trained + n
        if share:
            for i, row in enumerate(ds):
                for row_id in (row["ids"] if packed else [row["id"]]):
                    if held_out(row_id, share) != (split == "test"):
                        fail(f"{split} row {i}: id {row_id!r} belongs to the other split at eval_share {share}")
    print(f"loaded {sum(card_rows.values())} rows (packed: {packed}): {total} tokens, {trained} trained "
          f"({100.0 * trained / max(total, 1):.1f}%), every row consistent"
          + (f", each in the split its id's hash gives at eval_share {share}" if share else ""))
    if manifest is not None:
        if manifest["tokens"]["total"] != total or manifest["tokens"]["trained"] != trained:
            fail(f"manifest tokens {manifest['tokens']} differ from the data ({total}, {trained})")
        counts = manifest["counts"]
        if counts["read"] != counts["written"] + counts["quarantined"] + counts["filtered_max_length"]:
            fail(f"manifest counts do not reconcile: {counts}")
        if counts["output_rows"] != sum(card_rows.values()):
            fail(f"manifest says {counts['output_rows']} output rows, the data has {sum(card_rows.values())}")
        print(f"manifest agrees: read {counts['read']} = written {counts['written']} + quarantined "
              f"{counts['quarantined']} + filtered {counts['filtered_max_length']}")

    card_config = sft_kwargs(trl_line)
    if "max_length" not in card_config or card_config["max_length"] is not None:
        fail(f"the card's TRL line must set max_length=None: {trl_line}")
    longest = max((len(r) for s in by_card for r in by_card[s]["input_ids"]), default=0)
    default_length = SFTConfig.__dataclass_fields__["max_length"].default
    cut = sum(1 for s in by_card for r in by_card[s]["input_ids"] if len(r) > (default_length or longest))
    print(f"the card's TRL line: {trl_line} (TRL's default max_length={default_length} would cut {cut} of "
          f"{sum(card_rows.values())} rows; the longest has {longest} tokens)")
    with tempfile.TemporaryDirectory() as tmp:
        config = SFTConfig(output_dir=tmp, report_to=[], use_cpu=True, bf16=False, **card_config)
        skip = bool((config.dataset_kwargs or {}).get("skip_prepare_dataset"))
        for split in by_card:
            ds = by_card[split]
            if skip:
                prepared = ds
            else:
                # _prepare_dataset only reads these trainer attributes for an already tokenized dataset.
                trainer_state = types.SimpleNamespace(completion_only_loss=config.completion_only_loss or False,
                                                      chat_template=None)
                prepared = SFTTrainer._prepare_dataset(trainer_state, ds, None, config, config.packing, None, split)
                if prepared.num_rows != ds.num_rows:
                    fail(f"{split}: TRL kept {prepared.num_rows} of {ds.num_rows} rows")
                for i in range(ds.num_rows):
                    if prepared[i]["input_ids"] != ds[i]["input_ids"] or prepared[i]["labels"] != ds[i]["labels"]:
                        fail(f"{split} row {i}: TRL changed input_ids or labels (it should not re-tokenize or cut)")
            print(f"{split}: " + ("TRL's preparation skipped, as the card says" if skip else
                                  f"TRL prepared {prepared.num_rows} rows, input_ids and labels unchanged"))
            n = min(args.rows, prepared.num_rows)
            if n > 0:
                collator = DataCollatorForLanguageModeling(pad_token_id=0, padding_free=config.padding_free)
                examples = [{k: prepared[i][k] for k in ("input_ids", "labels", "seq_lengths")
                             if k in prepared.column_names} for i in range(n)]
                batch = collator(examples)
                shapes = {k: tuple(v.shape) for k, v in batch.items()}
                print(f"{split}: collated {n} rows: {shapes}, {int((batch['labels'] != -100).sum())} trained labels")
    print("check_output: OK")


if __name__ == "__main__":
    main()
