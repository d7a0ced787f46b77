#!/usr/bin/env python3
"""Differential goldens for the chat-template engine, produced by transformers' own renderer.

For every chat template (vendor originals: the shared copies, the project's templates/originals/ and the
further vendor templates of chat_templates/more/, each text once; the templates inside tokenizer_config.json
files; and the project's templates/*.jinja when present) and every conversation of varied.jsonl, renders with
add_generation_prompt false and true (and enable_thinking absent/true/false where the template reads it)
through transformers.utils.chat_template_utils.render_jinja_template with return_assistant_tokens_mask=True,
so generation spans are recorded exactly as transformers records them. strftime_now is pinned.

Writes src/test/resources/golden/render/<template-id>.jsonl: a header line {"template_id", "source",
"special_tokens", "now"} followed by one line per case {"conversation", "add_generation_prompt", "kwargs",
"text", "generation_spans"} or {..., "error"}.

Usage: PYTHON=... scripts/reference/make_render_goldens.py [--shared DIR] [--out DIR] [--only REGEX]
"""
import argparse
import datetime as _dt
import glob
import json
import os
import sys
from shared_dir import shared_dir

NOW = _dt.datetime(2025, 7, 10, 12, 0, 0)

# Special tokens for templates that come without a tokenizer: fixed, recognisable strings.
GENERIC_SPECIAL_TOKENS = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>"}


def pin_clock():
    import transformers.utils.chat_template_utils as ctu

    class PinnedDatetime(_dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return NOW

    ctu.datetime = PinnedDatetime
    return ctu


def token_text(value):
    if isinstance(value, dict):
        return value.get("content")
    return value


def tokenizer_templates(shared):
    out = []
    for cfg_path in sorted(glob.glob(os.path.join(shared, "tokenizers", "*", "tokenizer_config.json"))):
        name = os.path.basename(os.path.dirname(cfg_path))
        with open(cfg_path, encoding="utf-8") as f:
            cfg = json.load(f)
        specials = {}
        for key, value in cfg.items():
            if key.endswith("_token") and token_text(value) is not None:
                specials[key] = token_text(value)
        template = cfg.get("chat_template")
        if isinstance(template, list):
            for entry in template:
                out.append((f"tokenizer_{name}_{entry['name']}", entry["template"], specials))
        elif isinstance(template, str):
            out.append((f"tokenizer_{name}", template, specials))
    return out


def file_templates(pattern, prefix):
    out = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as f:
            source = f.read()
        out.append((prefix + os.path.splitext(os.path.basename(path))[0], source, dict(GENERIC_SPECIAL_TOKENS)))
    return out


def variants(row, source):
    """(add_generation_prompt, kwargs) pairs to render for one conversation."""
    base = dict(row.get("chat_template_kwargs") or {})
    fixed_agp = base.pop("add_generation_prompt", None)
    agps = [fixed_agp] if fixed_agp is not None else [False, True]
    thinking = [None]
    if "enable_thinking" in source and "enable_thinking" not in base:
        thinking = [None, True, False]
    for agp in agps:
        for think in thinking:
            kwargs = dict(base)
            if think is not None:
                kwargs["enable_thinking"] = think
            yield agp, kwargs


def render_case(ctu, source, row, agp, kwargs, specials):
    call_kwargs = dict(specials)
    call_kwargs.update(kwargs)
    try:
        rendered, indices = ctu.render_jinja_template(
            conversations=[row["messages"]],
            tools=row.get("tools"),
            documents=None,
            chat_template=source,
            return_assistant_tokens_mask=True,
            add_generation_prompt=agp,
            **call_kwargs,
        )
        return {"text": rendered[0], "generation_spans": [list(s) for s in indices[0]]}
    except Exception as e:  # the engine must fail too; the message is informative only
        return {"error": f"{type(e).__name__}: {e}"}


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(shared_dir()), help="shared reference material (default $CHATPREP_SHARED, else ../shared beside the repository)")
    ap.add_argument("--conversations", default=os.path.join(repo, "src/test/resources/conversations/varied.jsonl"))
    ap.add_argument("--templates-dir", default=os.path.join(repo, "templates"))
    ap.add_argument("--out", default=os.path.join(repo, "src/test/resources/golden/render"))
    ap.add_argument("--only", help="regular expression: write only the template ids it matches (fullmatch)")
    args = ap.parse_args()

    import logging
    logging.disable(logging.WARNING)
    ctu = pin_clock()
    with open(args.conversations, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]

    templates = file_templates(os.path.join(args.shared, "chat_templates", "*.jinja"), "vendor_")
    # Vendor originals the project bundles beyond the shared copies (same id when both hold a template), then the
    # further vendor templates of more/ whose text no earlier one holds (most are the originals of a family).
    seen = {t[0] for t in templates}
    templates += [t for t in file_templates(os.path.join(args.templates_dir, "originals", "*.jinja"), "vendor_")
                  if t[0] not in seen]
    texts = {t[1] for t in templates}
    templates += [t for t in file_templates(os.path.join(args.shared, "chat_templates", "more", "*.jinja"),
                                            "vendor_more_") if t[1] not in texts]
    templates += tokenizer_templates(args.shared)
    templates += file_templates(os.path.join(args.templates_dir, "*.jinja"), "project_")
    if args.only:
        import re
        templates = [t for t in templates if re.fullmatch(args.only, t[0])]

    os.makedirs(args.out, exist_ok=True)
    total = errors = 0
    for template_id, source, specials in templates:
        path = os.path.join(args.out, template_id + ".jsonl")
        with open(path, "w", encoding="utf-8") as out:
            header = {"template_id": template_id, "source": source, "special_tokens": specials,
                      "now": NOW.isoformat()}
            out.write(json.dumps(header, ensure_ascii=False) + "\n")
            for row in rows:
                for agp, kwargs in variants(row, source):
                    case = {"conversation": row["name"], "add_generation_prompt": agp, "kwargs": kwargs}
                    case.update(render_case(ctu, source, row, agp, kwargs, specials))
                    errors += "error" in case
                    total += 1
                    out.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{len(templates)} templates, {total} cases ({errors} raise) -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
