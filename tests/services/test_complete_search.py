"""The complete search maps matches to policies through `search_owner` (migration 0005), and finds
exactly what a search through the documents and their own tables finds, whatever was edited."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.data.sqlite import migrate, read
from app.services import editing
from app.services.inputs import EventInput, NoteInput, PolicyInput, SourceInput
from app.services.workspace import Workspace
from tests.services.list_reference import reference_search

SEARCHES = ["quokka", "wombat", "quok wom", "numbat", "bilby"]


def _reference(connection: sqlite3.Connection, text: str) -> list[str]:
    """The slugs the search finds by its definition (every match looked up in its own table)."""
    return [row.slug for row in reference_search(connection, text)]


def _found(connection: sqlite3.Connection, text: str) -> list[str]:
    return [r.slug for r in read.list_policies(connection, text)]


def _agree(connection: sqlite3.Connection) -> dict[str, list[str]]:
    """Each search's slugs, best first, after checking them against the reference."""
    results = {}
    for text in SEARCHES:
        results[text] = _found(connection, text)
        assert results[text] == _reference(connection, text), text
    return results


@pytest.mark.sqlite_only("compares SQLite's FTS5 search with a reference query over SQLite's own tables")
def test_the_complete_search_agrees_with_the_reference_through_edits(small: Workspace) -> None:
    c = small.store.connection
    one, _ = editing.create_policy(small, PolicyInput(title="First marsupial", summary="A bilby."))
    two, _ = editing.create_policy(small, PolicyInput(title="Second marsupial"))
    three, _ = editing.create_policy(small, PolicyInput(title="Third marsupial"))
    event = editing.add_event(small, one, EventInput("2021-03", "in_effect", "The quokka rule begins."))
    note = editing.add_note(small, two, NoteInput("A quokka next to a wombat."))
    source = editing.add_source(
        small, SourceInput(title="Wombat report", excerpts=["Every quokka counted.", "Numbat too."]), three
    )
    found = _agree(c)
    assert set(found["quokka"]) == {"first-marsupial", "second-marsupial", "third-marsupial"}
    assert set(found["wombat"]) == {"second-marsupial", "third-marsupial"}
    assert found["quok wom"] == ["second-marsupial"]  # every word in one and the same document
    assert found["numbat"] == ["third-marsupial"]
    assert found["bilby"] == ["first-marsupial"]

    editing.set_trashed(small, "note", note, True)
    assert "second-marsupial" not in _agree(c)["quokka"]
    editing.set_trashed(small, "note", note, False)
    assert "second-marsupial" in _agree(c)["quokka"]

    editing.set_trashed(small, "source", source, True)  # its excerpts go with it
    assert _agree(c)["numbat"] == []
    editing.set_trashed(small, "source", source, False)
    assert _agree(c)["numbat"] == ["third-marsupial"]

    editing.set_trashed(small, "event", event, True)
    assert "first-marsupial" not in _agree(c)["quokka"]
    editing.set_trashed(small, "event", event, False)
    editing.update_event(small, event, EventInput("2021-03", "in_effect", "Now about a numbat."))
    assert set(_agree(c)["numbat"]) == {"first-marsupial", "third-marsupial"}

    assert editing.link_source(small, one, source)
    assert set(_agree(c)["wombat"]) == {"first-marsupial", "second-marsupial", "third-marsupial"}
    editing.unlink_source(small, three, source)
    assert "third-marsupial" not in _agree(c)["numbat"]

    editing.update_source(small, source, SourceInput(title="Plain report", excerpts=["Only a bilby."]))
    assert "first-marsupial" not in _agree(c)["wombat"]
    assert set(_found(c, "bilby")) == {"first-marsupial"}

    editing.update_note(small, note, NoteInput("Nothing about animals."))
    assert "second-marsupial" not in _agree(c)["quokka"]

    editing.set_trashed(small, "policy", one, True)
    assert _agree(c)["bilby"] == []
    editing.set_trashed(small, "policy", one, False)
    assert _agree(c)["bilby"] == ["first-marsupial"]
    editing.set_trashed(small, "policy", one, True)
    editing.purge(small, next(t for t in editing.list_trash(small) if t.id == one))
    _agree(c)
    owners = "SELECT count(*) FROM search_owner o JOIN policy_key k ON k.num = o.num WHERE k.policy_id = ?"
    assert c.execute(owners, (one,)).fetchone()[0] == 0
    editing.purge_source(small, source)
    _agree(c)
    assert c.execute("SELECT count(*) FROM search_owner WHERE source_id = ?", (source,)).fetchone()[0] == 0


@pytest.mark.sqlite_only("traces SQLite's statements")
def test_the_complete_search_does_not_look_up_each_match_in_search_doc(small: Workspace) -> None:
    """One narrow join per match: neither the documents (with their text) nor excerpts are read."""
    c = small.store.connection
    seen: list[str] = []
    c.set_trace_callback(seen.append)
    try:
        read.list_policies(c, "court")
    finally:
        c.set_trace_callback(None)
    statement = next(s for s in seen if "search_fts MATCH" in s)
    table_of_page = {int(r[0]): str(r[1]) for r in c.execute("SELECT rootpage, tbl_name FROM sqlite_master")}
    opened = {
        table_of_page.get(int(r[3]), "?")
        for r in c.execute(f"EXPLAIN {statement}")
        if r[1] == "OpenRead" and r[4] == 0  # b-trees of the main database, by root page
    }
    assert "search_owner" in opened
    assert not opened & {"search_doc", "excerpt"}


def test_an_older_workspace_gets_its_search_owners_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "r4.sqlite"
    migrate.upgrade(path, "0004")
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        INSERT INTO policy (id, slug, title, aliases, jurisdiction, kind, summary, legal_basis, agencies,
          tags, origin, created_at, updated_at, deleted_at) VALUES
          ('p1', 'one', 'One', '[]', 'texas', 'state_law', 'quokka', '', '[]', '[]', 'user', '2020', '2020', NULL),
          ('p2', 'two', 'Two', '[]', 'texas', 'state_law', '', '', '[]', '[]', 'user', '2020', '2020', NULL),
          ('p3', 'three', 'Three', '[]', 'texas', 'state_law', '', '', '[]', '[]', 'user', '2020', '2020', NULL),
          ('p4', 'four', 'Four', '[]', 'texas', 'state_law', '', '', '[]', '[]', 'user', '2020', '2020', NULL);
        INSERT INTO source (id, title, publisher, authors, kind, language, issuer, note, origin, created_at,
          updated_at, deleted_at) VALUES
          ('s1', 'Wombat', '', '[]', 'news', 'en', '', '', 'user', '2020', '2020', NULL),
          ('s2', 'Quokka', '', '[]', 'news', 'en', '', '', 'user', '2020', '2020', '2021');
        INSERT INTO excerpt (id, source_id, position, text) VALUES ('x1', 's1', 0, 'a quokka');
        INSERT INTO policy_source (policy_id, source_id) VALUES ('p2', 's1'), ('p3', 's1'), ('p4', 's2');
        INSERT INTO status_event (id, policy_id, date, date_precision, date_sort, position, status,
          description, origin, created_at, updated_at, deleted_at) VALUES
          ('e1', 'p4', '2020', 'year', '2020', 0, 'in_effect', 'quokka', 'user', '2020', '2020', '2021');
        INSERT INTO note (id, policy_id, quote, body, tags, pinned, created_at, updated_at, deleted_at)
          VALUES ('n1', 'p4', '', 'the wombat', '[]', 0, '2020', '2020', NULL);
        """
    )
    connection.commit()
    connection.close()
    workspace = Workspace.open(path)
    c = workspace.store.connection
    assert sorted(_found(c, "quokka")) == ["one", "three", "two"]  # not four: its hits are trashed
    assert sorted(_found(c, "wombat")) == ["four", "three", "two"]
    for text in ("quokka", "wombat"):
        assert _found(c, text) == _reference(c, text)
    workspace.close()
