#!/usr/bin/env python3
"""Focused engine cases rendered by transformers' own Jinja2 environment (generation spans recorded).

Writes src/test/resources/golden/render_cases/<group>.jsonl in the `chatprep render` format plus the
expected result: {"name", "template", "context", "now", "text", "generation_spans"} or {..., "error"}.
Groups: generation span semantics, and Python/Jinja2 behaviours chat templates rely on.

Usage: PYTHON=... scripts/reference/make_engine_cases.py [--out DIR]
"""
import argparse
import datetime as _dt
import json
import os

NOW = _dt.datetime(2025, 7, 10, 12, 0, 0)
MSGS = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi 👋 𝔘"},
        {"role": "assistant", "content": "Hello 😀!", "reasoning_content": "greet"},
        {"role": "user", "content": "{{ 7*7 }} {% raw %}"}, {"role": "assistant", "content": None}]

SPANS = [
    ("plain", "{% for m in messages %}{{ m.role }}: {% if m.role == 'assistant' %}{% generation %}{{ m.content }}<end>{% endgeneration %}{% else %}{{ m.content }}{% endif %}\n{% endfor %}"),
    ("whitespace_control", "{%- for m in messages -%}\n  {{ m.role }}\n  {%- if m.role == 'assistant' -%}\n    {%- generation -%}\n      [{{ m.content }}]\n    {%- endgeneration -%}\n  {%- endif %}\n{% endfor -%}"),
    ("nested", "A{% generation %}B{% generation %}CC{% endgeneration %}D{% endgeneration %}E"),
    ("set_inside_does_not_leak", "{% set x = 'out' %}{% generation %}{% set x = 'in' %}{{ x }}{% endgeneration %}{{ x }}"),
    ("namespace_inside_leaks", "{% set ns = namespace(x='out') %}{% generation %}{% set ns.x = 'in' %}{{ ns.x }}{% endgeneration %}{{ ns.x }}"),
    ("astral_offsets", "😀𝔘{% generation %}é😀{% endgeneration %}x{% generation %}{% endgeneration %}"),
    ("inside_macro", "{% macro turn(c) %}<{% generation %}{{ c }}{% endgeneration %}>{% endmacro %}12{{ turn('ab') }}{{ turn('😀') }}"),
    ("inside_set_block", "xy{% set t %}{% generation %}abc{% endgeneration %}{% endset %}zz{{ t }}"),
    ("inside_filter_block", "x{% filter upper %}a{% generation %}bc{% endgeneration %}{% endfilter %}"),
    ("empty_body", "a{% generation %}{% endgeneration %}b"),
    ("loop_break", "{% for i in range(5) %}{% generation %}{{ i }}{% endgeneration %}{% if i == 2 %}{% break %}{% endif %}{% endfor %}"),
    ("generation_prompt_after", "{% for m in messages %}{% if m.role == 'assistant' %}{% generation %}{{ m.content }}{% endgeneration %}{% endif %}{% endfor %}{% if add_generation_prompt %}<assistant>{% endif %}"),
]

BEHAVIOUR = [
    ("nested_loop_depth", "{% for a in [1] %}{% for b in [2] %}{{ loop.depth }}{{ loop.depth0 }}{{ loop.index }}{% break %}{% endfor %}{{ loop.depth }}{{ loop.index }}{% endfor %}"),
    ("float_repr", "{{ 0.1 + 0.2 }}|{{ 1e20 }}|{{ 1.0 }}|{{ 2.5e-7 }}|{{ 10 / 4 }}|{{ 7 // 2 }}|{{ -7 % 3 }}|{{ 2 ** 10 }}|{{ 1e16 }}"),
    ("none_and_bools", "{{ none }}|{{ true }}|{{ [none, true, 1.5, 'x'] }}|{{ {'a': none} }}"),
    ("undefined_prints_empty", "[{{ nothing }}]{{ nothing is defined }}{{ messages[9] is defined }}"),
    ("string_methods", "{{ '  a b  '.strip() }}|{{ 'a</think>'.split('</think>')[-1] }}|{{ 'x,y,,z'.split(',') }}|{{ 'abc'.startswith(('x', 'a')) }}|{{ 'Hello'.endswith('lo') }}|{{ 'ab'.upper() }}|{{ '{}-{}'.format(1, 'b') }}|{{ 'a-b'.replace('-', '+') }}|{{ 'tItle me'.title() }}|{{ 'x'.join(['1','2']) }}|{{ 'aXbX'.rstrip('X') }}"),
    ("slicing", "{{ messages[::-1] | map(attribute='role') | join(',') }}|{{ 'hello😀'[-3:] }}|{{ [1,2,3,4,5][1:4:2] }}|{{ 'abc'[::-1] }}"),
    ("loop_vars", "{% for m in messages %}{{ loop.index }}{{ loop.first }}{{ loop.last }}{{ loop.previtem.role if loop.previtem else '-' }}{{ loop.nextitem.role if loop.nextitem is defined else '-' }}{{ loop.cycle('a', 'b') }};{% endfor %}"),
    ("for_else_and_filter", "{% for m in messages if m.role == 'tool' %}{{ m }}{% else %}none{% endfor %}|{% for m in messages if m.role == 'user' %}{{ loop.index }}/{{ loop.length }} {% endfor %}"),
    ("scoping", "{% set x = 1 %}{% for m in messages %}{% set x = x + 1 %}{% endfor %}{{ x }}|{% set ns = namespace(n=0) %}{% for m in messages %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}"),
    ("tojson", "{{ messages[1] | tojson }}|{{ {'b': 1, 'a': [1.0, none]} | tojson(indent=2) }}|{{ 'é😀\"' | tojson }}"),
    ("filters", "{{ messages | selectattr('role', 'equalto', 'user') | list | length }}|{{ messages | map(attribute='role') | unique | join(',') }}|{{ [3,1,2] | sort(reverse=true) }}|{{ {'b':2,'a':1} | dictsort }}|{{ 'a\nb' | indent(2, true) }}|{{ 3.14159 | round(2) }}|{{ '42' | int + 1 }}|{{ messages | length }}|{{ [1,2] | first }}{{ [1,2] | last }}|{{ none | default('d') }}{{ nothing | default('d') }}"),
    ("macro_defaults_and_call", "{% macro m(a, b='B', c=none) %}{{ a }}{{ b }}{{ c }}{% if caller is defined %}{{ caller() }}{% endif %}{% endmacro %}{{ m(1) }}|{{ m(1, c=3) }}|{% call m('x') %}inner{% endcall %}"),
    ("tests", "{{ 'a' is string }}{{ messages is sequence }}{{ messages[0] is mapping }}{{ 1 is number }}{{ none is none }}{{ messages is iterable }}{{ 3 is odd }}{{ 'x' is in 'xyz' }}{{ strftime_now is defined }}"),
    ("strftime", "{{ strftime_now('%Y-%m-%d %H:%M:%S %b %d %A %j %I%p') }}"),
    ("set_block_and_filter_block", "{% set s %}  Hi {{ messages[0].content }}  {% endset %}[{{ s | trim }}]{% filter upper %}x{{ 'y' }}{% endfilter %}"),
    ("membership_and_compare", "{{ 'role' in messages[0] }}{{ 'x' not in 'abc' }}{{ 1 < 2 < 3 }}{{ 1 == 1.0 }}{{ '1' == 1 }}{{ [1] == [1] }}"),
    ("and_or_operands", "{{ '' or 'b' }}|{{ 'a' and 0 }}|{{ none or [] }}|{{ not '' }}"),
    ("cycler_joiner", "{% set c = cycler('a', 'b') %}{{ c.next() }}{{ c.next() }}{{ c.next() }}{{ c.current }}{% set j = joiner('|') %}{% for i in range(3) %}{{ j() }}{{ i }}{% endfor %}"),
    ("loop_changed_and_with", "{% for m in messages %}{% if loop.changed(m.role) %}{{ m.role[0] }}{% endif %}{% endfor %}|{% with a = 1, b = 'x' %}{{ a }}{{ b }}{% endwith %}{{ a is defined }}"),
    ("more_filters", "{{ [1, 2, 3, 4, 5] | batch(2) | list }}|{{ [1, 2.5] | sum }}|{{ [3, 9, 1] | max }}{{ ['b', 'A'] | min }}|{{ ['a', 'b'] | map('upper') | join }}|{{ [none, 1, none] | reject('none') | list }}|{{ 'one two  three' | wordcount }}|{{ 'ab' | center(6) }}|{{ messages | selectattr('content') | list | length }}|{{ 'hello world' | capitalize }}|{{ [1, 'a', none] | string }}|{{ 'x' | list }}"),
    ("python_ops", "{{ '%s-%05.1f|%r' % ('a', 3.14159, 'q') }}|{{ '{:>5}|{:.2f}|{!r}'.format('x', 2, 'y') }}|{{ [1, 2] + [3] }}|{{ [0] * 3 }}|{{ 'ab' * 2 }}|{{ -7 // 2 }}|{{ 2 ** -1 }}|{{ 7 % -3 }}|{{ 3 is divisibleby 3 }}|{{ none is sameas none }}|{{ 1 is sameas true }}"),
    ("dict_usage", "{% for k, v in messages[2].items() %}{{ k }}={{ v }};{% endfor %}|{{ messages[2].keys() | list }}|{{ messages[2].get('missing', 'dflt') }}|{{ messages[2].get('missing') }}|{{ dict(a=1, b=[2]) }}|{{ namespace(d={'k': 1}).d.k }}|{{ messages[0]['role'] }}|{{ messages[2] | dictsort(reverse=true) | first }}"),
    ("big_ints_and_floats", "{{ 2 ** 70 }}|{{ 9007199254740993 + 1 }}|{{ 1 / 3 }}|{{ 1e300 * 1e10 }}|{{ 0.1 * 3 }}|{{ 100000000000000000000.0 }}|{{ 1.5e-5 }}|{{ (2 ** 64) // 3 }}|{{ 3.0 | int }}|{{ '0x1f' | int(0, 16) }}|{{ 2.675 | round(2) }}|{{ -0.0 }}"),
    ("raw_and_braces", "{% raw %}{% if x %}{{ y }}{# z #}{% endraw %}|{{ '{' }}{{ '}}' }}|a{b}{{ '{%' }}%}|{%- if true %}{{ {'k': {'n': 1}}['k'] }}{% endif %}|{ {{ 1 }} }|{#- c -#} {{ '#}' }}"),
    ("whitespace_matrix", "  {% if true %}\n    A\n  {%- endif %}\n  {%+ if true %}B{% endif +%}\n{% for i in [1, 2] -%}\n  {{ i }}\n{%- endfor %}\n{# note #}\nC  {{- ' D ' -}}  E\n"),
    ("value_layer_filters", "{{ 'one two three four' | truncate(9, true, '..', 0) }}|{{ 'a b c d e f' | wordwrap(5) }}|{{ '<b>x</b> y' | striptags }}|{{ [1, 2, 3, 4, 5] | slice(2) | list }}"),
    ("err_zero_division", "{{ 10 / 0 }}"),
    ("err_sort_mixed", "{{ [1, 'a'] | sort }}"),
    ("err_call_undefined_method", "{{ 'abc'.nosuchmethod() }}"),
    ("err_list_append", "{{ messages.append(1) }}"),
    ("err_add_str_int", "{{ 'a' + 1 }}"),
    ("err_raise", "{{ raise_exception('nope') }}"),
    ("err_undefined_attr", "{{ nothing.attr }}"),
    ("err_unknown_filter", "{{ 1 | nosuchfilter }}"),
    ("err_unclosed_block", "{% if true %}x"),
    ("err_none_content_concat", "{{ messages[4].content + 'x' }}"),
    ("err_len_generator", "{{ messages | map(attribute='role') | length }}"),
]


def render(ctu, template, context):
    blocks, spans = [], []
    try:
        compiled = ctu._compile_jinja_template(template)
        with compiled.environment.activate_tracker(blocks, spans):
            for block in compiled.generate(**context):
                blocks.append(block)
        return {"text": "".join(blocks), "generation_spans": [list(s) for s in spans]}
    except Exception as e:
        return {"error": f"{type(e).__name__}: {e}"}


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(repo, "src/test/resources/golden/render_cases"))
    args = ap.parse_args()
    import transformers.utils.chat_template_utils as ctu

    class PinnedDatetime(_dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return NOW

    ctu.datetime = PinnedDatetime
    os.makedirs(args.out, exist_ok=True)
    for group, cases in (("generation_spans", SPANS), ("behaviour", BEHAVIOUR)):
        with open(os.path.join(args.out, group + ".jsonl"), "w", encoding="utf-8") as out:
            for name, template in cases:
                for agp in (False, True) if "add_generation_prompt" in template else (False,):
                    context = {"messages": MSGS, "tools": None, "documents": None, "add_generation_prompt": agp,
                               "bos_token": "<s>", "eos_token": "</s>"}
                    line = {"name": f"{name}{'_agp' if agp else ''}", "template": template, "context": context,
                            "now": NOW.isoformat()}
                    line.update(render(ctu, template, context))
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
