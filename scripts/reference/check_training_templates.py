#!/usr/bin/env python
"""Check chatprep's training chat templates against the vendor originals with transformers' renderer.

Usage:
  PYTHON=.venv/bin/python scripts/reference/check_training_templates.py [FAMILY ...] [--verbose N]
      [--data-scale F] [--no-tokens]

For every family (templates/<stem>.json) and every conversation of varied.jsonl plus a fixed sample of real
rows from the shared data sets, rendered with add_generation_prompt False and True and with each extra
variable the original reads (enable_thinking, ...):

  (a) text   the training template renders the same text as the original, or both raise the same error.
             A family whose metadata declares deviations may differ only in the "as generated" way: each
             assistant turn, and the messages before it, are rendered as the original renders them in the
             conversation cut right after that turn; what follows the last assistant turn is what the
             original renders there.
  (b) spans  every span lies inside one assistant turn; each assistant turn has a span starting where the
             generation prompt of that turn ends (messages[:i] rendered with add_generation_prompt=True). When
             that prompt prefills more than the turn holds (an empty think block while the turn has reasoning,
             a header a tool-call turn does not repeat), the span starts between the end of the part of the
             prompt every prefill variable shares and the point where prompt and rendering part. When
             messages[:i] itself is not a prefix of the rendering (the template moves earlier text, e.g. Mistral's
             system prompt printed inside the last user message), the turn starts after the first place where the
             rendering continues as the prompt ends from the last message's content on.
  (c) eot    the turn's last end-of-turn token (metadata end_of_turn) lies inside a span, and after the
             last span only whitespace (or an eos closing the whole sequence, or the metadata's closing_text:
             what the template appends after the last message whatever the generation prompt) remains in the
             turn. A family whose format ends a turn with the next message's role token, or with a token it
             renders only once another message follows (metadata end_of_turn_in_next_message=true: GLM,
             Apriel 1.6), has none in a conversation's last turn.
  (d) prefix for families with prefix_preserving=true: rendering messages[:k] that ends with an assistant turn
             (add_generation_prompt=False) is a prefix of the full rendering (text, and tokens when the
             family's tokenizer is available); plus the fixed [user, assistant(tool_calls)] / + tool probe
             (as TRL runs it) for tool-capable families.
  (e) empty  no rendered conversation with an assistant turn yields zero spans (or zero masked tokens).

Columns: renders = (conversation, variant, add_generation_prompt) renderings; raise = both templates raise
the same error; deviate = texts differ in the declared way; tok = token-level checks run; nogen = turns
whose text the generation prompt already holds (nothing generated); noeot = turns without a stop token
(end_of_turn_in_next_message families only); cont = renderings with a generation prompt after a final assistant
message, not checked for families whose original continues that message there
(generation_prompt_continues_last_message=true).

Also, for families with their real tokenizer, TRL's own probes (trl column): is_chat_template_stop_token_trained
and, for tool families, is_chat_template_prefix_preserving.
Also checked: originals are byte-identical to the vendor files (the shared copies, or the one named by the
metadata's source), metadata has every field.
Exit status 1 when anything fails.
"""

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import template_cases as tc  # noqa: E402

REQUIRED_META = {
    "family": str, "display_name": str, "source_models": list, "original": str, "training": str,
    "supports": dict, "end_of_turn": list, "mask_covers": str, "deviations": str,
    "prefix_preserving": bool, "revisions": list,
}
SUPPORT_KEYS = ("tools", "reasoning", "multimodal_text", "system")
TAG_END = re.compile(r"<[^<>\s]{1,64}>$")
CHECKS = ("a_text", "b_spans", "c_eot", "d_prefix", "e_empty", "tokens", "trl", "meta")


def common_prefix_len(a, b):
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


class Report:
    def __init__(self, stem, verbose):
        self.stem = stem
        self.verbose = verbose
        self.failures = defaultdict(list)
        self.counts = defaultdict(int)

    def fail(self, check, where, detail):
        self.failures[check].append(f"{where}: {detail}")

    @property
    def failed(self):
        return any(self.failures.values())


class Tokens:
    """The family's real tokenizer (tokenizer.json as is), for token-level rules."""

    def __init__(self, name):
        from transformers import PreTrainedTokenizerFast
        self.tokenizer = PreTrainedTokenizerFast.from_pretrained(str(tc.TOKENIZERS_DIR / name), local_files_only=True)

    def encode(self, text):
        enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        return list(enc["input_ids"]), [tuple(o) for o in enc["offset_mapping"]]

    def assistant_mask(self, conv, source, agp, kwargs, specials):
        variables = dict(specials)
        variables.update(kwargs)
        variables["strftime_now"] = tc.FIXED_NOW.strftime
        out = self.tokenizer.apply_chat_template(
            conv.messages, tools=conv.tools, chat_template=source, tokenize=True, return_dict=True,
            return_assistant_tokens_mask=True, add_generation_prompt=agp, **variables)
        return list(out["input_ids"]), list(out["assistant_masks"])


class FamilyChecker:
    def __init__(self, family, report, use_tokens):
        self.f = family
        self.r = report
        self.tokens = None
        name = tc.tokenizer_name(family.stem)
        if use_tokens and name is not None:
            self.tokens = Tokens(name)
        self._cache = {}

    def render(self, which, conv, k, agp, kwargs):
        key = (which, conv.name, k, agp, json.dumps(kwargs, sort_keys=True))
        if key not in self._cache:
            source = self.f.original if which == "orig" else self.f.training
            messages = conv.messages if k is None else conv.messages[:k]
            self._cache[key] = tc.render(source, messages, conv.tools, agp, kwargs, self.f.specials)
        return self._cache[key]

    # -- checks -------------------------------------------------------------------------------------------

    def check_meta(self):
        meta = self.f.meta
        for key, kind in REQUIRED_META.items():
            if not isinstance(meta.get(key), kind):
                self.r.fail("meta", self.f.meta_path.name, f"field '{key}' missing or not {kind.__name__}")
        if meta.get("family") != self.f.stem:
            self.r.fail("meta", self.f.meta_path.name, f"family '{meta.get('family')}' != file stem")
        for key in SUPPORT_KEYS:
            if not isinstance((meta.get("supports") or {}).get(key), bool):
                self.r.fail("meta", self.f.meta_path.name, f"supports.{key} missing or not bool")
        vendor = tc.SHARED / "chat_templates" / f"{self.f.stem}.jinja"
        if vendor.exists() and vendor.read_bytes() != self.f.original_path.read_bytes():
            self.r.fail("meta", self.f.meta["original"], f"not byte-identical to {vendor}")
        source = meta.get("source") or ""
        more = tc.SHARED / "chat_templates" / "more" / source.split(" ")[1].rsplit("/", 1)[-1] if " " in source else None
        if more is not None and more.exists() and more.read_bytes() != self.f.original_path.read_bytes():
            self.r.fail("meta", self.f.meta["original"], f"not byte-identical to {more}")
        for rev in meta.get("revisions") or []:
            if not (tc.TEMPLATES_DIR / rev).exists():
                self.r.fail("meta", self.f.meta_path.name, f"revision file {rev} missing")
        if not self.f.end_of_turn:
            self.r.fail("meta", self.f.meta_path.name, "end_of_turn is empty")

    def check_conversation(self, conv, agp, kwargs):
        where = f"{conv.name} agp={agp} {json.dumps(kwargs) if kwargs else ''}".rstrip()
        orig = self.render("orig", conv, None, agp, kwargs)
        train = self.render("train", conv, None, agp, kwargs)
        self.r.counts["renders"] += 1
        if orig.error or train.error:
            if orig.error != train.error:
                self.r.fail("a_text", where, f"original: {orig.error or 'renders'} / training: {train.error or 'renders'}")
            else:
                self.r.counts["both_raise"] += 1
            return
        regions = self.check_spans(conv, agp, kwargs, train, where)
        self.check_text(conv, agp, kwargs, orig, train, regions, where)
        self.check_prefix(conv, agp, kwargs, train, where)
        if regions is not None and self.tokens is not None:
            self.check_tokens(conv, agp, kwargs, train, regions, where)

    def check_text(self, conv, agp, kwargs, orig, train, regions, where):
        if orig.text == train.text:
            return
        at = common_prefix_len(orig.text, train.text)
        if not self.f.has_deviations:
            self.r.fail("a_text", where, f"differs at char {at}: original {orig.text[at:at + 60]!r} / "
                                         f"training {train.text[at:at + 60]!r}")
            return
        if regions is None:
            self.r.fail("a_text", where, f"differs at char {at} and the assistant turns cannot be located")
            return
        # A declared deviation renders the conversation as it was generated: each part as the original renders
        # it while that part is the latest. Every assistant turn equals the original's rendering of the
        # conversation up to that turn (as its last message); the messages between two assistant turns equal
        # the end of the original's rendering up to the next turn (or appear, in order, in the original's full
        # text, for templates that move message parts around); what follows the last turn equals the end
        # of the original's full rendering. Together with prefix preservation (d) this fixes the whole text.
        text = train.text
        cursor = found_at = 0
        for i, start, end in regions:
            head, forced = self.turn_head(conv, i, kwargs, text)
            if not forced:
                head = len(self.render("train", conv, i, False, kwargs).text or "")
            upto = self.render("train", conv, i + 1, False, kwargs).text
            if upto is not None and text.startswith(upto):
                end = len(upto)
            piece = text[cursor:head]
            before = self.render("orig", conv, i, False, kwargs)
            before_text = before.text
            if before_text is not None and forced and before_text.endswith(forced):
                before_text = before_text[:-len(forced)]
            ok = before_text is not None and (before_text == piece if cursor == 0 else before_text.endswith(piece))
            if not ok and cursor > 0:
                # Or the same messages, rendered the same, in the same place of the original's full text.
                found = orig.text.find(piece, found_at + 1) if piece else found_at + 1
                ok = found >= 0
                found_at = max(found, found_at)
            if not ok:
                self.r.fail("a_text", where, f"messages before message {i} are not rendered as the original renders "
                                             f"them up to that turn: training {piece[-80:]!r} / original "
                                             f"{(before.text or before.error or '')[-80:]!r}")
                return
            last = self.render("orig", conv, i + 1, False, kwargs)
            if last.text is None or not last.text.endswith(text[head:end]):
                got = (last.text or last.error or "")[-80:]
                self.r.fail("a_text", where, f"message {i} is not rendered as the original renders it as the last "
                                             f"message: training {text[head:end][-80:]!r} / original {got!r}")
                return
            cursor = end
        if not orig.text.endswith(text[cursor:]):
            self.r.fail("a_text", where, f"text after the last assistant turn differs from the original: "
                                         f"{text[cursor:][:80]!r}")
            return
        self.r.counts["deviating"] += 1

    def turn_regions(self, conv, agp, kwargs, train, where):
        """[(message index, generation start, turn end)] for every assistant turn, or None if unknowable."""
        regions, uppers = [], {}
        text = train.text
        for i in conv.assistant_indices():
            prompt = self.render("train", conv, i, True, kwargs)
            before = self.render("train", conv, i, False, kwargs)
            if prompt.text is None or before.text is None:
                self.r.fail("b_spans", where, f"message {i}: messages[:{i}] raises ({prompt.error or before.error})")
                return None, None
            # Templates that close the last message differently (an eos after it) share only part of it.
            before_len = self.turn_head(conv, i, kwargs, text)[0]
            # The answer starts where the generation prompt ends. When the prompt prefills more than this turn
            # holds (an empty think block while the turn has reasoning), it starts somewhere between the end of
            # the role header (what the prompt holds under every prefill variable) and where the two part.
            upper = common_prefix_len(prompt.text, text)
            lower = self.back_to_boundary(text, before_len,
                                          min(upper, before_len + self.header_length(conv, i, kwargs)))
            if upper < before_len:
                self.r.fail("b_spans", where, f"message {i}: the generation prompt departs from the rendering "
                                              f"before the turn starts (char {upper})")
                return None, None
            upto = self.render("train", conv, i + 1, False, kwargs)
            aligned = None
            if before_len < len(before.text):
                aligned = self.aligned_turn(conv, i, text, upper, prompt.text, upto.text)
            if aligned is not None:
                lower, upper, end = aligned
            elif upto.text is not None and text.startswith(upto.text) and len(upto.text) >= upper:
                end = len(upto.text)
            else:
                end = self.turn_end_without_prefix(conv, i, text, upper, upto.text)
            if self.f.meta.get("end_of_turn_in_next_message"):
                # The format ends a turn with the next message's role token, or with a closing token it renders
                # only once another message follows (after optional whitespace), rendered with the turn.
                after = end
                while after < len(text) and text[after].isspace():
                    after += 1
                for token in self.f.end_of_turn:
                    if text.startswith(token, after):
                        end = after + len(token)
                        break
            closing = self.f.meta.get("closing_text")
            if closing and end == len(text) and text.endswith(closing) and end - len(closing) >= upper:
                # What the template appends after the last message is not part of the last turn.
                end -= len(closing)
            regions.append((i, lower, end))
            uppers[i] = upper
        return regions, uppers

    def turn_head(self, conv, i, kwargs, text):
        """(Where the text before assistant turn i ends, the generation prompt rendered there unasked.) That is
        messages[:i] as rendered, or for a template that renders its generation prompt whether or not it is asked
        for (Apriel 1.6), the whole tags of it that the turn repeats, and the rest of that prompt."""
        before = self.render("train", conv, i, False, kwargs).text or ""
        n = common_prefix_len(before, text)
        if n < len(before) and before == self.render("train", conv, i, True, kwargs).text:
            while n > 0 and not TAG_END.search(text, 0, n):
                n -= 1
            return n, before[n:]
        return n, ""

    @staticmethod
    def aligned_turn(conv, i, text, shared, prompt, upto):
        """(start, start, end) of turn i when messages[:i] is not a prefix of the whole rendering because the
        template moved earlier text (e.g. Mistral prints the system prompt inside the last user message): the
        turn starts right after the first place, past the shared part, where the rendering continues as the
        prompt ends from the last message's content on, and holds what messages[:i+1] renders after that tail.
        None when the last message has no text content or no such place exists."""
        content = conv.messages[i - 1].get("content") if i > 0 else None
        if not isinstance(content, str) or not content.strip():
            return None
        at = prompt.rfind(content.strip())
        if at < 0:
            return None
        tail = prompt[at:]
        pos = FamilyChecker.find_ending_past(text, tail, shared)
        if pos < 0 or upto is None:
            return None
        start = pos + len(tail)
        # messages[:i+1] may place the moved text elsewhere again (or drop it): its turn follows the same tail.
        at = FamilyChecker.find_ending_past(upto, tail, common_prefix_len(upto, prompt))
        if at < 0 or not text.startswith(upto[at + len(tail):], start):
            return None
        return start, start, start + len(upto) - at - len(tail)

    @staticmethod
    def find_ending_past(text, part, shared):
        """First occurrence of part in text that ends at or after shared (where text departs from the prompt)."""
        pos = text.find(part, max(0, shared - len(part)))
        return pos

    @staticmethod
    def back_to_boundary(text, floor, pos):
        """pos moved back to the end of a whole tag (<...>) or whitespace, not before floor: where the prompt and
        the rendering part inside a tag (e.g. both continue with '<' of different tokens), only the whole tags
        they share count as the prompt's."""
        while pos > floor:
            if text[pos - 1].isspace() or TAG_END.search(text, floor, pos):
                return pos
            pos -= 1
        return floor

    def header_length(self, conv, i, kwargs):
        """Length of what add_generation_prompt appends after messages[:i] under every value of the prefill
        variables (the role header without any prefill)."""
        suffixes = []
        plain = {k: v for k, v in kwargs.items() if k not in tc.KWARG_VARIANTS}
        for variant in self.f.kwarg_variants():
            merged = dict(plain)
            merged.update(variant)
            with_prompt = self.render("train", conv, i, True, merged)
            without = self.render("train", conv, i, False, merged)
            if with_prompt.text is not None and without.text is not None and with_prompt.text.startswith(without.text):
                suffixes.append(with_prompt.text[len(without.text):])
        if not suffixes:
            return 0
        n = len(suffixes[0])
        for other in suffixes[1:]:
            n = min(n, common_prefix_len(suffixes[0], other))
        return n

    def turn_end_without_prefix(self, conv, i, text, start, upto):
        """End of turn i when messages[:i+1] alone renders differently (e.g. an eos appended after the last
        message): the end of the last end-of-turn token (and the whitespace after it) the two share."""
        if upto is not None:
            shared = common_prefix_len(upto, text)
            best = -1
            for token in self.f.end_of_turn:
                pos = text.rfind(token, start, shared)
                if pos >= 0 and pos + len(token) <= shared:
                    best = max(best, pos + len(token))
            if best >= 0:
                while best < shared and text[best].isspace():
                    best += 1
                return best
        for m in conv.messages[i + 1:]:
            content = m.get("content")
            if m.get("role") != "assistant" and isinstance(content, str) and content.strip():
                pos = text.find(content.strip(), start)
                if pos >= 0:
                    return pos
                break
        return len(text)

    def check_spans(self, conv, agp, kwargs, train, where):
        assistants = conv.assistant_indices()
        spans = train.spans
        regions, uppers = self.turn_regions(conv, agp, kwargs, train, where)
        generated = regions is None or any(uppers[i] < end for i, _, end in regions)
        if assistants and generated and not any(b > a for a, b in spans):
            self.r.fail("e_empty", where, f"{len(assistants)} assistant turn(s) but no non-empty span")
        if regions is None:
            return None
        text = train.text
        for a, b in spans:
            if b <= a:
                continue
            if not any(start <= a and b <= end for _, start, end in regions):
                self.r.fail("b_spans", where, f"span [{a},{b}) {text[a:b][:60]!r} is not inside one assistant turn")
        for i, start, end in regions:
            if uppers[i] >= end:
                # The prompt prefills the whole turn (e.g. an empty answer after a prefilled think block):
                # nothing of it is generated.
                self.r.counts["nothing_generated"] += 1
                continue
            inside = [(a, b) for a, b in spans if start <= a < end and b > a]
            if not any(start <= a <= uppers[i] for a, _ in inside):
                first = inside[0][0] if inside else None
                self.r.fail("b_spans", where, f"message {i}: no span starts at the end of the generation prompt "
                                              f"(char {start}..{uppers[i]}, {text[start:start + 30]!r}); first span "
                                              f"starts at {first}")
                continue
            eot_pos, eot = -1, None
            for token in self.f.end_of_turn:
                pos = text.rfind(token, start, end)
                if pos > eot_pos:
                    eot_pos, eot = pos, token
            if eot is None and self.f.meta.get("end_of_turn_in_next_message"):
                # Last turn, or followed by a message the format renders without a role token: no stop token.
                self.r.counts["turn_without_eot"] += 1
                continue
            if eot is None:
                self.r.fail("c_eot", where, f"message {i}: no end-of-turn token {self.f.end_of_turn} in the turn "
                                            f"{text[start:end][-60:]!r}")
                continue
            eot_end = eot_pos + len(eot)
            if not any(a <= eot_pos and eot_end <= b for a, b in inside):
                self.r.fail("c_eot", where, f"message {i}: {eot} at char {eot_pos} is outside the spans {inside}")
            last_end = max(b for _, b in inside)
            rest = text[last_end:end]
            for token in set(self.f.specials.values()):
                # An eos some templates append after the final message closes the sequence, not the turn.
                if isinstance(token, str) and token:
                    rest = rest.replace(token, "")
            closing = self.f.meta.get("closing_text")
            if closing and rest.endswith(closing):
                # Text the template appends after the last message whether or not a generation prompt is asked for.
                rest = rest[:-len(closing)]
            if rest.strip():
                self.r.fail("c_eot", where, f"message {i}: text after the last span of the turn: {text[last_end:end][:60]!r}")
        return regions

    def check_prefix(self, conv, agp, kwargs, train, where):
        if not self.f.meta.get("prefix_preserving"):
            return
        ids_full = None
        for i in conv.assistant_indices():
            if i + 1 == len(conv.messages) and not agp:
                continue
            part = self.render("train", conv, i + 1, False, kwargs)
            if part.error:
                self.r.fail("d_prefix", where, f"messages[:{i + 1}] raises {part.error}")
                continue
            if not train.text.startswith(part.text):
                at = common_prefix_len(part.text, train.text)
                self.r.fail("d_prefix", where, f"messages[:{i + 1}] is not a text prefix (differs at char {at}: "
                                               f"{part.text[at:at + 50]!r} / {train.text[at:at + 50]!r})")
                continue
            if self.tokens is not None:
                if ids_full is None:
                    ids_full = self.tokens.encode(train.text)[0]
                ids_part = self.tokens.encode(part.text)[0]
                if ids_full[:len(ids_part)] != ids_part:
                    self.r.fail("d_prefix", where, f"messages[:{i + 1}] is a text prefix but not a token prefix")

    def check_tokens(self, conv, agp, kwargs, train, regions, where):
        try:
            ids, mask = self.tokens.assistant_mask(conv, self.f.training, agp, kwargs, self.f.specials)
        except Exception as e:
            self.r.fail("tokens", where, f"apply_chat_template raised {type(e).__name__}: {e}")
            return
        self.r.counts["token_checked"] += 1
        _, offsets = self.tokens.encode(train.text)
        if len(offsets) != len(ids):
            self.r.fail("tokens", where, "token count differs between apply_chat_template and the tokenizer")
            return
        if regions and sum(mask) == 0:
            self.r.fail("e_empty", where, "zero masked tokens")
        eot_ids = {self.tokens.tokenizer.convert_tokens_to_ids(t) for t in self.f.end_of_turn}
        for j, (a, b) in enumerate(offsets):
            if mask[j] and not any(start < b and a < end for _, start, end in regions):
                self.r.fail("tokens", where, f"token {j} {train.text[a:b]!r} is masked outside every assistant turn")
                break
        for i, start, end in regions:
            in_turn = [j for j, (a, b) in enumerate(offsets) if start <= a < end]
            if not any(mask[j] for j in in_turn):
                self.r.fail("tokens", where, f"message {i}: no masked token in the turn")
                continue
            eots = [j for j in in_turn if ids[j] in eot_ids]
            if eots and not mask[eots[-1]]:
                self.r.fail("tokens", where, f"message {i}: end-of-turn token {eots[-1]} is not masked")

    def check_tool_probe(self):
        """The [user, assistant(tool_calls)] vs + tool message probe, as TRL runs it."""
        if not self.f.meta.get("supports", {}).get("tools") or not self.f.meta.get("prefix_preserving"):
            return
        for arguments in ({}, "{}"):
            calls = [{"type": "function", "function": {"name": "dummy", "arguments": arguments}}]
            first = [{"role": "user", "content": "dummy"}, {"role": "assistant", "content": "", "tool_calls": calls}]
            second = first + [{"role": "tool", "name": "dummy", "content": "dummy"}]
            a = tc.render(self.f.training, first, None, False, {}, self.f.specials)
            b = tc.render(self.f.training, second, None, True, {}, self.f.specials)
            if a.error or b.error:
                continue
            if not b.text.startswith(a.text):
                self.r.fail("d_prefix", f"tool probe arguments={arguments!r}", "[user, assistant(tool_calls)] is not "
                                                                              "a prefix of the same + tool message")
            elif self.tokens is not None:
                ia, ib = self.tokens.encode(a.text)[0], self.tokens.encode(b.text)[0]
                if ib[:len(ia)] != ia:
                    self.r.fail("d_prefix", f"tool probe arguments={arguments!r}", "not a token prefix")

    def check_trl_probes(self):
        """TRL's own checks of a training template, with the family's real tokenizer: the end-of-turn token is
        the last trained token of a turn followed by a user message, and (tool families) the tool-call prefix
        probe holds."""
        if self.tokens is None:
            return
        try:
            from trl.chat_template_utils import is_chat_template_prefix_preserving, is_chat_template_stop_token_trained
        except ImportError:
            return
        tokenizer = self.tokens.tokenizer
        previous = tokenizer.chat_template
        tokenizer.chat_template = self.f.training
        try:
            if not is_chat_template_stop_token_trained(tokenizer, self.f.training):
                self.r.fail("trl", "is_chat_template_stop_token_trained", "the end-of-turn token is not trained")
            if self.f.meta.get("supports", {}).get("tools") and self.f.meta.get("prefix_preserving"):
                if not is_chat_template_prefix_preserving(tokenizer):
                    self.r.fail("trl", "is_chat_template_prefix_preserving", "the tool-call prefix probe fails")
            self.r.counts["trl_probes"] += 1
        finally:
            tokenizer.chat_template = previous

    def continues_last_message(self, conv):
        """A family whose original treats a generation prompt after a final assistant message as continuing that
        message (metadata generation_prompt_continues_last_message=true) renders no new turn there: such a
        rendering is no training example and is not checked."""
        return bool(self.f.meta.get("generation_prompt_continues_last_message")) and bool(conv.messages) \
            and conv.messages[-1].get("role") == "assistant"

    def run(self, conversations):
        self.check_meta()
        self.check_tool_probe()
        self.check_trl_probes()
        for conv in self.f.conversations(conversations):
            self.r.counts["conversations"] += 1
            for kwargs in self.f.kwarg_variants():
                merged = dict(conv.kwargs)
                merged.update(kwargs)
                for agp in (False, True):
                    if agp and self.continues_last_message(conv):
                        self.r.counts["continued"] += 1
                        continue
                    self.check_conversation(conv, agp, merged)


def print_table(reports):
    header = ["family", "convs", "renders", "raise", "deviate", "tok", "nogen", "noeot", "cont"] + [c.split("_")[0] for c in CHECKS]
    rows = []
    for r in reports:
        rows.append([r.stem, r.counts["conversations"], r.counts["renders"], r.counts["both_raise"],
                     r.counts["deviating"], r.counts["token_checked"], r.counts["nothing_generated"],
                     r.counts["turn_without_eot"], r.counts["continued"]]
                    + [("ok" if not r.failures[c] else f"FAIL {len(r.failures[c])}") for c in CHECKS])
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    for row in [header] + rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths)))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("families", nargs="*", help="family stems (default: every templates/<stem>.json)")
    p.add_argument("--verbose", type=int, default=5, help="failures shown per check and family")
    p.add_argument("--data-scale", type=float, default=1.0, help="scale the real-data sample size")
    p.add_argument("--no-tokens", action="store_true", help="skip token-level rules")
    args = p.parse_args(argv)

    stems = args.families or tc.family_stems()
    conversations = tc.all_conversations(args.data_scale)
    reports = []
    for stem in stems:
        report = Report(stem, args.verbose)
        reports.append(report)
        try:
            family = tc.Family(stem)
        except (OSError, KeyError, ValueError) as e:
            report.fail("meta", stem, f"cannot load family: {e}")
            continue
        FamilyChecker(family, report, not args.no_tokens).run(conversations)
        for check in CHECKS:
            for line in report.failures[check][:args.verbose]:
                print(f"[{stem}] {check}: {line}", file=sys.stderr)
            extra = len(report.failures[check]) - args.verbose
            if extra > 0:
                print(f"[{stem}] {check}: ... {extra} more", file=sys.stderr)
    print_table(reports)
    failed = [r.stem for r in reports if r.failed]
    print(f"{len(reports) - len(failed)}/{len(reports)} families pass" + (f"; failing: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
