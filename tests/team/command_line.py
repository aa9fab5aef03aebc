"""The command line on a team workspace, from the tests: as a real process, or its main() in this
process (the autouse fixture of tests/team/conftest.py lends it pytest's capture)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


def process(
    *argv: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real `python -m app` process."""
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


_capture: list[tuple[pytest.CaptureFixture[str], pytest.MonkeyPatch]] = []


def cli(*argv: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command line's main() in this process (quicker than a process; the same code and exits)."""
    import io

    from app.cli import main

    capsys, monkeypatch = _capture[-1]
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    code = main(list(argv))
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["policy-tracker", *argv], code, out, err)


def one_line_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 1, result
    assert result.stderr.startswith("policy-tracker: error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr  # one line, no traceback
    assert words in result.stderr, result.stderr
