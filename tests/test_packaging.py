"""Desktop integration files pass their validators; the installation passes its self-test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.qt_errors import CHILD_PROCESS_HOOKS

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


def test_a_wheel_installed_in_a_clean_environment_has_its_catalogues_and_passes_its_self_test(
    tmp_path: Path,
) -> None:
    """`pip install` of the package, from a clean copy of the source: no catalogue compiled beforehand."""
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    assert not list((source / "resources" / "translations").glob("*.qm"))
    timings: dict[str, float] = {}
    started = time.perf_counter()
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", str(source), "-w", str(tmp_path / "dist")])
    timings["build the wheel"] = time.perf_counter() - started
    (wheel,) = (tmp_path / "dist").glob("policy_tracker-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        sizes = {info.filename: info.file_size for info in archive.infolist()}
    for language in ("en", "es"):
        assert sizes.get(f"app/resources_data/translations/policy_tracker_{language}.qm", 0) > 0, sorted(
            sizes
        )
    assert sizes.get("app/resources_data/locale/es/LC_MESSAGES/policy_tracker.mo", 0) > 0, sorted(sizes)

    started = time.perf_counter()
    environment = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(environment)])
    scripts = environment / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", str(wheel)])
    timings["install it with its dependencies"] = time.perf_counter() - started

    started = time.perf_counter()
    # Away from the checkout: the app comes from the environment, never from the source tree.
    outside = {**os.environ, "PYTHONPATH": str(CHILD_PROCESS_HOOKS), "QT_QPA_PLATFORM": "offscreen"}
    where = _run([str(python), "-c", "import app; print(app.__file__)"], cwd=tmp_path, env=outside)
    assert Path(where.stdout.strip()).is_relative_to(environment), where.stdout
    result = _run([str(scripts / "policy-tracker"), "--self-test"], cwd=tmp_path, env=outside)
    timings["self-test"] = time.perf_counter() - started
    assert "ok   spanish" in result.stdout and "self-test passed" in result.stdout, result.stdout
    print(", ".join(f"{step}: {seconds:.1f} s" for step, seconds in timings.items()))


# What a clean clone does not have: local environments, caches, build output, compiled catalogues.
NOT_SOURCE = (
    ".git",
    ".venv",
    "build",
    "dist",
    "*.qm",
    "*.mo",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
    ".cache",
)


def _run(
    command: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result
