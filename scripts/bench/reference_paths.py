"""The Python side of scripts/bench/compare: each reference path on the same conversations, one path per process.

    reference_paths.py PATH --input FILE.jsonl --tokenizer DIR --template FILE [--limit N]

prints one JSON object: {"path", "conversations", "tokens", "seconds"}. Paths:
  trl_1p, trl_2p            TRL SFTTrainer dataset preparation (assistant_only_loss=True), 1 / 2 processes
  transformers_1p           apply_chat_template(tokenize=True, return_assistant_tokens_mask=True) per row
  datasets_map_2p           the same through datasets.map with 2 processes
  jinja_render_1p           transformers' Jinja2 rendering with generation-span tracking, no tokenization
  hf_encode_batch_1t, _2t   tokenizers' encode_batch of the rendered texts (RAYON_NUM_THREADS set by the caller)

Rows go to datasets the way a TRL user's JSON does: tool-call arguments as JSON text (Arrow cannot hold the
mixed argument dicts; the Qwen3 template prints a string argument as is and a dict through tojson, the same text).
"""
import argparse
import json
import os
import sys
import tempfile
import time


def load_rows(path, limit):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
                if limit and len(rows) >= limit:
                    break
    return rows


def for_datasets(row):
    messages = []
    for m in row["messages"]:
        m = dict(m)
        if m.get("tool_calls"):
            m["tool_calls"] = [
                {**tc, "function": {**tc["function"], "arguments": args if isinstance(args, str)
                                    else json.dumps(args, ensure_ascii=False)}}
                for tc in m["tool_calls"] for args in [tc["function"]["arguments"]]]
        messages.append(m)
    tools = row.get("tools")
    return {"messages": messages, "tools": json.dumps(tools, ensure_ascii=False) if tools else None}


def apply(tok, template, row):
    return tok.apply_chat_template(row["messages"], tools=row.get("tools") or None, chat_template=template,
                                   tokenize=True, return_dict=True, return_assistant_tokens_mask=True)


def per_row(tok, template, rows):
    tokens = 0
    for row in rows:
        tokens += len(apply(tok, template, row)["input_ids"])
    return tokens


def trl_prepare(tok, template, rows, procs):
    from datasets import Dataset
    from trl import SFTConfig, SFTTrainer
    from trl.chat_template_utils import get_training_chat_template, has_generation_markers
    dataset = Dataset.from_list([for_datasets(r) for r in rows])
    args = SFTConfig(output_dir=tempfile.mkdtemp(), assistant_only_loss=True, dataset_num_proc=procs if procs > 1 else None,
                     max_length=None, report_to=[], use_cpu=True, bf16=False)
    # As SFTConfig(chat_template_path=<training template>) does: the template becomes the tokenizer's own.
    tok.chat_template = template
    # The trainer without a model: only the attributes its dataset preparation reads, set the way
    # SFTTrainer.__init__ sets them for a text, conversational, unpacked dataset.
    trainer = SFTTrainer.__new__(SFTTrainer)
    trainer._tokenizer = tok
    trainer._is_vision_dataset = False
    trainer.completion_only_loss = False
    trainer.padding_free = False
    trainer.chat_template = (get_training_chat_template(tok)
                             if args.assistant_only_loss and not has_generation_markers(tok.chat_template) else None)
    start = time.perf_counter()
    out = trainer._prepare_dataset(dataset, tok, args, False, None, "train")
    seconds = time.perf_counter() - start
    return sum(len(x) for x in out["input_ids"]), seconds


def datasets_map(tok, template, rows, procs):
    from datasets import Dataset
    dataset = Dataset.from_list([{"row": json.dumps(r, ensure_ascii=False)} for r in rows])

    def encode(example):
        out = apply(tok, template, json.loads(example["row"]))
        return {"input_ids": out["input_ids"], "assistant_masks": out["assistant_masks"]}

    start = time.perf_counter()
    out = dataset.map(encode, num_proc=procs, remove_columns=["row"])
    seconds = time.perf_counter() - start
    return sum(len(x) for x in out["input_ids"]), seconds


def rendered_texts(tok, template, rows):
    return [tok.apply_chat_template(r["messages"], tools=r.get("tools") or None, chat_template=template,
                                    tokenize=False) for r in rows]


def jinja_render(tok, template, rows):
    from transformers.utils.chat_template_utils import render_jinja_template
    start = time.perf_counter()
    for r in rows:
        render_jinja_template(conversations=[r["messages"]], tools=r.get("tools") or None, chat_template=template,
                              return_assistant_tokens_mask=True, **tok.special_tokens_map)
    return None, time.perf_counter() - start


def encode_batch(tokenizer_dir, texts):
    from tokenizers import Tokenizer
    tokenizer = Tokenizer.from_file(os.path.join(tokenizer_dir, "tokenizer.json"))
    start = time.perf_counter()
    encodings = tokenizer.encode_batch(texts, add_special_tokens=False)
    seconds = time.perf_counter() - start
    return sum(len(e.ids) for e in encodings), seconds


def main():
    p = argparse.ArgumentParser()
    p.add_argument("path")
    p.add_argument("--input", required=True)
    p.add_argument("--tokenizer", required=True)
    p.add_argument("--template", required=True)
    p.add_argument("--limit", type=int, default=0)
    a = p.parse_args()
    from transformers import AutoTokenizer
    tok = AutoTokenizer.from_pretrained(a.tokenizer)
    template = open(a.template, encoding="utf-8").read()
    rows = load_rows(a.input, a.limit)
    if a.path in ("trl_1p", "trl_2p"):
        tokens, seconds = trl_prepare(tok, template, rows, 1 if a.path == "trl_1p" else 2)
    elif a.path == "transformers_1p":
        start = time.perf_counter()
        tokens = per_row(tok, template, rows)
        seconds = time.perf_counter() - start
    elif a.path == "datasets_map_2p":
        tokens, seconds = datasets_map(tok, template, rows, 2)
    elif a.path == "jinja_render_1p":
        tokens, seconds = jinja_render(tok, template, rows)
    elif a.path in ("hf_encode_batch_1t", "hf_encode_batch_2t"):
        tokens, seconds = encode_batch(a.tokenizer, rendered_texts(tok, template, rows))
    else:
        sys.exit(f"reference_paths: unknown path {a.path}")
    print(json.dumps({"path": a.path, "conversations": len(rows), "tokens": tokens, "seconds": seconds}))


if __name__ == "__main__":
    main()
