"""The benchmark still runs (at size S, one cold start): CI's smoke test of `make bench`."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_the_benchmark_runs_at_size_s() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--size", "S", "--runs", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("| S |")]
    measures = {line.split("|")[2].strip() for line in lines}
    assert len(lines) == 12 and "peak memory, whole list loaded" in measures
    assert "edit a policy, its change recorded (p50 / p95)" in measures
    assert "the list as of a past day: rows, filters, counts (p50 / p95)" in measures
    assert "cold start to the painted, filled list (median)" in measures
    assert "cold start to the complete window (median)" in measures
    cold_starts = [line for line in lines if "cold start" in line]
    assert len(cold_starts) == 2 and all("×" in line for line in cold_starts)
