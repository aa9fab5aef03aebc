"""The JSON bundle: a full-fidelity round trip, idempotent merges, and bad files refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.data.seeds import seed_id
from app.data.tables import Note
from app.errors import InvalidInput, NotFound
from app.services.bundle import FORMAT_VERSION, build_bundle, without_history, write_bundle
from app.services.bundle_import import import_bundle
from app.services.workspace import Workspace


def _with_note(workspace: Workspace) -> None:
    with workspace.session() as session:
        session.add(
            Note(
                policy_id=seed_id("policy", "alpha"),
                body="**Check** the ruling",
                tags=["court"],
                pinned=True,
                event_id=seed_id("event", "alpha/blocked"),
                source_id=seed_id("source", "ruling-one"),
                quote="enjoined",
            )
        )


def _table_counts(workspace: Workspace) -> dict[str, int]:
    tables = ["policy", "status_event", "source", "excerpt", "note", "relation", "figure", "event_citation"]
    with workspace.session() as session:  # through the store, whichever backend holds the workspace
        return {t: session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}


def test_export_then_import_into_an_empty_workspace_compares_equal(
    small: Workspace, empty_workspace: Workspace, tmp_path: Path
) -> None:
    _with_note(small)
    file = tmp_path / "bundle.json"
    assert write_bundle(small, file) == 2
    import_bundle(empty_workspace, file)
    # Each workspace has its own history (the import is recorded as an import): the rest is equal.
    assert without_history(build_bundle(empty_workspace)) == without_history(build_bundle(small))
    assert _table_counts(empty_workspace) == _table_counts(small)


def test_the_bundle_has_the_documented_shape(small: Workspace) -> None:
    bundle = build_bundle(small)
    assert bundle["format_version"] == FORMAT_VERSION
    alpha = next(p for p in bundle["policies"] if p["slug"] == "alpha")
    assert alpha["current_status"] == "blocked_by_court"
    assert [(e["date"], e["date_precision"]) for e in alpha["events"]] == [
        ("2020-01-15", "day"),
        ("2021-06", "month"),
    ]
    assert all(e["source_ids"] for e in alpha["events"])
    source_ids = {s["id"] for s in bundle["sources"]}
    assert {sid for e in alpha["events"] for sid in e["source_ids"]} <= source_ids
    assert bundle["relations"] == [
        {
            "id": seed_id("relation", "alpha/related_to/beta"),
            "from": "alpha",
            "to": "beta",
            "kind": "related_to",
            "note": "",
        }
    ]
    assert bundle["figures"][0]["value"] == 1200


def test_exporting_one_policy_keeps_only_its_sources(small: Workspace) -> None:
    bundle = build_bundle(small, ["beta"])
    assert [p["slug"] for p in bundle["policies"]] == ["beta"]
    assert [s["title"] for s in bundle["sources"]] == ["A memo"]
    assert bundle["relations"] == []  # the other end is not in the bundle
    with pytest.raises(NotFound, match="no-such"):
        build_bundle(small, ["no-such"])


def test_importing_twice_changes_nothing(
    small: Workspace, empty_workspace: Workspace, tmp_path: Path
) -> None:
    file = tmp_path / "bundle.json"
    write_bundle(small, file)
    import_bundle(empty_workspace, file)
    first = build_bundle(empty_workspace)
    report = import_bundle(empty_workspace, file)
    assert report.added == {} and report.updated == {}
    assert build_bundle(empty_workspace) == first


def test_import_merges_by_slug_and_updates_changed_fields(small: Workspace, tmp_path: Path) -> None:
    bundle = build_bundle(small, ["beta"])
    bundle["policies"][0]["id"] = "0b2c8f55-5b7c-4c1e-9b61-0f5d3c7d2a11"  # another workspace's id
    bundle["policies"][0]["summary"] = "Updated elsewhere."
    file = tmp_path / "b.json"
    file.write_text(json.dumps(bundle))
    report = import_bundle(small, file)
    assert report.updated == {"policies": 1}
    rows = small.store.connection.execute("SELECT id, summary FROM policy WHERE slug = 'beta'").fetchall()
    assert [tuple(r) for r in rows] == [(seed_id("policy", "beta"), "Updated elsewhere.")]


def _bad(tmp_path: Path, content: str | bytes) -> Path:
    file = tmp_path / "bad.json"
    file.write_bytes(content if isinstance(content, bytes) else content.encode())
    return file


def _valid(small: Workspace) -> dict[str, Any]:
    bundle = build_bundle(small)
    bundle["policies"].append(
        {
            **bundle["policies"][0],
            "id": "0b2c8f55-5b7c-4c1e-9b61-0f5d3c7d2a12",
            "slug": "gamma",
            "events": [],
            "notes": [],
        }
    )
    return bundle


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda b: b.update(format="something-else"), "is not a Policy Tracker bundle"),
        (lambda b: b.update(format_version=FORMAT_VERSION + 1), "newer version of Policy Tracker"),
        (lambda b: b["policies"][2].update(title=" "), "policies[3].title: must not be empty"),
        (
            lambda b: b["policies"][0]["events"][1].update(date="2021-02-30"),
            "policies[1].events[2].date: “2021-02-30” is not a real date",
        ),
        (lambda b: b["policies"][0]["events"][0].update(status="paused"), "policies[1].events[1].status"),
        (lambda b: b["sources"][0].update(url="javascript:alert(1)"), "sources[1].url"),
        (lambda b: b["relations"][0].update(to="nowhere"), "relations[1].to: no policy “nowhere”"),
        (
            lambda b: b["policies"][0]["events"][0].update(
                source_ids=["0b2c8f55-5b7c-4c1e-9b61-0f5d3c7d2a99"]
            ),
            "policies[1].events[1].source_ids: cites source",
        ),
    ],
)
def test_a_bad_bundle_is_refused_and_changes_nothing(
    small: Workspace, empty_workspace: Workspace, tmp_path: Path, mutate: Any, message: str
) -> None:
    bundle = _valid(small)
    mutate(bundle)
    file = _bad(tmp_path, json.dumps(bundle))
    before = _table_counts(empty_workspace)
    with pytest.raises(
        InvalidInput,
        match=message.replace("[", r"\[").replace("]", r"\]").replace("(", r"\(").replace(")", r"\)"),
    ) as caught:
        import_bundle(empty_workspace, file)
    assert str(file) in str(caught.value)
    assert _table_counts(empty_workspace) == before


@pytest.mark.parametrize("content", [b"", b"not json at all", b"\xff\xfe\x00", b"[1, 2, 3]", b'{"a": 1}'])
def test_a_file_that_is_not_a_bundle_is_refused(
    empty_workspace: Workspace, tmp_path: Path, content: bytes
) -> None:
    with pytest.raises(InvalidInput, match="not a Policy Tracker bundle"):
        import_bundle(empty_workspace, _bad(tmp_path, content))


def test_the_bundle_carries_the_history_of_its_policies_but_not_of_notes_left_out(
    small: Workspace, tmp_path: Path
) -> None:
    from app.services import editing
    from app.services.inputs import NoteInput, PolicyInput

    beta = seed_id("policy", "beta")
    editing.update_policy(small, beta, PolicyInput(title="Beta renamed", slug="beta"))
    editing.add_note(small, beta, NoteInput(body="A private hunch"))
    bundle = build_bundle(small, ["beta"])
    summaries = [c["summary"] for c in bundle["changes"]]
    assert any(s.startswith("Changed policy “Beta renamed”: title") for s in summaries)
    assert "Added note “A private hunch”" in summaries
    assert all("beta" in c["policies"] for c in bundle["changes"])  # alpha's own stay out
    shared = build_bundle(small, ["beta"], include_notes=False)
    assert not [c for c in shared["changes"] if c["kind"] == "note"]
    assert "A private hunch" not in json.dumps(shared)
    file = tmp_path / "with-history.json"
    write_bundle(small, file, ["beta"])
    assert json.loads(file.read_text(encoding="utf-8"))["changes"] == json.loads(
        json.dumps(bundle["changes"])
    )
