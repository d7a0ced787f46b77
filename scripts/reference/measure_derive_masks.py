#!/usr/bin/env python
"""Measure `--derive-masks` against every bundled training template, with transformers' renderer.

Usage:
  PYTHON=.venv/bin/python scripts/reference/measure_derive_masks.py [FAMILY ...] [--check] [--verbose]

For every family (templates/<stem>.json) and every conversation of the verification corpus
(src/main/resources/verify/conversations.jsonl, the corpus `verify-template` renders), rendered without a
generation prompt under each extra variable the original reads, this derives the assistant spans from the
family's ORIGINAL template exactly as chatprep's --derive-masks does (assistant turn i is what messages[:i+1]
adds after messages[:i] rendered with the generation prompt; refused unless each of those renderings is a
prefix of the next and of the whole conversation) and compares them, character by character, with the spans
of the family's training template:

  cases    renderings with at least one assistant turn that the original renders (one per variant)
  stable   of those, the ones the original is prefix-stable on: derive-masks serves them
  equal    of the stable ones, those whose text and trained characters equal the training template's
  differ   stable ones where they do not (the first is named)

Writes src/test/resources/golden/derive_masks.json ({stem: {"cases", "stable", "equal", "differ", "first_difference"?}}),
which templates_readme.py turns into each family's "derive-masks" line; --check only compares the measurement
with the committed file (exit 1 when they differ or a family has no entry). Exit status 1 also when a family
has a "differ" case and its metadata does not say why (derive_masks_note): wherever the original is
prefix-stable the derived masks are to be the training template's, or the difference is documented.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import template_cases as tc  # noqa: E402

CORPUS = tc.ROOT / "src" / "main" / "resources" / "verify" / "conversations.jsonl"
OUT = tc.ROOT / "src" / "test" / "resources" / "golden" / "derive_masks.json"


def corpus():
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            rows.append(tc.Conversation(d.get("name", "?"), d["messages"], d.get("tools"), d.get("chat_template_kwargs")))
    return rows


def derive(family, conv, kwargs, full):
    """Spans as chatprep's DerivedSpans finds them, or None when the original is not prefix-stable here."""
    spans = []
    for i in conv.assistant_indices():
        prompt = tc.render(family.original, conv.messages[:i], conv.tools, True, kwargs, family.specials)
        upto = tc.render(family.original, conv.messages[:i + 1], conv.tools, False, kwargs, family.specials)
        if prompt.error or upto.error:
            return None
        if not upto.text.startswith(prompt.text) or not full.startswith(upto.text):
            return None
        if len(upto.text) > len(prompt.text):
            spans.append((len(prompt.text), len(upto.text)))
    return spans


def covered(spans):
    chars = set()
    for a, b in spans:
        chars.update(range(a, b))
    return chars


def measure(family):
    result = {"cases": 0, "stable": 0, "equal": 0, "differ": 0}
    for conv in family.conversations(corpus()):
        if not conv.assistant_indices():
            continue
        for variant in family.kwarg_variants():
            kwargs = dict(conv.kwargs)
            kwargs.update(variant)
            orig = tc.render(family.original, conv.messages, conv.tools, False, kwargs, family.specials)
            if orig.error:
                continue
            result["cases"] += 1
            derived = derive(family, conv, kwargs, orig.text)
            if derived is None:
                continue
            result["stable"] += 1
            train = tc.render(family.training, conv.messages, conv.tools, False, kwargs, family.specials)
            where = f"{conv.name} {json.dumps(kwargs, sort_keys=True) if kwargs else ''}".rstrip()
            if train.error or train.text != orig.text:
                difference = f"{where}: the training template renders another text"
            else:
                extra = sorted(covered(derived) - covered(train.spans))
                missing = sorted(covered(train.spans) - covered(derived))
                if not extra and not missing:
                    result["equal"] += 1
                    continue
                at = (extra or missing)[0]
                kind = "derived but not trained" if extra else "trained but not derived"
                difference = f"{where}: {kind} from char {at}: {orig.text[at:at + 40]!r}"
            result["differ"] += 1
            result.setdefault("first_difference", difference)
    return result


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("families", nargs="*", help="family stems (default: every templates/<stem>.json)")
    p.add_argument("--check", action="store_true", help="compare with the committed derive_masks.json, write nothing")
    args = p.parse_args(argv)
    stems = args.families or tc.family_stems()
    committed = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
    measured = dict(committed) if args.families else {}
    failed = False
    for stem in stems:
        family = tc.Family(stem)
        r = measure(family)
        measured[stem] = r
        share = f"{r['stable']}/{r['cases']}"
        print(f"{stem:28} stable {share:>9}  equal {r['equal']:>4}  differ {r['differ']:>3}"
              + (f"  first: {r['first_difference']}" if r.get("first_difference") else ""))
        if r["differ"] and not family.meta.get("derive_masks_note"):
            print(f"{stem}: derived masks differ from the training template's and derive_masks_note does not say why",
                  file=sys.stderr)
            failed = True
    if args.check:
        for stem in tc.family_stems():
            if stem not in committed:
                print(f"{OUT.name}: no entry for {stem}: run {Path(__file__).name}", file=sys.stderr)
                failed = True
        for stem in stems:
            if committed.get(stem) != measured[stem]:
                print(f"{OUT.name}: {stem} is out of date: run {Path(__file__).name}", file=sys.stderr)
                failed = True
    else:
        OUT.write_text(json.dumps(dict(sorted(measured.items())), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
