#!/usr/bin/env python
"""Which rows eval_share holds out, worked out in Python from the documented rule.

A written row goes to the test split when the first 8 bytes of sha256(id as UTF-8), read as an unsigned
big-endian number, shifted right by 11 bits and divided by 2**53 (exact in a double), fall below eval_share. Records, for the ids the job end-to-end test writes
(real_mixed.jsonl's written rows, ids "real_mixed.jsonl:<byte offset>") and a few awkward ids, each id's
position in [0, 1) and which of them a share of 0.3 holds out.

Output: src/test/resources/golden/job/eval_split.json

Run: $PYTHON scripts/reference/make_split_goldens.py
"""
import hashlib
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JOB_GOLDEN = os.path.join(ROOT, "src/test/resources/golden/job/llama3_1_real_mixed.jsonl")
OUT = os.path.join(ROOT, "src/test/resources/golden/job/eval_split.json")
SHARE = 0.3


def position(row_id):
    return (int.from_bytes(hashlib.sha256(row_id.encode("utf-8")).digest()[:8], "big") >> 11) / 2**53


def main():
    written = []
    with open(JOB_GOLDEN, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["expect"] == "written":
                written.append(f"real_mixed.jsonl:{row['offset']}")
    extra = ["", "a", "gsm8k-train-17", "日本語の行", "emoji \U0001F600", "x" * 1000]
    ids = written + extra
    golden = {
        "share": SHARE,
        "written_ids": written,
        "positions": {i: position(i) for i in ids},
        "held_out": [i for i in ids if position(i) < SHARE],
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{OUT}: {len(ids)} ids, {len(golden['held_out'])} held out at {SHARE}")


if __name__ == "__main__":
    main()
