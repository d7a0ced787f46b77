#!/usr/bin/env python
"""A tokenizer whose tokenizer_config.json declares added tokens that its tokenizer.json lacks, and what
transformers makes of it.

Builds src/test/resources/tokenizers/config_added_tokens/ (a small byte-level BPE trained here, deterministic):
tokenizer.json holds one added token; tokenizer_config.json declares, in added_tokens_decoder, that token with
other flags, tokens missing from tokenizer.json with every flag combination (special or not, lstrip, rstrip,
single_word, normalized), one whose content is already in the model's vocabulary ("hell"), ids with gaps and out of
order, plus named special tokens (eos_token, pad_token as an object, extra_special_tokens) that no entry holds.

Writes src/test/resources/golden/tokens/config_added_tokens.json:
  {"added_tokens": [...]                 the backend tokenizer's added_tokens after transformers' loading,
   "cases": [{"text", "input_ids", "offsets"}]}   encodings without special tokens (offsets in code points).

Usage: PYTHON=.venv/bin/python scripts/reference/make_added_token_goldens.py
"""

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

ROOT = Path(__file__).resolve().parents[2]
TOKENIZER_DIR = ROOT / "src" / "test" / "resources" / "tokenizers" / "config_added_tokens"
GOLDEN = ROOT / "src" / "test" / "resources" / "golden" / "tokens" / "config_added_tokens.json"

CORPUS = ["hello world, the quick brown fox jumps over the lazy dog; tool calls and answers"] * 40

TEXTS = [
    "hello <think> world<tool_call>x",
    "a <sep>  the fox foxes <|endoftext|>x <|im_end|>",
    "hello<|endoftext|>hello",
    "  <|endoftext|> and <think>  after",
    "<pad_me><extra_a> quick<extra_a>brown <answer>  dog",
    "fox,fox fox. foxy <tool_call><tool_call>",
    "<|endoftext|>x<|endoftext|> <sep>\n<sep>",
]


def entry(content, special, normalized=False, lstrip=False, rstrip=False, single_word=False):
    return {"content": content, "lstrip": lstrip, "normalized": normalized, "rstrip": rstrip,
            "single_word": single_word, "special": special}


def build():
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=300, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                                  special_tokens=[], show_progress=False)
    tokenizer.train_from_iterator(CORPUS, trainer)
    tokenizer.add_special_tokens([AddedToken("<|endoftext|>", special=True)])
    TOKENIZER_DIR.mkdir(parents=True, exist_ok=True)
    tokenizer.save(str(TOKENIZER_DIR / "tokenizer.json"))
    base = tokenizer.get_vocab_size()
    config = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "added_tokens_decoder": {
            # Declared ids are deliberately wrong and out of order: transformers assigns its own.
            str(base - 1): entry("<|endoftext|>", True, lstrip=True),
            str(base + 7): entry("<tool_call>", False),
            str(base + 2): entry("<think>", True, lstrip=True),
            str(base + 3): entry("hell", True),
            str(base + 9): entry("<sep>", False, rstrip=True),
            str(base + 30): entry("fox", False, normalized=True, single_word=True),
            str(base + 1): entry("<|endoftext|>x", True, rstrip=True),
            str(base + 12): entry("<answer>", False, normalized=False, lstrip=True, rstrip=True),
        },
        "bos_token": "<|endoftext|>",
        "eos_token": "<|im_end|>",
        "pad_token": {"__type": "AddedToken", "content": "<pad_me>", "lstrip": False, "normalized": False,
                      "rstrip": True, "single_word": False, "special": False},
        "extra_special_tokens": ["<extra_a>", "<think>"],
    }
    (TOKENIZER_DIR / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def goldens():
    from transformers import AutoTokenizer
    tokenizer = AutoTokenizer.from_pretrained(str(TOKENIZER_DIR), local_files_only=True)
    added = json.loads(tokenizer.backend_tokenizer.to_str())["added_tokens"]
    cases = []
    for text in TEXTS:
        enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        cases.append({"text": text, "input_ids": list(enc["input_ids"]),
                      "offsets": [list(o) for o in enc["offset_mapping"]]})
    GOLDEN.write_text(json.dumps({"added_tokens": added, "cases": cases}, ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
    print(f"{len(added)} added tokens, {len(cases)} cases -> {GOLDEN}")


def main():
    build()
    goldens()
    return 0


if __name__ == "__main__":
    sys.exit(main())
