"""The suite fails on an exception in a Qt slot, an event handler or a thread (tests/qt_errors.py).

Proved on a small test file run by a real pytest with the suite's plugin: each test that lets such an
exception go, which PySide6 would print and carry on from, fails; the quiet one passes.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import REPO
from tests.qt_errors import CHILD_PROCESS_HOOKS

RAISING_SLOT = textwrap.dedent(
    """
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    class Sender(QObject):
        happened = Signal()

    app = QApplication([])
    sender = Sender()
    sender.happened.connect(lambda: 1 / 0)
    sender.happened.emit()
    print("carried on")
    """
)

TESTS = textwrap.dedent(
    f"""
    import subprocess
    import sys
    import threading

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QWidget

    class Sender(QObject):
        happened = Signal()

    def test_slot(qapp):
        sender = Sender()
        sender.happened.connect(lambda: 1 / 0)
        sender.happened.emit()

    class Painted(QWidget):
        def paintEvent(self, event):
            raise ValueError("in paintEvent")

    def test_event_handler(qapp):
        widget = Painted()
        widget.show()
        QApplication.processEvents()
        widget.close()

    def test_thread():
        thread = threading.Thread(target=lambda: [][1])
        thread.start()
        thread.join()

    def test_child_process():
        subprocess.run([sys.executable, "-c", {RAISING_SLOT!r}], check=True)

    def test_quiet(qapp):
        sender = Sender()
        sender.happened.connect(lambda: None)
        sender.happened.emit()
    """
)


def _environment() -> dict[str, str]:
    """The environment without the suite's own child-process hook: the plugin must put it there."""
    environment = dict(os.environ)
    environment["PYTHONPATH"] = str(REPO)
    environment["QT_QPA_PLATFORM"] = "offscreen"
    return environment


def test_an_exception_in_a_slot_a_handler_or_a_thread_fails_the_test(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\nqt_api = pyside6\n", encoding="utf-8")
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["tests.qt_errors"]\n', encoding="utf-8")
    (tmp_path / "test_tiny.py").write_text(TESTS, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "test_tiny.py"],
        cwd=tmp_path,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 1, report
    for name in ("test_slot", "test_event_handler", "test_thread", "test_child_process"):
        assert f"FAILED test_tiny.py::{name}" in report, report
    assert "PASSED test_tiny.py::test_quiet" in report, report
    assert "ZeroDivisionError" in report and "in paintEvent" in report and "IndexError" in report


def test_a_process_the_suite_starts_fails_on_an_exception_in_a_slot() -> None:
    assert str(CHILD_PROCESS_HOOKS) in os.environ["PYTHONPATH"].split(os.pathsep)
    result = subprocess.run(
        [sys.executable, "-c", RAISING_SLOT], capture_output=True, text=True, timeout=60, check=False
    )
    assert "carried on" in result.stdout  # PySide6 went on after the exception...
    assert result.returncode == 70, result.stderr  # ...but the process does not pass for a good one
    assert "ZeroDivisionError" in result.stderr and "1 uncaught exception(s)" in result.stderr
