#!/usr/bin/env python3
"""Differential check of `chatprep render` against transformers on the real datasets in <shared>/data.

For every chat template (vendor originals, tokenizer templates, the project's templates/*.jinja) renders up
to --per-file conversations of every data file with add_generation_prompt false, through transformers (spans
recorded) and through `scripts/chatprep render --template`, and reports every difference in text, spans or
failure. Exit status 1 when anything differs.

Usage: PYTHON=... scripts/reference/diff_render_real_data.py [--shared DIR] [--per-file 25]
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_render_goldens as goldens  # noqa: E402
from shared_dir import shared_dir


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(shared_dir()), help="shared reference material (default $CHATPREP_SHARED, else ../shared beside the repository)")
    ap.add_argument("--per-file", type=int, default=25)
    ap.add_argument("--templates-dir", default=os.path.join(repo, "templates"))
    args = ap.parse_args()
    import logging
    logging.disable(logging.WARNING)
    ctu = goldens.pin_clock()

    rows = []
    for path in sorted(glob.glob(os.path.join(args.shared, "data", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= args.per_file:
                    break
                row = json.loads(line)
                row.setdefault("name", f"{os.path.basename(path)}:{i}")
                rows.append(row)
    templates = goldens.file_templates(os.path.join(args.shared, "chat_templates", "*.jinja"), "vendor_")
    templates += goldens.tokenizer_templates(args.shared)
    templates += goldens.file_templates(os.path.join(args.templates_dir, "*.jinja"), "project_")

    total = differing = 0
    with tempfile.TemporaryDirectory() as work:
        for template_id, source, specials in templates:
            template_path = os.path.join(work, "t.jinja")
            with open(template_path, "w", encoding="utf-8") as f:
                f.write(source)
            cases, expected = [], []
            for row in rows:
                context = dict(specials)
                context.update({"messages": row["messages"], "tools": row.get("tools"), "documents": None,
                                "add_generation_prompt": False})
                cases.append({"context": context, "now": goldens.NOW.isoformat()})
                expected.append(goldens.render_case(ctu, source, row, False, {}, specials))
            in_path, out_path = os.path.join(work, "in.jsonl"), os.path.join(work, "out.jsonl")
            with open(in_path, "w", encoding="utf-8") as f:
                for c in cases:
                    f.write(json.dumps(c, ensure_ascii=False) + "\n")
            subprocess.run([os.path.join(repo, "scripts", "chatprep"), "render", "--input", in_path, "--output",
                            out_path, "--template", template_path], check=True, stderr=subprocess.DEVNULL)
            with open(out_path, encoding="utf-8") as f:
                got = [json.loads(line) for line in f]
            bad = 0
            for row, exp, g in zip(rows, expected, got):
                total += 1
                same = ("error" in exp and "error" in g) or (
                    "error" not in exp and "error" not in g and exp["text"] == g["text"]
                    and exp["generation_spans"] == g["generation_spans"])
                if not same:
                    bad += 1
                    if bad <= 3:
                        print(f"DIFF {template_id} {row['name']}: expected {str(exp)[:300]!r}\n     got {str(g)[:300]!r}")
            differing += bad
            print(f"{template_id}: {len(rows) - bad}/{len(rows)} identical", file=sys.stderr)
    print(f"{total - differing}/{total} renders identical ({len(templates)} templates x {len(rows)} conversations)")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
