#!/usr/bin/env python
"""Write golden renderings of the training templates for the Java tests to replay.

Usage:
  PYTHON=.venv/bin/python scripts/reference/make_template_goldens.py [FAMILY ...] [--data-scale F]

Outputs, under src/test/resources/golden/templates/:
  conversations.jsonl  the conversations used ({"name", "messages", "tools"?, "chat_template_kwargs"?}):
                       varied.jsonl plus a fixed sample of real rows;
  <stem>.jsonl         one line per (conversation, add_generation_prompt, extra variables; real rows only
                       with the conversation's own variables):
                       {"name", "add_generation_prompt", "kwargs", "special_tokens", "now",
                        "text", "generation_spans"} or {..., "error"}.
`kwargs` are every template variable besides messages/tools/add_generation_prompt/special tokens
(the conversation's chat_template_kwargs merged with the variant); `generation_spans` are [start, end)
in Unicode code points; `now` is the fixed time strftime_now() returns; `text_content_as_parts` (when present) means every string
content was given as [{"type": "text", "text": ...}] (families whose template reads list content only); `error` is
"<Python exception type>: <message>" exactly as transformers raises it.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import template_cases as tc  # noqa: E402

OUT_DIR = tc.ROOT / "src" / "test" / "resources" / "golden" / "templates"
# Goldens use a smaller real-data sample than the checker: they are committed and replayed in unit tests.
GOLDEN_DATA_SCALE = 0.25


def family_records(family, conversations):
    now = tc.FIXED_NOW.isoformat()
    for conv in family.conversations(conversations):
        # Real rows only in the default variant: the variables' effects are covered by varied.jsonl.
        variants = family.kwarg_variants() if conv.name.startswith("varied/") else [{}]
        for variant in variants:
            kwargs = dict(conv.kwargs)
            kwargs.update(variant)
            for agp in (False, True):
                out = tc.render(family.training, conv.messages, conv.tools, agp, kwargs, family.specials)
                record = {"name": conv.name, "add_generation_prompt": agp, "kwargs": kwargs,
                          "special_tokens": family.specials, "now": now}
                if family.text_content_as_parts:
                    record["text_content_as_parts"] = True
                if out.error is not None:
                    record["error"] = out.error
                else:
                    record["text"] = out.text
                    record["generation_spans"] = [list(s) for s in out.spans]
                yield record


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("families", nargs="*", help="family stems (default: every templates/<stem>.json)")
    p.add_argument("--data-scale", type=float, default=GOLDEN_DATA_SCALE)
    args = p.parse_args(argv)

    conversations = tc.all_conversations(args.data_scale)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with open(OUT_DIR / "conversations.jsonl", "w", encoding="utf-8") as f:
        for conv in conversations:
            f.write(json.dumps(conv.to_json(), ensure_ascii=False) + "\n")
    for stem in args.families or tc.family_stems():
        family = tc.Family(stem)
        n = errors = 0
        with open(OUT_DIR / f"{stem}.jsonl", "w", encoding="utf-8") as f:
            for record in family_records(family, conversations):
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
                errors += "error" in record
        print(f"{stem}: {n} renderings ({errors} raise) -> {OUT_DIR / (stem + '.jsonl')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
