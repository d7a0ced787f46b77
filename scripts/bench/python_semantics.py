#!/usr/bin/env python3
"""Python side of scripts/bench/python-semantics: the same operations as PyBenchmark on the same row, one thread.

Usage: $PYTHON scripts/bench/python_semantics.py ROW_JSON SECONDS  (prints "name ops_per_second" lines)
"""
import json
import random
import sys
import time

from jinja2.filters import do_sort
from transformers.utils import chat_template_utils


def measure(operation, seconds):
    end = time.perf_counter() + min(seconds, 1.0)
    while time.perf_counter() < end:
        operation()
    n = 0
    start = time.perf_counter()
    end = start + seconds
    while True:
        for _ in range(64):
            operation()
        n += 64
        now = time.perf_counter()
        if now >= end:
            return n / (now - start)


def main():
    row = json.loads(open(sys.argv[1], encoding="utf-8").read())
    seconds = float(sys.argv[2])
    env = chat_template_utils._compile_jinja_template("{{ '' }}").environment
    tools = row["tools"]
    messages = row["messages"]
    content = str(messages[-1]["content"])
    rng = random.Random(7)
    floats = [rng.random() * 10 ** (rng.randrange(12) - 4) for _ in range(1024)]
    short_floats = [rng.randrange(100000) / 100.0 for _ in range(1024)]
    people = [{"name": "user%d" % rng.randrange(1000), "age": rng.randrange(90)} for _ in range(50)]
    counter = [0]

    def float_repr_full():
        counter[0] += 1
        return repr(floats[counter[0] & 1023])

    def float_repr_short():
        counter[0] += 1
        return repr(short_floats[counter[0] & 1023])

    fmt = "{name:>10} is {age:03d} ({score:.2f})"
    cases = {
        "tojson_tools": lambda: json.dumps(tools, ensure_ascii=False),
        "tojson_tools_indent4": lambda: json.dumps(tools, ensure_ascii=False, indent=4),
        "repr_messages": lambda: repr(messages),
        "float_repr_full": float_repr_full,
        "float_repr_short": float_repr_short,
        "split_think": lambda: content.split("</think>"),
        "strip_chars": lambda: content.strip("\n "),
        "startswith_tuple": lambda: content.startswith(("<tool_call>", "{")),
        "str_format": lambda: fmt.format(name="user", age=7, score=0.125),
        "percent_format": lambda: "%s: %5.2f%%" % ("rate", 12.345),
        "sort_by_attribute": lambda: do_sort(env, people, attribute="age,name"),
    }
    for name, operation in cases.items():
        print(f"{name} {measure(operation, seconds):.0f}")


if __name__ == "__main__":
    main()
