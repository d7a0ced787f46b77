#!/usr/bin/env python
"""Reference text of the report's highlighted samples, from transformers.

For every written row of the job's end-to-end golden (src/test/resources/golden/job/llama3_1_real_mixed.jsonl,
made by make_job_goldens.py), decodes its input_ids with the Llama 3.1 tokenizer as transformers does
(special tokens kept) and writes, keyed by the row's byte offset:
  text          the whole row decoded
  trained_text  each run of consecutive trained tokens (label != -100) decoded, runs joined in order
  trained_runs  how many such runs there are

Output: src/test/resources/golden/report/llama3_1_real_mixed_text.jsonl

Run: HF_HUB_OFFLINE=1 $PYTHON scripts/reference/make_report_goldens.py
"""
import gzip
import json
import os
import shutil
import tempfile

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

from transformers import AutoTokenizer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JOB_GOLDEN = os.path.join(ROOT, "src/test/resources/golden/job/llama3_1_real_mixed.jsonl")
TOKENIZER = os.path.join(ROOT, "src/test/resources/tokenizers/llama3_1")
OUT = os.path.join(ROOT, "src/test/resources/golden/report/llama3_1_real_mixed_text.jsonl")


def trained_runs(ids, labels):
    runs, current = [], []
    for token, label in zip(ids, labels):
        if label != -100:
            current.append(token)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def load_tokenizer():
    # The test resources keep tokenizer.json gzipped; transformers wants it plain.
    tmp = tempfile.mkdtemp()
    shutil.copy(os.path.join(TOKENIZER, "tokenizer_config.json"), tmp)
    with gzip.open(os.path.join(TOKENIZER, "tokenizer.json.gz"), "rb") as src, \
            open(os.path.join(tmp, "tokenizer.json"), "wb") as dst:
        shutil.copyfileobj(src, dst)
    return AutoTokenizer.from_pretrained(tmp)


def main():
    tok = load_tokenizer()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    written = 0
    with open(JOB_GOLDEN, encoding="utf-8") as src, open(OUT, "w", encoding="utf-8") as out:
        for line in src:
            g = json.loads(line)
            if g["expect"] != "written":
                continue
            runs = trained_runs(g["input_ids"], g["labels"])
            row = {
                "offset": g["offset"],
                "text": tok.decode(g["input_ids"], skip_special_tokens=False),
                "trained_text": "".join(tok.decode(r, skip_special_tokens=False) for r in runs),
                "trained_runs": len(runs),
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            written += 1
    print(f"wrote {written} rows to {OUT}")


if __name__ == "__main__":
    main()
