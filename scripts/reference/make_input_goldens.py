#!/usr/bin/env python
"""Input fixtures and their reference outcomes for the input-side tests (Parquet schemas, HF datasets Parquet,
byte-level JSONL problems), from real rows of the shared data directory.

Fixtures (src/test/resources/job/inputs/):
  schemas/plain.parquet, schemas/reasoning.parquet  pyarrow files of two datasets whose message structs differ
                                                    (only the second has reasoning_content); schemas.jsonl holds
                                                    the same rows as JSON Lines
  datasets/mixed.parquet, datasets/bfcl.parquet     load_dataset("json", ...).to_parquet(...) of tool-calling rows:
                                                    datasets 5 stores what it cannot type as Arrow's JSON extension
                                                    (messages: list<arrow.json>, tools[].function or
                                                    tools[].function.parameters.properties: arrow.json)
  strings.parquet                                   messages and tools as plain JSON text columns
  bytes.jsonl                                       lines that are not UTF-8 (Latin-1 text, a cut sequence, an
                                                    overlong form, an encoded surrogate) and lines with \\u escapes of
                                                    lone surrogates, between good lines

Goldens (src/test/resources/golden/inputs/):
  rows.jsonl      per fixture row (keyed by fixture and id, or byte offset for bytes.jsonl): the ids and labels
                  transformers gives with the Qwen3 tokenizer and the bundled Qwen3 training template (TRL 1.13's
                  apply_chat_template call), or the stage at which the row cannot be used and why:
                  - Parquet rows as HF datasets hands them back: load_dataset("parquet", data_files=FILE) per file;
                  - schemas/*.parquet must equal the JSON Lines run of the same rows (checked here);
                  - strings.parquet: the JSON text columns parsed with json.loads;
                  - bytes.jsonl: each line decoded as strict UTF-8 (the first bad byte's offset when it fails), then
                    json.loads and the template; transformers' tokenizer raises on text holding a lone surrogate.
  datasets_json.jsonl   text -> value of datasets' JSON decoder (pandas ujson_loads, what Json features use when
                        rows are read back) for number, string and error cases; floats as float.hex().

Run: HF_HUB_OFFLINE=1 $PYTHON scripts/reference/make_input_goldens.py [--data-dir DIR]
"""
import argparse
import json
import os
import random
import tempfile

from make_job_goldens import load_tokenizer
from shared_dir import shared_dir

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_DATASETS_CACHE", os.path.join(tempfile.gettempdir(), "chatprep-input-goldens-cache"))

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "src/test/resources/job/inputs")
GOLDEN = os.path.join(ROOT, "src/test/resources/golden/inputs")
TOKENIZER = os.path.join(ROOT, "src/test/resources/tokenizers/qwen3")
TEMPLATE = os.path.join(ROOT, "templates/qwen3_training.jinja")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def shortest(rows, count, keep=lambda r: True):
    """The `count` shortest rows that pass `keep`, in their file order (small fixtures, still real rows)."""
    picked = sorted((len(json.dumps(r)), i) for i, r in enumerate(rows) if keep(r))[:count]
    return [rows[i] for _, i in sorted(picked, key=lambda p: p[1])]


def encode(tokenizer, template, row):
    """TRL 1.13's tokenization of a conversational row."""
    out = tokenizer.apply_chat_template(row["messages"], tools=row.get("tools"), chat_template=template,
                                        tokenize=True, return_dict=True, return_assistant_tokens_mask=True,
                                        **(row.get("chat_template_kwargs") or {}))
    ids, mask = list(out["input_ids"]), list(out["assistant_masks"])
    return {"expect": "written", "input_ids": ids, "labels": [t if m else -100 for t, m in zip(ids, mask)]}


def outcome(tokenizer, template, row):
    try:
        return encode(tokenizer, template, row)
    except TypeError as e:
        # The tokenizer's Rust binding takes no str holding a lone surrogate ("TextEncodeInput must be ...").
        return {"expect": "quarantined", "stage": "tokenize", "error": str(e)}


def write_jsonl(path, records):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def datasets_rows(path):
    import datasets
    return list(datasets.load_dataset("parquet", data_files=path, split="train"))


def schemas_case(data_dir, tokenizer, template, golden):
    """Two pyarrow files whose message structs differ; each row must reach the template as in the JSONL run."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    plain = shortest(read_jsonl(os.path.join(data_dir, "fastchat_dummy_conversation.jsonl")), 3)
    reasoning = shortest(read_jsonl(os.path.join(data_dir, "gsm8k_reasoning.jsonl")), 3)
    directory = os.path.join(FIXTURES, "schemas")
    os.makedirs(directory, exist_ok=True)
    for name, rows in (("plain", plain), ("reasoning", reasoning)):
        pq.write_table(pa.Table.from_pylist(rows), os.path.join(directory, name + ".parquet"))
    write_jsonl(os.path.join(FIXTURES, "schemas.jsonl"), plain + reasoning)
    for name in ("plain", "reasoning"):
        for row in datasets_rows(os.path.join(directory, name + ".parquet")):
            expected = outcome(tokenizer, template, row)
            from_jsonl = outcome(tokenizer, template, next(r for r in plain + reasoning if r["id"] == row["id"]))
            if expected != from_jsonl:
                raise SystemExit(f"schemas/{name}.parquet row {row['id']}: datasets and JSONL rows differ")
            golden.append({"fixture": "schemas", "key": row["id"], **expected})


def floats(value):
    """Every float in a value (tool call arguments, schema defaults)."""
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from floats(v)
    elif isinstance(value, list):
        for v in value:
            yield from floats(v)


def changed_by_datasets(row):
    """Whether datasets' JSON round trip (ujson_dumps to 10 decimals, ujson_loads) alters one of the row's floats."""
    from datasets.utils.json import ujson_dumps, ujson_loads
    return any(ujson_loads(ujson_dumps(x)) != x for x in floats(row))


def datasets_case(data_dir, tokenizer, template, golden):
    """Tool-calling rows through datasets' own JSON -> Parquet path, read back with load_dataset("parquet")."""
    import datasets
    bfcl = read_jsonl(os.path.join(data_dir, "bfcl_v4_single_turn_toolcall.jsonl"))
    # Rows whose floats datasets' round trip alters (0.6 -> 0.6000000000000001, 8.854e-12 -> 0.0), and one it keeps.
    with_floats = shortest(bfcl, 3, changed_by_datasets) + shortest(bfcl, 1, lambda r: any(floats(r)))
    reason = shortest(read_jsonl(os.path.join(data_dir, "lf_reason_tool_use_demo.jsonl")), 2)
    glaive = shortest(read_jsonl(os.path.join(data_dir, "lf_glaive_toolcall_en_demo.jsonl")), 2,
                      lambda r: any(m.get("tool_calls") for m in r["messages"]))
    directory = os.path.join(FIXTURES, "datasets")
    os.makedirs(directory, exist_ok=True)
    tmp = tempfile.mkdtemp()
    for name, rows in (("mixed", reason + glaive + with_floats[:1]), ("bfcl", with_floats)):
        source = os.path.join(tmp, name + ".jsonl")
        write_jsonl(source, rows)
        target = os.path.join(directory, name + ".parquet")
        datasets.load_dataset("json", data_files=source, split="train").to_parquet(target)
        for row in datasets_rows(target):
            golden.append({"fixture": "datasets/" + name, "key": row["id"], **outcome(tokenizer, template, row)})


def strings_case(data_dir, tokenizer, template, golden):
    """messages and tools as JSON text in plain string columns (as many tabular exports store them)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    rows = shortest(read_jsonl(os.path.join(data_dir, "lf_glaive_toolcall_en_demo.jsonl")), 3,
                    lambda r: r.get("tools"))
    table = pa.table({
        "id": [r["id"] for r in rows],
        "messages": [json.dumps(r["messages"], ensure_ascii=False) for r in rows],
        "tools": [json.dumps(r["tools"], ensure_ascii=False) for r in rows],
    })
    pq.write_table(table, os.path.join(FIXTURES, "strings.parquet"))
    for row in datasets_rows(os.path.join(FIXTURES, "strings.parquet")):
        parsed = {"messages": json.loads(row["messages"]), "tools": json.loads(row["tools"])}
        golden.append({"fixture": "strings", "key": row["id"], **outcome(tokenizer, template, parsed)})


def bytes_lines(data_dir):
    """Good lines and lines that are not UTF-8 or carry lone surrogates, as bytes."""
    fastchat = shortest(read_jsonl(os.path.join(data_dir, "fastchat_dummy_conversation.jsonl")), 4)
    hh = read_jsonl(os.path.join(data_dir, "hh_rlhf_harmless_base_test_chosen.jsonl"))
    lima = read_jsonl(os.path.join(data_dir, "lf_lima.jsonl"))
    latin1 = [r for r in (hh[1056], lima[945])]

    def line(row):
        return json.dumps(row, ensure_ascii=False).encode("utf-8")

    def with_content(row, index, text):
        row = json.loads(json.dumps(row))
        row["messages"][index]["content"] = text
        return row

    good = line(fastchat[0])
    first_user = fastchat[1]["messages"][0]["content"]
    lines = [
        good,
        # Real rows with Latin-1 letters, written as Latin-1 (a whole file saved in that encoding looks like this).
        json.dumps(latin1[0], ensure_ascii=False).encode("latin-1"),
        line(fastchat[1]).replace(first_user.encode(), first_user.encode() + b" caf\xc3\xa9"),
        line(fastchat[1]).replace(first_user.encode(), first_user.encode() + b" caf\xe9"),
        # A three-byte sequence cut after two bytes, an overlong '/', a surrogate encoded in UTF-8.
        line(fastchat[2]).replace(b'"content": "', b'"content": "\xe2\x82 ', 1),
        line(fastchat[2]).replace(b'"content": "', b'"content": "\xc0\xaf ', 1),
        line(fastchat[3]).replace(b'"content": "', b'"content": "\xed\xa0\x80 ', 1),
        json.dumps(latin1[1], ensure_ascii=False).encode("latin-1"),
        # \u escapes: a lone high and a lone low surrogate in text the template renders, one in a field it does
        # not render, and a proper pair.
        json.dumps(with_content(fastchat[0], 0, "lone high \ud800 here")).encode("ascii"),
        json.dumps(with_content(fastchat[1], 1, "lone low \udc00")).encode("ascii"),
        json.dumps({**fastchat[2], "note": "\ud800 unused"}).encode("ascii"),
        json.dumps(with_content(fastchat[3], 0, "pair \U0001F600 ok")).encode("ascii"),
    ]
    return lines


def bytes_case(data_dir, tokenizer, template, golden):
    lines = bytes_lines(data_dir)
    content = b"\n".join(lines) + b"\n"
    with open(os.path.join(FIXTURES, "bytes.jsonl"), "wb") as f:
        f.write(content)
    offset = 0
    for raw in content.split(b"\n"):
        if raw.strip():
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                record = {"expect": "quarantined", "stage": "parse", "bad_byte": e.start,
                          "byte_value": raw[e.start]}
            else:
                record = outcome(tokenizer, template, json.loads(text))
            golden.append({"fixture": "bytes", "key": offset, **record})
        offset += len(raw) + 1


def datasets_json_cases():
    """What datasets' Json decoder (pandas' ujson_loads, precise_float off) makes of number and string texts."""
    from datasets.utils.json import ujson_dumps, ujson_loads
    texts = ["0.1", "0.7", "0.3", "9.81", "9.8", "1.0", "0.95", "123.456", "-0.5", "-0.0", "1E2", "1.5e3", "1.5E+2",
             "-1.25e-3", "1e-05", "1e23", "1e210", "1e308", "1e309", "1e-320", "1e-400", "1.7976931348623157e308",
             "5e-324", "2.2250738585072014e-308", "0.30000000000000004", "123456789.123456789",
             "12345678901234567.0", "3.141592653589793238462643", "0.1234567890123456789", "1.", "01", "-", "-0",
             "0", "42", "-42", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
             "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
             "18446744073709551616", "123456789012345678901.5", "NaN", "Infinity", "-Infinity", "[1, 2.5, -3e2]",
             '{"a": 1, "b": 2, "a": 3}', '{"a": 1,}', "[1,]", "[ ]", "{ }", " 1 ", "", "nul", "true x", "[1]x",
             '"\\ud800abc"', '"\\ud800abc\\u0041"', '"\\ud800\\n\\udc00"', '"\\udc00"', '"\\ud83d\\ude00"',
             '"a\\/b\\tc\\u00e9"', '"\\x"', '"unterminated', '{"k": tru}', '{1: 2}', "[" * 1024 + "]" * 1024,
             "[" * 1025 + "]" * 1025]
    rng = random.Random(20)
    for _ in range(400):
        texts.append(repr(rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-8, 8)))
        texts.append(ujson_dumps(rng.uniform(-1e4, 1e4)))
        texts.append(f"{rng.randint(0, 10 ** 6) / 10 ** rng.randint(0, 6)}")
        texts.append(f"{rng.randint(1, 999)}e{rng.randint(-330, 330)}")
        texts.append(f"{rng.randint(0, 10 ** 6)}.{rng.randint(0, 10 ** 18)}e-{rng.randint(0, 30)}")
    cases = []
    for text in texts:
        try:
            value = ujson_loads(text)
        except (ValueError, RecursionError) as e:
            cases.append({"text": text, "error": str(e)})
            continue
        cases.append({"text": text, "value": encode_value(value)})
    return cases


def encode_value(value):
    """A decoded value as JSON that keeps every float bit and every surrogate: floats as {"float": hex}."""
    if isinstance(value, float):
        return {"float": value.hex()}
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return {"int": str(value)}
    if isinstance(value, list):
        depth, inner = 0, value
        while isinstance(inner, list) and len(inner) <= 1:
            depth, inner = depth + 1, inner[0] if inner else None
        if depth > 100 and inner is None:
            return {"empty_lists_nested": depth}
        return [encode_value(v) for v in value]
    return {"dict": [[k, encode_value(v)] for k, v in value.items()]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default=str(shared_dir() / "data"), help="the shared datasets (default SHARED/data: $CHATPREP_SHARED, else ../shared beside the repository)")
    args = parser.parse_args()
    tokenizer = load_tokenizer(TOKENIZER)
    template = open(TEMPLATE, encoding="utf-8").read()
    golden = []
    schemas_case(args.data_dir, tokenizer, template, golden)
    datasets_case(args.data_dir, tokenizer, template, golden)
    strings_case(args.data_dir, tokenizer, template, golden)
    bytes_case(args.data_dir, tokenizer, template, golden)
    os.makedirs(GOLDEN, exist_ok=True)
    with open(os.path.join(GOLDEN, "rows.jsonl"), "w", encoding="utf-8") as f:
        for record in golden:
            f.write(json.dumps(record, ensure_ascii=True) + "\n")
    with open(os.path.join(GOLDEN, "datasets_json.jsonl"), "w", encoding="utf-8") as f:
        for case in datasets_json_cases():
            f.write(json.dumps(case, ensure_ascii=True) + "\n")
    counts = {}
    for record in golden:
        key = record["fixture"] + " " + record["expect"] + ("/" + record["stage"] if "stage" in record else "")
        counts[key] = counts.get(key, 0) + 1
    print(json.dumps(counts, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
