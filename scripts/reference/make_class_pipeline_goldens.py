#!/usr/bin/env python3
"""Token ids and offsets that transformers' AutoTokenizer gives for texts where a tokenizer class's own pipeline and
tokenizer.json's differ (LlamaTokenizer rebuilds its normalizer, pre-tokenizer and decoder in transformers 5):
spaces at the start, runs of spaces, text after special tokens with and without a space, newlines before spaces.

Writes src/test/resources/golden/tokens/class_pipeline.json:
  {"<case>": {"tokenizer": "<folder under src/test/resources/tokenizers>", "config": {...changes to
   tokenizer_config.json...}, "loader": "auto"|"fast", "texts": [{"text", "ids", "offsets"}]}}
"fast" (tokenizer.json as is) is recorded for DeepSeek-V3, whose byte-level vocabulary chatprep keeps as
tokenizer.json has it (transformers 5's LlamaTokenizer pipeline breaks it).

Run: HF_HUB_OFFLINE=1 "$PYTHON" scripts/reference/make_class_pipeline_goldens.py
"""
import json
import os

from make_token_goldens import load_tokenizer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKENIZERS = os.path.join(ROOT, "src", "test", "resources", "tokenizers")
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "tokens", "class_pipeline.json")

CASES = {
    "llama2": ("llama2", {}, "auto"),
    "llama2_legacy_false": ("llama2", {"legacy": False}, "auto"),
    "llama2_no_prefix_space": ("llama2", {"add_prefix_space": False}, "auto"),
    "yi": ("yi", {}, "auto"),
    "deepseek_v3": ("deepseek_v3", {}, "fast"),
}

TEXTS = [
    "Hello world",
    " Hello world",
    "  two  spaces\n\nnew",
    "<s>[INST] hi [/INST] ok</s> [INST] again [/INST]",
    "<s>[INST] hi [/INST] ok</s><s>[INST] again [/INST]",
    "</s> x",
    "</s>x",
    "line one\n line two\n\n  indented",
    "tab\tand\u2581piece",
    "",
    " ",
    "   ",
    "<|im_start|>user\nHi there<|im_end|>\n<|im_start|>assistant\n Sure.<|im_end|>",
    "<|startoftext|> Yi starts here",
    "naïve café — 中文 測試 😀",
    "<unk> unknown",
]


def main():
    out = {}
    for case, (folder, changes, loader) in CASES.items():
        tokenizer = load_tokenizer(os.path.join(TOKENIZERS, folder), loader, changes)
        texts = []
        for text in TEXTS:
            enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
            texts.append({"text": text, "ids": enc["input_ids"], "offsets": [list(o) for o in enc["offset_mapping"]]})
        out[case] = {"tokenizer": folder, "config": changes, "loader": loader,
                     "tokenizer_class": type(tokenizer).__name__, "texts": texts}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(out)} cases, {len(TEXTS)} texts each -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
