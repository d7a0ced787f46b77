#!/usr/bin/env python3
"""Filter and test behaviours rendered by transformers' own Jinja2 environment, through whole templates.

Writes src/test/resources/golden/render_cases/filters.jsonl in the format of make_engine_cases.py (same
messages, clock and context), so the engine's registered filters are checked where templates reach them.

Usage: PYTHON=... scripts/reference/make_filter_cases.py [--out DIR]
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_engine_cases as engine_cases  # noqa: E402

CASES = [
    ("round_keeps_int", "{{ 3 | round }}|{{ 17 | round(-1) }}|{{ 2.5 | round }}|{{ 3 | round(1, 'ceil') }}|{{ 2.675 | round(2) }}|{{ -1.5 | round(0, 'floor') }}"),
    ("sort_by_two_attributes", "{{ [{'a': 2, 'n': 'b'}, {'a': 1, 'n': 'c'}, {'a': 2, 'n': 'a'}] | sort(attribute='a,n') | map(attribute='n') | join }}|{{ ['b', 'A', 'c'] | sort(case_sensitive=true) }}"),
    ("groupby_pairs", "{% for role, items in messages | groupby('role') %}{{ role }}={{ items | length }};{% endfor %}"),
    ("groupby_named_fields", "{% for g in messages | groupby('role') %}{{ g.grouper }}:{{ g.list | map(attribute='content') | select | join('/') }};{% endfor %}"),
    ("attr_is_not_item", "[{{ messages[0] | attr('role') }}]|{{ ('ab' | attr('upper'))() }}|[{{ messages | attr('append') }}]|{{ (messages[0] | attr('get'))('role') }}"),
    ("capitalize_unicode", "{{ 'ßa' | capitalize }}|{{ 'hELLO wORLD' | capitalize }}|{{ 'éa' | capitalize }}"),
    ("reverse_kinds", "{{ [1, 2] | reverse | list }}|{{ 'abc' | reverse }}|{{ {'a': 1, 'b': 2} | reverse | list }}|{{ messages | map(attribute='role') | reverse | list | length }}"),
    ("last_and_first", "{{ 'abc' | last }}{{ {'a': 1, 'b': 2} | last }}{{ 'xyz' | first }}|[{{ [] | last }}]"),
    ("sum_attribute_start", "{{ [{'n': 1}, {'n': 2.5}] | sum(attribute='n') }}|{{ [[1], [2]] | sum(start=[]) }}|{{ [] | sum }}"),
    ("dictsort_options", "{{ {'b': 1, 'a': 2, 'C': 0} | dictsort }}|{{ {'b': 1, 'a': 2} | dictsort(by='value') }}|{{ {'b': 1, 'A': 2} | dictsort(true, reverse=true) }}"),
    ("map_with_filter_arguments", "{{ [1.26, 2.5] | map('round', 1) | list }}|{{ ['a', 'b'] | map('replace', 'a', 'x') | join }}|{{ messages | map(attribute='missing', default='-') | join }}"),
    ("select_and_reject", "{{ [1, 2, 3, 4] | select('odd') | list }}|{{ [1, 2, 3, 4] | reject('divisibleby', 2) | list }}|{{ messages | rejectattr('content', 'none') | map(attribute='role') | list }}|{{ messages | selectattr('role', 'in', ['user', 'system']) | list | length }}"),
    ("unique_and_items", "{{ ['a', 'A', 'b'] | unique | list }}|{{ ['a', 'A'] | unique(case_sensitive=true) | list }}|{{ {'a': 1} | items | list }}|{{ messages | unique(attribute='role') | map(attribute='role') | join(',') }}"),
    ("batch_and_slice", "{{ [1, 2, 3] | batch(2, 'x') | list }}|{{ [1, 2, 3, 4, 5] | slice(3, 0) | list }}"),
    ("min_max_attribute", "{{ messages | map(attribute='role') | max }}|{{ [{'n': 3}, {'n': 1}] | min(attribute='n') }}|{{ ['B', 'a'] | max(case_sensitive=true) }}|[{{ [] | max }}]"),
    ("int_float_conversions", "{{ '12' | int }}|{{ 'x' | int(7) }}|{{ '3.9' | int }}|{{ '1e3' | float }}|{{ 'z' | float(1.5) }}|{{ true | int }}|{{ '0b101' | int(0, 0) }}"),
    ("tests_with_keywords", "{{ 4 is divisibleby(num=2) }}{{ 2 is in(seq=[1, 2]) }}{{ messages is iterable }}{{ (messages | map(attribute='role')) is iterable }}{{ range is callable }}{{ 'upper' is filter }}{{ 'odd' is test }}{{ 'ab' is lower }}"),
    ("indent_and_center", "{{ 'a\n\nb' | indent(2, blank=true) }}|{{ 'a\nb' | indent('> ', first=true) }}|{{ 'x' | center(4) }}"),
    ("err_len_select", "{{ [1, 2] | select | length }}"),
    ("subscript_failures_are_undefined", "[{{ ([1, 1] | unique)[0] }}][{{ (messages | map(attribute='role'))[0] }}][{{ {'a': 1}[1:] }}][{{ 5[1:] }}][{{ messages[[0]] }}][{{ {'a': 1}[['a']] }}]"),
    ("err_slice_generator", "{{ (messages | map(attribute='role'))[1:] }}"),
    ("err_slice_step_zero", "{{ [1, 2][::0] }}"),
    ("err_unique_unhashable", "{{ [[1], [1]] | unique | list }}"),
    ("err_int_undefined", "{{ nothing | int }}"),
    ("err_float_undefined", "{{ nothing | float }}"),
    ("err_indent_int", "{{ 12 | indent }}"),
    ("err_last_generator", "{{ messages | map(attribute='role') | last }}"),
    ("err_max_mixed", "{{ [1, 'a'] | max }}"),
]


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(repo, "src/test/resources/golden/render_cases"))
    args = ap.parse_args()
    import transformers.utils.chat_template_utils as ctu

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "filters.jsonl"), "w", encoding="utf-8") as out:
        for name, template in CASES:
            context = {"messages": engine_cases.MSGS, "tools": None, "documents": None,
                       "add_generation_prompt": False, "bos_token": "<s>", "eos_token": "</s>"}
            line = {"name": name, "template": template, "context": context, "now": engine_cases.NOW.isoformat()}
            line.update(engine_cases.render(ctu, template, context))
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
