#!/usr/bin/env python
"""Token-level goldens for chatprep's tokenizer, mask and encoder tests, produced by the Python reference.

For every tokenizer under src/test/resources/tokenizers and every conversation of
src/test/resources/conversations/{varied,real_sample}.jsonl this renders the conversation exactly as
transformers' apply_chat_template(..., return_assistant_tokens_mask=True) does (TRL 1.13's language-modeling
path: tools parsed from a JSON string, chat_template_kwargs spread in) and writes one line per conversation
to src/test/resources/golden/tokens/<tokenizer>.jsonl.gz (and <tokenizer>.marked.jsonl.gz with the marked test
template when a training template exists):

  {"name", "text", "spans", "input_ids", "assistant_masks", "labels",
   "last_turn": {"prefix_chars", "mask"} | absent,
   "prompt_completion": {"prompt_tokens", "completion_mask"} | absent}
  or {"name", "error"} when the template raises.

"spans" are the generation spans transformers recorded (code points). "last_turn" follows chatprep's
documented last-turn definition (render of the messages before the last assistant message, tokens ending
at or before its length cleared). "prompt_completion" is TRL's prompt-completion mask for the same
conversation split before its last message (only when that message is the assistant's).

The template per tokenizer is templates/<family>_training.jinja when the project has it, else the marked
test template under src/test/resources/templates/. DeepSeek-V3 is loaded with PreTrainedTokenizerFast
(tokenizer.json as is): transformers 5's LlamaTokenizer class rewrites its pre-tokenizer, which breaks a byte-level
vocabulary; Llama 2 and Yi, SentencePiece vocabularies under the same class, are loaded with AutoTokenizer, whose
rebuilt pipeline chatprep follows (see make_class_pipeline_goldens.py).

Also quirks_<tokenizer>.jsonl.gz: conversations/mask_quirks.jsonl through templates/content_marked.jinja,
cases that exercise each span-to-mask rule on real tokenizations.

--sample rewrites real_sample.jsonl: a deterministic pick of real rows from the shared data directory.

Run with the reference interpreter ($PYTHON: .venv/bin/python in the repo if present, else python3; it needs
transformers 5.18, tokenizers 0.23, jinja2 3.1.6):
  HF_HUB_OFFLINE=1 "$PYTHON" scripts/reference/make_token_goldens.py [--data-dir DIR] [--sample]
"""

import argparse
import gzip
import json
import os
import sys
from datetime import datetime

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import transformers.tokenization_utils_base as tub  # noqa: E402
from transformers import AutoTokenizer, PreTrainedTokenizerFast  # noqa: E402
from shared_dir import shared_dir

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RES = os.path.join(ROOT, "src", "test", "resources")
FIXED_NOW = datetime(2025, 6, 1, 12, 0, 0)  # what the Java tests pin strftime_now to

# tokenizer folder -> (template family, fallback test template, loader)
TOKENIZERS = {
    "qwen3": ("qwen3", "chatml_marked.jinja", "auto"),
    "llama3_1": ("llama3_1", "llama3_marked.jinja", "auto"),
    "gemma3": ("gemma3", "gemma_marked.jinja", "auto"),
    "gptoss": ("gptoss", "harmony_marked.jinja", "auto"),
    "deepseek_v3": ("deepseekv3", "deepseek_marked.jinja", "fast"),
    "llama2": ("llama2", "llama2_marked.jinja", "auto"),
    # Yi: LlamaTokenizer, whose transformers 5 pipeline prepends the "▁" Yi's tokenizer.json never writes.
    "yi": ("chatml", "chatml_marked.jinja", "auto"),
}

# Span-to-mask quirk cases: conversations/mask_quirks.jsonl through templates/content_marked.jinja
QUIRK_TOKENIZERS = ["qwen3", "gemma3", "llama2"]

# data file -> rows to take, evenly spaced through the file
SAMPLE_QUOTAS = [
    ("lf_glaive_toolcall_en_demo.jsonl", 22),
    ("lf_glaive_toolcall_zh_demo.jsonl", 18),
    ("lf_reason_tool_use_demo.jsonl", 25),
    ("bfcl_v4_single_turn_toolcall.jsonl", 20),
    ("functionary_test_case.jsonl", 1),
    ("gsm8k_reasoning.jsonl", 14),
    ("hh_rlhf_harmless_base_test_chosen.jsonl", 20),
    ("fastchat_dummy_conversation.jsonl", 14),
    ("fastchat_mt_bench_gpt4_ref.jsonl", 10),
    ("lf_oaast_sft_zh.jsonl", 25),
    ("lf_alpaca_zh_demo.jsonl", 10),
    ("lf_lima.jsonl", 16),
    ("lf_identity.jsonl", 5),
]


class SpanCapture:
    """Keeps the (rendered text, generation spans) pair apply_chat_template tokenizes."""

    def __init__(self):
        self.last = None
        self._original = tub.render_jinja_template

    def __enter__(self):
        def capture(*args, **kwargs):
            self.last = self._original(*args, **kwargs)
            return self.last

        tub.render_jinja_template = capture
        return self

    def __exit__(self, *exc):
        tub.render_jinja_template = self._original


def write_sample(data_dir):
    rows = []
    for name, quota in SAMPLE_QUOTAS:
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            lines = [line for line in f if line.strip()]
        picks = sorted({i * len(lines) // quota for i in range(quota)})
        for i in picks:
            row = json.loads(lines[i])
            row["name"] = row.pop("id")
            rows.append(row)
    path = os.path.join(RES, "conversations", "real_sample.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} real rows -> {path}", file=sys.stderr)


def load_rows(names=("varied.jsonl", "real_sample.jsonl")):
    rows = []
    for name in names:
        with open(os.path.join(RES, "conversations", name), encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return rows


def template_for(family, fallback):
    training = os.path.join(ROOT, "templates", f"{family}_training.jinja")
    path = training if os.path.exists(training) else os.path.join(RES, "templates", fallback)
    with open(path, encoding="utf-8") as f:
        return path, f.read()


def render_kwargs(row, template):
    tools = row.get("tools")
    tools = json.loads(tools) if isinstance(tools, str) else tools
    return {
        "chat_template": template,
        "tools": tools,
        "strftime_now": lambda fmt: FIXED_NOW.strftime(fmt),
        **(row.get("chat_template_kwargs") or {}),
    }


def render_text(tokenizer, messages, kwargs, add_generation_prompt):
    kw = dict(kwargs)
    kw["add_generation_prompt"] = add_generation_prompt
    return tokenizer.apply_chat_template(messages, tokenize=False, **kw)


def golden_row(tokenizer, row, template, capture):
    kwargs = render_kwargs(row, template)
    messages = row["messages"]
    out = tokenizer.apply_chat_template(messages, tokenize=True, return_dict=True,
                                        return_assistant_tokens_mask=True, **kwargs)
    rendered, spans = capture.last
    text = rendered[0]
    ids = list(out["input_ids"])
    mask = list(out["assistant_masks"])
    result = {
        "name": row["name"],
        "text": text,
        "spans": [list(s) for s in spans[0]],
        "input_ids": ids,
        "assistant_masks": mask,
        "labels": [t if m else -100 for t, m in zip(ids, mask)],
    }
    offsets = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)["offset_mapping"]

    last = max((i for i, m in enumerate(messages) if m.get("role") == "assistant"), default=None)
    if last is not None and "add_generation_prompt" not in kwargs:
        try:
            prefix = render_text(tokenizer, messages[:last], kwargs, False) if last > 0 else ""
        except Exception:  # the template may refuse a conversation cut before an assistant message
            prefix = None
        if prefix is not None and text.startswith(prefix):
            result["last_turn"] = {
                "prefix_chars": len(prefix),
                "mask": [m if end > len(prefix) else 0 for m, (_, end) in zip(mask, offsets)],
            }

    if messages and messages[-1].get("role") == "assistant" and len(messages) > 1:
        # TRL's prompt-completion split: prompt rendered with the generation prompt, its token count cut off.
        pc_kwargs = {k: v for k, v in kwargs.items() if k != "add_generation_prompt"}
        prompt_ids = tokenizer.apply_chat_template(messages[:-1], tokenize=True, return_dict=True,
                                                   add_generation_prompt=True, **pc_kwargs)["input_ids"]
        full_ids = tokenizer.apply_chat_template(messages, tokenize=True, return_dict=True,
                                                 **pc_kwargs)["input_ids"]
        completion_mask = [0] * len(prompt_ids) + [1] * (len(full_ids) - len(prompt_ids))
        result["prompt_completion"] = {
            "input_ids": list(full_ids),
            "prompt_tokens": len(prompt_ids),
            # TRL's build_labels zips the mask with input_ids, so a prompt that renders longer than the whole
            # conversation leaves a mask longer than the ids; only its first len(ids) entries count.
            "completion_mask": completion_mask[: len(full_ids)],
        }
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", default=str(shared_dir() / "data"), help="the shared datasets (default SHARED/data: $CHATPREP_SHARED, else ../shared beside the repository)")
    parser.add_argument("--tokenizers-dir", default=os.path.join(RES, "tokenizers"),
                        help="folders with tokenizer.json(.gz) + tokenizer_config.json")
    parser.add_argument("--sample", action="store_true", help="rewrite real_sample.jsonl from --data-dir first")
    parser.add_argument("--only", default=None, help="comma-separated tokenizer folders")
    args = parser.parse_args(argv)

    if args.sample:
        write_sample(args.data_dir)
    rows = load_rows()
    out_dir = os.path.join(RES, "golden", "tokens")
    os.makedirs(out_dir, exist_ok=True)
    only = set(args.only.split(",")) if args.only else None
    special = {}
    jobs = []
    for folder, (family, fallback, loader) in TOKENIZERS.items():
        template_path, template = template_for(family, fallback)
        jobs.append((folder, loader, template_path, template, f"{folder}.jsonl.gz"))
        if not template_path.endswith(fallback):
            # The marked test template too: it renders rows the training template refuses (more token coverage).
            marked = os.path.join(RES, "templates", fallback)
            with open(marked, encoding="utf-8") as f:
                jobs.append((folder, loader, marked, f.read(), f"{folder}.marked.jsonl.gz"))
    for folder, loader, template_path, template, file_name in jobs:
        if only and folder not in only:
            continue
        tokenizer = load_tokenizer(os.path.join(args.tokenizers_dir, folder), loader)
        # What the template sees: AutoTokenizer's map (what TRL users get), whatever loader renders.
        special[folder] = load_tokenizer(os.path.join(args.tokenizers_dir, folder), "auto").special_tokens_map
        ok = err = 0
        path = os.path.join(out_dir, file_name)
        with gzip.open(path, "wt", encoding="utf-8") as out, SpanCapture() as capture:
            for row in rows:
                try:
                    rec = golden_row(tokenizer, row, template, capture)
                    ok += 1
                except Exception as e:  # the template (or transformers) raised: the row is rejected
                    rec = {"name": row["name"], "error": f"{type(e).__name__}: {e}"}
                    err += 1
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"{folder}: {ok} ok, {err} errors, template {os.path.relpath(template_path, ROOT)} -> {path}",
              file=sys.stderr)
    if not only:
        write_special_tokens(out_dir, special)
    quirk_rows = load_rows(("mask_quirks.jsonl",))
    with open(os.path.join(RES, "templates", "content_marked.jinja"), encoding="utf-8") as f:
        quirk_template = f.read()
    for folder in QUIRK_TOKENIZERS:
        if only and folder not in only:
            continue
        tokenizer = load_tokenizer(os.path.join(args.tokenizers_dir, folder), TOKENIZERS[folder][2])
        path = os.path.join(out_dir, f"quirks_{folder}.jsonl.gz")
        with gzip.open(path, "wt", encoding="utf-8") as out, SpanCapture() as capture:
            for row in quirk_rows:
                out.write(json.dumps(golden_row(tokenizer, row, quirk_template, capture), ensure_ascii=False) + "\n")
        print(f"{folder}: {len(quirk_rows)} quirk rows -> {path}", file=sys.stderr)


def write_special_tokens(out_dir, special):
    with open(os.path.join(out_dir, "special_tokens.json"), "w", encoding="utf-8") as f:
        json.dump(special, f, ensure_ascii=False, indent=1)
        f.write("\n")


def load_tokenizer(folder, loader, config_changes=None):
    """Loads from a folder that may hold tokenizer.json.gz, decompressing it into a temporary copy; config_changes
    (a dict) are written over tokenizer_config.json's keys first."""
    import shutil
    import tempfile
    tmp = tempfile.mkdtemp(prefix="chatprep-tok-")
    for name in os.listdir(folder):
        src = os.path.join(folder, name)
        if name.endswith(".gz"):
            with gzip.open(src, "rb") as fin, open(os.path.join(tmp, name[:-3]), "wb") as fout:
                shutil.copyfileobj(fin, fout)
        elif os.path.isfile(src):
            shutil.copy(src, tmp)
    if config_changes:
        config_path = os.path.join(tmp, "tokenizer_config.json")
        with open(config_path, encoding="utf-8") as f:
            config = json.load(f)
        config.update(config_changes)
        with open(config_path, "w", encoding="utf-8") as f:
            json.dump(config, f)
    cls = PreTrainedTokenizerFast if loader == "fast" else AutoTokenizer
    return cls.from_pretrained(tmp, local_files_only=True)


if __name__ == "__main__":
    main()
