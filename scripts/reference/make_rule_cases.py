#!/usr/bin/env python3
"""Jinja2 language rules rendered by transformers' own Jinja2 environment, through whole templates.

Writes src/test/resources/golden/render_cases/<group>.jsonl in the format of make_engine_cases.py (same
messages and clock; the context adds a small dict `d`), plus, for an error, the phase Jinja2 raised it in:
{"error": "Type: message", "error_phase": "compile" | "render"}.
Groups:
  scoping         loop-body scope (a set does not carry over to the next iteration), for-else, names a frame
                  assigns before reading them, set/filter/call/with/macro bodies, namespace, loop variables
  deferred_names  an unknown filter or test in an if branch or inline if fails only when applied
  sandbox         ImmutableSandboxedEnvironment: refused attributes (underscore names, internal attributes,
                  mutating methods) on every kind of value, by attribute, item, attr and map(attribute=...)

Usage: PYTHON=... scripts/reference/make_rule_cases.py [--out DIR]
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_engine_cases as engine_cases  # noqa: E402

SCOPING = [
    ("set_does_not_carry_to_next_iteration", "{% set first = true %}{% for k, v in d.items() %}{% if not first %}, {% endif %}{{ k }}{% set first = false %}{% endfor %}"),
    ("iteration_starts_from_outer_value", "{% set x = 0 %}{% for i in [1, 2, 3] %}{{ x }}{% set x = x + i %}{{ x }};{% endfor %}{{ x }}"),
    ("iteration_starts_undefined", "{% for i in [1, 2, 3] %}[{{ x }}]{% set x = i %}{{ x }};{% endfor %}"),
    ("set_in_if_in_loop", "{% for i in [1, 2, 3] %}{% if i == 1 %}{% set y = 'set' %}{% endif %}[{{ y }}]{% endfor %}"),
    ("set_in_loop_first", "{% for i in range(3) %}{% if loop.first %}{% set seen = i %}{% endif %}[{{ seen }}]{% endfor %}"),
    ("previous_item_by_set", "{% for i in [1, 2, 3] %}{% if i > 1 %}[{{ prev }}]{% endif %}{% set prev = i %}{% endfor %}"),
    ("counter_by_set", "{% set c = 0 %}{% for i in [1, 2, 3] %}{% set c = c + 1 %}{% if loop.last %}{{ c }}{% endif %}{% endfor %}|{{ c }}"),
    ("counter_by_namespace", "{% set ns = namespace(c=0) %}{% for i in [1, 2, 3] %}{% set ns.c = ns.c + i %}{% endfor %}{{ ns.c }}"),
    ("namespace_made_in_loop", "{% for i in [1, 2] %}{% set ns = namespace(c=10) %}{% set ns.c = ns.c + i %}{{ ns.c }}{% endfor %}[{{ ns }}]"),
    ("namespace_flag_in_loop", "{% set ns = namespace(found=false) %}{% for m in messages %}{% if m.role == 'user' %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}"),
    ("default_of_previous_iteration", "{% for i in [1, 2] %}{% set x = x | default(0) + i %}{{ x }}{% endfor %}"),
    ("defined_in_next_iteration", "{% for i in [1, 2] %}{{ x is defined }}{% set x = 1 %}{% endfor %}"),
    ("nested_loops", "{% for i in [1, 2] %}{% for j in [1, 2] %}[{{ z }}]{% set z = j %}{% endfor %}[{{ z }}]{% set z = i * 10 %}{{ z }};{% endfor %}"),
    ("nested_loop_sees_outer_iteration", "{% set x = 1 %}{% for i in [1] %}{% set x = 2 %}{% for j in [1] %}{{ x }}{% set x = 3 %}{{ x }}{% endfor %}{{ x }}{% endfor %}{{ x }}"),
    ("inner_loop_sees_reassigned_target", "{% for i in [1, 2] %}{% set i = i * 10 %}{% for j in [1] %}{{ i }}{% endfor %}{% endfor %}"),
    ("same_target_nested", "{% for i in range(2) %}{% for i in range(2, 4) %}{{ i }}{% endfor %}{{ i }}{% endfor %}"),
    ("loop_variable_nested", "{% for a in [1, 2] %}{% for b in [3] %}{{ loop.index }}{{ loop.length }}{% endfor %}{{ loop.index }}{{ loop.length }}{% endfor %}"),
    ("loop_variable_after_inner_loop", "{% for i in [1, 2] %}{{ loop.index }}{% for j in [1, 2] %}{{ loop.index }}{% endfor %}{{ loop.index }};{% endfor %}"),
    ("loop_target_reassigned", "{% for i in [1, 2] %}{{ i }}{% set i = 9 %}{{ i }}{% endfor %}"),
    ("loop_target_does_not_leak", "{% set a = 'o' %}{% for a in [1, 2] %}{% endfor %}{{ a }}|{% for x in [3] %}{% endfor %}[{{ x }}]"),
    ("tuple_set_in_loop", "{% for i in [1, 2] %}{% set a, b = i, i * 2 %}{{ a }}{{ b }}{% endfor %}[{{ a }}]"),
    ("tuple_target_reassigned", "{% for a, b in [[1, 2], [3, 4]] %}{{ a }}{{ b }}{% set a = 0 %}{{ a }}{% endfor %}[{{ a }}]"),
    ("set_block_in_loop", "{% for i in [1, 2] %}{% set s %}b{{ i }}{{ s }}{% endset %}{{ s }};{% endfor %}"),
    ("set_block_reads_previous", "{% for i in [1, 2] %}{% set s %}{{ s }}+{% endset %}{{ s }}{% endfor %}"),
    ("set_block_uses_loop", "{% for i in [1, 2] %}{% set x %}{{ loop.index }}{% endset %}{{ x }}{% endfor %}"),
    ("set_block_before_set", "{% for i in [1, 2, 3] %}[{{ r }}]{% set r %}{{ i }}{% endset %}{% endfor %}"),
    ("filter_block_in_loop", "{% for i in [1, 2] %}{% filter upper %}{% set f = 'x' %}{{ f }}{{ loop.index }}{% endfilter %}[{{ f }}]{% endfor %}"),
    ("with_block_in_loop", "{% for i in [1, 2] %}{% with a = i %}{% set b = a %}{% endwith %}[{{ b }}]{% set b = 'x' %}{% endfor %}"),
    ("with_blocks", "{% with %}{% set w = 1 %}{% endwith %}[{{ w }}]{% with a = 1 %}{% with b = a + 1 %}{{ a }}{{ b }}{% set a = 5 %}{{ a }}{% endwith %}{{ a }}{% endwith %}"),
    ("macro_defined_in_loop", "{% for i in [1, 2] %}{% macro m() %}{{ i }}{{ loop.index }}{% endmacro %}{{ m() }}{% endfor %}"),
    ("macro_reads_later_set_in_loop", "{% for i in [1, 2] %}{% macro m() %}[{{ v }}]{% endmacro %}{% set v = i %}{{ m() }}{% endfor %}"),
    ("macro_outside_loop", "{% set i = 'top' %}{% macro m() %}{{ i }}{% endmacro %}{% for i in [1, 2] %}{{ m() }}{% endfor %}"),
    ("macro_does_not_see_loop", "{% macro m() %}{{ loop.index }}{% endmacro %}{% for i in [1, 2] %}{{ m() }}{% endfor %}"),
    ("macro_local_set", "{% macro m(x) %}{% set x = x + 1 %}{{ x }}{% set y = 'in' %}{% endmacro %}{% set x = 10 %}{{ m(1) }}{{ x }}[{{ y }}]"),
    ("nested_macro", "{% macro outer() %}{% set v = 'o' %}{% macro inner() %}{{ v }}{% endmacro %}{{ inner() }}{% endmacro %}{{ outer() }}"),
    ("call_block_in_loop", "{% macro m() %}<{{ caller() }}>{% endmacro %}{% for i in [1, 2] %}{% call m() %}{{ i }}{{ loop.index }}{% set c = i %}{% endcall %}[{{ c }}]{% endfor %}"),
    ("list_rebuilt_in_loop", "{% set l = [] %}{% for i in [1, 2] %}{% set l = l + [i] %}{{ l }}{% endfor %}{{ l }}"),
    ("last_message_by_set", "{% for m in messages %}{% set content = m.content %}{% endfor %}[{{ content }}]"),
    ("context_variable_shadowed_in_loop", "{% for i in [1] %}{% set messages = [] %}{{ messages | length }}{% endfor %}{{ messages | length }}"),
    ("if_else_then_loop", "{% if true %}{% set q = 1 %}{% else %}{% set q = 2 %}{% endif %}{% for i in [1, 2] %}{{ q }}{% set q = q + 1 %}{% endfor %}{{ q }}"),
    ("if_does_not_scope", "{% set x = 'a' %}{% if true %}{% set x = 'b' %}{% endif %}{{ x }}"),
    ("loop_filter_counts", "{% for x in [1, 2, 3] if x > 1 %}{{ loop.index }}/{{ loop.length }}{{ loop.first }};{% endfor %}"),
    ("loop_helpers", "{% for x in [1, 2] %}{{ loop.previtem }}{{ loop.nextitem }}{{ loop.changed(x) }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.cycle('a', 'b') }};{% endfor %}"),
    ("loop_over_dict_and_str", "{% for k in d %}{{ k }}{% endfor %}|{% for c in 'ab' %}{{ c }}{% endfor %}"),
    ("else_has_own_scope", "{% for i in [] %}{% else %}{% set e = 1 %}{{ e }}{% endfor %}[{{ e }}]|{% set e = 5 %}{% for i in [] %}{% else %}{% set e = 1 %}{{ e }}{% endfor %}[{{ e }}]"),
    ("else_sees_outer_not_target", "{% set x = 'o' %}{% for x in [] %}{% else %}{{ x }}{% endfor %}|{% for y in [1, 2] if false %}{% else %}[{{ y }}]{% endfor %}"),
    ("else_after_break_in_first", "{% for x in [1, 2] %}{% if x == 1 %}{% break %}{% endif %}{% else %}E{% endfor %}"),
    ("else_after_break_later", "{% for x in [1, 2] %}{% if x == 2 %}{% break %}{% endif %}{% else %}E{% endfor %}"),
    ("else_after_continue_everywhere", "{% for x in [1] %}{% continue %}{% else %}E{% endfor %}|{% for i in [1, 2] %}{% break %}{% else %}no{% endfor %}"),
    ("else_after_continue_last", "{% for x in [1, 2, 3] %}{% if x == 3 %}{% continue %}{% endif %}{{ x }}{% else %}E{% endfor %}"),
    ("else_after_continue_middle", "{% for x in [1, 2, 3] %}{% if x == 2 %}{% continue %}{% endif %}{{ x }}{% else %}E{% endfor %}"),
    ("set_after_continue", "{% for i in [1, 2] %}{% set t = i %}{% continue %}{% endfor %}[{{ t }}]"),
    ("loop_is_an_ordinary_name_outside", "{% set loop = 1 %}{{ loop }}|{% macro m() %}{% set loop = 3 %}{{ loop }}{% endmacro %}{{ m() }}"),
    ("with_target_named_loop", "{% for i in [1] %}{% with loop = 2 %}{{ loop }}{% endwith %}{% endfor %}"),
    ("macro_parameter_named_loop", "{% for i in [1] %}{% macro m(loop) %}{{ loop }}{% endmacro %}{{ m(4) }}{% endfor %}"),
    ("first_use_store_hides_context", "{% macro m() %}[{{ d }}]{% endmacro %}{{ m() }}{% set d = 1 %}{{ m() }}"),
    ("first_use_store_hides_context_in_loop", "{% for i in [1] %}[{{ d }}]{% endfor %}{% set d = 1 %}{{ d }}"),
    ("first_use_load_keeps_context", "{{ d }}{% set d = 1 %}{{ d }}|{% for i in [1] %}{{ d }}{% endfor %}"),
    ("first_use_in_branch_keeps_context", "{% macro m() %}[{{ d }}]{% endmacro %}{% if false %}{% set d = 1 %}{% endif %}{{ m() }}{% set d = 2 %}{{ m() }}"),
    ("first_use_in_iteration", "{% for i in [1, 2] %}{% for j in [1] %}[{{ v }}]{% endfor %}{% set v = i %}{% endfor %}"),
    ("first_use_in_macro_body", "{% macro m() %}{% macro n() %}[{{ d }}]{% endmacro %}{{ n() }}{% set d = 2 %}{{ n() }}{% endmacro %}{{ m() }}"),
    ("first_use_macro_name", "{% set m = 'x' %}{% for i in [1] %}{% for j in [1] %}{{ m }}{% endfor %}{% macro m() %}y{% endmacro %}{{ m() }}{% endfor %}"),
    ("first_use_with_body", "{% with a = 1 %}{% for i in [1] %}[{{ d }}]{% endfor %}{% set d = 3 %}{{ d }}{% endwith %}"),
    ("first_use_set_block", "{% for i in [1] %}[{{ d }}]{% endfor %}{% set d %}z{% endset %}{{ d }}"),
    ("first_use_namespace_attribute", "{% set ns = namespace(v=1) %}{% for i in [1] %}{% for j in [1] %}{{ ns.v }}{% endfor %}{% set ns.v = 2 %}{% endfor %}{{ ns.v }}"),
    ("undefined_and_none", "{{ none.attr }}|{{ none['x'] }}|{{ none ~ 'x' }}|{{ none | string }}|{{ [none] | join }}|{{ none | default('x') }}|{{ nothing | default(none) }}|{{ nothing is none }}|{{ none is undefined }}|{{ nothing == none }}|{{ nothing == nothing }}"),
    ("undefined_operations", "{{ nothing ~ 'a' }}|{{ nothing | list }}|{{ nothing | length }}|{{ nothing | join }}|{{ nothing | upper }}|{{ [nothing] }}|{{ {'a': nothing} }}|{{ nothing in [1] }}|{{ 1 in nothing }}|{{ messages[5] }}|{{ messages[5] is defined }}|{{ d.a.x is defined }}|{% for x in nothing %}{% endfor %}"),
    ("undefined_in_namespace", "{% set ns = namespace() %}[{{ ns.x }}]{{ ns.x is defined }}{% set u = nothing %}{{ u is defined }}"),
    ("err_set_loop_in_loop", "{% for i in [1, 2] %}{% set loop = 5 %}{{ loop }}{% endfor %}"),
    ("err_loop_as_target", "{% for i in [1] %}{% for loop in [2] %}{% endfor %}{% endfor %}"),
    ("err_loop_in_tuple_target", "{% for a, loop in [[1, 2]] %}{% endfor %}"),
    ("err_set_loop_in_macro_in_loop", "{% for i in [1] %}{% macro m() %}{% set loop = 1 %}{% endmacro %}{% endfor %}"),
    ("err_set_attribute_of_loop", "{% for i in [1] %}{% set loop.x = 2 %}{% endfor %}"),
    ("err_call_undefined_in_call_block", "{% for i in [1, 2] %}{% call(x) caller_m() %}{{ x }}{% endcall %}{% endfor %}"),
    ("err_none_not_iterable", "{% for x in none %}{% endfor %}"),
    ("err_undefined_from_loop_scope", "{% for i in [1, 2] %}{% if loop.first %}{% set x = {'a': 1} %}{% endif %}{{ x.a }}{% endfor %}"),
]

DEFERRED_NAMES = [
    ("unknown_filter_in_untaken_if", "{% if false %}{{ x | fromjson }}{% endif %}ok"),
    ("unknown_test_in_untaken_elif", "{% if true %}a{% elif x is nosuchtest %}b{% endif %}"),
    ("unknown_filter_in_untaken_else", "{% if true %}a{% else %}{{ 1 | nofilter }}{% endif %}"),
    ("unknown_test_short_circuit", "{% if true or x is nosuchtest %}a{% endif %}|{% if false and x is nosuchtest %}a{% else %}b{% endif %}"),
    ("inline_if_untaken", "{{ 'a' if true else 1 | nofilter }}|{{ 1 | nofilter if false else 'b' }}|[{{ 1 | nofilter if false }}]"),
    ("for_iterable_in_if_is_deferred", "{% if false %}{% for i in [1] | nofilter %}{{ i }}{% endfor %}{% endif %}ok"),
    ("set_in_if_is_deferred", "{% if false %}{% set y = 1 | nofilter %}{% endif %}ok"),
    ("with_value_in_if_is_deferred", "{% if false %}{% with a = 1 | nofilter %}{% endwith %}{% endif %}ok"),
    ("call_arguments_in_if_are_deferred", "{% if false %}{% call m(1 | nofilter) %}{% endcall %}{% endif %}ok"),
    ("nested_if_is_deferred", "{% if false %}{% if true %}{{ 1 | nofilter }}{% endif %}{% endif %}ok"),
    ("if_in_loop_is_deferred", "{% for i in [1] %}{% if false %}{{ 1 | nofilter }}{% endif %}{% endfor %}ok"),
    ("if_in_macro_is_deferred", "{% macro m() %}{% if false %}{{ 1 | nofilter }}{% endif %}{% endmacro %}ok{{ m() }}"),
    ("chain_in_untaken_if", "{% if false %}{{ 1 | nofilter | otherfilter }}{% endif %}ok"),
    ("set_inline_if_untaken", "{% set x = 'a' if true else (1 | nofilter) %}{{ x }}"),
    ("err_taken_if", "{% if true %}{{ '{}' | fromjson }}{% endif %}ok"),
    ("err_taken_elif", "{% if false %}{% elif true %}{{ 1 | nofilter }}{% endif %}"),
    ("err_taken_else", "{% if false %}{% else %}{{ 1 | nofilter }}{% endif %}"),
    ("err_taken_test_in_if", "{% if x is nosuchtest %}a{% endif %}"),
    ("err_taken_test_in_loop", "{% for i in [1] %}{% if i is nosuchtest %}{% endif %}{% endfor %}ok"),
    ("err_taken_negated_test", "{% if true %}{{ 1 is not nosuchtest }}{% endif %}"),
    ("err_taken_inline_else", "{{ 'a' if false else 1 | nofilter }}"),
    ("err_taken_inline_test", "{{ 'a' if 1 is nosuchtest else 'b' }}"),
    ("err_taken_inline_without_else", "{{ 'a' if nothing is nosuchtest }}"),
    ("err_taken_set_inline_if", "{% set x = 'a' if false else (1 | nofilter) %}ok"),
    ("err_taken_first_in_chain", "{% if true %}{{ 1 | nofilter | upper }}{% endif %}"),
    ("err_taken_last_in_chain", "{% if true %}{{ 1 | upper | nofilter }}{% endif %}"),
    ("err_taken_undefined_input", "{% if true %}{{ nothing | nofilter }}{% endif %}"),
    ("err_taken_input_fails_first", "{% if false %}{% else %}{{ nothing.x | nofilter }}{% endif %}"),
    ("err_taken_argument_fails_first", "{% if false %}{% else %}{{ 1 | nofilter(nothing.x) }}{% endif %}"),
    ("err_map_unknown_filter", "{% if true %}{{ [1] | map('nofilter') | list }}{% endif %}"),
    ("err_select_unknown_test", "{{ [1] | select('nosuchtest') | list }}"),
    ("err_compile_outside_if", "{{ 1 | nofilter }}"),
    ("err_compile_set", "{% set y = 1 | nofilter %}"),
    ("err_compile_loop_body_in_if", "{% if false %}{% for i in [1] %}{{ i | nofilter }}{% endfor %}{% endif %}ok"),
    ("err_compile_loop_filter_in_if", "{% if false %}{% for i in [1] if i is nosuchtest %}{{ i }}{% endfor %}{% endif %}ok"),
    ("err_compile_set_block_in_if", "{% if false %}{% set y %}{{ 1 | nofilter }}{% endset %}{% endif %}ok"),
    ("err_compile_set_block_filter_in_if", "{% if false %}{% set y | nofilter %}a{% endset %}{% endif %}ok"),
    ("err_compile_filter_block_in_if", "{% if false %}{% filter nofilter %}a{% endfilter %}{% endif %}ok"),
    ("err_compile_with_body_in_if", "{% if false %}{% with a = 1 %}{{ a | nofilter }}{% endwith %}{% endif %}ok"),
    ("err_compile_macro_never_called", "{% macro m() %}{{ 1 | nofilter }}{% endmacro %}ok"),
    ("err_compile_macro_in_if", "{% if false %}{% macro m() %}{{ 1 | nofilter }}{% endmacro %}{% endif %}ok"),
    ("err_compile_macro_default_in_if", "{% if false %}{% macro m(a=1 | nofilter) %}{% endmacro %}{% endif %}ok"),
    ("err_compile_generation_in_if", "{% if false %}{% generation %}{{ 1 | nofilter }}{% endgeneration %}{% endif %}ok"),
    ("err_compile_call_body_in_if", "{% if false %}{% call m() %}{{ 1 | nofilter }}{% endcall %}{% endif %}ok"),
    ("err_compile_after_deferred", "{% if false %}{{ 1 | fromjson }}{% endif %}{{ 2 | fromjson }}"),
    ("err_compile_outermost_of_chain", "{{ 1 | nofilter | otherfilter }}"),
    ("err_compile_filter_before_argument", "{{ 1 | nofilter(2 | otherfilter) }}"),
    ("err_compile_left_before_right", "{{ (1 | nofilter) ~ (2 | otherfilter) }}"),
    ("err_compile_test_before_argument", "{{ 1 is nosuchtest(2 | otherfilter) }}"),
]

SANDBOX = [
    ("dunder_attribute_prints_nothing", "[{{ ''.__class__ }}][{{ [].__class__ }}][{{ {}.__class__ }}][{{ none.__class__ }}][{{ (1).__class__ }}][{{ (1.5).__class__ }}][{{ true.__class__ }}][{{ (1, 2).__class__ }}]"),
    ("dunder_method_prints_nothing", "[{{ ''.__len__ }}][{{ messages.__getitem__ }}][{{ d.__iter__ }}][{{ 'abc'.__getitem__ }}][{{ d.items().__iter__ }}][{{ ''.__doc__ }}]"),
    ("dunder_is_not_defined", "{{ ''.__class__ is defined }}{{ ''.__class__ is undefined }}{{ messages.append is defined }}{{ ''.__len__ is defined }}{{ 'abc'._x is defined }}"),
    ("unsafe_undefined_behaves_as_undefined", "[{{ ''.__class__ ~ 'x' }}][{{ ''.__class__ | default('D') }}][{{ ''.__class__ | string }}][{{ ''.__class__ | length }}][{{ ''.__class__ | list }}][{{ ''.__class__ | join }}][{{ ''.__class__ | upper }}][{{ ''.__class__ or 'x' }}][{{ 'a' and ''.__class__ }}][{{ not ''.__class__ }}]"),
    ("unsafe_undefined_compares_as_undefined", "{{ ''.__class__ == ''.__class__ }}|{{ ''.__class__ == none }}|{{ ''.__class__ != 1 }}|{{ ''.__class__ in [1] }}|{{ 1 in ''.__class__ }}|{{ ''.__class__ is none }}|{{ ''.__class__ is callable }}|{{ ''.__class__ is string }}"),
    ("unsafe_undefined_in_control_flow", "{% for x in ''.__class__ %}{{ x }}{% else %}empty{% endfor %}|{% if ''.__class__ %}T{% else %}F{% endif %}|{% set x = ''.__class__ %}[{{ x }}]{{ x is defined }}"),
    ("unsafe_undefined_in_containers", "{{ [''.__class__] }}|{{ (''.__class__,) }}|{{ {'a': ''.__class__} }}|{{ dict(a=''.__class__) }}|{{ namespace(a=''.__class__) }}"),
    ("unsafe_undefined_formatted", "[{{ '%s' % ''.__class__ }}][{{ '{}'.format(''.__class__) }}][{{ '{0.__class__}'.format('') }}]"),
    ("undefined_has_dunder_attributes", "[{{ nothing.__class__ }}][{{ nothing._undefined_hint }}][{{ ''.__class__.__class__ }}]"),
    ("namespace_attributes", "[{{ namespace(a=1).__class__ }}][{{ namespace(a=1).__init__ }}][{{ namespace(a=1).__dict__ }}]{% set ns = namespace(_x=1) %}[{{ ns._x }}]"),
    ("loop_attributes", "{% for x in [1] %}[{{ loop.__class__ }}][{{ loop._after }}][{{ loop._iterator }}][{{ loop.cycle.__self__ }}][{{ loop.cycle.__func__ }}][{{ loop.cycle }}]{% endfor %}"),
    ("cycler_attributes", "{% set c = cycler(1, 2) %}{{ c.items }}|{{ c.pos }}|{{ c.next() }}|{{ c.pos }}|{{ c.current }}|[{{ c.__class__ }}][{{ c.next.__func__ }}][{{ c.__dict__ }}]"),
    ("joiner_attributes", "{% set j = joiner('/') %}{{ j.sep }}|{{ j.used }}|[{{ j() }}]|{{ j.used }}|{{ j() }}|[{{ j.__call__ }}][{{ j.__class__ }}]"),
    ("macro_attributes", "{% macro m(a, b=1) %}{{ caller is defined }}{{ varargs }}{% endmacro %}{{ m.name }}|{{ m.arguments }}|{{ m.catch_kwargs }}|{{ m.catch_varargs }}|{{ m.caller }}|{{ m.explicit_caller }}|[{{ m.__class__ }}][{{ m._func }}][{{ m.__call__ }}]"),
    ("global_attributes", "[{{ cycler.__init__ }}][{{ cycler.__name__ }}][{{ cycler.mro }}][{{ joiner.__call__ }}][{{ namespace.__init__ }}][{{ dict.__base__ }}][{{ range.__globals__ }}][{{ raise_exception.__closure__ }}][{{ strftime_now.__globals__ }}]"),
    ("generator_attributes", "[{{ (messages | map(attribute='role')).__class__ }}][{{ (messages | map(attribute='role')).gi_frame }}][{{ ([1] | reverse).__length_hint__ }}]"),
    ("dunder_item_keys", "[{{ d['__class__'] }}][{{ messages['__len__'] }}][{{ 'abc'['__class__'] }}][{{ {'__class__': 5}['__class__'] }}][{{ {'__class__': 5}.__class__ }}][{{ {'_x': 1}._x }}][{{ {'_x': 1}['_x'] }}][{{ messages[0]['__class__'] }}]"),
    ("mutating_methods_print_nothing", "[{{ messages.append }}][{{ messages.pop }}][{{ messages.clear }}][{{ d.update }}][{{ d.setdefault }}][{{ d['update'] }}][{{ messages | attr('append') }}]"),
    ("safe_methods_still_work", "{{ d.copy() }}|{{ d.get('a') }}|{{ d.items() | list }}|{{ messages.index(messages[0]) }}|{{ messages.count(1) }}|{{ (1, 2).count(1) }}|{{ 'a-b'.split('-') }}|{{ {'update': 1}.get('update') }}"),
    ("attr_filter", "[{{ 'a' | attr('__class__') }}][{{ 'a' | attr('_x') }}]{{ 'a' | attr('upper') is defined }}{{ messages | attr('append') is defined }}[{{ namespace(a=1) | attr('__class__') }}][{{ namespace(a=1) | attr('a') }}]"),
    ("map_attribute", "{{ messages | map(attribute='__class__') | list }}|{{ messages | map(attribute='append') | list }}|[{{ messages | map(attribute='__class__') | join }}]|{{ messages | map(attribute='role.__class__') | list }}"),
    ("filters_by_dunder_attribute", "{{ messages | selectattr('__class__') | list }}|{{ messages | rejectattr('__class__') | list | length }}|{{ messages[:1] | groupby('__class__') | list }}|{{ messages | unique(attribute='__class__') | list | length }}|{{ [3, 1] | sort(attribute='__class__') }}|{{ messages | map(attribute='__class__', default='x') | list }}|{{ messages[:1] | min(attribute='__class__') }}"),
    ("err_dunder_chain", "{{ ''.__class__.__mro__ }}"),
    ("err_globals_chain", "{{ cycler.__init__.__globals__ }}"),
    ("err_subclasses", "{{ ''.__class__.__base__.__subclasses__() }}"),
    ("err_call_dunder", "{{ ''.__class__() }}"),
    ("err_call_dunder_method", "{{ [1].__len__() }}"),
    ("err_item_of_unsafe", "{{ ''.__class__['x'] }}"),
    ("err_arithmetic_on_unsafe", "{{ ''.__class__ + 1 }}"),
    ("err_negate_unsafe", "{{ -''.__class__ }}"),
    ("err_order_unsafe", "{{ ''.__class__ < 1 }}"),
    ("err_int_filter_on_unsafe", "{{ ''.__class__ | int }}"),
    ("err_float_filter_on_unsafe", "{{ ''.__class__ | float }}"),
    ("err_percent_d_of_unsafe", "{{ '%d' % ''.__class__ }}"),
    ("err_tojson_of_unsafe", "{{ ''.__class__ | tojson }}"),
    ("err_unsafe_through_variable", "{% set x = ''.__class__ %}{{ x.__base__ }}"),
    ("err_unsafe_through_macro_argument", "{% macro m(x) %}{{ x.y }}{% endmacro %}{{ m(''.__class__) }}"),
    ("err_unsafe_through_namespace", "{% set ns = namespace(a=''.__class__) %}{{ ns.a.b }}"),
    ("err_undefined_dunder_chain", "{{ nothing.__class__.__name__ }}"),
    ("err_undefined_missing_dunder", "{{ nothing.__foo__ }}"),
    ("err_none_dunder_chain", "{{ none.__class__.x }}"),
    ("err_float_dunder_chain", "{{ (1.5).__class__.__name__ }}"),
    ("err_loop_dunder_chain", "{% for x in [1] %}{{ loop.__class__.x }}{% endfor %}"),
    ("err_bound_method_dunder_chain", "{% for x in [1] %}{{ loop.cycle.__func__.x }}{% endfor %}"),
    ("err_namespace_class_chain", "{{ namespace.__init__.__globals__ }}"),
    ("err_type_mro", "{{ dict.mro() }}"),
    ("err_function_globals_item", "{{ range.__globals__['os'] }}"),
    ("err_generator_frame", "{{ (messages | map(attribute='role')).gi_frame.f_globals }}"),
    ("err_reverse_iterator_dunder", "{{ ([1] | reverse).__length_hint__() }}"),
    ("err_attr_filter_result", "{{ ('a' | attr('__class__')).x }}"),
    ("err_attr_filter_mutator_call", "{{ (messages | attr('append'))(1) }}"),
    ("err_list_append", "{{ messages.append(1) }}"),
    ("err_list_pop", "{{ messages.pop() }}"),
    ("err_list_sort", "{{ [1, 2].sort() }}"),
    ("err_list_extend_by_item", "{{ messages['extend']([1]) }}"),
    ("err_dict_update", "{{ d.update({'x': 1}) }}"),
    ("err_dict_setdefault", "{{ d.setdefault('x', 1) }}"),
    ("err_dict_dunder_call", "{{ d.__len__() }}"),
    ("err_list_dunder_getitem", "{{ messages.__getitem__(0) }}"),
    ("err_round_undefined", "{{ nothing | round }}"),
    ("err_abs_undefined", "{{ nothing | abs }}"),
    ("err_percent_d_undefined", "{{ '%d' % nothing }}"),
]

GROUPS = {"scoping": SCOPING, "deferred_names": DEFERRED_NAMES, "sandbox": SANDBOX}


def render(ctu, template, context):
    """The rendered text and spans, or the error with the phase Jinja2 raised it in."""
    try:
        ctu._compile_jinja_template(template)
    except Exception as e:
        return {"error": f"{type(e).__name__}: {e}", "error_phase": "compile"}
    result = engine_cases.render(ctu, template, context)
    if "error" in result:
        result["error_phase"] = "render"
    return result


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(repo, "src/test/resources/golden/render_cases"))
    args = ap.parse_args()
    import transformers.utils.chat_template_utils as ctu

    os.makedirs(args.out, exist_ok=True)
    for group, cases in GROUPS.items():
        names = [name for name, _ in cases]
        assert len(names) == len(set(names)), f"duplicate case names in {group}"
        with open(os.path.join(args.out, group + ".jsonl"), "w", encoding="utf-8") as out:
            for name, template in cases:
                context = {"messages": engine_cases.MSGS, "tools": None, "documents": None,
                           "add_generation_prompt": False, "bos_token": "<s>", "eos_token": "</s>",
                           "d": {"a": 1, "b": 2}}
                line = {"name": name, "template": template, "context": context,
                        "now": engine_cases.NOW.isoformat()}
                line.update(render(ctu, template, context))
                assert "0x" not in line.get("text", ""), f"{name}: output holds a memory address"
                out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
