"""Loaded by every Python process the test suite starts (tests/qt_errors.py puts this folder first
on PYTHONPATH): an exception nobody caught makes the process fail, even one PySide6 carried on from.

PySide6 hands an exception raised in a slot or an event handler to sys.excepthook, which prints it,
and then goes on as if nothing happened: the process still exits 0, so a test of the real
`python -m app` that checks the exit status passes over it. Here every exception that reaches
sys.excepthook or threading.excepthook is printed as usual and, at exit, turns the exit status
into UNCAUGHT_EXIT_STATUS, whatever the process would have returned.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from types import TracebackType

UNCAUGHT_EXIT_STATUS = 70  # EX_SOFTWARE: an internal error
_uncaught: list[str] = []
_print_exception = sys.excepthook
_print_thread_exception = threading.excepthook


def _record(kind: type[BaseException], value: BaseException, traceback: TracebackType | None) -> None:
    if not issubclass(kind, KeyboardInterrupt):  # an interrupted run is the person's choice, not a bug
        _uncaught.append(f"{kind.__name__}: {value}")
    _print_exception(kind, value, traceback)


def _record_thread(arguments: threading.ExceptHookArgs) -> None:
    if not issubclass(arguments.exc_type, SystemExit | KeyboardInterrupt):
        _uncaught.append(f"{arguments.exc_type.__name__}: {arguments.exc_value}")
    _print_thread_exception(arguments)


def _fail_if_anything_went_uncaught() -> None:
    if _uncaught:
        print(
            f"{len(_uncaught)} uncaught exception(s) in this process (first: {_uncaught[0]}); "
            f"exit status {UNCAUGHT_EXIT_STATUS}",
            file=sys.stderr,
        )
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        os._exit(UNCAUGHT_EXIT_STATUS)


sys.excepthook = _record
threading.excepthook = _record_thread
atexit.register(_fail_if_anything_went_uncaught)
