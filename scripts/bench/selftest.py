#!/usr/bin/env python3
"""Self-test of the benchmark tooling's arithmetic (compare, scale, report) on made-up measurements
whose expected figures are worked out by hand below; nothing is run but the per-CPU loop of the core check.
Standard library only.
Usage: python3 scripts/bench/selftest.py
"""
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import report  # noqa: E402
import compare  # noqa: E402
import scale  # noqa: E402


class RateAfterWarmUp(unittest.TestCase):
    def test_rate_between_first_line_past_40_percent_and_last_before_the_end(self):
        # 1,000 rows; lines at 300 (before 40%), 400, 700, 900, then 1,000 (the end, excluded).
        progress = [(3.0, 300), (5.0, 400), (8.0, 700), (10.0, 900), (12.0, 1000)]
        w = scale.rate_after_warm_up(progress, 1000)
        self.assertEqual(w["from_rows"], 400)
        self.assertEqual(w["to_rows"], 900)
        self.assertAlmostEqual(w["conversations_per_s"], 500 / 5.0)
        self.assertEqual(w["seconds"], 5.0)

    def test_too_few_lines_give_no_rate(self):
        self.assertIsNone(scale.rate_after_warm_up([(5.0, 500), (9.0, 900)], 1000))


class SideBySide(unittest.TestCase):
    def test_summed_adds_rates_and_keeps_the_slower_run_as_seconds(self):
        runs = [{"conversations": 100, "tokens": 1000, "seconds": 2.0, "peak_rss_mb": 300},
                {"conversations": 100, "tokens": 1000, "seconds": 4.0, "peak_rss_mb": 200}]
        s = compare.summed(runs)
        self.assertEqual(s["conversations"], 200)
        self.assertAlmostEqual(s["conversations_per_s"], 50 + 25)
        self.assertAlmostEqual(s["tokens_per_s"], 500 + 250)
        self.assertEqual(s["seconds"], 4.0)
        self.assertEqual(s["runs_seconds"], [2.0, 4.0])
        self.assertEqual(s["peak_rss_mb"], 500)

    def test_runs_all_start_before_any_ends_and_results_keep_their_order(self):
        import threading
        started = threading.Barrier(2, timeout=10)

        def run(value):
            started.wait()  # raises BrokenBarrierError, failing the test, unless both run at once
            return value

        self.assertEqual(compare.side_by_side([lambda: run("a"), lambda: run("b")]), ["a", "b"])

    def test_a_failed_run_fails_the_pair(self):
        def fails():
            raise compare.PathFailed("boom")

        with self.assertRaises(compare.PathFailed):
            compare.side_by_side([lambda: {"seconds": 1.0}, fails])


class CoreCheck(unittest.TestCase):
    def test_spread_is_the_slowest_core_over_the_fastest_at_the_worse_check(self):
        meta = {"core_seconds": {"start": {"0": 0.20, "1": 0.30}, "end": {"0": 0.25, "1": 0.25}}}
        self.assertAlmostEqual(report.core_spread(meta), 0.5)
        self.assertIsNone(report.core_spread({"core_seconds": {"start": {"0": 0.2}}}))
        self.assertIsNone(report.core_spread({}))

    def test_text_lists_each_cpu_start_and_end(self):
        cores = {"start": {"0": 0.271, "1": 0.3}, "end": {"0": 0.28, "1": 0.294}}
        self.assertEqual(report.core_seconds_text(cores), "cpu0 0.27 / 0.28, cpu1 0.30 / 0.29")

    def test_every_cpu_this_process_may_use_is_timed(self):
        import os
        seconds = compare.core_seconds()
        self.assertEqual(set(seconds), {str(c) for c in os.sched_getaffinity(0)})
        self.assertTrue(all(v > 0 for v in seconds.values()), seconds)


class Targets(unittest.TestCase):
    @staticmethod
    def rows(**rates):
        return {key: {"conversations_per_s": value} for key, value in rates.items()}

    def target(self, targets, name):
        return next(t for t in targets if t["target"] == name)

    def test_local2_target_notes_what_two_independent_runs_make(self):
        rows = self.rows(chatprep_local1_job=1000.0, chatprep_local2_job=1700.0, chatprep_local1x2_job=1600.0)
        t = self.target(report.targets(rows, None), "local[2] >= 1.8x local[1]")
        self.assertAlmostEqual(t["measured"], 1.7)
        self.assertFalse(t["met"])
        self.assertIn("two local[1] runs side by side make 1.60x of one here", t["note"])

    def test_warm_local2_target_uses_the_warm_pair(self):
        rows = self.rows(chatprep_local1_job=1000.0, chatprep_local2_job=1500.0, chatprep_local1_warm=4000.0,
                         chatprep_local2_warm=7600.0, chatprep_local1x2_warm=7000.0)
        t = self.target(report.targets(rows, None), "warm session: local[2] >= 1.8x local[1]")
        self.assertAlmostEqual(t["measured"], 1.9)
        self.assertTrue(t["met"])
        self.assertIn("make 1.75x of one", t["note"])

    def test_without_the_pair_the_note_is_the_core_spread_alone(self):
        rows = self.rows(chatprep_local1_job=1000.0, chatprep_local2_job=1900.0)
        t = self.target(report.targets(rows, None, spread=0.25), "local[2] >= 1.8x local[1]")
        self.assertTrue(t["met"])
        self.assertEqual(t["note"], "this machine's cores differed in speed by up to 25% during the run")

    def test_scale_pair_reports_its_ratio_and_the_side_by_side_ceiling(self):
        scale = {"rows": 1_000_000, "heap": "2g", "master": "local[2]", "completed": True, "memory_flat": True,
                 "out_of_memory": False, "throughput_vs_small": 5.0, "file": "bench-scale.json",
                 "compare": {"master": "local[1]", "completed": True, "conversations_per_s": 10_000.0,
                             "ratio": 1.75, "ratio_after_warm_up": 1.9,
                             "side_by_side": {"completed": True, "conversations_per_s": 16_500.0}}}
        t = self.target(report.targets({}, scale), "at scale (1,000,000 rows): local[2] >= 1.8x local[1]")
        self.assertEqual(t["measured"], 1.75)
        self.assertFalse(t["met"])
        self.assertEqual(t["note"], "after warm-up 1.90x; two local[1] runs side by side make 1.65x of one here; "
                                    "from bench-scale.json")


if __name__ == "__main__":
    unittest.main()
