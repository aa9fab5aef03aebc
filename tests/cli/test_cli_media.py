"""Odd file names, read-only media and damaged files, through the real `python -m app` process."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services import backups
from tests.conftest import REPO
from tests.damage import digest, garble_the_middle
from tests.read_only_media import read_only_copy, read_only_folder

SLUG = "bicentennial-framework"


def app(*argv: str) -> subprocess.CompletedProcess[str]:
    """One run of the real command line, as a person starts it (the test's private data folders)."""
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def assert_refused_in_one_line(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 1, result.stdout
    assert result.stdout == ""
    assert result.stderr.startswith("policy-tracker: error: ") and result.stderr.count("\n") == 1, (
        result.stderr
    )
    assert "Traceback" not in result.stderr and words in result.stderr


def policy_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM policy").fetchone()[0])
    finally:
        connection.close()


# 1. A "#", "?" or "%" in the name ------------------------------------------------------------
@pytest.mark.parametrize("name", ["Project #2", "what? now=1&x", "a%23b", "100% Política ñ 政策"])
def test_names_that_mean_something_in_a_uri_work_every_time(
    name: str, tmp_path: Path, starter_template: Path
) -> None:
    folder = tmp_path / "workspaces"
    folder.mkdir()
    path = folder / f"{name}.sqlite"
    shutil.copyfile(starter_template, path)
    for _ in range(2):  # it used to work once, then call the file "not a workspace"
        listed = app("list", "--workspace", str(path))
        assert listed.returncode == 0, listed.stderr
        assert SLUG in listed.stdout
    added = app("add-policy", "--title", "Added to an odd name", "--workspace", str(path))
    assert added.returncode == 0, added.stderr
    checked = app("check", "--workspace", str(path))
    assert checked.returncode == 0 and "no damage found" in checked.stdout, checked.stderr
    backed_up = app("backup", "--workspace", str(path))
    assert backed_up.returncode == 0, backed_up.stderr
    listed_backups = app("backup", "--list", "--workspace", str(path))
    assert "13 policies" in listed_backups.stdout, listed_backups.stdout
    assert "added-to-an-odd-name" in app("list", "--workspace", str(path)).stdout
    # Nothing was written beside it under a cut-off name ("Project "), and it is one file again.
    assert sorted(p.name for p in folder.iterdir()) == [path.name]
    assert policy_count(path) == 13


# 2. Read-only media -------------------------------------------------------------------------
@pytest.fixture
def read_only_mount(tmp_path: Path, starter_template: Path) -> Iterator[Path]:
    with read_only_copy(starter_template, tmp_path / "media") as path:
        yield path


def test_a_workspace_on_read_only_media_is_read_and_never_written(
    read_only_mount: Path, tmp_path: Path
) -> None:
    path = read_only_mount
    before = digest(path)
    ws = ("--workspace", str(path))
    listed = app("list", *ws)
    assert listed.returncode == 0 and SLUG in listed.stdout, listed.stderr
    assert app("list", "--search", "border", *ws).returncode == 0
    shown = app("show", SLUG, *ws)
    assert shown.returncode == 0 and "Bicentennial" in shown.stdout, shown.stderr
    assert app("notes", *ws).returncode == 0
    checked = app("check", *ws)
    assert checked.returncode == 0 and "no damage found" in checked.stdout, checked.stderr
    exported = app("export", "--format", "md", "-o", str(tmp_path / "out.md"), *ws)
    assert exported.returncode == 0 and "Bicentennial" in (tmp_path / "out.md").read_text(), exported.stderr
    drawn = app("timeline", "-o", str(tmp_path / "out.svg"), *ws)
    assert drawn.returncode == 0 and (tmp_path / "out.svg").read_text().startswith("<"), drawn.stderr
    backed_up = app("backup", *ws)  # a backup only reads the workspace
    assert backed_up.returncode == 0, backed_up.stderr
    assert [b.policies for b in backups.list_backups(path)] == [12]

    assert_refused_in_one_line(app("add-note", SLUG, "--text", "Not here", *ws), "read-only")
    assert_refused_in_one_line(app("add-policy", "--title", "Not here", *ws), "read-only")
    bundle = app("export", "--format", "json", "-o", str(tmp_path / "out.json"), *ws)
    assert bundle.returncode == 0, bundle.stderr
    assert_refused_in_one_line(app("import", str(tmp_path / "out.json"), *ws), "read-only")
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["workspace.sqlite"]


# 3. and 4. A damaged file -------------------------------------------------------------------
def test_a_damaged_workspace_refuses_writes_and_never_displaces_a_good_backup(
    workspace_path: Path, tmp_path: Path
) -> None:
    ws = ("--workspace", str(workspace_path))
    good = app("backup", *ws)
    assert good.returncode == 0, good.stderr
    [good_backup] = backups.list_backups(workspace_path)
    garble_the_middle(workspace_path)
    damaged = digest(workspace_path)

    # Writes are refused before anything is written; they used to succeed into the damage.
    assert_refused_in_one_line(app("add-note", SLUG, "--text", "Into the damage", *ws), "is damaged")
    assert_refused_in_one_line(app("add-policy", "--title", "Into the damage", *ws), "is damaged")
    # A backup of it is refused and not kept: it used to become the newest backup.
    assert_refused_in_one_line(app("backup", *ws), "is damaged")
    assert_refused_in_one_line(app("backup", "-o", str(tmp_path / "copy.sqlite"), *ws), "is damaged")
    assert not (tmp_path / "copy.sqlite").exists()
    assert [b.path for b in backups.list_backups(workspace_path)] == [good_backup.path]
    assert sorted(p.name for p in backups.backup_dir(workspace_path).iterdir()) == [good_backup.path.name]
    assert digest(workspace_path) == damaged

    # Reads that meet the damage say so in one line (they printed tracebacks).
    for command in (
        ("export", "--format", "md", "-o", str(tmp_path / "out.md")),
        ("export", "--format", "json", "-o", str(tmp_path / "out.json")),
        ("timeline", "-o", str(tmp_path / "out.svg")),
    ):
        assert_refused_in_one_line(app(*command, *ws), "is damaged")
    assert not any(tmp_path.glob("out.*"))

    # check: one line, the first problem and how many more; --verbose lists them all.
    checked = app("check", *ws)
    assert checked.returncode == 1 and checked.stdout == ""
    assert checked.stderr.count("\n") == 1, checked.stderr
    assert checked.stderr.startswith("policy-tracker: damaged: ") and "more problems)" in checked.stderr
    verbose = app("check", "--verbose", *ws)
    assert verbose.returncode == 1 and verbose.stderr.count("\n") > 2, verbose.stderr
    assert verbose.stderr.splitlines()[0] == checked.stderr.strip()
    assert digest(workspace_path) == damaged


def test_unsaved_changes_left_on_read_only_media_are_read_or_refused_in_words(
    tmp_path: Path, starter_template: Path
) -> None:
    """A workspace copied while open: with its -wal and -shm it reads whole; a -wal alone is refused."""

    def fill(folder: Path) -> None:
        shutil.copyfile(starter_template, folder / "open.sqlite")
        writer = sqlite3.connect(folder / "open.sqlite")
        writer.execute("PRAGMA journal_mode = WAL")
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE policy SET title = 'Changed in the WAL' WHERE slug = ?", (SLUG,))
        writer.commit()
        for suffix in ("", "-wal", "-shm"):  # copied while still open, as a killed app leaves it
            shutil.copyfile(folder / f"open.sqlite{suffix}", folder / f"whole.sqlite{suffix}")
        for suffix in ("", "-wal"):
            shutil.copyfile(folder / f"open.sqlite{suffix}", folder / f"no-index.sqlite{suffix}")
        writer.close()

    with read_only_folder(tmp_path / "media", fill) as folder:
        whole = app("show", SLUG, "--workspace", str(folder / "whole.sqlite"))
        assert whole.returncode == 0 and "Changed in the WAL" in whole.stdout, whole.stderr
        assert_refused_in_one_line(
            app("list", "--workspace", str(folder / "no-index.sqlite")),
            "unsaved changes in no-index.sqlite-wal",
        )
