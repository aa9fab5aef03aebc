"""`policy-tracker notes`, and notes surviving an update of the starter data, end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.paths import seeds_dir
from tests.cli.helpers import assert_one_line_error, run


def _note(capsys: pytest.CaptureFixture[str], ws: Path, slug: str, text: str, *tags: str) -> None:
    argv = ["add-note", slug, "--text", text, "--workspace", str(ws)]
    for tag in tags:
        argv += ["--tag", tag]
    assert run(capsys, *argv)[0] == 0


def test_notes_lists_filters_and_prints_json(
    capsys: pytest.CaptureFixture[str], workspace_path: Path
) -> None:
    _note(capsys, workspace_path, "title-42", "Expulsion numbers by month", "data")
    _note(capsys, workspace_path, "texas-sb4", "Watch the en banc ruling", "court", "texas")
    code, out, _ = run(capsys, "notes", "--json", "--workspace", str(workspace_path))
    assert code == 0
    notes = json.loads(out)["notes"]
    assert [n["text"] for n in notes] == ["Watch the en banc ruling", "Expulsion numbers by month"]
    assert set(notes[0]) >= {"id", "policy", "text", "tags", "quote", "created", "updated"}
    assert notes[0]["policy"] == "texas-sb4" and notes[0]["tags"] == ["court", "texas"]
    code, out, _ = run(capsys, "notes", "--tag", "court", "--json", "--workspace", str(workspace_path))
    assert [n["policy"] for n in json.loads(out)["notes"]] == ["texas-sb4"]
    code, out, _ = run(capsys, "notes", "--search", "expulsion", "--workspace", str(workspace_path))
    assert "title-42" in out and "Expulsion numbers by month" in out and "texas-sb4" not in out
    code, out, _ = run(capsys, "notes", "--policy", "title-42", "--json", "--workspace", str(workspace_path))
    assert [n["policy"] for n in json.loads(out)["notes"]] == ["title-42"]
    code, out, _ = run(
        capsys, "list", "--search", "en banc ruling", "--json", "--workspace", str(workspace_path)
    )
    assert "texas-sb4" in [p["slug"] for p in json.loads(out)["policies"]]
    assert_one_line_error(
        *run(capsys, "notes", "--policy", "nope", "--workspace", str(workspace_path)),
        "No policy with the slug “nope”",
    )


def test_notes_on_starter_policies_survive_a_starter_data_update(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), seeds)
    monkeypatch.setattr("app.paths.seeds_dir", lambda: seeds)
    ws = tmp_path / "w.sqlite"
    _note(capsys, ws, "merida-initiative", "My reading of Mérida", "security")
    title_42 = seeds / "policies" / "title-42.toml"
    title_42.write_text(
        title_42.read_text(encoding="utf-8").replace(
            'title = "Title 42 expulsions"', 'title = "Title 42 expulsions (updated)"'
        ),
        encoding="utf-8",
    )
    merida = seeds / "policies" / "merida-initiative.toml"
    merida.write_text(
        merida.read_text(encoding="utf-8") + '\n[[event]]\nkey = "test-added"\ndate = "2022"\n'
        'status = "superseded"\ndescription = "Added by a newer dataset."\n'
        'sources = ["article-voa-2021-10-security-framework"]\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "list", "--json", "--workspace", str(ws))  # opening picks up the update
    assert code == 0
    titles = {p["slug"]: p["title"] for p in json.loads(out)["policies"]}
    assert titles["title-42"] == "Title 42 expulsions (updated)"
    code, out, _ = run(capsys, "show", "merida-initiative", "--workspace", str(ws))
    assert code == 0
    assert "Added by a newer dataset." in out and "My reading of Mérida" in out
    code, out, _ = run(capsys, "notes", "--json", "--workspace", str(ws))
    assert code == 0
    assert [n["text"] for n in json.loads(out)["notes"]] == ["My reading of Mérida"]
