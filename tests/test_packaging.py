"""Desktop integration files pass their validators; the installation passes its self-test."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO

LINUX = REPO / "packaging" / "linux"


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed"
)
def test_the_desktop_file_is_valid() -> None:
    result = subprocess.run(
        ["desktop-file-validate", *map(str, LINUX.glob("*.desktop"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "error" not in result.stdout.lower(), result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_the_appstream_metainfo_is_valid() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", *map(str, LINUX.glob("*.metainfo.xml"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_the_self_test_passes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout and "FAIL" not in result.stdout
