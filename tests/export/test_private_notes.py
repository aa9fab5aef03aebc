"""Personal notes leave the workspace only when asked (--include-notes), in every format, and
then under a "Personal notes" label; a bundle sent without them imports without touching them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import docx
import pytest

from tests.cli.helpers import cli, table_rows

SECRET = "PRIVATE-THOUGHT about the **source** <https://example.org/tip>"


@pytest.fixture
def with_note(tmp_path: Path, workspace_path: Path) -> str:
    added = cli(tmp_path, "add-note", "title-42", "--workspace", str(workspace_path), stdin=SECRET)
    assert added.returncode == 0, added.stderr
    return str(workspace_path)


def _export(tmp_path: Path, ws: str, fmt: str, name: str, *extra: str) -> Path:
    target = tmp_path / f"{name}.{fmt}"
    done = cli(tmp_path, "export", "--format", fmt, "-o", str(target), "--workspace", ws, *extra)
    assert done.returncode == 0, done.stderr
    return target


def test_a_bundle_leaves_notes_out_unless_asked(tmp_path: Path, with_note: str) -> None:
    without = json.loads(_export(tmp_path, with_note, "json", "plain").read_text(encoding="utf-8"))
    assert "PRIVATE-THOUGHT" not in json.dumps(without)
    assert all("notes" not in p for p in without["policies"])
    asked = json.loads(
        _export(tmp_path, with_note, "json", "mine", "--include-notes").read_text(encoding="utf-8")
    )
    (title_42,) = [p for p in asked["policies"] if p["slug"] == "title-42"]
    assert [n["body"] for n in title_42["notes"]] == [SECRET]


def test_importing_a_bundle_sent_without_notes_keeps_them(tmp_path: Path, with_note: str) -> None:
    bundle = _export(tmp_path, with_note, "json", "plain")
    before = table_rows(Path(with_note))
    imported = cli(tmp_path, "import", str(bundle), "--workspace", with_note)
    assert imported.stdout == f"Imported {bundle}: nothing to change\n", imported.stdout + imported.stderr
    assert table_rows(Path(with_note)) == before
    assert [n[5] for n in before["note"]] == [SECRET]  # the note is still there (body column)


def _texts(tmp_path: Path, ws: str, name: str, *extra: str) -> dict[str, str]:
    texts = {}
    for fmt in ("md", "html", "docx", "csv"):
        target = _export(tmp_path, ws, fmt, name, "--policy", "title-42", *extra)
        if fmt == "docx":
            texts[fmt] = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
        elif fmt == "csv":
            texts[fmt] = "\n".join(p.read_text(encoding="utf-8-sig") for p in tmp_path.glob(f"{name}*.csv"))
        else:
            texts[fmt] = target.read_text(encoding="utf-8")
    return texts


def test_every_format_shows_notes_only_when_asked_and_labels_them(tmp_path: Path, with_note: str) -> None:
    for fmt, text in _texts(tmp_path, with_note, "plain").items():
        assert "PRIVATE-THOUGHT" not in text and "Personal notes" not in text, fmt
    assert not (tmp_path / "plain-personal-notes.csv").exists()
    for fmt, text in _texts(tmp_path, with_note, "asked", "--include-notes").items():
        assert "PRIVATE-THOUGHT" in text, fmt
        if fmt != "csv":
            assert "Personal notes" in text, fmt
    with (tmp_path / "asked-personal-notes.csv").open(encoding="utf-8-sig", newline="") as stream:
        (row,) = list(csv.DictReader(stream))
    assert row["policy_slug"] == "title-42" and row["personal_note"] == SECRET
