"""Shared pieces of the training-template reference scripts: families, conversations and rendering.

Rendering goes through transformers' own `render_jinja_template`, so the text and the `{% generation %}`
spans are exactly what `apply_chat_template(..., return_assistant_tokens_mask=True)` sees.
"""

import json
import os
import random
import re
from datetime import datetime
from pathlib import Path
from shared_dir import shared_dir

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

try:
    from transformers.utils.chat_template_utils import render_jinja_template  # noqa: E402
except ImportError as e:
    raise SystemExit(f"the reference scripts need transformers 5.x and jinja2 ({e}); run them with an "
                     f"interpreter that has them, e.g. PYTHON=/path/to/venv/bin/python")

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES_DIR = ROOT / "templates"
VARIED = ROOT / "src" / "test" / "resources" / "conversations" / "varied.jsonl"
# More hand-written cases for the template checks only (the token goldens replay varied.jsonl row by row): tool
# calls with the 9-character ids Mistral's templates require.
VARIED_TEMPLATE_ONLY = ROOT / "src" / "test" / "resources" / "conversations" / "varied_tool_ids.jsonl"
SHARED = shared_dir()
TOKENIZERS_DIR = SHARED / "tokenizers"
DATA_DIR = SHARED / "data"

# A fixed clock: templates that print today's date (strftime_now) must render reproducibly.
FIXED_NOW = datetime(2025, 1, 1, 0, 0, 0)

# Real tokenizer per family where one is available; the others are checked at text level with the Qwen3
# special tokens plus the family's own (FAMILY_SPECIAL_TOKENS).
FAMILY_TOKENIZER = {
    "qwen": "qwen3",
    "llama3": "llama3_1",
    "gemma3": "gemma3",
    "gptoss": "gptoss",
    "deepseek": "deepseek_v3",
    "mistral_nemo": "mistral_nemo",
    "chatml": "qwen2_5",
    "nemotron_super_v1_5": "llama3_1",
}

# Special tokens the vendor tokenizer of a family defines, for families whose tokenizer is not shipped.
FAMILY_SPECIAL_TOKENS = {
    "lfm2": {"bos_token": "<|startoftext|>", "eos_token": "<|im_end|>", "pad_token": "<|pad|>"},
    "muse_glimmer": {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot|>"},
    "glm4moe": {"eos_token": "<|endoftext|>", "pad_token": "<|endoftext|>"},
    "glm4_6": {"eos_token": "<|endoftext|>", "pad_token": "<|endoftext|>"},
    "nemotron": {"bos_token": "<s>", "eos_token": "<|im_end|>"},
    "nemotron_nano_v2": {"bos_token": "<SPECIAL_10>", "eos_token": "<SPECIAL_12>"},
    "gemma": {"bos_token": "<bos>", "eos_token": "<eos>"},
    "phi3": {"bos_token": "<s>", "eos_token": "<|endoftext|>"},
    "apriel": {"bos_token": "<s>", "eos_token": "</s>"},
    "gigachat": {"bos_token": "<s>", "eos_token": "</s>"},
    "phi4": {"bos_token": "<|endoftext|>", "eos_token": "<|endoftext|>"},
    "cohere": {"bos_token": "<BOS_TOKEN>", "eos_token": "<|END_OF_TURN_TOKEN|>"},
    "llava_next": {"bos_token": "<s>", "eos_token": "</s>"},
    "idefics3": {"bos_token": "<|begin_of_text|>", "eos_token": "<end_of_utterance>"},
    "diffusion_gemma": {"bos_token": "<bos>", "eos_token": "<eos>"},
    "mistral": {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>"},
    "minimax": {"bos_token": "]~!b[", "eos_token": "[e~["},
    "seed_oss": {"bos_token": "<seed:bos>", "eos_token": "<seed:eos>", "pad_token": "<seed:pad>"},
}

# Extra template variables a template may read; each value becomes one more rendering variant when the
# original template mentions the name.
KWARG_VARIANTS = {
    "enable_thinking": [False, True],
    "preserve_thinking": [True, False],
    "truncate_history_thinking": [False],
    "reasoning_effort": ["low", "medium"],
    "low_effort": [True],
    "add_thoughts": [True],
    "drop_history_thinking": [False],
    "training_prompt": [True],
    "medium_effort": [True],
}

# Deterministic sample of real rows: file -> number of rows.
DATA_SAMPLE = {
    "lf_glaive_toolcall_en_demo.jsonl": 12,
    "lf_glaive_toolcall_zh_demo.jsonl": 12,
    "lf_reason_tool_use_demo.jsonl": 14,
    "functionary_test_case.jsonl": 1,
    "bfcl_v4_single_turn_toolcall.jsonl": 10,
    "gsm8k_reasoning.jsonl": 10,
    "hh_rlhf_harmless_base_test_chosen.jsonl": 12,
    "fastchat_mt_bench_gpt4_ref.jsonl": 8,
    "fastchat_dummy_conversation.jsonl": 6,
    "lf_oaast_sft_zh.jsonl": 12,
    "lf_identity.jsonl": 4,
    "lf_lima.jsonl": 6,
    "lf_alpaca_zh_demo.jsonl": 4,
}
SAMPLE_SEED = 20250101


def _prefix_key(stem, table):
    best = None
    for prefix, value in table.items():
        if stem.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, value)
    return best[1] if best else None


def tokenizer_name(stem):
    """Name of the directory under tokenizers/ whose vocabulary belongs to this family, or None."""
    return _prefix_key(stem, FAMILY_TOKENIZER)


def _token_text(value):
    if isinstance(value, dict):
        return value.get("content")
    return value


def tokenizer_special_tokens(name):
    config = json.loads((TOKENIZERS_DIR / name / "tokenizer_config.json").read_text(encoding="utf-8"))
    tokens = {}
    for key, value in config.items():
        if key.endswith("_token") and not key.startswith("add_"):
            text = _token_text(value)
            if text is not None:
                tokens[key] = text
    return tokens


def special_tokens(stem):
    """Special-token template variables used to render a family (what its tokenizer would pass)."""
    name = tokenizer_name(stem)
    if name is not None:
        return tokenizer_special_tokens(name)
    tokens = tokenizer_special_tokens("qwen3")
    tokens.update(_prefix_key(stem, FAMILY_SPECIAL_TOKENS) or {})
    return tokens


class Family:
    def __init__(self, stem):
        self.stem = stem
        self.meta_path = TEMPLATES_DIR / f"{stem}.json"
        self.meta = json.loads(self.meta_path.read_text(encoding="utf-8"))
        self.original_path = TEMPLATES_DIR / self.meta["original"]
        self.training_path = TEMPLATES_DIR / self.meta["training"]
        self.original = self.original_path.read_text(encoding="utf-8")
        self.training = self.training_path.read_text(encoding="utf-8")
        self.specials = special_tokens(stem)
        self.end_of_turn = list(self.meta.get("end_of_turn") or [])

    @property
    def has_deviations(self):
        return str(self.meta.get("deviations", "none")).strip().lower() != "none"

    @property
    def text_content_as_parts(self):
        return bool(self.meta.get("text_content_as_parts"))

    def conversations(self, conversations):
        """The conversations as this family is checked on them (see Conversation.with_text_parts)."""
        if self.text_content_as_parts:
            return [c.with_text_parts() for c in conversations]
        return conversations

    def kwarg_variants(self):
        """[{}] plus one single-variable variant per extra template variable the original reads."""
        variants = [{}]
        for name, values in KWARG_VARIANTS.items():
            if re.search(r"\b" + re.escape(name) + r"\b", self.original):
                for value in values:
                    variants.append({name: value})
        return variants


def family_stems():
    return sorted(p.stem for p in TEMPLATES_DIR.glob("*.json"))


class Rendered:
    __slots__ = ("text", "spans", "error")

    def __init__(self, text=None, spans=None, error=None):
        self.text = text
        self.spans = spans
        self.error = error


def render(source, messages, tools, add_generation_prompt, kwargs, specials):
    """Render like apply_chat_template does; the error (type and message) is returned, not raised."""
    variables = dict(specials)
    variables.update(kwargs)
    variables["strftime_now"] = FIXED_NOW.strftime
    try:
        texts, indices = render_jinja_template(
            conversations=[messages],
            tools=tools,
            chat_template=source,
            return_assistant_tokens_mask=True,
            add_generation_prompt=add_generation_prompt,
            **variables,
        )
    except Exception as e:  # the template raised: that outcome is part of what is compared
        return Rendered(error=f"{type(e).__name__}: {e}")
    return Rendered(text=texts[0], spans=[(int(a), int(b)) for a, b in indices[0]])


class Conversation:
    def __init__(self, name, messages, tools=None, kwargs=None):
        self.name = name
        self.messages = messages
        self.tools = json.loads(tools) if isinstance(tools, str) else tools
        self.kwargs = {k: v for k, v in (kwargs or {}).items() if k != "add_generation_prompt"}

    def to_json(self):
        row = {"name": self.name, "messages": self.messages}
        if self.tools is not None:
            row["tools"] = self.tools
        if self.kwargs:
            row["chat_template_kwargs"] = self.kwargs
        return row

    def with_text_parts(self):
        """The same conversation with every string content as a one-element list of text parts, for templates
        that only read list content (metadata text_content_as_parts=true)."""
        messages = []
        for m in self.messages:
            m = dict(m)
            if isinstance(m.get("content"), str):
                m["content"] = [{"type": "text", "text": m["content"]}]
            messages.append(m)
        return Conversation(self.name, messages, self.tools, self.kwargs)

    @property
    def has_tool_messages(self):
        return any(m.get("role") == "tool" or m.get("tool_calls") for m in self.messages)

    def assistant_indices(self):
        return [i for i, m in enumerate(self.messages) if m.get("role") == "assistant"]


def varied_conversations():
    rows = []
    lines = VARIED.read_text(encoding="utf-8").splitlines() + VARIED_TEMPLATE_ONLY.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.strip():
            d = json.loads(line)
            rows.append(Conversation("varied/" + d["name"], d["messages"], d.get("tools"),
                                     d.get("chat_template_kwargs")))
    return rows


def data_conversations(scale=1.0):
    """A fixed pseudo-random sample of real rows (same rows on every run and machine)."""
    rng = random.Random(SAMPLE_SEED)
    rows = []
    for file_name, count in DATA_SAMPLE.items():
        lines = (DATA_DIR / file_name).read_text(encoding="utf-8").splitlines()
        n = max(1, int(round(count * scale))) if count else 0
        picked = sorted(rng.sample(range(len(lines)), min(n, len(lines))))
        for index in picked:
            d = json.loads(lines[index])
            rows.append(Conversation(f"data/{file_name}#{index + 1}", d["messages"], d.get("tools"),
                                     d.get("chat_template_kwargs")))
    return rows


def all_conversations(scale=1.0):
    return varied_conversations() + data_conversations(scale)
