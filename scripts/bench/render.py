#!/usr/bin/env python3
"""Driver of scripts/bench/render: times transformers' renderer, then runs the Java engine on the same input."""
import argparse
import json
import os
import shlex
import subprocess
import time

CONVERSATION = "system_multi_turn"
TEMPLATES = {"qwen3": "qwen3", "llama3": "llama3_1"}


def load_template(shared, tokenizer):
    with open(os.path.join(shared, "tokenizers", tokenizer, "tokenizer_config.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    specials = {}
    for key, value in cfg.items():
        if key.endswith("_token"):
            value = value.get("content") if isinstance(value, dict) else value
            if value is not None:
                specials[key] = value
    return cfg["chat_template"], specials


def rate(fn, seconds):
    end = time.perf_counter() + min(seconds, 2)
    while time.perf_counter() < end:
        fn()
    n = 0
    start = time.perf_counter()
    while True:
        for _ in range(50):
            fn()
        n += 50
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return n / elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True)
    ap.add_argument("--conversations", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--seconds", type=float, default=5)
    ap.add_argument("--java", required=True)
    args = ap.parse_args()

    import logging
    logging.disable(logging.WARNING)
    from transformers.utils.chat_template_utils import render_jinja_template

    with open(args.conversations, encoding="utf-8") as f:
        row = next(json.loads(line) for line in f if json.loads(line)["name"] == CONVERSATION)
    print(f"conversation: {CONVERSATION} ({len(row['messages'])} messages), one thread each, {args.seconds:g} s")
    print(f"{'template':<8} {'chars':>6} {'python render/s':>16} {'python +spans/s':>16} {'java render/s':>14} {'speed-up':>9}")
    for label, tokenizer in TEMPLATES.items():
        source, specials = load_template(args.shared, tokenizer)
        kwargs = dict(specials)

        def plain():
            return render_jinja_template([row["messages"]], chat_template=source, add_generation_prompt=False,
                                         **kwargs)

        def with_spans():
            return render_jinja_template([row["messages"]], chat_template=source, add_generation_prompt=False,
                                         return_assistant_tokens_mask=True, **kwargs)

        text = plain()[0][0]
        py_plain = rate(plain, args.seconds)
        py_spans = rate(with_spans, args.seconds)

        template_path = os.path.join(args.work, label + ".jinja")
        context_path = os.path.join(args.work, label + ".json")
        with open(template_path, "w", encoding="utf-8") as f:
            f.write(source)
        context = dict(kwargs)
        context.update({"messages": row["messages"], "tools": None, "documents": None,
                        "add_generation_prompt": False})
        with open(context_path, "w", encoding="utf-8") as f:
            json.dump(context, f, ensure_ascii=False)
        out = subprocess.run(shlex.split(args.java) + [template_path, context_path, str(args.seconds)],
                             check=True, capture_output=True, text=True).stdout
        fields = dict(part.split("=") for part in out.split())
        java = float(fields["renders_per_second"])
        if int(fields["chars"]) != len(text):
            raise SystemExit(f"{label}: Java rendered {fields['chars']} chars, Python {len(text)}")
        print(f"{label:<8} {len(text):>6} {py_plain:>16.0f} {py_spans:>16.0f} {java:>14.0f} {java / py_plain:>8.2f}x")


if __name__ == "__main__":
    main()
