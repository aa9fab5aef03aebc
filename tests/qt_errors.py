"""Any exception raised inside a Qt slot or event handler, or in a thread, fails the test suite.

PySide6 does not stop at such an exception: it prints it and carries on, so a window keeps working
while printing a traceback on every click, and nothing fails. The suite therefore fails:
- in its own process, on an exception PySide6 hands to sys.excepthook (pytest-qt's exception capture,
  which this plugin refuses to have turned off) and on one in a thread or in a __del__ (pytest's
  warnings about them become errors); one raised between tests fails the run at its end;
- in every Python process it starts (the real `python -m app`), through tests/child_process/
  sitecustomize.py, which makes such a process exit with status 70.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

import pytest

CHILD_PROCESS_HOOKS = Path(__file__).resolve().parent / "child_process"
_between_tests: list[str] = []


def _record_between_tests(
    kind: type[BaseException], value: BaseException, traceback: TracebackType | None
) -> None:
    """In place while no test runs (pytest-qt puts its own in place for each test, then this back)."""
    _between_tests.append(f"{kind.__name__}: {value}")
    sys.__excepthook__(kind, value, traceback)


def pytest_configure(config: pytest.Config) -> None:
    if config.getini("qt_no_exception_capture"):
        raise pytest.UsageError("qt_no_exception_capture would let exceptions in Qt slots pass unnoticed")
    for warning in ("PytestUnhandledThreadExceptionWarning", "PytestUnraisableExceptionWarning"):
        config.addinivalue_line("filterwarnings", f"error::pytest.{warning}")
    inherited = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(CHILD_PROCESS_HOOKS), *([inherited] if inherited else [])]
    )
    sys.excepthook = _record_between_tests


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    turned_off = [item.nodeid for item in items if item.get_closest_marker("qt_no_exception_capture")]
    if turned_off:
        raise pytest.UsageError(
            f"exceptions in Qt slots must fail the tests; capture turned off in {turned_off}"
        )


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _between_tests:
        print(f"\nUncaught exceptions outside any test: {_between_tests}", file=sys.stderr)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
