#!/usr/bin/env python
"""Reference outcomes for the Spark job's end-to-end test, from transformers.

1. With --build-input, writes src/test/resources/job/real_mixed.jsonl: a fixed pick of real rows from the
   shared data directory (tool calls, parallel tool calls, reasoning, multi-turn, a long row) followed by
   rows that are bad on purpose (malformed JSON, wrong types, an unknown role, no assistant turn).
2. Renders every line as TRL 1.13's SFT preparation does (tokenizer.apply_chat_template(messages,
   tools=..., tokenize=True, return_dict=True, return_assistant_tokens_mask=True)) with the project's
   Llama 3.1 training template and tokenizer, and writes per line (keyed by its byte offset) the outcome the
   job must report: written (input_ids, labels with -100 outside the mask), filtered (longer than
   MAX_LENGTH), or quarantined with its stage (parse / convert for rows that are not conversations, render
   when the template raises, mask when nothing is trained).

Output: src/test/resources/golden/job/llama3_1_real_mixed.jsonl

Run: HF_HUB_OFFLINE=1 $PYTHON scripts/reference/make_job_goldens.py [--build-input] [--data-dir DIR]
"""
import argparse
import gzip
import json
import os
import shutil
import tempfile
from shared_dir import shared_dir

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INPUT = os.path.join(ROOT, "src/test/resources/job/real_mixed.jsonl")
GOLDEN = os.path.join(ROOT, "src/test/resources/golden/job/llama3_1_real_mixed.jsonl")
TOKENIZER = os.path.join(ROOT, "src/test/resources/tokenizers/llama3_1")
TEMPLATE = os.path.join(ROOT, "templates/llama3_1_training.jinja")
MAX_LENGTH = 1024
ALLOWED_ROLES = {"system", "developer", "user", "assistant", "tool", "ipython", "function"}

# (file, how many leading rows) picked from the shared data; plus rows chosen for a property below.
PICKS = [
    ("lf_glaive_toolcall_en_demo.jsonl", 6),
    ("gsm8k_reasoning.jsonl", 4),
    ("fastchat_dummy_conversation.jsonl", 4),
    ("fastchat_mt_bench_gpt4_ref.jsonl", 2),
    ("hh_rlhf_harmless_base_test_chosen.jsonl", 2),
]

BAD_LINES = [
    '{"id": "bad-malformed", "messages": [{"role": "user", "content": "unterminated"}',
    json.dumps({"id": "bad-wrong-type", "messages": "just a string"}),
    json.dumps({"id": "bad-unknown-role", "messages": [{"role": "narrator", "content": "Once"},
                                                       {"role": "assistant", "content": "Yes?"}]}),
    json.dumps({"id": "bad-no-assistant", "messages": [{"role": "user", "content": "Is anyone there?"}]}),
    json.dumps({"id": "bad-content-type", "messages": [{"role": "user", "content": "Hi"},
                                                       {"role": "assistant", "content": 42}]}),
]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parallel_calls(row):
    return any(len(m.get("tool_calls") or []) > 1 for m in row["messages"])


def build_input(data_dir, tokenizer, template):
    lines = []
    for name, count in PICKS:
        lines += [json.dumps(r, ensure_ascii=False) for r in read_jsonl(os.path.join(data_dir, name))[:count]]
    reason = read_jsonl(os.path.join(data_dir, "lf_reason_tool_use_demo.jsonl"))
    # The Llama 3.1 template raises on parallel tool calls: two such rows, and two it accepts.
    lines += [json.dumps(r, ensure_ascii=False) for r in [r for r in reason if parallel_calls(r)][:2]]
    lines += [json.dumps(r, ensure_ascii=False) for r in [r for r in reason if not parallel_calls(r)][:2]]
    # One real row longer than MAX_LENGTH tokens.
    long_row = next(r for r in read_jsonl(os.path.join(data_dir, "fastchat_mt_bench_gpt4_ref.jsonl"))
                    + read_jsonl(os.path.join(data_dir, "lf_reason_tool_use_demo.jsonl"))
                    if not parallel_calls(r) and len(encode(tokenizer, template, r)["input_ids"]) > MAX_LENGTH)
    lines.append(json.dumps(long_row, ensure_ascii=False))
    lines += BAD_LINES
    os.makedirs(os.path.dirname(INPUT), exist_ok=True)
    with open(INPUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def load_tokenizer(directory=TOKENIZER):
    """A tokenizer of the test resources, which keep tokenizer.json gzipped (transformers wants it plain)."""
    from transformers import AutoTokenizer
    tmp = tempfile.mkdtemp()
    shutil.copy(os.path.join(directory, "tokenizer_config.json"), tmp)
    with gzip.open(os.path.join(directory, "tokenizer.json.gz"), "rb") as src, \
            open(os.path.join(tmp, "tokenizer.json"), "wb") as dst:
        shutil.copyfileobj(src, dst)
    return AutoTokenizer.from_pretrained(tmp)


def encode(tokenizer, template, row):
    tools = row.get("tools")
    if isinstance(tools, str):
        tools = json.loads(tools)
    return tokenizer.apply_chat_template(row["messages"], tools=tools, chat_template=template, tokenize=True,
                                         return_dict=True, return_assistant_tokens_mask=True,
                                         **row.get("chat_template_kwargs", {}))


def not_a_conversation(row):
    """The job's own row checks (before the template): a list of objects with a string, allowed role."""
    if not isinstance(row, dict):
        return "not an object"
    messages = row.get("messages")
    if not isinstance(messages, list):
        return "messages is not a list"
    for m in messages:
        if not isinstance(m, dict) or not isinstance(m.get("role"), str) or m["role"] not in ALLOWED_ROLES:
            return "bad message"
    return None


def outcome(tokenizer, template, line):
    try:
        row = json.loads(line)
    except json.JSONDecodeError:
        return {"expect": "quarantined", "stage": "parse"}
    if not_a_conversation(row):
        return {"expect": "quarantined", "stage": "convert"}
    try:
        out = encode(tokenizer, template, row)
    except Exception as e:  # the template's own exception, as TRL would raise it
        return {"expect": "quarantined", "stage": "render", "error": str(e)}
    ids, mask = list(out["input_ids"]), list(out["assistant_masks"])
    if len(ids) > MAX_LENGTH:
        return {"expect": "filtered", "num_tokens": len(ids)}
    if not any(mask):
        return {"expect": "quarantined", "stage": "mask"}
    return {"expect": "written", "input_ids": ids, "labels": [t if m else -100 for t, m in zip(ids, mask)]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build-input", action="store_true")
    parser.add_argument("--data-dir", default=str(shared_dir() / "data"), help="the shared datasets (default SHARED/data: $CHATPREP_SHARED, else ../shared beside the repository)")
    args = parser.parse_args()
    tokenizer = load_tokenizer()
    template = open(TEMPLATE, encoding="utf-8").read()
    if args.build_input:
        build_input(args.data_dir, tokenizer, template)
    raw = open(INPUT, "rb").read()
    os.makedirs(os.path.dirname(GOLDEN), exist_ok=True)
    counts = {}
    with open(GOLDEN, "w", encoding="utf-8") as out:
        offset = 0
        for line in raw.split(b"\n"):
            text = line.decode("utf-8")
            if text.strip():
                record = {"offset": offset, **outcome(tokenizer, template, text)}
                key = record["expect"] + ("/" + record["stage"] if "stage" in record else "")
                counts[key] = counts.get(key, 0) + 1
                out.write(json.dumps(record) + "\n")
            offset += len(line) + 1
    print(json.dumps(counts, sort_keys=True))


if __name__ == "__main__":
    main()
