#!/usr/bin/env python3
"""Write the test tokenizers that template recognition is tested on (standard library only).

Usage: [CHATPREP_SHARED=DIR] scripts/reference/make_recognition_tokenizers.py

- src/test/resources/tokenizers/mistral_nemo/: the shared Mistral Nemo tokenizer (tokenizer.json gzip-compressed,
  tokenizer_config.json as is), whose config carries the vendor chat template;
- src/test/resources/tokenizers/recognition/<name>/: a real or hand-written tokenizer_config.json carrying the
  template under test, beside a tiny WordLevel tokenizer.json that defines the special tokens named in it
  (recognition reads only the config and the added tokens):
    command_r_plus        the Command R+ config as shipped: named templates default / tool_use / rag
    llama3_first_release  Meta-Llama-3-8B-Instruct's first template, which always appends the assistant header
    chatml_reformatted    ChatML written differently (whitespace control, attribute access): renders the same
    chatml_default_system ChatML with a default system prompt (Qwen1.5-Chat's form): renders differently
    chatml_bos            ChatML after a BOS token (InternLM2-Chat's form): renders differently
    no_template_chatml    no chat template at all, ChatML's role tokens among the added tokens
"""
import gzip
import json
import os
import shutil
from pathlib import Path
from shared_dir import shared_dir

ROOT = Path(__file__).resolve().parents[2]
SHARED = shared_dir()
OUT = ROOT / "src" / "test" / "resources" / "tokenizers"

CHATML_REFORMATTED = ("{%- for message in messages %}\n"
                      "    {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}\n"
                      "{%- endfor %}\n"
                      "{%- if add_generation_prompt %}\n"
                      "    {{- '<|im_start|>assistant\\n' }}\n"
                      "{%- endif %}\n")
CHATML_DEFAULT_SYSTEM = ("{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
                         "{{ '<|im_start|>system\\nYou are a helpful assistant<|im_end|>\\n' }}{% endif %}"
                         "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
                         "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}")
CHATML_BOS = ("{{ bos_token }}{% for message in messages %}"
              "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
              "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}")
LLAMA3_FIRST_RELEASE = (ROOT / "templates" / "originals" / "llama3__first_release.jinja").read_text(encoding="utf-8")

CHATML_TOKENS = {"bos_token": "<s>", "eos_token": "<|im_end|>", "unk_token": "<unk>"}


def tiny_tokenizer_json(special_tokens):
    """A valid tokenizer.json whose vocabulary is just the special tokens (as added tokens) and <unk>."""
    tokens = ["<unk>"] + [t for t in dict.fromkeys(special_tokens) if t != "<unk>"]
    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True} for i, t in enumerate(tokens)],
        "normalizer": None, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": None, "decoder": None,
        "model": {"type": "WordLevel", "vocab": {t: i for i, t in enumerate(tokens)}, "unk_token": "<unk>"},
    }


def write_dir(name, config, tokens):
    d = OUT / "recognition" / name
    d.mkdir(parents=True, exist_ok=True)
    (d / "tokenizer_config.json").write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (d / "tokenizer.json").write_text(json.dumps(tiny_tokenizer_json(tokens), ensure_ascii=False) + "\n",
                                      encoding="utf-8")


def main():
    nemo = OUT / "mistral_nemo"
    nemo.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHARED / "tokenizers" / "mistral_nemo" / "tokenizer_config.json", nemo / "tokenizer_config.json")
    with open(SHARED / "tokenizers" / "mistral_nemo" / "tokenizer.json", "rb") as src, \
            gzip.GzipFile(nemo / "tokenizer.json.gz", "wb", compresslevel=9, mtime=0) as dst:
        shutil.copyfileobj(src, dst)

    cohere_dir = OUT / "recognition" / "command_r_plus"
    cohere_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHARED / "tokenizers" / "command_r_plus" / "tokenizer_config.json",
                    cohere_dir / "tokenizer_config.json")
    (cohere_dir / "tokenizer.json").write_text(json.dumps(tiny_tokenizer_json(
        ["<BOS_TOKEN>", "<PAD>", "<|START_OF_TURN_TOKEN|>", "<|END_OF_TURN_TOKEN|>", "<|USER_TOKEN|>",
         "<|CHATBOT_TOKEN|>", "<|SYSTEM_TOKEN|>"])) + "\n", encoding="utf-8")

    llama = {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>", "chat_template": LLAMA3_FIRST_RELEASE}
    write_dir("llama3_first_release", llama,
              ["<|begin_of_text|>", "<|eot_id|>", "<|start_header_id|>", "<|end_header_id|>"])
    for name, template in (("chatml_reformatted", CHATML_REFORMATTED), ("chatml_default_system", CHATML_DEFAULT_SYSTEM),
                           ("chatml_bos", CHATML_BOS)):
        write_dir(name, dict(CHATML_TOKENS, chat_template=template), ["<s>", "<|im_start|>", "<|im_end|>"])
    write_dir("no_template_chatml", dict(CHATML_TOKENS), ["<s>", "<|im_start|>", "<|im_end|>"])
    print(f"wrote {nemo} and {OUT / 'recognition'}")


if __name__ == "__main__":
    main()
