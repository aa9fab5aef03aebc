"""The team suite runs the command line's main() in-process too (tests/team/command_line.py); its
workspaces come from tests/team/workspace_fixtures.py, shared with the window's and end-to-end tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.team import command_line


@pytest.fixture(autouse=True)
def _command_line_in_process(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    command_line._capture.append((capsys, monkeypatch))
    yield
    command_line._capture.pop()
