"""Live data end to end: the real window process shows what a real `policy-tracker add-…` process
writes to its workspace within a second, without View ▸ Reload."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

from tests.e2e.processes import app_command, fresh_env, probe_command, start, stop, wait_for

pytestmark = pytest.mark.e2e


def test_the_open_window_lists_a_policy_added_from_the_command_line_within_a_second(
    tmp_path: Path, starter_template: Path
) -> None:
    env = fresh_env(tmp_path / "home")
    workspace = tmp_path / "w.sqlite"
    shutil.copyfile(starter_template, workspace)
    window = start(probe_command(600, "--workspace", str(workspace)), env)
    # The probe inside the window prints "… ROWS n" every 0.2 s: what its list holds now.
    rows: list[tuple[float, int]] = []

    def read() -> None:
        assert window.stdout is not None
        for line in window.stdout:
            if " ROWS " in line:
                rows.append((time.monotonic(), int(line.rsplit(" ROWS ", 1)[1])))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        wait_for(lambda: bool(rows) and rows[-1][1] == 12, window, 60)
        # The command prints the new policy's slug once its transaction has committed: from then on.
        writer = start(
            app_command("add-policy", "--title", "Added while open", "--workspace", str(workspace)), env
        )
        assert writer.stdout is not None
        assert writer.stdout.readline() == "added-while-open\n"
        written = time.monotonic()
        assert writer.wait(timeout=60) == 0
        wait_for(lambda: rows[-1][1] == 13, window, 5)
        seen = next(when for when, count in rows if count == 13)
        assert window.poll() is None
    finally:
        stop(window)
        reader.join(timeout=10)
    delay = seen - written
    print(f"the window listed it {delay:.2f} s after the other process committed it")
    # Within a second, of which up to 0.2 s is the probe's own reporting interval.
    assert delay < 1.0
