"""Runs every benchmark path of scripts/bench/compare on one input, each in its own process, and hands the measurements
to report.py (table, OUT/bench.json, OUT/bench.png, targets). Invoked by scripts/bench/compare.

Each process is sampled for the peak resident memory of its whole process tree (datasets.map and TRL with two
processes fork workers; their RSS is summed, shared pages counted once per process, as `ps` would).
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
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import report  # noqa: E402

# Stages printed by TokenizeBench as "BENCH <stage> <conversations_per_s> <tokens_per_s>".
JAVA_STAGES = ("row_path", "row_path_native", "row_path_no_reuse", "render", "djl_encode", "jni_encode",
               "segment_encode", "java_encode")
# TokenizeBench's table labels, read when it prints no BENCH lines (a build from before those lines existed).
JAVA_TABLE_LABELS = {"row_path": "render + encode + mask (encoder)", "render": "render only",
                     "djl_encode": "DJL HuggingFaceTokenizer.encode", "jni_encode": "chatprep HfTokenizer.encode (JNI)"}
PYTHON_PATHS = (("trl_1p", 1), ("trl_2p", 1), ("transformers_1p", 1), ("datasets_map_2p", 1),
                ("jinja_render_1p", 1), ("hf_encode_batch_1t", 1), ("hf_encode_batch_2t", 2))


class PathFailed(Exception):
    pass


class TreeRss:
    """Samples the summed VmRSS of a process and all its descendants until stopped; keeps the peak (MB)."""

    def __init__(self, pid, interval=0.1):
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self):
        return self.peak_kb / 1024

    def _loop(self):
        while not self._stop.is_set():
            total = sum(rss_kb(p) for p in descendants(self.pid))
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(self.interval)


def descendants(pid):
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass  # the process ended between two reads
    return found


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measured(cmd, env=None, what=None):
    """Runs cmd; returns (stdout, wall seconds, peak tree RSS in MB). A failure raises PathFailed with its tail."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        p = subprocess.Popen(cmd, stdout=out, stderr=err, env={**os.environ, **(env or {})})
        with TreeRss(p.pid) as rss:
            code = p.wait()
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if code != 0:
        tail = (stdout[-1500:] + stderr[-2500:]).strip()
        raise PathFailed(f"{what or os.path.basename(cmd[0])} exited with code {code}:\n{tail}")
    return stdout, wall, rss.peak_mb


def chatprep_run(master, a, work, input_path=None, tag=""):
    """One 'chatprep run' (of a.input unless told): the job's own seconds (manifest.json) and the command's wall time."""
    out_dir = os.path.join(work, "out-" + re.sub(r"\W", "", master) + tag)
    stdout, wall, rss = measured([os.path.join(ROOT, "scripts/chatprep"), "run", "--input", input_path or a.input,
                                  "--tokenizer", a.tokenizer, "--chat-template", a.template, "--output", out_dir,
                                  "--master", master, "--now", "2026-01-01T00:00:00",
                                  "--progress-interval-seconds", "3600", "--mode", "overwrite"],
                                 env={"CHATPREP_JAVA_OPTS": a.java_opts}, what=f"chatprep run --master {master}")
    with open(os.path.join(out_dir, "manifest.json")) as f:
        manifest = json.load(f)
    shutil.rmtree(out_dir, ignore_errors=True)
    steps = re.search(r"seconds per step: (.*)", stdout)
    step_seconds = {m.group(1).strip(): float(m.group(2))
                    for m in re.finditer(r"([^;,]+?) ([0-9.]+)(?=[;,]|$)", steps.group(1))} if steps else {}
    common = {"conversations": manifest["counts"]["read"], "tokens": manifest["tokens"]["total"],
              "peak_rss_mb": rss, "rows_written": manifest["counts"]["written"],
              "rows_quarantined": manifest["counts"]["quarantined"], "steps": step_seconds}
    return {"job": {**common, "seconds": manifest["seconds"]}, "wall": {**common, "seconds": wall}}


def session_runs(master, a):
    """scripts/bench/session: the job repeated in one JVM. The first run (cold) and the fastest later one (warm)."""
    stdout, _, rss = measured([os.path.join(ROOT, "scripts/bench/session"), master, str(a.session_runs), a.input,
                               a.tokenizer, a.template], env={"BENCH_JAVA_OPTS": a.java_opts},
                              what=f"scripts/bench/session {master}")
    runs = [(int(m.group(1)), float(m.group(2)), int(m.group(3)), int(m.group(4)))
            for m in re.finditer(r"^JOBRUN (\d+) ([0-9.]+) (\d+) (\d+)\s*$", stdout, re.M)]
    if len(runs) < 2:
        raise PathFailed(f"scripts/bench/session {master} printed {len(runs)} JOBRUN lines:\n" + stdout[-1500:])
    warm = min(runs[1:], key=lambda r: r[1])
    return {"conversations": warm[2], "tokens": warm[3], "seconds": warm[1], "peak_rss_mb": rss,
            "run": warm[0], "all_runs_seconds": [r[1] for r in runs]}


def java_stages(a):
    """chatprep's row path and the raw encoders, one JVM thread each (TokenizeBench, best of its rounds)."""
    stdout, _, rss = measured([os.path.join(ROOT, "scripts/bench/tokenize"), a.tokenizer, a.template, a.input,
                               str(a.rounds)], env={"BENCH_JAVA_OPTS": a.java_opts}, what="scripts/bench/tokenize")
    return parse_tokenize_bench(stdout, rss)


def parse_tokenize_bench(stdout, rss):
    """Stages from TokenizeBench's output: its BENCH lines, or its table when it prints none."""
    corpus = re.search(r"corpus: .*?, (\d+) rows \((\d+) rejected by the template\), (\d+) tokens", stdout)
    found = {}
    for m in re.finditer(r"^BENCH (\S+) ([0-9.eE+-]+) ([0-9.eE+-]+)\s*$", stdout, re.M):
        found[m.group(1)] = {"conversations_per_s": float(m.group(2)), "tokens_per_s": float(m.group(3)),
                             "peak_rss_mb": rss}
    if not found and corpus:
        rows, tokens = int(corpus.group(1)), int(corpus.group(3))
        for stage, label in JAVA_TABLE_LABELS.items():
            m = re.search(re.escape(label) + r"\s+([0-9.]+) s", stdout)
            if m and float(m.group(1)) > 0:
                s = float(m.group(1))
                found[stage] = {"conversations_per_s": rows / s, "tokens_per_s": tokens / s, "peak_rss_mb": rss}
    if not found:
        raise PathFailed("scripts/bench/tokenize printed no BENCH lines and no table:\n" + stdout[-1500:])
    if corpus:
        for r in found.values():
            r.update(conversations=int(corpus.group(1)), tokens=int(corpus.group(3)),
                     rejected_by_template=int(corpus.group(2)))
    unknown = sorted(set(found) - set(JAVA_STAGES))
    if unknown:
        print(f"bench: TokenizeBench stages not in the table: {', '.join(unknown)}", file=sys.stderr)
    return {stage: found[stage] for stage in JAVA_STAGES if stage in found}


def python_path(name, threads, a):
    out, wall, rss = measured([a.python, os.path.join(HERE, "reference_paths.py"), name, "--input", a.input,
                               "--tokenizer", a.tokenizer, "--template", a.template],
                              env={"HF_HUB_OFFLINE": "1", "RAYON_NUM_THREADS": str(threads),
                                   "TOKENIZERS_PARALLELISM": "true" if threads > 1 else "false"},
                              what=f"reference_paths.py {name}")
    r = json.loads(out.strip().splitlines()[-1])
    return {"conversations": r["conversations"], "tokens": r["tokens"], "seconds": r["seconds"],
            "process_wall_seconds": wall, "peak_rss_mb": rss}


def plain_tokenizer_dir(tokenizer, work):
    """The tokenizer's files unpacked: the bundled test tokenizers are gzipped."""
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


def first_rows(src, dst, limit):
    n = 0
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as g:
        for line in f:
            if line.strip():
                g.write(line)
                n += 1
                if n >= limit:
                    break
    return n


CORE_LOOP = "import time\nt = time.perf_counter()\nx = 0\nfor i in range(3_000_000):\n    x += i * i\n" \
            "print(time.perf_counter() - t)"


def core_seconds():
    """Seconds one fixed pure-Python loop takes on each CPU, pinned to it alone (best of three). On a shared machine
    the cores need not be equally fast at one moment, and two task threads go no faster than the slower core lets
    them; measured before and after the paths, so a local[2] / local[1] ratio can be read against it."""
    out = {}
    for cpu in sorted(os.sched_getaffinity(0)):
        times = []
        for _ in range(3):
            r = subprocess.run([sys.executable, "-c", CORE_LOOP], capture_output=True, text=True, check=True,
                               preexec_fn=lambda c=cpu: os.sched_setaffinity(0, {c}))
            times.append(float(r.stdout))
        out[str(cpu)] = round(min(times), 3)
    return out


def launcher_opts(java_opts):
    """These JVM options with the collector scripts/chatprep adds to them on this machine (scripts/lib/gc-choice.sh)."""
    script = os.path.join(ROOT, "scripts/lib/gc-choice.sh")
    r = subprocess.run(["bash", "-c", '. "$0"; gc_choice "$1"', script, java_opts], capture_output=True, text=True)
    return " ".join(filter(None, [java_opts, r.stdout.strip()]))


def side_by_side(runs):
    """The results of `runs`, started together, each in a thread of its own (each starts its own process)."""
    results, errors = [None] * len(runs), []

    def go(i, run):
        try:
            results[i] = run()
        except PathFailed as e:
            errors.append(e)

    threads = [threading.Thread(target=go, args=(i, run)) for i, run in enumerate(runs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return results


def summed(results):
    """Two runs side by side as one: their conversations and rates added (each timed by itself), with "seconds"
    the slower one's, by which --repeat keeps the fastest pair."""
    return {"conversations": sum(r["conversations"] for r in results), "tokens": sum(r["tokens"] for r in results),
            "conversations_per_s": sum(r["conversations"] / r["seconds"] for r in results),
            "tokens_per_s": sum(r["tokens"] / r["seconds"] for r in results),
            "seconds": max(r["seconds"] for r in results), "runs_seconds": [r["seconds"] for r in results],
            "peak_rss_mb": sum(r["peak_rss_mb"] or 0 for r in results)}


def rate(r, key):
    return r[key] / r["seconds"] if r.get(key) is not None and r.get("seconds") else None


def best_of(repeat, run):
    """The fastest of `repeat` runs (a shared machine only ever slows a run down)."""
    best = None
    for _ in range(repeat):
        r = run()
        if best is None or r["seconds"] < best["seconds"]:
            best = r
    return best


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--input", required=True)
    p.add_argument("--tokenizer", required=True)
    p.add_argument("--template", required=True)
    p.add_argument("--python", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--rounds", type=int, default=2, help="TokenizeBench rounds (best kept)")
    p.add_argument("--repeat", type=int, default=1, help="runs of every other path (fastest kept)")
    p.add_argument("--java-opts", default="-Xmx4g")
    p.add_argument("--session-runs", type=int, default=10,
                   help="runs of the job in one JVM for the warm-session rows (1 skips them)")
    p.add_argument("--only", default="", help="comma-separated groups/paths: local1, local2, java, trl_1p, ...")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="chatprep-bench-")
    try:
        source = os.path.abspath(a.input)
        if a.limit:
            limited = os.path.join(work, "input.jsonl")
            n = first_rows(a.input, limited, a.limit)
            print(f"bench: the first {n:,} conversations of {a.input}", flush=True)
            a.input = limited
        a.input = os.path.abspath(a.input)
        # Every path, chatprep's too, reads the same plain files, as a user's tokenizer directory holds them: the
        # bundled test tokenizers are gzipped, and a warm job would pay for unpacking one on every run.
        source_tokenizer = a.tokenizer
        a.tokenizer = plain_tokenizer_dir(a.tokenizer, work)
        cores_at_start = core_seconds()
        only = set(filter(None, a.only.split(",")))
        wanted = lambda name: not only or name in only  # noqa: E731
        results, failures = {}, {}

        def attempt(name, label, run):
            print(f"bench: {label} ...", flush=True)
            try:
                return run()
            except PathFailed as e:
                failures[name] = str(e)
                print(f"bench: {label} FAILED: {e}", file=sys.stderr, flush=True)
                return None

        if wanted("local1") or wanted("local2"):
            # The first 'chatprep run' after a build records the launcher's class-data archive as it exits; a short
            # run does that here, so that no measured run pays for it.
            sample = os.path.join(work, "archive-sample.jsonl")
            first_rows(a.input, sample, 50)
            attempt("archive", "chatprep run of 50 rows (records the class-data archive; not measured)",
                    lambda: chatprep_run("local[1]", a, work, sample))
        for n in (1, 2):
            if wanted(f"local{n}"):
                r = attempt(f"local{n}", f"chatprep run --master local[{n}] (end to end, Parquet written)",
                            lambda n=n: best_of(a.repeat, lambda: _run_pair(f"local[{n}]", a, work)))
                if r:
                    results[f"chatprep_local{n}_job"], results[f"chatprep_local{n}_wall"] = r["job"], r["wall"]
        for n in (1, 2):
            if wanted(f"session{n}") and a.session_runs > 1:
                r = attempt(f"session{n}", f"chatprep job repeated in one session, local[{n}]",
                            lambda n=n: session_runs(f"local[{n}]", a))
                if r:
                    results[f"chatprep_local{n}_warm"] = r
        # What this machine gives two independent single-core jobs: the ceiling local[2] is measured against.
        if wanted("local1x2"):
            r = attempt("local1x2", "two chatprep runs --master local[1] side by side",
                        lambda: best_of(a.repeat, lambda: summed(side_by_side(
                            [lambda t=t: chatprep_run("local[1]", a, work, tag=t)["job"] for t in ("-a", "-b")]))))
            if r:
                results["chatprep_local1x2_job"] = r
        if wanted("session1x2") and a.session_runs > 1:
            r = attempt("session1x2", "two local[1] sessions side by side",
                        lambda: summed(side_by_side([lambda: session_runs("local[1]", a)] * 2)))
            if r:
                results["chatprep_local1x2_warm"] = r
        if wanted("java"):
            r = attempt("java", "chatprep row path and raw DJL encode, one JVM thread", lambda: java_stages(a))
            for stage, v in (r or {}).items():
                results[f"java_{stage}"] = v
        for name, threads in PYTHON_PATHS:
            if wanted(name):
                r = attempt(name, report.LABELS[name],
                            lambda n=name, t=threads: best_of(a.repeat, lambda: python_path(n, t, a)))
                if r:
                    results[name] = r
        for r in results.values():
            r.setdefault("conversations_per_s", rate(r, "conversations"))
            r.setdefault("tokens_per_s", rate(r, "tokens"))
        meta = {"input": source if not a.limit else f"first {a.limit} rows of {source}",
                "limit": a.limit, "tokenizer": source_tokenizer, "template": a.template, "repeat": a.repeat,
                "java_rounds": a.rounds, "java_opts": launcher_opts(a.java_opts),
                "cpus": os.cpu_count(), "load_average_at_end": os.getloadavg(),
                "core_seconds": {"start": cores_at_start, "end": core_seconds()},
                "date": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        summary = report.build(results, failures, meta, os.path.join(a.out, "bench-scale.json"))
        report.write(summary, a.out)
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run_pair(master, a, work):
    """Both views of one chatprep run, kept together so that --repeat picks the pair of the fastest job."""
    r = chatprep_run(master, a, work)
    return {"seconds": r["job"]["seconds"], **r}


if __name__ == "__main__":
    sys.exit(main())
