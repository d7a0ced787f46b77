#!/usr/bin/env python
"""Self-test of check_training_templates.py: known-bad training templates must fail the check that targets them.

Each case takes a real family, breaks its training template in one way and runs the checker on a few
conversations. Exit status 1 when a broken template passes (or the intact one fails).
Usage: PYTHON=.venv/bin/python scripts/reference/selftest_checker.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_training_templates as checker  # noqa: E402
import template_cases as tc  # noqa: E402

QWEN25_ANSWER = """        {%- generation %}
            {#- '' + content keeps the original's error for non-string content #}
            {{- '' + message.content + '<|im_end|>' + '\\n' }}
        {%- endgeneration %}"""


def replace_once(source, old, new):
    if source.count(old) != 1:
        raise SystemExit(f"self-test: the text to break was not found exactly once: {old[:60]!r}")
    return source.replace(old, new)


def replace_all(source, old, new):
    if old not in source:
        raise SystemExit(f"self-test: the text to break was not found: {old[:60]!r}")
    return source.replace(old, new)


def broken_cases():
    """(family, description, how to break the training source, checks expected to fail)."""
    return [
        ("qwen2_5", "intact template", lambda s: s, set()),
        ("qwen2_5", "no generation markers (the original)", lambda s: tc.Family("qwen2_5").original,
         {"b_spans", "e_empty"}),
        ("qwen2_5", "role header inside the span",
         lambda s: replace_once(s, """        {{- '<|im_start|>' + message.role + '\\n' }}
""" + QWEN25_ANSWER, """        {%- generation %}
            {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}
        {%- endgeneration %}"""), {"b_spans"}),
        ("qwen2_5", "end-of-turn token outside the span",
         lambda s: replace_once(s, QWEN25_ANSWER, """        {%- generation %}
            {{- '' + message.content }}
        {%- endgeneration %}
        {{- '<|im_end|>' + '\\n' }}"""), {"c_eot"}),
        ("qwen2_5", "user text changed",
         lambda s: replace_once(s, """        {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}
    {%- elif message.role == "assistant" and not message.tool_calls %}""",
                                """        {{- '<|im_start|>' + message.role + '\\n' + message.content + ' <|im_end|>' + '\\n' }}
    {%- elif message.role == "assistant" and not message.tool_calls %}"""), {"a_text"}),
        ("cohere2_tool_use", "intact template", lambda s: s, set()),
        ("cohere2_tool_use", "header appended after the last message inside the span",
         lambda s: replace_once(s, "{%- endfor %}<|START_OF_TURN_TOKEN|><|CHATBOT_TOKEN|>",
                                "{%- endfor %}{% generation %}<|START_OF_TURN_TOKEN|><|CHATBOT_TOKEN|>{% endgeneration %}"),
         {"b_spans"}),
        ("qwen3", "intact template", lambda s: s, set()),
        ("qwen3", "original's history rule kept (think blocks dropped from earlier turns)",
         lambda s: replace_once(s, "{%- if ns.seen_query %}",
                                "{%- if ns.seen_query and (loop.last or reasoning_content) %}"),
         {"d_prefix"}),
        ("glm4moe", "intact template", lambda s: s, set()),
        ("glm4moe", "stop token left to the next message",
         lambda s: replace_once(replace_once(s, "{#- GLM ends a turn by emitting the next role token",
                                             "{%- endgeneration -%}\n{#- GLM ends a turn by emitting the next role token"),
                                "{%- endif -%}\n{%- endgeneration -%}\n{%- elif m.role == 'tool' -%}",
                                "{%- endif -%}\n{%- elif m.role == 'tool' -%}"), {"c_eot"}),
        ("nemotron_3_nano", "intact template", lambda s: s, set()),
        ("nemotron_3_nano", "history thinking truncated as in the original",
         lambda s: replace_once(s, "{%- set opening = content | default('', true) | string | trim %}",
                                "{%- set opening = content | default('', true) | string | trim %}\n"
                                "            {%- if truncate_history_thinking and loop.index0 < ns.last_user_idx %}\n"
                                "                {%- set opening = '<think></think>' ~ (opening.split('</think>')[-1] | trim) %}\n"
                                "            {%- endif %}"), {"d_prefix"}),
        ("gptoss", "intact template", lambda s: s, set()),
        ("gptoss", "<|end|> on earlier final answers",
         lambda s: replace_all(s, '{{- "<|channel|>final<|message|>" + message.content + "<|return|>" }}',
                               '{{- "<|channel|>final<|message|>" + message.content + ("<|return|>" if loop.last '
                               'else "<|end|>") }}'), {"a_text", "d_prefix"}),
        ("gptoss", "generation prompt inside the span",
         lambda s: replace_all(s, '            {{- "<|start|>assistant" }}\n            {%- generation %}',
                               '            {%- generation %}\n            {{- "<|start|>assistant" }}'),
         {"b_spans"}),
        ("gemma4", "intact template", lambda s: s, set()),
        ("gemma4", "original's thinking gate (tool-call reasoning only on the last turn)",
         lambda s: replace_once(s, "{%- if thinking_text and message.get('tool_calls') -%}",
                                "{%- if thinking_text and message.get('tool_calls') and loop.last -%}"),
         {"a_text", "d_prefix"}),
        ("gemma4", "tool response body inside the span",
         lambda s: replace_once(s, "{{- generated_head + tool_responses_text[:opener_length] -}}\n"
                                   "            {%- endgeneration -%}\n"
                                   "            {{- tool_responses_text[opener_length:] -}}",
                                "{{- generated_head + tool_responses_text -}}\n"
                                "            {%- endgeneration -%}"), {"b_spans"}),
        ("diffusion_gemma", "original's thinking gate (reasoning only on the last turn)",
         lambda s: replace_once(s, "    {%- if thinking_text -%}\n", "    {%- if thinking_text and loop.last -%}\n"),
         {"a_text", "d_prefix"}),
    ]


def conversations():
    wanted = {"varied/single_turn", "varied/system_multi_turn", "varied/tool_call_dict_args",
              "varied/reasoning_content", "varied/parallel_tool_calls", "varied/reasoning_with_tools",
              "varied/thinking_field_tool_turns", "varied/reasoning_string_args_tool_turns"}
    return [c for c in tc.varied_conversations() if c.name in wanted]


def main():
    convs = conversations()
    failures = 0
    for stem, description, breaker, expected in broken_cases():
        family = tc.Family(stem)
        family.training = breaker(family.training)
        report = checker.Report(stem, 0)
        checker.FamilyChecker(family, report, use_tokens=False).run(convs)
        failed = {c for c in checker.CHECKS if report.failures[c]}
        ok = failed == expected if not expected else expected <= failed
        status = "ok" if ok else "WRONG"
        failures += not ok
        print(f"{status:5}  {stem}: {description}: failing checks {sorted(failed) or 'none'}, "
              f"expected {sorted(expected) or 'none'}")
    if failures:
        print(f"self-test: {failures} case(s) not detected as expected", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
