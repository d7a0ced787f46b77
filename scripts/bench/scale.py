"""The scale benchmark behind scripts/bench/scale (a benchmark, not a unit test).

Replicates the conversation mix to --rows rows (every replica's ids varied), runs 'chatprep run' on it with a
fixed heap while sampling the JVM's resident memory (/proc/PID/status) and heap (one long-running
`jstat -gc`), runs the unreplicated mix the same way for comparison, and writes OUT/bench-scale.json and
OUT/bench-scale.png (memory over time).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report import core_seconds_text  # noqa: E402
from compare import core_seconds, descendants, launcher_opts, side_by_side, summed  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def replicate(src, dst, want, vary_text):
    """Writes `want` rows cycling through src; replica k of a row gets id '<id>-r<k>'. With vary_text every string
    message content also ends in ' #<k>', so that no two replicas share a message text."""
    rows = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    if not rows:
        raise SystemExit(f"scripts/bench/scale: {src} holds no rows")
    with open(dst, "w", encoding="utf-8") as out:
        for i in range(want):
            k, row = divmod(i, len(rows))
            row = rows[row]
            copy = dict(row, id=f"{row.get('id', 'row-%d' % (i % len(rows)))}-r{k}")
            if vary_text and k:
                copy["messages"] = [dict(m, content=m["content"] + f" #{k}") if isinstance(m.get("content"), str)
                                    else m for m in row.get("messages", [])]
            out.write(json.dumps(copy, ensure_ascii=False))
            out.write("\n")
    return len(rows)


class MemorySampler:
    """RSS of the JVM every `interval` s, and its heap (used / committed, MB) from `jstat -gc PID <ms>`."""

    def __init__(self, pid, interval):
        self.pid, self.interval = pid, interval
        self.rss = []    # (seconds since start, MB)
        self.heap = []   # (seconds since start, used MB, committed MB)
        self.t0 = time.monotonic()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._rss_loop, daemon=True),
                         threading.Thread(target=self._heap_loop, daemon=True)]
        self._jstat = None
        self._jvm_pid = None

    def start(self):
        for t in self._threads:
            t.start()

    def stop(self):
        self._stop.set()
        if self._jstat and self._jstat.poll() is None:
            self._jstat.terminate()
        for t in self._threads:
            t.join(timeout=10)

    def _jvm(self):
        """The JVM's pid, once it has started: scripts/chatprep execs java, but runs it as a child while it records
        its class-data archive (the first run after a build)."""
        if self._jvm_pid is None:
            for p in descendants(self.pid):
                try:
                    with open(f"/proc/{p}/comm") as f:
                        if f.read().strip() == "java":
                            self._jvm_pid = p
                            break
                except OSError:
                    pass
        return self._jvm_pid

    def _rss_loop(self):
        while not self._stop.is_set():
            try:
                jvm = self._jvm()
                if jvm is None:
                    raise OSError("no JVM yet")
                with open(f"/proc/{jvm}/status") as f:
                    kb = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
                self.rss.append((time.monotonic() - self.t0, kb / 1024))
            except (OSError, StopIteration):
                pass
            self._stop.wait(self.interval)

    def _heap_loop(self):
        # One jstat for the whole run: starting a JVM per sample would take CPU from the job being measured.
        # jstat needs the JVM's perf data, which appears a moment after the JVM starts.
        while not self._stop.is_set():
            self._stop.wait(2)
            jvm = self._jvm()
            if jvm is None:
                continue
            try:
                self._jstat = subprocess.Popen(["jstat", "-gc", str(jvm), str(int(self.interval * 1000))],
                                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            except OSError:
                return  # no jstat on this machine: RSS only
            header = None
            for line in self._jstat.stdout:
                cols = line.split()
                if not cols:
                    continue
                if cols[0] == "S0C":
                    header = cols
                    continue
                if header and len(cols) == len(header):
                    # Collectors without concurrent cycles (serial, parallel) print "-" in jstat's CGC columns.
                    v = dict(zip(header, cols))
                    try:
                        v = {k: float(v[k]) for k in ("S0U", "S1U", "EU", "OU", "S0C", "S1C", "EC", "OC")}
                    except (KeyError, ValueError):
                        continue
                    used = (v["S0U"] + v["S1U"] + v["EU"] + v["OU"]) / 1024
                    committed = (v["S0C"] + v["S1C"] + v["EC"] + v["OC"]) / 1024
                    self.heap.append((time.monotonic() - self.t0, used, committed))
            self._jstat.wait()
            if self.heap or self._stop.is_set():
                return


def chatprep_run(input_path, out_dir, a, log_path, sampler_interval=None, gc_log=None, master=None):
    """Runs 'chatprep run' once; returns (exit code, wall seconds, manifest or None, sampler, progress), where
    progress is [(seconds since launch, rows encoded)] from the run's progress lines, timed as they arrive."""
    cmd = [os.path.join(ROOT, "scripts/chatprep"), "run", "--input", input_path,
           "--tokenizer", a.tokenizer, "--chat-template", a.template, "--output", out_dir, "--mode", "overwrite",
           "--master", master or a.master, "--now", "2026-01-01T00:00:00",
           "--progress-interval-seconds", str(PROGRESS_SECONDS)]
    opts = " ".join(filter(None, [run_opts(a), f"-Xlog:gc:file={gc_log}:uptime" if gc_log else ""]))
    env = {**os.environ, "CHATPREP_JAVA_OPTS": opts}
    progress = []
    start = time.perf_counter()
    with open(log_path, "w") as log:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True,
                             errors="replace")
        sampler = MemorySampler(p.pid, sampler_interval) if sampler_interval else None
        if sampler:
            sampler.start()
        for line in p.stdout:
            log.write(line)
            m = PROGRESS_LINE.search(line)
            if m:
                progress.append((time.perf_counter() - start, int(m.group(1).replace(",", ""))))
        code = p.wait()
        if sampler:
            sampler.stop()
    wall = time.perf_counter() - start
    manifest = None
    if code == 0:
        with open(os.path.join(out_dir, "manifest.json")) as f:
            manifest = json.load(f)
    return code, wall, manifest, sampler, progress


# The job's progress lines ("chatprep: encoding and writing rows, ..., 916,634 rows encoded (...), 30s"), every few
# seconds so that the rate after warm-up rests on several of them.
PROGRESS_SECONDS = 3
PROGRESS_LINE = re.compile(r"encoding and writing rows.*?([0-9][0-9,]*) rows encoded")


def rate_after_warm_up(progress, rows):
    """Rows per second between the first progress line at or past 40% of the rows and the last one before the
    end: the rate of tasks on compiled code, without a fresh JVM's first seconds (its rows run on code the JIT
    compilers are still compiling, as long on two cores as on one) or the last tasks' tail."""
    inside = [(t, n) for t, n in progress if 0.4 * rows <= n < rows]
    if len(inside) < 3:
        return None
    (t0, n0), (t1, n1) = inside[0], inside[-1]
    return {"conversations_per_s": (n1 - n0) / (t1 - t0), "from_rows": n0, "to_rows": n1,
            "seconds": round(t1 - t0, 2)}


def conversations_per_s(manifest):
    return manifest["counts"]["read"] / manifest["seconds"]


def print_log_tail(log_path):
    """The end of a failed run's log, where its error is."""
    sys.stderr.write(open(log_path, errors="replace").read()[-3000:])


def run_opts(a):
    """The JVM options the runs are given: the heap and --java-opts (the launcher adds its collector to them)."""
    return " ".join(filter(None, [f"-Xmx{a.heap}", a.java_opts]))


def heap_after_gc(gc_log):
    """(seconds since JVM start, MB) of the heap left by each collection, from the run's -Xlog:gc file."""
    if not gc_log or not os.path.exists(gc_log):
        return []
    out = []
    with open(gc_log, errors="replace") as f:
        for line in f:
            m = re.search(r"^\[([0-9.]+)s\].*Pause.*?(\d+)M->(\d+)M\((\d+)M\)", line)
            if m:
                out.append((float(m.group(1)), float(m.group(3))))
    return out


def flatness(sampler, after_gc=()):
    """Memory is flat when, after the first 20% of the run (start-up), the second half never needs more than the
    first half did: peak RSS within 10% (+64 MB), and the most heap any collection leaves (the GC log) within 25%
    (+64 MB). Heap left by young collections also holds old-generation garbage until the old generation is collected,
    so its low points rise and fall with that cycle; a leak shows as ever higher peaks. Without a GC log the
    sampled heap use stands in (a sample lands anywhere between two collections)."""
    def after_start(series):
        return series[int(len(series) * 0.2):]
    rss = [v for _, v in after_start(sampler.rss)]
    after_gc = list(after_gc)
    if len(after_start(after_gc)) >= 8:
        heap = [v for _, v in after_start(after_gc)]
        source = "heap after each collection (GC log)"
    else:
        heap = [u for _, u, _ in after_start(sampler.heap)]
        source = "sampled heap use (jstat)"
    out = {"rss_samples": len(sampler.rss), "heap_samples": len(sampler.heap), "collections": len(after_gc),
           "heap_source": source}
    if len(rss) >= 4:
        half = len(rss) // 2
        out.update(rss_peak_first_half_mb=max(rss[:half]), rss_peak_second_half_mb=max(rss[half:]))
        out["rss_flat"] = out["rss_peak_second_half_mb"] <= 1.10 * out["rss_peak_first_half_mb"] + 64
    if len(heap) >= 8:
        half = len(heap) // 2
        out.update(heap_peak_first_half_mb=max(heap[:half]), heap_peak_second_half_mb=max(heap[half:]),
                   heap_low_first_half_mb=min(heap[:half]), heap_low_second_half_mb=min(heap[half:]))
        out["heap_flat"] = out["heap_peak_second_half_mb"] <= 1.25 * out["heap_peak_first_half_mb"] + 64
    checks = [out[k] for k in ("rss_flat", "heap_flat") if k in out]
    out["memory_flat"] = bool(checks) and all(checks)
    return out


def downsample(series, most=300):
    step = max(1, len(series) // most)
    return [[round(x, 2) for x in s] for s in series[::step]]


def chart(result, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(figsize=(10, 4))
    if result["series"]["rss_mb"]:
        t, v = zip(*result["series"]["rss_mb"])
        ax.plot(t, v, label="JVM resident memory (RSS)", color="#2b7bba")
    if result["series"]["heap_mb"]:
        t, used, committed = zip(*result["series"]["heap_mb"])
        ax.plot(t, used, label="heap used", color="#e67e22", linewidth=0.8)
        ax.plot(t, committed, label="heap committed", color="#7f8c8d", linestyle="--", linewidth=0.8)
    if result.get("heap_after_gc_mb"):
        t, left = zip(*result["heap_after_gc_mb"])
        ax.plot(t, left, ".", markersize=3, label="heap left by each collection (GC log)", color="#c0392b")
    ax.set_xlabel("seconds since launch")
    ax.set_ylabel("MB")
    ax.set_title(f"chatprep run {result['master']}, -Xmx{result['heap']}, {result['rows']:,} rows")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def log_flags(log_path):
    text = open(log_path, errors="replace").read()
    return {"out_of_memory": "OutOfMemoryError" in text,
            "spill_lines": len(re.findall(r"(?i)spill", text)),
            "steps": re.search(r"seconds per step: (.*)", text).group(1) if "seconds per step" in text else None}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--input", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--heap", default="2g")
    p.add_argument("--java-opts", default="", help="more JVM options for the runs, e.g. a garbage collector")
    p.add_argument("--master", default="local[2]")
    p.add_argument("--tokenizer", default=os.path.join(ROOT, "src/test/resources/tokenizers/qwen3"))
    p.add_argument("--template", default=os.path.join(ROOT, "templates/qwen3_training.jinja"))
    p.add_argument("--interval", type=float, default=1.0, help="memory sampling interval, seconds")
    p.add_argument("--vary-text", action="store_true")
    p.add_argument("--no-small-run", action="store_true")
    p.add_argument("--compare-master", default=None,
                   help="also run the replicated input on this master (e.g. local[1]) and report the ratio")
    p.add_argument("--side-by-side", action="store_true",
                   help="with --compare-master, then two runs on that master at once, each on the whole input: "
                        "what the machine gives two independent jobs")
    p.add_argument("--work", default=None, help="directory for the generated input and output (default: a temp dir)")
    a = p.parse_args()
    if a.side_by_side and not a.compare_master:
        p.error("--side-by-side runs on the --compare-master, so it needs one (e.g. --compare-master local[1])")
    os.makedirs(a.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="chatprep-scale-", dir=a.work)
    jvm_opts = launcher_opts(run_opts(a))
    try:
        result = {"rows_requested": a.rows, "master": a.master, "heap": a.heap, "java_opts": jvm_opts,
                  "vary_text": a.vary_text,
                  "input": os.path.abspath(a.input), "file": os.path.join(a.out, "bench-scale.json"),
                  "core_seconds": {"start": core_seconds()}}
        small = None
        if not a.no_small_run:
            print(f"scripts/bench/scale: the small run: {a.input} as is, {a.master}, {jvm_opts} ...", flush=True)
            code, wall, m, _, _ = chatprep_run(os.path.abspath(a.input), os.path.join(work, "small-out"), a,
                                            os.path.join(work, "small.log"))
            if code != 0:
                print_log_tail(os.path.join(work, "small.log"))
                raise SystemExit("scripts/bench/scale: the small run failed")
            small = {"rows": m["counts"]["read"], "tokens": m["tokens"]["total"], "seconds": m["seconds"],
                     "wall_seconds": wall, "conversations_per_s": conversations_per_s(m),
                     "tokens_per_s": m["tokens"]["total"] / m["seconds"]}
            shutil.rmtree(os.path.join(work, "small-out"), ignore_errors=True)
            print(f"scripts/bench/scale: small run {small['rows']:,} rows in {small['seconds']:.1f} s (job): "
                  f"{small['conversations_per_s']:,.0f} conversations/s", flush=True)
        big_input = os.path.join(work, "input.jsonl")
        t = time.perf_counter()
        distinct = replicate(a.input, big_input, a.rows, a.vary_text)
        print(f"scripts/bench/scale: wrote {a.rows:,} rows (cycling {distinct:,} source rows, {os.path.getsize(big_input) / 2**20:,.0f} "
              f"MB) in {time.perf_counter() - t:.0f} s; running {a.master} with {jvm_opts} ...", flush=True)
        log_path = os.path.join(work, "run.log")
        gc_log = os.path.join(work, "gc.log")
        code, wall, m, sampler, progress = chatprep_run(big_input, os.path.join(work, "out"), a, log_path,
                                                        a.interval, gc_log)
        shutil.rmtree(os.path.join(work, "out"), ignore_errors=True)
        flags = log_flags(log_path)
        after_gc = heap_after_gc(gc_log)
        result.update(completed=code == 0, exit_code=code, wall_seconds=wall, small_run=small, **flags,
                      **flatness(sampler, after_gc))
        result["heap_after_gc_mb"] = downsample(after_gc)
        result["peak_rss_mb"] = max((v for _, v in sampler.rss), default=None)
        result["peak_heap_used_mb"] = max((u for _, u, _ in sampler.heap), default=None)
        result["peak_heap_committed_mb"] = max((c for _, _, c in sampler.heap), default=None)
        result["series"] = {"rss_mb": downsample(sampler.rss), "heap_mb": downsample(sampler.heap)}
        if m:
            result.update(rows=m["counts"]["read"], rows_written=m["counts"]["written"],
                          rows_quarantined=m["counts"]["quarantined"], tokens=m["tokens"]["total"],
                          seconds=m["seconds"], data_files=m["counts"].get("data_files"),
                          conversations_per_s=conversations_per_s(m),
                          tokens_per_s=m["tokens"]["total"] / m["seconds"])
            result["after_warm_up"] = rate_after_warm_up(progress, result["rows"])
            if small:
                result["throughput_vs_small"] = result["conversations_per_s"] / small["conversations_per_s"]
            if a.compare_master:
                result["compare"] = compare_run(big_input, work, a, result)
        else:
            result["rows"] = a.rows
            print_log_tail(log_path)
        result["core_seconds"]["end"] = core_seconds()
        with open(result["file"], "w") as f:
            json.dump(result, f, indent=2)
        drawn = chart(result, os.path.join(a.out, "bench-scale.png"))
        report(result, drawn, a.out)
        return 0 if result["completed"] else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def compare_run(big_input, work, a, main_result):
    """The replicated input again on --compare-master, same heap and options: its rates, and the main run's over
    them, end to end and after warm-up."""
    print(f"scripts/bench/scale: the same input on {a.compare_master} ...", flush=True)
    log_path = os.path.join(work, "compare.log")
    code, wall, m, sampler, progress = chatprep_run(big_input, os.path.join(work, "compare-out"), a, log_path,
                                                    a.interval, os.path.join(work, "compare-gc.log"),
                                                    master=a.compare_master)
    shutil.rmtree(os.path.join(work, "compare-out"), ignore_errors=True)
    if code != 0:
        print_log_tail(log_path)
        return {"master": a.compare_master, "completed": False, "exit_code": code}
    out = {"master": a.compare_master, "completed": True, "seconds": m["seconds"], "wall_seconds": wall,
           "conversations_per_s": conversations_per_s(m),
           "after_warm_up": rate_after_warm_up(progress, m["counts"]["read"]),
           "peak_rss_mb": max((v for _, v in sampler.rss), default=None)}
    out["ratio"] = main_result["conversations_per_s"] / out["conversations_per_s"]
    if out["after_warm_up"] and main_result.get("after_warm_up"):
        out["ratio_after_warm_up"] = (main_result["after_warm_up"]["conversations_per_s"]
                                      / out["after_warm_up"]["conversations_per_s"])
    if a.side_by_side:
        out["side_by_side"] = side_by_side_runs(big_input, work, a, out, main_result)
    return out


def side_by_side_runs(big_input, work, a, one, main_result):
    """Two runs on --compare-master at once, each on the whole input in its own JVM, without the memory sampler:
    their rates added, over the one run's alone (what a second core gives jobs that share nothing), and the main
    run's rate over theirs."""
    print(f"scripts/bench/scale: two runs on {a.compare_master} side by side ...", flush=True)
    runs = side_by_side([lambda i=i: chatprep_run(big_input, os.path.join(work, f"pair-out-{i}"), a,
                                                   os.path.join(work, f"pair-{i}.log"), master=a.compare_master)
                         for i in range(2)])
    for i, (code, _, _, _, _) in enumerate(runs):
        shutil.rmtree(os.path.join(work, f"pair-out-{i}"), ignore_errors=True)
        if code != 0:
            print_log_tail(os.path.join(work, f"pair-{i}.log"))
            return {"completed": False, "exit_code": code}
    pair = summed([{"conversations": m["counts"]["read"], "tokens": m["tokens"]["total"], "seconds": m["seconds"],
                    "peak_rss_mb": None} for _, _, m, _, _ in runs])
    rate = pair["conversations_per_s"]
    return {"completed": True, "seconds": pair["runs_seconds"], "conversations_per_s": rate,
            "ratio_to_one": rate / one["conversations_per_s"],
            "main_over_pair": main_result["conversations_per_s"] / rate}


def report(r, drawn, out):
    def mb(v):
        return "n/a" if v is None else f"{v:,.0f} MB"
    if not r["completed"]:
        print(f"scripts/bench/scale: the run FAILED (exit code {r['exit_code']}, out of memory: {r['out_of_memory']})")
    else:
        print(f"scripts/bench/scale: {r['rows']:,} rows, {r['tokens']:,} tokens in {r['seconds']:,.1f} s (job; command "
              f"{r['wall_seconds']:,.1f} s) on {r['master']}: {r['conversations_per_s']:,.0f} conversations/s, "
              f"{r['tokens_per_s']:,.0f} tokens/s")
        if r.get("after_warm_up"):
            w = r["after_warm_up"]
            print(f"scripts/bench/scale: after warm-up (rows {w['from_rows']:,} to {w['to_rows']:,}, {w['seconds']:.1f} s): "
                  f"{w['conversations_per_s']:,.0f} conversations/s")
        c = r.get("compare")
        if c and c["completed"]:
            warm = (f"; after warm-up {c['after_warm_up']['conversations_per_s']:,.0f} conversations/s, "
                    f"{r['master']} / {c['master']} {c['ratio_after_warm_up']:.2f}x"
                    if c.get("ratio_after_warm_up") else "")
            print(f"scripts/bench/scale: on {c['master']}: {c['seconds']:,.1f} s (job), {c['conversations_per_s']:,.0f} "
                  f"conversations/s, peak RSS {mb(c['peak_rss_mb'])}; {r['master']} / {c['master']} "
                  f"{c['ratio']:.2f}x end to end{warm}")
        elif c:
            print(f"scripts/bench/scale: the run on {c['master']} FAILED (exit code {c['exit_code']})")
        two = (c or {}).get("side_by_side")
        if two and two["completed"]:
            print(f"scripts/bench/scale: two {c['master']} runs side by side: {' and '.join(f'{s:,.1f}' for s in two['seconds'])}"
                  f" s (job), {two['conversations_per_s']:,.0f} conversations/s together, {two['ratio_to_one']:.2f}x "
                  f"one {c['master']} run alone; {r['master']} {two['main_over_pair']:.2f}x the two together")
        elif two:
            print(f"scripts/bench/scale: the runs side by side FAILED (exit code {two['exit_code']})")
        if r.get("throughput_vs_small"):
            print(f"scripts/bench/scale: throughput {r['throughput_vs_small']:.2f}x the small run's "
                  f"({r['small_run']['conversations_per_s']:,.0f} conversations/s): "
                  f"{'within' if r['throughput_vs_small'] >= 0.9 else 'NOT within'} 10%")
    print(f"scripts/bench/scale: peak RSS {mb(r['peak_rss_mb'])}, peak heap used {mb(r['peak_heap_used_mb'])} of "
          f"{mb(r['peak_heap_committed_mb'])} committed (-Xmx{r['heap']}); memory "
          f"{'flat' if r['memory_flat'] else 'NOT flat'} (RSS peak {mb(r.get('rss_peak_first_half_mb'))} -> "
          f"{mb(r.get('rss_peak_second_half_mb'))}, {r.get('heap_source', 'sampled heap use')} peaking at "
          f"{mb(r.get('heap_peak_first_half_mb'))} -> {mb(r.get('heap_peak_second_half_mb'))}, lowest "
          f"{mb(r.get('heap_low_first_half_mb'))} -> {mb(r.get('heap_low_second_half_mb'))}"
          f"); OutOfMemoryError: {'yes' if r['out_of_memory'] else 'no'}; "
          f"log lines mentioning spill: {r['spill_lines']}")
    cores = r.get("core_seconds") or {}
    if cores.get("end"):
        print("scripts/bench/scale: seconds of one fixed loop pinned to each CPU (start / end): " + core_seconds_text(cores))
    print(f"scripts/bench/scale: wrote {r['file']}" + (f" and {out}/bench-scale.png" if drawn else ""))


if __name__ == "__main__":
    sys.exit(main())
