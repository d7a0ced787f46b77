#!/usr/bin/env python3
"""Write the LLaVA-NeXT test tokenizer (standard library only).

Usage: scripts/reference/make_llava_next_tokenizer.py

llava-hf/llava-v1.6-mistral-7b-hf tokenizes with Mistral 7B v0.2's SentencePiece vocabulary (32,000 pieces, the
same layout as Llama 2's: <unk> 0, <s> 1, </s> 2) plus one added token, "<image>" with id 32000, declared in its
tokenizer_config.json as special, neither stripped nor normalized. There is no Mistral 7B tokenizer among the test
tokenizers, so src/test/resources/tokenizers/llava_next/ is the bundled Llama 2 tokenizer (tokenizers/llama2) with
that token added the same way: appended to tokenizer.json's added_tokens and to tokenizer_config.json's
added_tokens_decoder. The vision goldens (make_vision_goldens.py) and the Java tests both read it.
"""
import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOKENIZERS = ROOT / "src" / "test" / "resources" / "tokenizers"
IMAGE = {"content": "<image>", "lstrip": False, "normalized": False, "rstrip": False, "single_word": False,
         "special": True}
IMAGE_ID = 32000


def main():
    with gzip.open(TOKENIZERS / "llama2" / "tokenizer.json.gz", "rt", encoding="utf-8") as f:
        tokenizer = json.load(f)
    assert len(tokenizer["model"]["vocab"]) == IMAGE_ID, "the Llama 2 vocabulary should end at id 31999"
    tokenizer["added_tokens"].append({"id": IMAGE_ID, "content": IMAGE["content"], "single_word": False,
                                      "lstrip": False, "rstrip": False, "normalized": False, "special": True})
    config = json.loads((TOKENIZERS / "llama2" / "tokenizer_config.json").read_text(encoding="utf-8"))
    config["added_tokens_decoder"][str(IMAGE_ID)] = IMAGE
    out = TOKENIZERS / "llava_next"
    out.mkdir(exist_ok=True)
    with open(out / "tokenizer.json.gz", "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(json.dumps(tokenizer, ensure_ascii=False, indent=2).encode("utf-8"))
    (out / "tokenizer_config.json").write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n",
                                               encoding="utf-8")


if __name__ == "__main__":
    main()
