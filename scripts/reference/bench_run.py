"""Runs every benchmark path of scripts/bench on one input, one path per process, and reports them side by side.

Writes OUT/bench.json and OUT/bench.png and prints a table plus the targets. Invoked by scripts/bench.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

LABELS = {
    "chatprep_local1": "chatprep run, local[1] (end to end, Parquet written)",
    "chatprep_local2": "chatprep run, local[2] (end to end, Parquet written)",
    "chatprep_row_path_1t": "chatprep render+encode+mask, 1 JVM thread",
    "djl_encode_1t": "raw DJL encode of the rendered texts, 1 thread",
    "chatprep_jni_encode_1t": "chatprep JNI encode of the rendered texts, 1 thread",
    "chatprep_render_1t": "chatprep render only (span tracking), 1 JVM thread",
    "trl_1p": "TRL SFTTrainer dataset preparation, 1 process",
    "trl_2p": "TRL SFTTrainer dataset preparation, 2 processes",
    "transformers_1p": "transformers apply_chat_template(masks) per row, 1 process",
    "datasets_map_2p": "datasets.map of the same, 2 processes",
    "jinja_render_1p": "Python Jinja2 render only (span tracking), 1 process",
    "hf_encode_batch_1t": "raw HF tokenizers encode_batch, 1 thread",
    "hf_encode_batch_2t": "raw HF tokenizers encode_batch, 2 threads",
}


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time; returns (stdout, stderr, wall seconds, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile(suffix=".rss", delete=False) as f:
        rss_file = f.name
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd, capture_output=True, text=True,
                       env={**os.environ, **(env or {})})
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.stderr.write(p.stdout[-3000:] + p.stderr[-3000:])
        raise SystemExit(f"bench: {' '.join(cmd[:3])} ... failed with exit code {p.returncode}")
    with open(rss_file) as f:
        rss_mb = int(f.read().strip().splitlines()[-1]) / 1024
    os.unlink(rss_file)
    return p.stdout, p.stderr, wall, rss_mb


def python_path(python, name, a, tokenizer_dir, threads):
    out, _, _, rss = timed([python, os.path.join(ROOT, "scripts/reference/bench_reference.py"), name,
                            "--input", a.input, "--tokenizer", tokenizer_dir, "--template", a.template],
                           env={"HF_HUB_OFFLINE": "1", "RAYON_NUM_THREADS": str(threads),
                                "TOKENIZERS_PARALLELISM": "true" if threads > 1 else "false"})
    r = json.loads(out.strip().splitlines()[-1])
    return {"conversations": r["conversations"], "tokens": r["tokens"], "seconds": r["seconds"], "peak_rss_mb": rss}


def chatprep_run(master, a, work):
    out_dir = os.path.join(work, "out-" + re.sub(r"\W", "", master))
    stdout, _, wall, rss = timed([os.path.join(ROOT, "scripts/chatprep"), "run", "--input", a.input,
                                  "--tokenizer", a.tokenizer, "--chat-template", a.template, "--output", out_dir,
                                  "--master", master, "--now", "2026-01-01T00:00:00",
                                  "--progress-interval-seconds", "3600"],
                                 env={"CHATPREP_JAVA_OPTS": a.java_opts})
    steps = re.search(r"seconds per step: (.*)", stdout)
    step_seconds = {m.group(1).strip(): float(m.group(2))
                    for m in re.finditer(r"([^;]+?) ([0-9.]+)(?:;|$)", steps.group(1))} if steps else {}
    manifest = json.load(open(os.path.join(out_dir, "manifest.json")))
    shutil.rmtree(out_dir)
    return {"conversations": manifest["counts"]["read"], "tokens": manifest["tokens"]["total"],
            "seconds": sum(step_seconds.values()), "wall_seconds": wall, "steps": step_seconds, "peak_rss_mb": rss}


def java_threads(a):
    """chatprep's row path and raw DJL encode in one JVM thread (TokenizeBench, best of its rounds)."""
    stdout, _, _, rss = timed([os.path.join(ROOT, "scripts/bench-tokenize"), a.tokenizer, a.template, a.input,
                               str(a.rounds)], env={"BENCH_JAVA_OPTS": a.java_opts})
    rows = int(re.search(r"(\d+) rows", stdout).group(1))
    tokens = int(re.search(r"rows \(\d+ rejected by the template\), (\d+) tokens", stdout).group(1))
    found = {}
    for key, label in (("chatprep_row_path_1t", "render + encode + mask (encoder)"),
                       ("djl_encode_1t", "DJL HuggingFaceTokenizer.encode"),
                       ("chatprep_jni_encode_1t", "chatprep HfTokenizer.encode (JNI)"),
                       ("chatprep_render_1t", "render only")):
        m = re.search(re.escape(label) + r"\s+([0-9.]+) s", stdout)
        if m:
            found[key] = {"conversations": rows, "tokens": tokens, "seconds": float(m.group(1)),
                          "peak_rss_mb": rss}
    return found


def plain_tokenizer_dir(tokenizer, work):
    """transformers reads plain files: the bundled tokenizers are gzipped."""
    out = os.path.join(work, "tokenizer")
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(tokenizer):
        src = os.path.join(tokenizer, name)
        if name.endswith(".gz"):
            with gzip.open(src, "rb") as f, open(os.path.join(out, name[:-3]), "wb") as g:
                shutil.copyfileobj(f, g)
        elif os.path.isfile(src):
            shutil.copy(src, out)
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--input", required=True)
    p.add_argument("--tokenizer", required=True)
    p.add_argument("--template", required=True)
    p.add_argument("--python", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--java-opts", default="-Xmx4g")
    p.add_argument("--only", default="", help="comma-separated path names (default: all)")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="chatprep-bench-")
    try:
        if a.limit:
            limited = os.path.join(work, "input.jsonl")
            with open(a.input, encoding="utf-8") as f, open(limited, "w", encoding="utf-8") as g:
                n = 0
                for line in f:
                    if line.strip() and n < a.limit:
                        g.write(line)
                        n += 1
            a.input = limited
        a.input = os.path.abspath(a.input)
        tokenizer_dir = plain_tokenizer_dir(a.tokenizer, work)
        only = set(filter(None, a.only.split(",")))
        wanted = lambda k: not only or k in only  # noqa: E731
        results = {}
        steps = [
            ("chatprep_local1", lambda: chatprep_run("local[1]", a, work)),
            ("chatprep_local2", lambda: chatprep_run("local[2]", a, work)),
            ("java_threads", lambda: java_threads(a)),
        ] + [(name, (lambda n=name, t=threads: python_path(a.python, n, a, tokenizer_dir, t)))
             for name, threads in (("trl_1p", 1), ("trl_2p", 1), ("transformers_1p", 1), ("datasets_map_2p", 1),
                                   ("jinja_render_1p", 1), ("hf_encode_batch_1t", 1), ("hf_encode_batch_2t", 2))]
        for name, run in steps:
            if name == "java_threads":
                if any(wanted(k) for k in ("chatprep_row_path_1t", "djl_encode_1t", "chatprep_jni_encode_1t",
                                           "chatprep_render_1t")):
                    print("bench: chatprep row path and DJL encode, 1 thread ...", flush=True)
                    results.update(run())
                continue
            if wanted(name):
                print(f"bench: {LABELS[name]} ...", flush=True)
                results[name] = run()
        report(results, a)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def rate(r, key):
    return r[key] / r["seconds"] if r.get(key) and r["seconds"] > 0 else None


def report(results, a):
    trl = rate(results.get("trl_1p", {}), "conversations")
    djl = rate(results.get("djl_encode_1t", {}), "conversations")
    rows = []
    for key in LABELS:
        if key not in results:
            continue
        r = results[key]
        conv = rate(r, "conversations")
        r.update({"label": LABELS[key], "conversations_per_s": conv, "tokens_per_s": rate(r, "tokens"),
                  "vs_trl_1p": conv / trl if trl else None, "vs_djl_encode_1t": conv / djl if djl else None})
        rows.append((key, r))
    fmt = lambda v, f: "" if v is None else format(v, f)  # noqa: E731
    print()
    print(f"{'path':<62} {'conv/s':>8} {'tokens/s':>10} {'xTRL':>6} {'xDJL':>6} {'RSS MB':>7}")
    for key, r in rows:
        print(f"{r['label']:<62} {fmt(r['conversations_per_s'], ',.0f'):>8} {fmt(r['tokens_per_s'], ',.0f'):>10} "
              f"{fmt(r['vs_trl_1p'], '.2f'):>6} {fmt(r['vs_djl_encode_1t'], '.2f'):>6} {r['peak_rss_mb']:>7.0f}")
    for key in ("chatprep_local1", "chatprep_local2"):
        if key in results:
            r = results[key]
            print(f"  {key}: job {r['seconds']:.1f} s of {r['wall_seconds']:.1f} s wall (JVM and Spark start-up "
                  f"the rest); steps: " + ", ".join(f"{k} {v:.1f}" for k, v in r["steps"].items()))
    targets = []
    one = rate(results.get("chatprep_local1", {}), "conversations")
    two = rate(results.get("chatprep_local2", {}), "conversations")
    tf = rate(results.get("transformers_1p", {}), "conversations")
    for name, value, goal in (("end to end per core vs TRL preparation (1 process)", one / trl if one and trl else None, 3.0),
                              ("end to end per core vs transformers per row", one / tf if one and tf else None, 1.5),
                              ("end to end on one core vs raw DJL encode", one / djl if one and djl else None, 0.8),
                              ("local[2] vs local[1]", two / one if one and two else None, 1.8)):
        if value is not None:
            targets.append({"target": name, "measured": value, "goal": goal, "met": value >= goal})
    print()
    for t in targets:
        print(f"target: {t['target']}: {t['measured']:.2f}x (goal {t['goal']}x) {'met' if t['met'] else 'NOT met'}")
    summary = {"input": a.input, "limit": a.limit, "tokenizer": a.tokenizer, "template": a.template,
               "machine": {"cpus": os.cpu_count()}, "results": dict(rows), "targets": targets}
    with open(os.path.join(a.out, "bench.json"), "w") as f:
        json.dump(summary, f, indent=2)
    chart(rows, os.path.join(a.out, "bench.png"))
    print(f"\nbench: wrote {a.out}/bench.json and {a.out}/bench.png")


def chart(rows, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("bench: matplotlib missing, no chart")
        return
    shown = [(r["label"], r["conversations_per_s"], key.startswith("chatprep")) for key, r in rows
             if r["conversations_per_s"]]
    fig, ax = plt.subplots(figsize=(11, 0.45 * len(shown) + 1.2))
    labels = [s[0] for s in shown][::-1]
    values = [s[1] for s in shown][::-1]
    colors = ["#2b7bba" if s[2] else "#9a9a9a" for s in shown][::-1]
    ax.barh(labels, values, color=colors)
    for i, v in enumerate(values):
        ax.text(v, i, f" {v:,.0f}", va="center", fontsize=8)
    if max(values) > 20 * min(values):
        # Rendering alone runs an order of magnitude faster than any tokenizing path: keep both readable.
        ax.set_xscale("log")
    ax.set_xlabel("conversations per second (same input, same machine)")
    ax.set_title("chatprep (blue) and the Python reference paths (grey)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


if __name__ == "__main__":
    main()
