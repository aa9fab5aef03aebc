"""Property tests: whatever a file holds, importing it never crashes and never leaves partial data."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import UserError
from app.services.bundle_import import import_bundle
from app.services.workspace import Workspace

TABLES = ("policy", "status_event", "source", "excerpt", "note", "relation", "figure", "event_citation")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=25,
)
ids = st.one_of(st.uuids().map(str), st.text(max_size=12))
dates = st.one_of(
    st.sampled_from(["2020", "2020-02", "2020-02-29", "2021-02-29", "2020-13", "", "yesterday"]),
    st.text(max_size=12),
)
events = st.fixed_dictionaries(
    {
        "id": ids,
        "date": dates,
        "status": st.sampled_from(["in_effect", "Paused", ""]),
        "description": st.text(max_size=40),
        "source_ids": st.lists(ids, max_size=2),
    }
)
policies = st.fixed_dictionaries(
    {
        "id": ids,
        "slug": st.one_of(st.sampled_from(["a", "b", "title-42"]), st.text(max_size=10)),
        "title": st.text(max_size=30),
        "events": st.lists(events, max_size=3),
    },
    optional={
        "notes": st.lists(st.fixed_dictionaries({"id": ids, "body": st.text(max_size=20)}), max_size=2),
        "jurisdiction": st.sampled_from(["texas", "Texas", "Mars"]),
    },
)
bundles = st.fixed_dictionaries(
    {
        "format": st.just("policy-tracker-bundle"),
        "format_version": st.sampled_from([1, 1, 2, 0, "1"]),
        "policies": st.lists(policies, max_size=3),
    },
    optional={"sources": st.lists(json_values, max_size=2), "relations": json_values, "figures": json_values},
)


def _counts(path: Path) -> list[int]:
    with sqlite3.connect(path) as connection:
        return [connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(bundles, json_values))
def test_any_file_is_imported_whole_or_refused_in_words(
    content: object, workspace_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / f"{uuid.uuid4()}.json"
    path.write_text(json.dumps(content))
    workspace = Workspace.open(workspace_path)
    before = _counts(workspace_path)
    try:
        import_bundle(workspace, path)
    except UserError as error:
        assert str(error)  # refused, in words
        assert _counts(workspace_path) == before  # and nothing was written
    finally:
        workspace.close()
    with sqlite3.connect(workspace_path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300))
def test_any_bytes_are_refused_in_words(raw: bytes, workspace_path: Path, tmp_path: Path) -> None:
    path = tmp_path / f"{uuid.uuid4()}.json"
    path.write_bytes(raw)
    workspace = Workspace.open(workspace_path)
    before = _counts(workspace_path)
    try:
        import_bundle(workspace, path)
    except UserError:
        pass
    finally:
        workspace.close()
    assert _counts(workspace_path) == before
