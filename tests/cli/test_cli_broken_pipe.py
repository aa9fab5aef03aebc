"""`policy-tracker list | head`: the reader closing the pipe early is not an error to print."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import EXIT_BROKEN_PIPE
from tests.conftest import REPO


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["show", "title-42"]])
def test_a_reader_that_closes_the_pipe_early_ends_the_command_quietly(
    tmp_path: Path, workspace_path: Path, command: list[str]
) -> None:
    reading, writing = os.pipe()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    process = subprocess.Popen(
        [sys.executable, "-m", "app", *command, "--workspace", str(workspace_path)],
        cwd=REPO,
        env=env,
        stdout=writing,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(writing)
    os.close(reading)  # like `head` exiting: before the command writes, so every write meets a closed pipe
    _, err = process.communicate(timeout=60)
    assert err == ""
    assert process.returncode == EXIT_BROKEN_PIPE


def test_head_reads_the_first_lines_and_nothing_is_printed_on_stderr(
    tmp_path: Path, workspace_path: Path
) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    shell = f"set -o pipefail; {sys.executable} -m app list --json --workspace '{workspace_path}' | head -n 1"
    result = subprocess.run(
        ["bash", "-c", shell], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout == "{\n"
    assert result.stderr == ""
    assert result.returncode in (0, EXIT_BROKEN_PIPE)  # 0 when head was still reading as the output ended
