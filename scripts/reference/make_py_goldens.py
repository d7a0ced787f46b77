#!/usr/bin/env python3
"""Writes src/test/resources/golden/py/*.jsonl: Python's own answers for the Python-semantics library.

Each line is one case: {"kind", "in": {...}, "out": {"type", "repr"}} or {"kind", "in", "error": {"type", "msg"}}.
Values are JSON with tags for what JSON cannot say: {"$tuple": [...]}, {"$undef": true},
{"$float": "nan"|"inf"|"-inf"}, {"$dict": [[key, value], ...]} (dicts with non-str keys).

Operators, methods, attribute access and filters run through the environment transformers renders chat
templates with (an ImmutableSandboxedEnvironment), so sandbox rules and Jinja2's own filters apply.
Usage: HF_HUB_OFFLINE=1 $PYTHON scripts/reference/make_py_goldens.py [--shared DIR] [--out DIR]
(PYTHON: the reference environment with transformers and jinja2, e.g. .venv/bin/python.)
"""
import argparse
import json
import math
import os
import random
import sys

from jinja2.runtime import Undefined
from transformers.utils import chat_template_utils
from shared_dir import shared_dir

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "py")

ENV = chat_template_utils._compile_jinja_template("{{ '' }}").environment
ENV.filters["pyrepr"] = repr
ENV.filters["pytype"] = lambda v: type(v).__name__

VIEWS = (type({}.keys()), type({}.values()), type({}.items()))
UNDEF = Undefined()  # at top level: a missing template variable; nested: a Jinja Undefined value


def enc(v):
    if v is UNDEF or isinstance(v, Undefined):
        return {"$undef": True}
    if isinstance(v, bool) or v is None or isinstance(v, (int, str)):
        return v
    if isinstance(v, float):
        if math.isnan(v):
            return {"$float": "nan"}
        if math.isinf(v):
            return {"$float": "inf" if v > 0 else "-inf"}
        return v
    if isinstance(v, tuple):
        return {"$tuple": [enc(x) for x in v]}
    if isinstance(v, VIEWS):
        return {"$view": type(v).__name__, "of": enc(dict(v.mapping))}
    if isinstance(v, list):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in v):
            return {k: enc(x) for k, x in v.items()}
        return {"$dict": [[enc(k), enc(x)] for k, x in v.items()]}
    raise TypeError(f"cannot encode {type(v).__name__}")


def result(value):
    return {"type": type(value).__name__, "repr": repr(value)}


def error(e):
    return {"type": type(e).__name__, "msg": str(e)}


def run(kind, inputs, fn):
    case = {"kind": kind, "in": {k: enc(v) for k, v in inputs.items()}}
    try:
        value = fn()
        if isinstance(value, complex):
            return None  # negative ** fractional: templates have no use for complex numbers
        case["out"] = result(value)
    except Exception as e:  # every Python exception is an expected outcome of some case
        case["error"] = error(e)
    return case


def render(source, variables):
    names = {k: v for k, v in variables.items() if v is not UNDEF}
    return ENV.from_string(source).render(names)


class Keep:
    """Captures the value of a Jinja expression without going through str()."""

    def __init__(self, expr, variables):
        self.expr = expr
        self.variables = variables

    def __call__(self):
        box = []
        ENV.globals["keep"] = lambda v: box.append(v) or ""
        render("{{ keep(" + self.expr + ") }}", self.variables)
        return box[0]


# ------------------------------------------------------------------ values: repr / str / json / format

FLOATS = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-5,
          1e-4, 0.0001234, 1e22, 1e23, 1.5e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          float("inf"), float("-inf"), float("nan"), 100.0, 1234.5, 0.5, 2.675, 1.005, 3.14159, 9.999999999999999e22,
          4.35, 0.3, 8.41e21, 2e23, 5e22, 1.1e-322, 2.2250738585072009e-308, 1e100, 12345678.9, 0.000001, 1e-7, 123e-20, 2 ** 53 + 0.0, 2.0 ** 63, 7.0e-10, 9007199254740993.0]
STRINGS = ["", "a", "it's", 'say "hi"', "both ' and \"", "tab\there", "line\nbreak\r", "back\\slash", "\x00\x07\x1f\x7f",
           "caf\u00e9", "\u00a0nbsp", "\u200bzero", "\u2028ls", "emoji \U0001F600", "\ud7ff", "\U000E0001tag",
           "\u0301combining", "\u4e2d\u6587", "\xad soft", "\ue000private", "\U0010ffff"]


def value_cases():
    cases = []
    rng = random.Random(1234)
    floats = list(FLOATS)
    for _ in range(150):
        exp = rng.randint(-30, 30)
        floats.append(rng.random() * 10 ** exp * rng.choice([1, -1]))
    for _ in range(50):
        floats.append(round(rng.uniform(-1000, 1000), rng.randint(0, 6)))
    for f in floats:
        cases.append(run("repr", {"value": f}, lambda f=f: repr(f)))
    values = STRINGS + [None, True, False, 0, -7, 2 ** 64, -(2 ** 70), [1, "a", None, 2.5, True], (1,), (), (1, "b"),
                        {"a": 1, "b": [1, 2], "c": {"d": None}}, {1: "x", 2.5: "y", None: "z", True: "t"},
                        ["it's", ("x", 1.0)], {"k": (1,)}, [], {}, [[[]]], UNDEF, [UNDEF]]
    for v in values:
        cases.append(run("repr", {"value": v}, lambda v=v: repr(v)))
        cases.append(run("str", {"value": v}, lambda v=v: render("{{ v }}", {"v": v})))
    json_values = [
        {"name": "get_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}},
        [1, 2.0, 1e16, 1e-5, -0.0, None, True, False, "x"], "caf\u00e9 \u4e2d \U0001F600 \"q\" \\ \n\t\x01\x7f\u2028",
        {"b": 1, "a": [{"z": 1, "y": {}}, []], "c": ()}, {1: 1, 2.5: 2, True: 3, None: 4, "s": 5}, [],
        {}, float("nan"), [float("inf"), float("-inf")], 2 ** 70, (1, (2, 3)), {"nested": {"deep": [1, {"x": [2]}]}},
        "\U0001F600", UNDEF, {"k": UNDEF}, {(1, 2): 3}, {"b": 1, "a": 2, "c": {"z": 0, "y": 1}},
        {"a": 1, 2: 3},
    ]
    json_params = [
        {}, {"indent": 2}, {"indent": 4}, {"indent": 0}, {"indent": "\t"}, {"indent": ""}, {"sort_keys": True},
        {"ensure_ascii": True}, {"separators": [",", ":"]}, {"separators": [", ", ": "], "indent": 2},
        {"indent": 2, "sort_keys": True, "ensure_ascii": True},
    ]
    for v in json_values:
        for p in json_params:
            def dumps(v=v, p=p):
                if v is UNDEF or (isinstance(v, dict) and UNDEF in v.values()):
                    return render("{{ v|tojson(**p) }}", {"v": v if v is not UNDEF else UNDEF, "p": p}) if v is not UNDEF \
                        else render("{{ missing|tojson(**p) }}", {"p": p})
                kw = dict(p)
                if "separators" in kw:
                    kw["separators"] = tuple(kw["separators"])
                kw.setdefault("ensure_ascii", False)
                return json.dumps(v, **kw)
            cases.append(run("json", {"value": v, "params": p}, dumps))
    for s in ["1", "1.0", "1e400", "-1e400", "12345678901234567890123", "-0.0", "[1, 2.5, \"x\", null, true]",
              "{\"b\": 1, \"a\": {\"c\": [], \"b\": 2}}", "{\"a\": 1, \"a\": 2}", "NaN", "\"\\ud83d\\ude00\"", "1E5", "0.1"]:
        cases.append(run("parse", {"text": s}, lambda s=s: json.loads(s)))
    specs = ["", "d", "5", "<5", ">5", "^5", "^6", "*^7", "=8", "+", " ", "-", "+d", "05", "08.2f", ",", "_", ",d", "_x",
             ".2f", ".0f", ".10f", ".3e", "e", "E", "g", ".3g", "G", ".1g", ".2", ".4", ".12", "%", ".1%", "#x", "x",
             "X", "#o", "o", "b", "#b", "c", "s", "10s", ".3s", ">10.2f", "+.3e", "f", ",.2f", "10", "n"]
    numbers = [0, 1, -1, 42, 1234567, -98765, 2 ** 70, True, 0.0, -0.0, 3.14159, -2.5, 2.675, 0.125, 1e16, 1e-7,
               123456.789, float("inf"), float("nan"), 1234.5, 0.5, 1.5, 65]
    for n in numbers:
        for spec in specs:
            cases.append(run("format", {"value": n, "spec": spec}, lambda n=n, spec=spec: format(n, spec)))
    for n in [float("inf"), float("-nan"), -1234.5, 1234567, 255]:
        for spec in ["010", "=+010", "010,", "<010", "0=10", "x=10", "^010", "012,.2f", "#010_x", "0=12,", "015,e"]:
            cases.append(run("format", {"value": n, "spec": spec}, lambda n=n, spec=spec: format(n, spec)))
    for s in ["abc", "", "caf\u00e9", "\U0001F600x"]:
        for spec in ["", "s", "5", "<5", ">5", "^5", "^6", "*^7", ".2", "10.1", "=5", "+", "d", ",", "#", "05", "\U0001F600^6"]:
            cases.append(run("format", {"value": s, "spec": spec}, lambda s=s, spec=spec: format(s, spec)))
    for v in [None, [1], {"a": 1}]:
        for spec in ["", "5"]:
            cases.append(run("format", {"value": v, "spec": spec}, lambda v=v, spec=spec: format(v, spec)))
    return cases


# ------------------------------------------------------------------ operators

BINOPS = {"add": "+", "sub": "-", "mul": "*", "truediv": "/", "floordiv": "//", "mod": "%", "pow": "**",
          "eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">=", "concat": "~", "in": "in",
          "notin": "not in"}


def op_cases():
    cases = []
    numeric = [0, 1, -1, 7, -7, 2, -2, 3, 2 ** 62, -(2 ** 63), 2 ** 64, 0.0, -0.0, 1.5, -2.5, 7.5, 0.1, True, False,
               float("inf"), float("nan")]
    pairs = []
    for a in numeric:
        for b in [0, 1, -1, 2, -2, 3, 7, 0.0, 1.5, -2.5, True, 2 ** 64, 0.1]:
            pairs.append((a, b))
    mixed = [("a", "b"), ("a", 1), (1, "a"), ("ab", 3), (3, "ab"), ("ab", -1), ("ab", 0), ("ab", True), ("ab", 2.0),
             ([1], [2]), ([1], (2,)), ((1,), (2,)), ((1,), [2]), ([1, 2], 2), (2, [1]), ((1, 2), 2), (None, 1),
             (1, None), (None, None), ("1", 1), (1, 1.0), (1, True), ({"a": 1}, {"a": 1}), ({"a": 1}, {"a": 1.0}),
             ({"a": 1, "b": 2}, {"b": 2, "a": 1}), ({}, {}), ([1, [2]], [1, [2]]), ([1, 2], [1, 3]), ([1, 2], [1]),
             ((1, "a"), (1, "b")), ("abc", "abd"), ("\U0001F600", "\uffff"), ("B", "a"), ("", ""), (UNDEF, 1),
             (1, UNDEF), (UNDEF, UNDEF), ("a", UNDEF), (UNDEF, "a"), ([1], [1.0]), ((), ()), ("%s", 5),
             ("%s and %d", (1, 2)), ("%r", "x"), ("%5.2f|%-6d|%+d", (3.14159, 42, 5)), ("100%%", ()),
             ("%(name)s is %(age)d", {"name": "Bob", "age": 30}), ("%s", (1, 2)), ("%s %s", (1,)), ("%d", "a"),
             ("%x %o %X %#x", (255, 8, 255, 255)), ("%e|%g|%.3g|%G", (12345.678, 0.0001, 123456, 1e-10)),
             ({"a": 1}.items(), [("a", 1)]), ({"a": 1}.keys(), ["a"]), ({"a": 1}.keys(), {"a": 2}.keys()),
             ({"a": 1, "b": 2}.keys(), {"b": 1, "a": 2}.keys()), ({"a": 1}.values(), {"a": 1}.values()),
             ({"a": 1}.items(), {"a": 1}.items()), ({"a": 1}.items(), 2), (("a", 1), {"a": 1}.items()),
             ("%c%c", (65, "b")), ("%05s|%-05d|%010.2f|%05x", ("ab", 42, -3.14159, 255)), ("%010f", float("inf")), ("%5s|%-5s|%.2s", ("ab", "cd", "xyz")), ("%s", None), ("%s", [1, "a"]),
             ("%s", {"a": 1}), ("%i %u", (3.9, -3.9)), ("%05d|%+05d|% d", (42, 42, 42)), ("%*d", (5, 42)),
             ("%.*f", (2, 3.14159)), ("%s", True), ("%d", True), ("%f", 2.675), ("%.0f %.0f", (0.5, 1.5)),
             ("%z", 1), ("%", 1), ("%a", "caf\u00e9"), ("%s", UNDEF), ([1, 2], 0), ((1,), 3), ([], 5)]
    pairs.extend(mixed)
    for a, b in pairs:
        for name, sym in BINOPS.items():
            if name in ("in", "notin"):
                continue
            if name == "pow" and isinstance(b, int) and not isinstance(b, bool) and b >= 2 ** 60:
                continue
            if (isinstance(a, VIEWS) or isinstance(b, VIEWS)) and name in ("sub", "lt", "le", "gt", "ge"):
                continue  # set algebra of dict views: the value model has no set type
            cases.append(run("op", {"op": name, "a": a, "b": b}, Keep("a " + sym + " b", {"a": a, "b": b})))
    containers = ["hello", "", [1, 2, "3"], (1, "a"), {"a": 1, "1": 2}, {1: "x"}, None, 5, UNDEF, [[1]], [1.0],
                  {"True": 1}, {True: 1}]
    items = ["ell", "", "x", 1, "3", 3, 1.0, True, "a", None, [1], UNDEF]
    for c in containers:
        for it in items:
            for name in ("in", "notin"):
                cases.append(run("op", {"op": name, "a": it, "b": c},
                                 Keep("a " + BINOPS[name] + " b", {"a": it, "b": c})))
    for v in [0, 1, -1, 0.0, -0.0, 2.5, "", "a", "false", "0", " ", [], [0], (), (0,), {}, {"a": 1}, None, True, False,
              UNDEF, 2 ** 64, float("nan")]:
        cases.append(run("op", {"op": "truthy", "a": v}, Keep("true if a else false", {"a": v})))
        cases.append(run("op", {"op": "neg", "a": v}, Keep("-a", {"a": v})))
        cases.append(run("op", {"op": "pos", "a": v}, Keep("+a", {"a": v})))
    return cases


# ------------------------------------------------------------------ methods, attributes, slices

def method_cases():
    cases = []

    def m(_self, _name, *args, **kwargs):
        variables = {"receiver": _self, "args": list(args), "kwargs": kwargs}
        cases.append(run("method", {"self": _self, "name": _name, "args": list(args), "kwargs": kwargs},
                         Keep("receiver." + _name + "(*args, **kwargs)", variables)))

    s = "  Hello, World!  "
    for name in ["strip", "lstrip", "rstrip"]:
        m(s, name)
        m("xxhixx", name, "x")
        m("<|a|>", name, "<|>")
        m("\u3000\u00a0 x \n\x1c", name)
        m("abc", name, None)
        m("abc", name, 1)
        m("\U0001F600a\U0001F600", name, "\U0001F600")
    for text in ["a b  c", "  a b c  ", "", "   ", "a,b,,c,", ",a,", "a</think>", "a\tb\nc\x1cd\u3000e", "one  two three "]:
        m(text, "split")
        m(text, "rsplit")
        for sep in [",", " ", "</think>", "b", "ab"]:
            m(text, "split", sep)
            m(text, "rsplit", sep)
        for maxsplit in [0, 1, 2]:
            m(text, "split", None, maxsplit)
            m(text, "rsplit", None, maxsplit)
            m(text, "split", ",", maxsplit)
            m(text, "rsplit", ",", maxsplit)
    m("a,b,c", "split", sep=",", maxsplit=1)
    m("a,b,c", "rsplit", maxsplit=1, sep=",")
    m("a,b", "split", "")
    m("aaa", "split", "aa")
    m("aaa", "rsplit", "aa")
    m("a b", "split", 1)
    for text in ["a\nb\r\nc\rd", "x\n", "\n\n", "", "a\x0bb\x0cc\u2028d\x85e", "no break"]:
        m(text, "splitlines")
        m(text, "splitlines", True)
    for args in [("He",), ("he",), (("x", "He"),), ("",), ("llo", 2), ("llo", 2, 4), ("llo", 2, 5), ("H", -5),
                 ("o", -1), ("Hello", 0, 100), ("", 10), (1,), (("a", 1),), ("lo", None, 5)]:
        m("Hello", "startswith", *args)
        m("Hello", "endswith", *args)
    for args in [("a", "b"), ("a", "b", 1), ("", "-"), ("", "-", 2), ("x", "y"), ("ana", "ANA"), ("a", ""), ("a", "b", 0),
                 ("a", "b", -1), (1, "x")]:
        m("banana", "replace", *args)
    m("\U0001F600\U0001F600", "replace", "", "|")
    for text in ["hello world", "HELLO", "hello wORLD it's", "they're bill's friends", "\u00df str", "123abc def",
                 "\u01c6 x", "", "\U0001F600a b", "\u0130i", "a-b_c d.e"]:
        for name in ["upper", "lower", "title", "capitalize", "swapcase", "casefold", "isdigit", "isalpha", "isalnum",
                     "isspace", "isupper", "islower", "isnumeric", "isdecimal", "istitle"]:
            m(text, name)
    for text in ["abc", "a b", "_x1", "1x", "", "caf\u00e9", "\x7f", "tab\t", "\u00a0", "\u4e2d\u6587", "a-b", "\U0001F600",
                 "x\u200b", "\u0301a", "a\u0301"]:
        for name in ["isascii", "isprintable", "isidentifier"]:
            m(text, name)
    for text in ["\u0131", "\u017f", "\u0390", "\u00df", "\ufb00", "\u13a0\uab70", "\u0130", "\u1e9e", "\u03c2"]:
        for name in ["casefold", "upper", "lower", "title", "capitalize", "swapcase"]:
            m(text, name)
    for text in ["123", "\u00b2", "\u00bd", "\u0663", "\u2160", "\u4e00", " \t", "Title Case", "ABC1", "abc1", "A", ""]:
        for name in ["isdigit", "isalpha", "isalnum", "isspace", "isnumeric", "isdecimal", "isupper", "islower",
                     "istitle"]:
            m(text, name)
    fmt_cases = [("{} and {}", ("a", "b"), {}), ("{0}{1}{0}", ("x", "y"), {}), ("{name}!", (), {"name": "Bob"}),
                 ("{x.a}/{x[b]}", (), {"x": {"a": 1, "b": 2}}), ("{:>10}|{:<5}|{:^7}", ("r", "l", "c"), {}),
                 ("{:.2f}", (3.14159,), {}), ("{:,}", (1234567,), {}), ("{!r}", ("q",), {}), ("{0!r:>8}", ("q",), {}),
                 ("{{literal}} {}", (1,), {}), ("{}", (), {}), ("{0} {}", (1, 2), {}), ("{missing}", (), {}),
                 ("{:{w}.{p}f}", (3.14159,), {"w": 10, "p": 3}), ("{0[1]}", ([5, 6],), {}), ("{}", (None,), {}),
                 ("{}", (True,), {}), ("{}", (1.0,), {}), ("{}", ([1, "a"],), {}), ("{:05d}", (42,), {}),
                 ("{:x} {:#b} {:o}", (255, 5, 8), {}), ("{:e}", (12345.678,), {}), ("{:%}", (0.25,), {}),
                 ("{:g}", (1e-5,), {}), ("{", (), {}), ("}", (), {}), ("{:d}", ("a",), {}), ("{x.missing}", (), {"x": {}}),
                 ("{:s}", (1,), {}), ("{!s:5}|", (None,), {}), ("{0.real}", (1,), {})]
    for template, args, kwargs in fmt_cases:
        m(template, "format", *args, **kwargs)
    for args in [(["a", "b"],), ([],), (("x", "y", "z"),), (["a", 1],), ("abc",), ({"k": 1, "j": 2},), (None,)]:
        m(", ", "join", *args)
    for name in ["find", "rfind", "index", "rindex", "count"]:
        for args in [("an",), ("x",), ("",), ("an", 2), ("an", 2, 4), ("an", -3), ("a", 1, -1), ("", 6), ("", 7),
                     ("a", 10), (1,)]:
            m("banana", name, *args)
        m("\U0001F600ab\U0001F600ab", name, "ab")
        m("\U0001F600ab\U0001F600ab", name, "ab", 2)
    for args in [(5,), (2,), (-1,)]:
        m("42", "zfill", *args)
        m("-42", "zfill", *args)
        m("+x", "zfill", *args)
    for name in ["center", "ljust", "rjust"]:
        for args in [(10,), (9, "*"), (2,), (6, "-"), (7, "ab"), (8, "\U0001F600"), (-3,)]:
            m("abc", name, *args)
            m("ab", name, *args)
    for name in ["partition", "rpartition"]:
        for sep in ["</think>", "x", "", "a"]:
            m("a</think>b</think>c", name, sep)
    for name, arg in [("removeprefix", "<|"), ("removeprefix", "x"), ("removesuffix", "|>"), ("removesuffix", ""),
                      ("removeprefix", 1)]:
        m("<|im|>", name, arg)
    for args in [(), (4,), (0,), (1,)]:
        m("a\tbc\td\n\tx", "expandtabs", *args)
    m("abc", "nosuch")
    m("abc", "__len__")
    d = {"a": 1, "b": None, "c": [1, 2]}
    for name, args in [("items", ()), ("keys", ()), ("values", ()), ("get", ("a",)), ("get", ("z",)), ("get", ("z", 5)),
                       ("get", ("b", 5)), ("copy", ()), ("update", ({"x": 1},)), ("pop", ("a",)), ("setdefault", ("q", 1)),
                       ("clear", ()), ("popitem", ()), ("__contains__", ("a",)), ("nosuch", ())]:
        m(d, name, *args)
    m({1: "one"}, "get", 1.0)
    m({1: "one"}, "get", True)
    lst = [3, 1, 2, 1]
    for name, args in [("index", (1,)), ("index", (1, 2)), ("index", (9,)), ("index", ("3",)), ("count", (1,)),
                       ("count", (1.0,)), ("copy", ()), ("append", (4,)), ("extend", ([5],)), ("insert", (0, 1)),
                       ("pop", ()), ("remove", (1,)), ("reverse", ()), ("sort", ()), ("clear", ())]:
        m(lst, name, *args)
    m((1, 2, 1), "count", 1)
    m((1, 2, 1), "index", 2)
    m((1, 2, 1), "index", 5)
    m((1, 2, 1), "append", 5)

    def access(kind, obj, key):
        if kind == "getattr":
            expr = "obj." + key
        else:
            expr = "obj[key]"
        cases.append(run(kind, {"obj": obj, "key": key}, Keep(expr, {"obj": obj, "key": key})))

    msg = {"role": "user", "content": "hi", "items": "shadow", "tool_calls": None, "1": "one"}
    for key in ["role", "content", "missing", "tool_calls"]:
        access("getattr", msg, key)
        access("getitem", msg, key)
    access("getitem", msg, "items")
    access("getitem", {1: "int", "1": "str"}, 1)
    access("getitem", {1: "int"}, 1.0)
    access("getitem", {1: "int"}, True)
    access("getitem", [10, 20, 30], 0)
    access("getitem", [10, 20, 30], -1)
    access("getitem", [10, 20, 30], -3)
    access("getitem", [10, 20, 30], 3)
    access("getitem", [10, 20, 30], -4)
    access("getitem", [10, 20, 30], True)
    access("getitem", [10, 20, 30], "0")
    access("getitem", [10, 20, 30], 1.0)
    access("getitem", (10, 20), 1)
    access("getitem", {"a": 1}.items(), 0)
    access("getitem", {"a": 1}.keys(), "a")
    access("getitem", "h\U0001F600llo", 1)
    access("getitem", "h\U0001F600llo", -1)
    access("getitem", "h\U0001F600llo", 2)
    access("getitem", "abc", 5)
    access("getitem", None, 0)
    access("getitem", None, "a")
    access("getitem", 5, 0)
    access("getitem", UNDEF, 0)
    access("getattr", UNDEF, "x")
    access("getattr", None, "x")
    access("getattr", "abc", "x")
    access("getattr", [1], "x")

    for obj in ["h\U0001F600llo w\u00f6rld", [0, 1, 2, 3, 4, 5], (0, 1, 2), "", {"a": 1}, None, UNDEF, {"a": 1}.keys()]:
        for start, stop, step in [(None, None, None), (None, None, -1), (1, None, None), (-5, None, None),
                                  (None, -1, None), (1, 4, None), (None, None, 2), (4, 1, -1), (-1, -10, -2),
                                  (10, 20, None), (-100, 100, None), (None, None, 0), (3, 1, None), (0, 0, None),
                                  (2, None, -1), ("a", None, None), (1.0, None, None), (None, None, 3)]:
            cases.append(run("slice", {"obj": obj, "start": start, "stop": stop, "step": step},
                             Keep("obj[start:stop:step]", {"obj": obj, "start": start, "stop": stop, "step": step})))
    return cases


# ------------------------------------------------------------------ filters

GENERATORS = {"batch", "slice", "unique", "reverse", "items", "map", "select", "reject", "selectattr", "rejectattr"}


def filter_cases():
    cases = []

    def f(name, value, *args, **kwargs):  # noqa: the filter's own kwargs never use "name" or "value"
        expr = "value|" + name + "(*args, **kwargs)"
        if name in GENERATORS:
            expr = "(" + expr + ")|list" if name != "reverse" or not isinstance(value, str) else expr
        variables = {"value": value, "args": list(args), "kwargs": kwargs}
        cases.append(run("filter", {"name": name, "value": value, "args": list(args), "kwargs": kwargs},
                         Keep(expr, variables)))

    for v in [{"a": 1, "b": [1, 2]}, [1, "a", None], "caf\u00e9", None, UNDEF, 1.0, True, {"k": (1, 2)}, {"s": "\U0001F600"}]:
        f("tojson", v)
        f("tojson", v, indent=2)
        f("tojson", v, ensure_ascii=True)
    f("tojson", {"b": 1, "a": 2}, sort_keys=True)
    f("tojson", {"b": 1, "a": 2}, separators=(",", ":"))
    f("tojson", {"b": 1, "a": 2}, 2)
    for v in [{"a": 1, "b": 2}, {}, UNDEF, None, [1], "s"]:
        f("items", v)
    for v, args in [("  x  ", ()), ("xxaxx", ("x",)), ("\n\tx\u3000", ()), (" a ", (None,)), (5, ()), (UNDEF, ()),
                    (None, ())]:
        f("trim", v, *args)
    for v in ["h\U0001F600", [1, 2], {"a": 1}, (), "", 5, None, UNDEF]:
        f("length", v)
        f("count", v)
    for v in [2.5, 3.5, -2.5, 2.675, 1.005, 12345.6789, 7, 0.5, -0.5, 1e20, float("nan"), "x", None]:
        for args in [(), (1,), (2,), (0, "ceil"), (1, "floor"), (2, "ceil"), (1, "up")]:
            f("round", v, *args)
    for v in [1, 1.0, None, True, [1, "a"], {"a": None}, "s", UNDEF, ("t",)]:
        f("string", v)
    for v, args in [("42", ()), ("  42 ", ()), ("4.7", ()), ("x", ()), ("x", (7,)), ("0x1A", (0, 16)), ("1A", (0, 16)),
                    ("0b101", (0, 2)), ("101", (0, 2)), (4.7, ()), (-4.7, ()), (True, ()), (None, ()), (UNDEF, ()),
                    ("1_000", ()), ("12345678901234567890", ()), ("", ()), ("0o17", (0, 8)), ("010", (0, 0)),
                    ("0x1A", (0, 0)), ([1], ())]:
        f("int", v, *args)
    for v, args in [("4.5", ()), ("x", ()), ("x", (1.5,)), (3, ()), ("1e3", ()), (" 2 ", ()), ("nan", ()), ("inf", ()),
                    (None, ()), (True, ()), ("1_0.5", ()), (UNDEF, ())]:
        f("float", v, *args)
    users = [{"name": "b", "age": 3, "info": {"city": "Z"}}, {"name": "A", "age": 1, "info": {"city": "y"}},
             {"name": "c", "age": 2, "info": {"city": "x"}}, {"name": "a", "age": 2, "info": {"city": "Y"}}]
    for v, args, kwargs in [(["a", "b"], (), {}), (["a", "b"], (", ",), {}), ([1, 2], ("-",), {}), ("abc", ("|",), {}),
                            (users, (", ",), {"attribute": "name"}), (users, (", ",), {"attribute": "info.city"}),
                            ([None, True, 1.5], (" ",), {}), ({"a": 1, "b": 2}, (",",), {}), ([], ("x",), {}),
                            ([[1], (2,)], (";",), {}), (UNDEF, (",",), {}), (users, (", ",), {"attribute": "missing"})]:
        f("join", v, *args, **kwargs)
    for v in ["hello World", "\u00dfx", "they're", "a-b c", "", 5, None]:
        for name in ["upper", "lower", "title", "capitalize", "wordcount"]:
            f(name, v)
    for v, args in [("banana", ("a", "o")), ("banana", ("a", "o", 2)), ("banana", ("", "-")), ("x", ("x", "y" * 3)),
                    (5, ("5", "6")), (None, ("N", "n"))]:
        f("replace", v, *args)
    for v in ["abc\U0001F600", [1, 2, 3], (1, 2), {"a": 1, "b": 2}, "", 5, None]:
        f("reverse", v)
    sort_inputs = [["b", "A", "c", "a", "B"], [3, 1, 2, 1.5, True], ["b", 1], [(2, "a"), (1, "b"), (1, "a")],
                   "cba", {"b": 1, "a": 2}, [], [None, None], [[2], [1, 5], [1]]]
    for v in sort_inputs:
        f("sort", v)
        f("sort", v, reverse=True)
        f("sort", v, case_sensitive=True)
    f("sort", users, attribute="name")
    f("sort", users, attribute="name", case_sensitive=True)
    f("sort", users, attribute="age")
    f("sort", users, attribute="age,name")
    f("sort", users, attribute="age, name", reverse=True)
    f("sort", users, attribute="info.city")
    f("sort", users, attribute="missing")
    f("sort", [[3, "a"], [1, "b"]], attribute="0")
    for v in [["a", "A", "b", "a", "B"], [1, 1.0, True, 2], "aAbBa", [[1], [1]]]:
        f("unique", v)
        f("unique", v, case_sensitive=True)
    f("unique", users, attribute="age")
    f("unique", users, attribute="name")
    d = {"b": 1, "A": 3, "a": 2, "C": 0}
    for kwargs in [{}, {"case_sensitive": True}, {"by": "value"}, {"reverse": True}, {"by": "value", "reverse": True},
                   {"by": "x"}]:
        f("dictsort", d, **kwargs)
    f("dictsort", {1: "a", "b": 2})
    f("dictsort", [1])
    for v, args, kwargs in [([1, 2, 3.5], (), {}), ([], (), {}), ([1, 2], (), {"start": 10}), (users, (), {"attribute": "age"}),
                            (users, ("age", 5), {}), (["a"], (), {}), ([[1], [2]], (), {"start": []}), ([True, True], (), {}),
                            ([0.1, 0.2], (), {}), (users, (), {"attribute": "info.city", "start": ""})]:
        f("sum", v, *args, **kwargs)
    for v, args in [([1, 2, 3, 4, 5], (2,)), ([1, 2, 3, 4, 5], (2, "x")), ([1, 2, 3, 4], (2, "x")), ([], (3,)),
                    ("abcde", (2,)), ([1, 2], (0,))]:
        f("batch", v, *args)
    for v, args in [([1, 2, 3, 4, 5], (2,)), ([1, 2, 3, 4, 5], (3, "x")), ([1, 2, 3], (5,)), ([1, 2, 3, 4, 5, 6, 7], (3,)),
                    ("abcdefg", (3,)), ([], (2,))]:
        f("slice", v, *args)
    for v in ["one two  three", "hello, world! it's", "", "a\nb", "\u4e2d\u6587 words"]:
        f("wordcount", v)
    for v in [[1, 2, 3], [], "abc", "", {"a": 1, "b": 2}, (4, 5), None, UNDEF, 5]:
        f("first", v)
        f("last", v)
        f("list", v)
    for v, args, kwargs in [("a\nb\n\nc", (), {}), ("a\nb\n\nc", (2,), {}), ("a\nb\n\nc", (2, True), {}),
                            ("a\nb\n\nc", (2, True, True), {}), ("a\nb\n", (), {"first": True}), ("x", ("--",), {}),
                            ("a\r\nb\u2028c", (), {}), ("", (), {"first": True}), ("a\nb", (), {"blank": True}),
                            (5, (), {}), ("a\n\nb", ("> ",), {"first": True, "blank": False})]:
        f("indent", v, *args, **kwargs)
    for v, args in [("abc", ()), ("abc", (9,)), ("abcd", (9,)), ("\U0001F600", (4,)), ("long text", (3,)), (5, (6,))]:
        f("center", v, *args)
    for v in [-3, 3, -2.5, True, 0.0, -0.0, 2 ** 70 * -1, "x", None]:
        f("abs", v)
    for v, kwargs in [([3, 1, 2], {}), (["b", "A", "c"], {}), (["b", "A", "c"], {"case_sensitive": True}),
                      ([], {}), (users, {"attribute": "age"}), (users, {"attribute": "name"}), ("bAc", {}),
                      ([1, "a"], {}), ([2, 2.0], {})]:
        f("min", v, **kwargs)
        f("max", v, **kwargs)
    for v, args in [(UNDEF, ()), (UNDEF, ("d",)), (None, ("d",)), (None, ("d", True)), ("", ("d",)), ("", ("d", True)),
                    (0, ("d", True)), ("x", ("d", True)), (False, ("d",)), (UNDEF, ("d", True))]:
        f("default", v, *args)
        f("d", v, *args)
    for v, args, kwargs in [("Hello world, this is long", (10,), {}), ("Hello world, this is long", (10, True), {}),
                            ("Hello world, this is long", (10, False, "..", 0), {}), ("short", (10,), {}),
                            ("Hello world, this is long", (14,), {}), ("Hello world, this is long", (20, False, "...", 0), {}),
                            ("Hello world this", (12,), {"leeway": 5}), ("Helloworldthisislong", (10,), {}),
                            ("abc", (2,), {})]:
        f("truncate", v, *args, **kwargs)
    for v, args, kwargs in [("The quick brown fox jumps over the lazy dog", (10,), {}),
                            ("The quick brown fox", (10, True, "|"), {}), ("Supercalifragilistic word", (8,), {}),
                            ("Supercalifragilistic word", (8, False), {}), ("a\n\nb c d e f g", (3,), {}),
                            ("x", (), {}), ("tab\tbed text here", (6,), {}), ("one two", (3,), {"break_on_hyphens": False}),
                            ("well-known long-term", (6,), {})]:
        f("wordwrap", v, *args, **kwargs)
    for v, args, kwargs in [("%s - %s", ("a", "b"), {}), ("%(x)s!", (), {"x": 1}), ("%d%%", (50,), {}),
                            ("%s", (), {}), ("%.2f", (3.14159,), {})]:
        f("format", v, *args, **kwargs)
    for v in ["<b>bold</b> text", "a <br/> b\n\nc", "<!-- c --> x &amp; y", "no tags", "<a href='x'>link</a>  end "]:
        f("striptags", v)
    msgs = [{"role": "system", "content": "S"}, {"role": "user", "content": "Hi", "n": 2},
            {"role": "assistant", "content": None, "tool_calls": [{"name": "f"}]}, {"role": "user", "content": ""},
            {"role": "tool", "content": "42", "n": 1}]
    f("map", msgs, attribute="role")
    f("map", msgs, attribute="n")
    f("map", msgs, attribute="n", default=0)
    f("map", msgs, attribute="tool_calls.0.name", default="-")
    f("map", ["a", "B"], "upper")
    f("map", [1.5, 2.25], "round", 1)
    f("map", ["a b", "c"], "replace", " ", "_")
    f("map", [[1, 2], [3]], "length")
    f("map", msgs, "tojson")
    f("map", msgs)
    f("map", msgs, attribute="role", other=1)
    f("map", UNDEF, "upper")
    f("map", [], "nosuchfilter")
    for args in [(), ("none",), ("string",), ("defined",), ("odd",), ("divisibleby", 3), ("in", [1, 2, "a"]),
                 ("equalto", 2), ("gt", 1), ("number",), ("sequence",)]:
        f("select", [0, 1, 2, 3, "a", "", None, [1], 4.5], *args)
        f("reject", [0, 1, 2, 3, "a", "", None, [1], 4.5], *args)
    for args in [("content",), ("content", "none"), ("content", "string"), ("n", "defined"), ("n", "undefined"),
                 ("role", "equalto", "user"), ("role", "in", ["user", "tool"]), ("tool_calls",), ("n", "gt", 1),
                 ("content", "eq", "")]:
        f("selectattr", msgs, *args)
        f("rejectattr", msgs, *args)
    f("selectattr", msgs)
    f("select", UNDEF)
    f("select", [1], "nosuchtest")
    people = [{"name": "a", "city": "NY"}, {"name": "b", "city": "ny"}, {"name": "c", "city": "LA"}, {"name": "d"}]
    f("groupby", people, "city", default="?")
    f("groupby", people, "city", default="?", case_sensitive=True)
    f("groupby", people[:3], "city")
    f("groupby", [[1, "x"], [0, "y"], [1, "z"]], "0")
    f("groupby", people, "name")
    for obj, name in [({"k": 1}, "k"), ([1], "append"), ([1], "_x"), (None, "x"), (UNDEF, "x"), ("abc", "nosuch")]:
        f("attr", obj, name)
    for obj, name in [("abc", "upper"), ({"items": 1}, "items"), ([1, 2, 1], "count")]:
        args = [1] if name == "count" else []
        variables = {"value": obj, "name": name, "args": args}
        cases.append(run("filter", {"name": "attr", "value": obj, "args": [name], "kwargs": {}, "call": args},
                         Keep("(value|attr(name))(*args)", variables)))
    return cases


# ------------------------------------------------------------------ randomized cases (fixed seed)

ALPHABET = ["a", "b", "A", "x", " ", " ", "\t", "\n", "\r", ",", "-", "|", "<", ">", "\u00e9", "\U0001F600", "\u3000",
            "_", "1", "."]


def fuzz_cases():
    rng = random.Random(20240601)
    cases = []

    def text(max_len=12):
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, max_len)))

    def piece():
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 3)))

    def index():
        return rng.choice([None, rng.randint(-15, 15)])

    def method(receiver, name, *args):
        variables = {"receiver": receiver, "args": list(args), "kwargs": {}}
        cases.append(run("method", {"self": receiver, "name": name, "args": list(args), "kwargs": {}},
                         Keep("receiver." + name + "(*args, **kwargs)", variables)))

    for _ in range(1500):
        s = text()
        choice = rng.randrange(14)
        if choice == 0:
            method(s, rng.choice(["split", "rsplit"]), rng.choice([None, piece(), " ", ","]),
                   rng.choice([-1, 0, 1, 2, 5]))
        elif choice == 1:
            method(s, rng.choice(["strip", "lstrip", "rstrip"]), *rng.choice([[], [None], [piece()]]))
        elif choice == 2:
            method(s, "replace", piece(), rng.choice(["", piece()]), rng.choice([-1, 0, 1, 2]))
        elif choice == 3:
            method(s, rng.choice(["find", "rfind", "count", "index", "rindex"]), rng.choice(["", piece()]),
                   index(), index())
        elif choice == 4:
            method(s, rng.choice(["startswith", "endswith"]), rng.choice([piece(), (piece(), piece()), ""]),
                   index(), index())
        elif choice == 5:
            method(s, rng.choice(["partition", "rpartition"]), piece())
        elif choice == 6:
            method(s, "splitlines", rng.choice([False, True]))
        elif choice == 7:
            method(s, rng.choice(["title", "capitalize", "swapcase", "upper", "lower", "istitle", "isupper",
                                  "islower", "isspace", "isalnum"]))
        elif choice == 8:
            method(s, rng.choice(["center", "ljust", "rjust"]), rng.randint(-2, 16), rng.choice([" ", "*", "\u00e9"]))
        elif choice == 9:
            method(s, rng.choice(["zfill", "expandtabs"]), rng.randint(-1, 9))
        elif choice == 10:
            obj = rng.choice([s, [rng.randint(0, 9) for _ in range(rng.randint(0, 8))]])
            start, stop, step = index(), index(), rng.choice([None, 1, 2, 3, -1, -2, -3])
            cases.append(run("slice", {"obj": obj, "start": start, "stop": stop, "step": step},
                             Keep("obj[start:stop:step]", {"obj": obj, "start": start, "stop": stop, "step": step})))
        elif choice == 11:
            method(rng.choice([",", " ", "", "|"]), "join", [text(4) for _ in range(rng.randint(0, 4))])
        elif choice == 12:
            lst = [rng.choice([text(3), text(3).upper()]) for _ in range(rng.randint(0, 7))]
            name = rng.choice(["sort", "unique", "min", "max"])
            kwargs = {"case_sensitive": rng.choice([False, True])}
            if name == "sort":
                kwargs["reverse"] = rng.choice([False, True])
            variables = {"value": lst, "args": [], "kwargs": kwargs}
            expr = "value|" + name + "(*args, **kwargs)"
            if name == "unique":
                expr = "(" + expr + ")|list"
            cases.append(run("filter", {"name": name, "value": lst, "args": [], "kwargs": kwargs}, Keep(expr, variables)))
        else:
            words = " ".join(text(6) for _ in range(rng.randint(0, 6)))
            name = rng.choice(["truncate", "wordwrap", "indent", "wordcount", "trim", "title"])
            args = {"truncate": lambda: [rng.randint(3, 20), rng.choice([False, True]), "...", rng.randint(0, 5)],
                    "wordwrap": lambda: [rng.randint(1, 12), rng.choice([False, True])],
                    "indent": lambda: [rng.randint(0, 3), rng.choice([False, True]), rng.choice([False, True])],
                    "wordcount": lambda: [], "trim": lambda: rng.choice([[], [piece()]]), "title": lambda: []}[name]()
            variables = {"value": words, "args": args, "kwargs": {}}
            cases.append(run("filter", {"name": name, "value": words, "args": args, "kwargs": {}},
                             Keep("value|" + name + "(*args, **kwargs)", variables)))

    def number():
        kind = rng.randrange(5)
        if kind == 0:
            return rng.randint(-20, 20)
        if kind == 1:
            return rng.randint(-(2 ** 70), 2 ** 70)
        if kind == 2:
            return round(rng.uniform(-20, 20), rng.randint(0, 3))
        if kind == 3:
            return rng.choice([0.0, -0.0, 0.5, -0.5, 1e300, -1e-300, True, False])
        return rng.uniform(-1e6, 1e6)

    for _ in range(800):
        a, b = number(), number()
        name, sym = rng.choice([("floordiv", "//"), ("mod", "%"), ("truediv", "/"), ("mul", "*"), ("sub", "-"),
                                ("add", "+"), ("lt", "<"), ("eq", "=="), ("ge", ">=")])
        cases.append(run("op", {"op": name, "a": a, "b": b}, Keep("a " + sym + " b", {"a": a, "b": b})))
    for _ in range(150):
        a, b = rng.randint(-12, 12), rng.randint(-3, 40)
        cases.append(run("op", {"op": "pow", "a": a, "b": b}, Keep("a ** b", {"a": a, "b": b})))

    import struct
    for _ in range(800):
        f = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        cases.append(run("repr", {"value": f}, lambda f=f: repr(f)))
    for _ in range(600):
        # short decimals across the exponent range, where Java's own digits are used directly
        f = float(f"{rng.randint(1, 10 ** rng.randint(1, 17))}e{rng.randint(-330, 300)}")
        cases.append(run("repr", {"value": f}, lambda f=f: repr(f)))
    for _ in range(600):
        value = rng.choice([rng.uniform(-1e4, 1e4), rng.randint(-10 ** 8, 10 ** 8), rng.uniform(-1, 1) * 10 ** rng.randint(-8, 20)])
        spec = ""
        if rng.random() < 0.4:
            spec += rng.choice(["", "*", "0", "x"]) + rng.choice("<>^=")
        spec += rng.choice(["", "", "+", "-", " "])
        if rng.random() < 0.2:
            spec += "#"
        if rng.random() < 0.2:
            spec += "0"
        if rng.random() < 0.6:
            spec += str(rng.randint(0, 20))
        if rng.random() < 0.3:
            spec += rng.choice([",", "_"])
        if rng.random() < 0.6:
            spec += "." + str(rng.randint(0, 12))
        spec += rng.choice(["", "e", "E", "f", "F", "g", "G", "%", "d", "x", "n"])
        cases.append(run("format", {"value": value, "spec": spec}, lambda v=value, sp=spec: format(v, sp)))
    for _ in range(300):
        fmt = "".join(rng.choice(["%s", "%d", "%5.2f", "%-4s", "%r", "%03d", "%x", "%.3e", "%g", "%%", " ", "ab"])
                      for _ in range(rng.randint(1, 4)))
        count = fmt.replace("%%", "").count("%")
        args = tuple(rng.choice([rng.randint(-99, 999), round(rng.uniform(-99, 99), 3), "s", None])
                     for _ in range(count + rng.choice([0, 0, 0, 1, -1])) if True)
        arg = args if len(args) != 1 or rng.random() < 0.5 else args[0]
        cases.append(run("op", {"op": "mod", "a": fmt, "b": arg}, Keep("a % b", {"a": fmt, "b": arg})))
    for _ in range(300):
        v = rng.choice([rng.uniform(-1000, 1000), rng.randint(-1000, 1000), round(rng.uniform(-10, 10), 3) + 0.005])
        args = [rng.randint(-2, 4), rng.choice(["common", "ceil", "floor"])]
        cases.append(run("filter", {"name": "round", "value": v, "args": args, "kwargs": {}},
                         Keep("value|round(*args)", {"value": v, "args": args})))
    for _ in range(200):
        s = rng.choice(["", " ", "+", "-"]) + "".join(rng.choice("0123456789_abxABXo. e") for _ in range(rng.randint(0, 8)))
        name = rng.choice(["int", "float"])
        args = [] if name == "float" else rng.choice([[], [0, rng.choice([0, 2, 8, 10, 16])]])
        cases.append(run("filter", {"name": name, "value": s, "args": args, "kwargs": {}},
                         Keep("value|" + name + "(*args)", {"value": s, "args": args})))

    unicode = ALPHABET + ["'", '"', "\\", "\x00", "\x1f", "\x7f", "\x85", "\u2028", "\ud7ff", "\ue000", "\ufeff",
                          "\U0001d11e", "\u0301", "\u00ad", "\U000e0041"]

    def nested(depth):
        kind = rng.randrange(9 if depth < 3 else 5)
        if kind == 0:
            return "".join(rng.choice(unicode) for _ in range(rng.randint(0, 6)))
        if kind == 1:
            return rng.choice([rng.randint(-10 ** 6, 10 ** 6), rng.randint(-(2 ** 80), 2 ** 80)])
        if kind == 2:
            return rng.choice([rng.uniform(-1e3, 1e3), rng.uniform(-1, 1) * 10.0 ** rng.randint(-30, 30), 1.0, -0.0])
        if kind == 3:
            return rng.choice([None, True, False])
        if kind == 4:
            return "".join(rng.choice(unicode) for _ in range(rng.randint(0, 3)))
        if kind in (5, 6):
            return [nested(depth + 1) for _ in range(rng.randint(0, 4))]
        if kind == 7:
            return tuple(nested(depth + 1) for _ in range(rng.randint(0, 3)))
        return {"".join(rng.choice(unicode) for _ in range(rng.randint(0, 4))): nested(depth + 1)
                for _ in range(rng.randint(0, 4))}

    for _ in range(400):
        v = nested(0)
        params = rng.choice([{}, {"indent": rng.randint(0, 4)}, {"ensure_ascii": True}, {"sort_keys": True},
                             {"indent": 2, "ensure_ascii": True, "separators": [",", ": "]}])

        def dumps(v=v, params=params):
            kw = dict(params)
            if "separators" in kw:
                kw["separators"] = tuple(kw["separators"])
            kw.setdefault("ensure_ascii", False)
            return json.dumps(v, **kw)
        cases.append(run("json", {"value": v, "params": params}, dumps))
        cases.append(run("repr", {"value": v}, lambda v=v: repr(v)))
        cases.append(run("str", {"value": v}, lambda v=v: render("{{ v }}", {"v": v})))

    fields = ["{}", "{0}", "{1}", "{x}", "{x!r}", "{0:>6}", "{:<4}", "{:^5}", "{x:*^9}", "{0:.3}", "{:,}", "{:08.3f}",
              "{{", "}}", "{0[0]}", "{x[k]}", "{x.k}", "{:+}", "{!s}", "{!a}", "{:e}", "{:%}", "{:x}", "{:_}"]
    for _ in range(300):
        template = "".join(rng.choice(fields + ["a", " ", "-"]) for _ in range(rng.randint(1, 4)))
        args = [nested(2) for _ in range(rng.randint(0, 3))]
        kwargs = rng.choice([{}, {"x": nested(2)}, {"x": {"k": nested(3)}}])
        variables = {"receiver": template, "args": args, "kwargs": kwargs}
        cases.append(run("method", {"self": template, "name": "format", "args": args, "kwargs": kwargs},
                         Keep("receiver.format(*args, **kwargs)", variables)))

    # Case mapping and character classes over a spread of scripts (Java and Python share Unicode data for
    # these blocks; code points assigned after Unicode 13 are avoided because Java 17 does not know them).
    blocks = [(0x20, 0x24f), (0x370, 0x3ff), (0x400, 0x52f), (0x531, 0x58a), (0x10a0, 0x10ff), (0x13a0, 0x13f5),
              (0x1e00, 0x1fff), (0x2000, 0x2bff), (0x3000, 0x30ff), (0xff00, 0xffef), (0x10400, 0x1044f),
              (0x1d400, 0x1d7ff), (0x1f300, 0x1f5ff), (0xa640, 0xa69f), (0x2c00, 0x2c5e), (0x0600, 0x06ff),
              (0x0900, 0x097f), (0xe000, 0xe010), (0x80, 0x9f)]

    def uchar():
        lo, hi = rng.choice(blocks)
        return chr(rng.randint(lo, hi))

    for _ in range(600):
        word = "".join(uchar() if rng.random() < 0.7 else rng.choice(" -'aZ1") for _ in range(rng.randint(1, 6)))
        name = rng.choice(["upper", "lower", "title", "capitalize", "swapcase", "casefold", "isupper", "islower",
                           "istitle", "isalpha", "isalnum", "isdigit", "isdecimal", "isnumeric", "isspace", "split",
                           "strip"])
        method(word, name)
        if rng.random() < 0.3:
            cases.append(run("repr", {"value": word}, lambda w=word: repr(w)))

    # Sequence filters over random records: ordering, stability, case folding, ties between 1, 1.0 and True.
    def scalar():
        return rng.choice([rng.randint(0, 3), rng.choice([0.0, 1.0, 2.5]), rng.choice([True, False]),
                           rng.choice(["a", "A", "b", "B", "ab", ""]), None])

    for _ in range(400):
        homogeneous = rng.random() < 0.7
        kind = rng.choice(["int", "str"])
        def field():
            if not homogeneous:
                return scalar()
            return rng.randint(0, 3) if kind == "int" else rng.choice(["a", "A", "b", "B", "ab", ""])
        records = [{"k": field(), "v": field(), "id": i} for i in range(rng.randint(0, 7))]
        name = rng.choice(["sort", "sort", "unique", "dictsort", "groupby", "min", "max", "map", "selectattr",
                           "rejectattr", "sum", "join"])
        args, kwargs, expr_list = [], {}, False
        value = records
        if name == "sort":
            kwargs = {"attribute": rng.choice(["k", "v", "k,v", "v,k", "k,id"]), "reverse": rng.choice([False, True]),
                      "case_sensitive": rng.choice([False, True])}
        elif name == "unique":
            value = [r["k"] for r in records]
            kwargs = {"case_sensitive": rng.choice([False, True])}
            expr_list = True
        elif name == "dictsort":
            value = {str(r["id"]) + rng.choice(["x", "X"]): r["k"] for r in records}
            kwargs = {"by": rng.choice(["key", "value"]), "case_sensitive": rng.choice([False, True]),
                      "reverse": rng.choice([False, True])}
        elif name == "groupby":
            args = [rng.choice(["k", "v"])]
            kwargs = {"case_sensitive": rng.choice([False, True])}
        elif name in ("min", "max"):
            kwargs = {"attribute": rng.choice(["k", "v"]), "case_sensitive": rng.choice([False, True])}
        elif name == "map":
            kwargs = {"attribute": rng.choice(["k", "missing"]), "default": rng.choice([None, "-"])}
            if kwargs["default"] is None:
                del kwargs["default"]
            expr_list = True
        elif name in ("selectattr", "rejectattr"):
            args = rng.choice([["k"], ["k", "string"], ["v", "none"], ["k", "equalto", 1], ["k", "in", ["a", 1]]])
            expr_list = True
        elif name == "sum":
            value = [r["k"] for r in records]
        else:
            value = [r["k"] for r in records]
            args = [rng.choice(["", ", "])]
        expr = "value|" + name + "(*args, **kwargs)"
        if expr_list:
            expr = "(" + expr + ")|list"
        variables = {"value": value, "args": args, "kwargs": kwargs}
        cases.append(run("filter", {"name": name, "value": value, "args": args, "kwargs": kwargs},
                         Keep(expr, variables)))
    return cases


# ------------------------------------------------------------------ tests (x is name(args))

def test_cases():
    cases = []
    values = [UNDEF, None, True, False, 0, 1, 3, -4, 2 ** 70, 1.0, 2.5, 3.0, "", "abc", "ABC", "Abc", "1", [], [1, 2],
              (), (1,), {}, {"a": 1}, float("nan")]
    for v in values:
        for name in ["odd", "even", "defined", "undefined", "none", "boolean", "false", "true", "integer", "float",
                     "lower", "upper", "string", "mapping", "number", "sequence", "iterable", "callable", "escaped"]:
            cases.append(run("test", {"name": name, "value": v, "args": []},
                             lambda v=v, name=name: ENV.tests[name](v if v is not UNDEF else Undefined())))
        for name, arg in [("divisibleby", 3), ("divisibleby", 2), ("in", [1, "abc", None]), ("in", "abcd"),
                          ("eq", 1), ("ne", "abc"), ("gt", 1), ("lt", 2.5), ("ge", "abc"), ("le", [1]),
                          ("sameas", None), ("sameas", True), ("sameas", 1), ("==", 1.0), ("equalto", [])]:
            cases.append(run("test", {"name": name, "value": v, "args": [arg]},
                             lambda v=v, name=name, arg=arg: ENV.tests[name](v if v is not UNDEF else Undefined(), arg)))
    return cases


# ------------------------------------------------------------------ real dataset rows (tools, tool calls)

DATA = os.path.join(str(shared_dir()), "data")  # replaced by --shared


def data_cases():
    cases = []
    files = ["bfcl_v4_single_turn_toolcall.jsonl", "lf_glaive_toolcall_en_demo.jsonl",
             "lf_glaive_toolcall_zh_demo.jsonl", "functionary_test_case.jsonl", "lf_alpaca_zh_demo.jsonl"]
    for name in files:
        path = os.path.join(DATA, name)
        if not os.path.exists(path):
            raise SystemExit(f"missing dataset {path}")
        taken = 0
        with open(path, encoding="utf-8") as f:
            for line in f:
                if taken >= 25:
                    break
                if len(line) > 4000:
                    continue
                row = json.loads(line)
                taken += 1
                target = row.get("tools") or row["messages"]
                for params in [{}, {"indent": 4}, {"ensure_ascii": True}, {"sort_keys": True}]:
                    kw = dict(params)
                    kw.setdefault("ensure_ascii", False)
                    cases.append({"kind": "data", "in": {"line": line.rstrip("\n"), "params": params},
                                  "out": result(json.dumps(target, **kw))})
                cases.append({"kind": "data", "in": {"line": line.rstrip("\n"), "params": {"repr": True}},
                              "out": result(repr(target))})
    return cases


def write(name, cases):
    cases = [c for c in cases if c is not None]
    path = os.path.join(OUT, name)
    for case in cases:
        if "error" in case and ("render()" in case["error"]["msg"] or "TemplateReference" in case["error"]["msg"]):
            raise SystemExit(f"harness error, not a Python answer: {case}")
    with open(path, "w", encoding="utf-8") as out:
        for case in cases:
            out.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(f"{path}: {len(cases)} cases", file=sys.stderr)


def main():
    global DATA, OUT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(shared_dir()), help="reference material holding data/*.jsonl (default $CHATPREP_SHARED, else ../shared beside the repository)")
    parser.add_argument("--out", default=OUT, help="directory for the golden *.jsonl files")
    options = parser.parse_args()
    DATA = os.path.join(options.shared, "data")
    OUT = options.out
    os.makedirs(OUT, exist_ok=True)
    write("values.jsonl", value_cases())
    write("ops.jsonl", op_cases())
    write("methods.jsonl", method_cases())
    write("filters.jsonl", filter_cases())
    write("fuzz.jsonl", fuzz_cases())
    write("tests.jsonl", test_cases())
    write("data.jsonl", data_cases())


if __name__ == "__main__":
    main()
