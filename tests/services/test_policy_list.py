"""The list rows kept in `policy_list` (migration 0006) are exactly what the list queries used to
compute, after every kind of write: edits, trash and restore, purges, imports, the starter data,
writes the services never make, and upgrades from revision 0005."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from app.data.schema import HEAD_REVISION
from app.data.seeds import seed_id
from app.data.sqlite import migrate
from app.data.sqlite.db import make_engine
from app.data.sqlite.read import first_page, list_policies, rows_for_ids
from app.errors import InvalidInput, UserError
from app.services import editing
from app.services.bundle import write_bundle
from app.services.bundle_import import import_bundle
from app.services.csv_import import apply_csv_import, plan_csv_import
from app.services.inputs import EventInput, NoteInput, PolicyInput, RelationInput, SourceInput
from app.services.workspace import Workspace
from tests.conftest import FIXTURES
from tests.services.list_reference import assert_list_agrees, reference_list

ALPHA = seed_id("policy", "alpha")
BETA = seed_id("policy", "beta")
MEMO = seed_id("source", "memo-one")
RULING = seed_id("source", "ruling-one")


@pytest.mark.sqlite_only("checks SQLite's kept list rows (policy_list) against a reference query")
def test_every_service_write_keeps_the_rows_as_computed(small: Workspace) -> None:
    c = small.store.connection
    assert len(assert_list_agrees(c)) == 2  # the starter data loader's rows

    one, _ = editing.create_policy(small, PolicyInput(title="Quokka rules", aliases=["QR"], tags=["animals"]))
    two, _ = editing.create_policy(small, PolicyInput(title="quokka rules"))  # a tie in title
    assert_list_agrees(c)
    editing.update_policy(
        small, one, PolicyInput(title="Quokka rules, revised", slug="quokka-rules-revised", tags=["a", "b"])
    )
    editing.update_policy(small, two, PolicyInput(title="quokka rules", summary="Now about a wombat."))
    assert_list_agrees(c)

    first = editing.add_event(small, one, EventInput("2021-03", "in_effect", "The quokka rule begins."))
    assert_list_agrees(c)
    later = editing.add_event(small, one, EventInput("2022", "suspended", "", [MEMO]))  # links MEMO
    rows = {r.id: r for r in assert_list_agrees(c)}
    assert (rows[one].current_status, rows[one].last_change, rows[one].source_count) == (
        "suspended",
        "2022",
        1,
    )
    editing.update_event(small, later, EventInput("2020-12-31", "suspended", "Earlier after all.", [MEMO]))
    assert {r.id: r for r in assert_list_agrees(c)}[one].current_status == "in_effect"
    editing.set_trashed(small, "event", first, True)
    assert {r.id: r for r in assert_list_agrees(c)}[one].last_change == "2020-12-31"
    editing.set_trashed(small, "event", first, False)
    assert_list_agrees(c)
    editing.set_trashed(small, "event", later, True)
    editing.purge_event(small, later)
    assert_list_agrees(c)
    editing.set_trashed(small, "event", first, True)
    assert {r.id: r for r in assert_list_agrees(c)}[one].current_status is None

    note = editing.add_note(small, two, NoteInput("A quokka next to a wombat."))
    pinned = editing.add_note(small, ALPHA, NoteInput("Numbat.", ["x"], pinned=True))
    assert_list_agrees(c)
    editing.update_note(small, note, NoteInput("Nothing about animals.", ["y"]))
    editing.set_trashed(small, "note", pinned, True)
    assert {r.id: r for r in assert_list_agrees(c)}[ALPHA].note_count == 0
    editing.set_trashed(small, "note", pinned, False)
    assert_list_agrees(c)
    editing.set_trashed(small, "note", note, True)
    editing.purge_note(small, note)
    assert_list_agrees(c)

    source = editing.add_source(small, SourceInput(title="Wombat report", excerpts=["A bilby."]), two)
    spare = editing.add_source(small, SourceInput(title="Loose numbat notes"))
    assert_list_agrees(c)
    assert editing.link_source(small, one, source)
    assert editing.link_source(small, ALPHA, spare)
    assert_list_agrees(c)
    editing.set_trashed(small, "source", source, True)
    assert {r.id: r for r in assert_list_agrees(c)}[two].source_count == 0
    editing.update_source(small, RULING, SourceInput(title="A ruling, renamed", excerpts=["A quokka."]))
    editing.set_trashed(small, "source", source, False)
    assert_list_agrees(c)
    editing.unlink_source(small, one, source)
    with pytest.raises(InvalidInput):
        editing.unlink_source(small, ALPHA, MEMO)  # cited by an event of alpha
    assert_list_agrees(c)
    editing.set_trashed(small, "source", spare, True)
    editing.purge_source(small, spare)  # its link goes with it
    assert {r.id: r for r in assert_list_agrees(c)}[ALPHA].source_count == 2

    relation = editing.add_relation(small, one, RelationInput("related_to", two))
    editing.delete_relation(small, relation)
    assert_list_agrees(c)

    editing.set_trashed(small, "policy", two, True)
    assert two not in {r.id for r in assert_list_agrees(c)}
    editing.set_trashed(small, "policy", two, False)
    assert two in {r.id for r in assert_list_agrees(c)}
    editing.add_note(small, two, NoteInput("Kept."))
    editing.set_trashed(small, "policy", two, True)
    editing.purge(small, next(t for t in editing.list_trash(small) if t.id == two), with_notes=True)
    assert_list_agrees(c)
    editing.set_trashed(small, "policy", one, True)
    editing.purge_policy(small, one, with_notes=False)  # its events and links go by cascade
    assert {r.slug for r in assert_list_agrees(c)} == {"alpha", "beta"}
    # Undo re-creates rows under their old ids.
    editing.create_policy(small, PolicyInput(title="Quokka rules"), policy_id=one)
    editing.add_event(small, one, EventInput("2023", "proposed"), event_id=first)
    assert {r.id: r for r in assert_list_agrees(c)}[one].current_status == "proposed"


@pytest.mark.sqlite_only("checks SQLite's kept list rows (policy_list) against a reference query")
def test_imports_and_the_starter_data_keep_the_rows_as_computed(small: Workspace, tmp_path: Path) -> None:
    editing.add_note(small, ALPHA, NoteInput("A quokka.", pinned=True))
    editing.add_source(small, SourceInput(title="Wombat", excerpts=["bilby"]), BETA)
    bundle = tmp_path / "bundle.json"
    write_bundle(small, bundle)

    fresh = Workspace.open(tmp_path / "fresh.sqlite", starter_data=False)
    import_bundle(fresh, bundle)
    assert [r.slug for r in assert_list_agrees(fresh.store.connection)] == ["alpha", "beta"]
    import_bundle(fresh, bundle)  # a second merge changes nothing
    assert_list_agrees(fresh.store.connection)
    fresh.close()

    data = json.loads(bundle.read_text(encoding="utf-8"))
    alpha = next(p for p in data["policies"] if p["slug"] == "alpha")
    alpha["title"] = "Alpha, from the file"
    alpha["events"][-1]["status"] = "terminated"
    alpha["notes"] = []
    data["sources"][0]["title"] = "Retitled"
    bundle.write_text(json.dumps(data), encoding="utf-8")
    import_bundle(small, bundle)
    rows = {r.slug: r for r in assert_list_agrees(small.store.connection)}
    assert (rows["alpha"].title, rows["alpha"].current_status) == ("Alpha, from the file", "terminated")

    policies = tmp_path / "policies.csv"
    policies.write_text(
        "slug,title,aliases,jurisdiction,kind,current_status,status_since,summary,legal_basis,agencies,tags,"
        "sources,related\r\n"
        'gamma,Gamma quokka plan,G; GQ,Texas,State law,,,,,,"b, a",,\r\n'
        "beta,Beta renamed,,,,,,,,,,,\r\n",
        encoding="utf-8",
    )
    apply_csv_import(small, plan_csv_import(small, policies))
    events = tmp_path / "events.csv"
    events.write_text(
        "policy_slug,policy_title,date,date_precision,status,description,sources\r\n"
        "gamma,,2024-05,,Proposed,A wombat.,\r\n"
        "gamma,,2019,,Enacted,,\r\n"
        "beta,,2022-01-01,,Expired,,\r\n",
        encoding="utf-8",
    )
    apply_csv_import(small, plan_csv_import(small, events))
    rows = {r.slug: r for r in assert_list_agrees(small.store.connection)}
    assert (rows["gamma"].current_status, rows["beta"].current_status) == ("proposed", "expired")

    # The starter data changes under the workspace: untouched rows follow it, edited ones stay.
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "seeds_small", seeds)
    beta_file = seeds / "policies" / "beta.toml"
    text = beta_file.read_text(encoding="utf-8")
    beta_file.write_text(
        text
        + '\n[[event]]\nkey = "later"\ndate = "2023"\nstatus = "reinstated"\ndescription = "Back."\n'
        + 'sources = ["memo-one"]\n',
        encoding="utf-8",
    )
    small.seeds_root = seeds
    small.load_starter_data()
    rows = {r.slug: r for r in assert_list_agrees(small.store.connection)}
    assert rows["beta"].title == "Beta renamed"  # edited here, so kept
    assert rows["beta"].current_status == "reinstated"


def test_a_new_workspace_gets_its_rows_from_the_starter_data(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "w.sqlite", seeds_root=FIXTURES / "seeds_small")
    assert [r.slug for r in assert_list_agrees(workspace.store.connection)] == ["alpha", "beta"]
    workspace.close()


def test_the_real_starter_dataset_lists_as_computed(workspace: Workspace) -> None:
    rows = assert_list_agrees(workspace.store.connection, searches=("border", "court injunction", "asylum"))
    assert len(rows) > 10


def _execute(c: sqlite3.Connection, sql: str, *params: object) -> None:
    c.execute("PRAGMA foreign_keys = ON")
    with c:
        c.execute(sql, params)


@pytest.mark.sqlite_only("checks SQLite's kept list rows (policy_list) against a reference query")
def test_writes_the_services_never_make_keep_the_rows_as_computed(small: Workspace) -> None:
    """Raw SQL: moving notes, events and links between policies, bulk changes, cascades."""
    c = small.store.connection
    note = editing.add_note(small, ALPHA, NoteInput("A quokka."))
    events = [r[0] for r in c.execute("SELECT id FROM status_event WHERE policy_id = ?", (ALPHA,))]
    _execute(c, "UPDATE note SET policy_id = ? WHERE id = ?", BETA, note)
    assert_list_agrees(c)
    _execute(c, "UPDATE status_event SET policy_id = ? WHERE id = ?", BETA, events[0])
    assert_list_agrees(c)
    _execute(c, "UPDATE status_event SET deleted_at = '2024', position = position + 5")
    assert_list_agrees(c)
    _execute(
        c, "UPDATE status_event SET deleted_at = NULL, date_sort = '1999-01-01' WHERE id = ?", events[-1]
    )
    assert_list_agrees(c)
    _execute(
        c, "UPDATE policy_source SET policy_id = ? WHERE policy_id = ? AND source_id = ?", BETA, ALPHA, RULING
    )
    assert_list_agrees(c)
    _execute(c, "UPDATE source SET deleted_at = '2024'")
    assert all(r.source_count == 0 for r in assert_list_agrees(c))
    _execute(c, "UPDATE source SET deleted_at = '2025'")  # still in the trash
    _execute(c, "UPDATE source SET deleted_at = NULL WHERE id = ?", MEMO)
    assert_list_agrees(c)
    _execute(c, "UPDATE policy SET title = 'beta', tags = '[]', aliases = '[\"x\"]' WHERE id = ?", ALPHA)
    _execute(c, "UPDATE policy SET summary = 'quokka' WHERE id = ?", BETA)
    assert_list_agrees(c)
    _execute(c, "UPDATE policy SET deleted_at = '2024'")
    assert assert_list_agrees(c) == []
    _execute(c, "UPDATE policy SET deleted_at = NULL")
    assert_list_agrees(c)
    _execute(c, "DELETE FROM note")
    _execute(c, "DELETE FROM event_citation")
    _execute(c, "DELETE FROM figure")
    _execute(c, "DELETE FROM source WHERE id = ?", RULING)  # cascades to its links and excerpts
    assert_list_agrees(c)
    _execute(c, "DELETE FROM relation")
    _execute(c, "DELETE FROM policy WHERE id = ?", ALPHA)  # cascades to its events and links
    assert [r.slug for r in assert_list_agrees(c)] == ["beta"]
    _execute(
        c,
        "INSERT INTO policy (id, slug, title, aliases, jurisdiction, kind, summary, legal_basis, agencies, tags,"
        " origin, created_at, updated_at, deleted_at) SELECT ?, 'alpha', 'Alpha', '[]', 'texas', 'state_law',"
        " 'bilby', '', '[]', '[\"t\"]', 'user', '2020', '2020', NULL",
        ALPHA,
    )
    assert [r.slug for r in assert_list_agrees(c)] == ["alpha", "beta"]


# Each column a list row depends on, changed alone by raw SQL (the services change several at
# once): (table, column, new value, which row); each change alters some policy's list row.
_ONE_COLUMN = [
    ("policy", "slug", "slug || '-x'", "all"),
    ("policy", "title", "'A new title'", "all"),
    ("policy", "aliases", '\'["Q", "R"]\'', "all"),
    ("policy", "jurisdiction", "'mexico_federal'", "all"),
    ("policy", "kind", "'statute'", "all"),
    ("policy", "tags", "'[\"z\"]'", "all"),
    ("policy", "deleted_at", "'2024'", "all"),
    ("policy", "deleted_at", "NULL", "all"),
    ("status_event", "date_sort", "'2030-01-01'", "A"),  # A is the latest
    ("status_event", "date_sort", "'2030-01-01'", "B"),  # tied with A, B's later position wins
    ("status_event", "position", "50", "A"),  # A again
    ("status_event", "position", "50", "B"),  # tied again
    ("status_event", "created_at", "'2099'", "A"),  # A, made later
    ("status_event", "created_at", "'2999'", "B"),  # B
    ("status_event", "status", "'expired'", "B"),
    ("status_event", "date", "'2019-02'", "B"),
    ("status_event", "date_precision", "'day'", "B"),
    ("status_event", "deleted_at", "'2024'", "B"),  # A
    ("status_event", "deleted_at", "NULL", "B"),  # B
    ("note", "deleted_at", "'2024'", "all"),
    ("note", "deleted_at", "NULL", "all"),
    ("source", "deleted_at", "'2024'", "all"),
    ("source", "deleted_at", "NULL", "all"),
]


@pytest.mark.sqlite_only("checks SQLite's kept list rows (policy_list) against a reference query")
def test_each_column_a_row_depends_on_changed_alone_keeps_the_rows_as_computed(small: Workspace) -> None:
    c = small.store.connection
    editing.add_note(small, ALPHA, NoteInput("A quokka."))
    editing.add_event(small, ALPHA, EventInput("2019", "enacted"))
    events = {
        name: c.execute("SELECT rowid FROM status_event WHERE id = ?", (seed_id("event", key),)).fetchone()[0]
        for name, key in (("A", "alpha/start"), ("B", "alpha/blocked"))
    }
    before = assert_list_agrees(c, searches=("quokka",))
    for table, column, value, which in _ONE_COLUMN:
        targets = (
            [r[0] for r in c.execute(f"SELECT rowid FROM {table}")] if which == "all" else [events[which]]
        )
        for target in targets:
            _execute(c, f"UPDATE {table} SET {column} = {value} WHERE rowid = ?", target)
            after = assert_list_agrees(c, searches=("quokka",))
            assert after != before, (table, column, value)
            before = after
    gamma, _ = editing.create_policy(small, PolicyInput(title="Gamma"))
    for source in (MEMO, RULING):  # a link moved to another policy, then to another source
        _execute(
            c,
            "UPDATE policy_source SET policy_id = ? WHERE source_id = ? AND policy_id = ?",
            gamma,
            source,
            ALPHA,
        )
        assert_list_agrees(c, searches=("court",))
    _execute(
        c, "UPDATE policy_source SET source_id = ? WHERE source_id = ? AND policy_id = ?", RULING, MEMO, BETA
    )
    assert_list_agrees(c, searches=("court",))


# A workspace at revision 0005, with rows that exercise every part of a list row.
_ROWS_AT_0005 = """
INSERT INTO policy (id, slug, title, aliases, jurisdiction, kind, summary, legal_basis, agencies,
  tags, origin, created_at, updated_at, deleted_at) VALUES
  ('p1', 'one', 'One', '["Uno"]', 'texas', 'state_law', 'quokka', '', '[]', '["a", "b"]', 'user', '2020', '2020', NULL),
  ('p2', 'two', 'two', '[]', 'texas', 'state_law', '', '', '[]', '[]', 'user', '2020', '2020', NULL),
  ('p3', 'three', 'Two', '[]', 'texas', 'state_law', '', '', '[]', '[]', 'user', '2020', '2020', NULL),
  ('p4', 'four', 'Four', '[]', 'texas', 'state_law', 'quokka', '', '[]', '[]', 'user', '2020', '2020', '2021');
INSERT INTO source (id, title, publisher, authors, kind, language, issuer, note, origin, created_at,
  updated_at, deleted_at) VALUES
  ('s1', 'Wombat', '', '[]', 'news', 'en', '', '', 'user', '2020', '2020', NULL),
  ('s2', 'Quokka', '', '[]', 'news', 'en', '', '', 'user', '2020', '2020', '2021');
INSERT INTO excerpt (id, source_id, position, text) VALUES ('x1', 's1', 0, 'a quokka');
INSERT INTO policy_source (policy_id, source_id) VALUES ('p1', 's1'), ('p1', 's2'), ('p2', 's1'), ('p4', 's1');
INSERT INTO status_event (id, policy_id, date, date_precision, date_sort, position, status,
  description, origin, created_at, updated_at, deleted_at) VALUES
  ('e1', 'p1', '2020', 'year', '2020-01-01', 0, 'proposed', 'quokka', 'user', '2020', '2020', NULL),
  ('e2', 'p1', '2021-05', 'month', '2021-05-01', 1, 'in_effect', '', 'user', '2020', '2020', NULL),
  ('e3', 'p1', '2022', 'year', '2022-01-01', 2, 'terminated', '', 'user', '2020', '2020', '2023'),
  ('e4', 'p2', '2021', 'year', '2021-01-01', 3, 'enacted', '', 'user', '2020', '2020', NULL),
  ('e5', 'p2', '2021-01-01', 'day', '2021-01-01', 3, 'expired', '', 'user', '2021', '2020', NULL);
INSERT INTO note (id, policy_id, quote, body, tags, pinned, created_at, updated_at, deleted_at) VALUES
  ('n1', 'p1', '', 'the wombat', '[]', 0, '2020', '2020', NULL),
  ('n2', 'p1', '', 'gone', '[]', 0, '2020', '2020', '2021'),
  ('n3', 'p2', '', 'a wombat', '[]', 0, '2020', '2020', NULL);
"""


def _workspace_at_0005(path: Path) -> None:
    migrate.upgrade(path, "0005")
    connection = sqlite3.connect(path)
    connection.executescript(_ROWS_AT_0005)
    connection.commit()
    connection.close()


def test_an_upgrade_from_0005_fills_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "r5.sqlite"
    _workspace_at_0005(path)
    workspace = Workspace.open(path)
    c = workspace.store.connection
    assert c.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    rows = assert_list_agrees(c)
    assert [(r.slug, r.current_status, r.last_change, r.source_count, r.note_count) for r in rows] == [
        ("one", "in_effect", "2021-05", 1, 1),
        ("three", None, None, 0, 0),
        ("two", "expired", "2021-01-01", 1, 1),
    ]
    assert rows[0].aliases == ["Uno"] and rows[0].tags == ["a", "b"]
    assert sorted(r.slug for r in list_policies(c, "quokka")) == ["one", "two"]
    # Every policy has its number, the trashed one too (its documents keep their owners).
    assert {r[0] for r in c.execute("SELECT policy_id FROM policy_key")} == {"p1", "p2", "p3", "p4"}
    # The new triggers work on the upgraded file.
    editing.set_trashed(workspace, "policy", "p4", False)
    editing.add_note(workspace, "p4", NoteInput("Quokka."))
    assert [r.slug for r in assert_list_agrees(c)] == ["four", "one", "three", "two"]
    workspace.close()


def _schema(c: sqlite3.Connection) -> set[tuple[str, str, str]]:
    return {
        (r[0], r[1], " ".join(str(r[2]).split()))
        # sqlite_sequence: SQLite's own, made by migration 0008's AUTOINCREMENT; never dropped.
        for r in c.execute("SELECT type, name, sql FROM sqlite_master WHERE name <> 'sqlite_sequence'")
    }


def test_a_downgrade_to_0005_restores_its_schema_and_owners(tmp_path: Path) -> None:
    expected = tmp_path / "r5.sqlite"
    _workspace_at_0005(expected)
    path = tmp_path / "down.sqlite"
    _workspace_at_0005(path)
    migrate.upgrade(path)
    engine = make_engine(path)
    with engine.begin() as connection:
        from alembic import command

        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    engine.dispose()
    down, five = sqlite3.connect(path), sqlite3.connect(expected)
    assert _schema(down) == _schema(five)
    owners = "SELECT doc, kind, policy_id, source_id FROM search_owner ORDER BY 1, 3"
    assert down.execute(owners).fetchall() == five.execute(owners).fetchall()
    down.close()
    five.close()
    workspace = Workspace.open(path)  # and up again
    assert len(assert_list_agrees(workspace.store.connection)) == 3
    workspace.close()


@pytest.mark.sqlite_only("traces SQLite's statements")
def test_the_list_reads_the_kept_rows_only(small: Workspace) -> None:
    """No latest-event lookup or count per row any more: one table for the rows."""
    c = small.store.connection
    seen: list[str] = []
    c.set_trace_callback(seen.append)
    try:
        reference = reference_list(c)
        seen.clear()
        list_policies(c)
        first_page(c, 10)
        rows_for_ids(c, [r.id for r in reference])
        list_policies(c, "court")
    finally:
        c.set_trace_callback(None)
    for statement in seen:
        assert "status_event" not in statement and "note" not in statement.replace("note_count", "")


# Property test: any sequence of writes ------------------------------------------------------------

_TEMPLATE: dict[str, Path] = {}


def _template() -> Path:
    """An empty workspace at the current revision, made once and copied for each example."""
    if "path" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="policy-list-"))
        Workspace.open(folder / "template.sqlite", seeds_root=FIXTURES / "seeds_small").close()
        _TEMPLATE["path"] = folder / "template.sqlite"
    return _TEMPLATE["path"]


TITLES = st.sampled_from(["Quokka", "quokka", "Wombat rule", "Bilby", "numbat plan", "Äpfel", "zebra"])
DATES = st.sampled_from(["2020", "2020-01", "2020-01-01", "2021-06-15", "2019-12", "2021"])
STATUSES = st.sampled_from(["proposed", "in_effect", "blocked_by_court", "terminated", "reinstated"])
WORDS = st.sampled_from(["quokka", "wombat", "numbat", "bilby", "court program", "plain"])
TAGS = st.lists(st.sampled_from(["a", "b", "quokka"]), max_size=2)


class ListWrites(RuleBasedStateMachine):
    """Random writes through the services (and a few raw ones); after each, the rows agree."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="policy-list-case-"))
        path = self.folder / "w.sqlite"
        shutil.copyfile(_template(), path)
        self.ws = Workspace.open(path, seeds_root=FIXTURES / "seeds_small")
        self.policies = [ALPHA, BETA]
        self.sources = [MEMO, RULING]
        self.events = [r[0] for r in self.ws.store.connection.execute("SELECT id FROM status_event")]
        self.notes: list[str] = []

    def teardown(self) -> None:
        self.ws.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @initialize()
    def start(self) -> None:
        assert_list_agrees(self.ws.store.connection, searches=("quokka",))

    def _try(self, action: object, *args: object, **kwargs: object) -> object:
        from sqlalchemy.exc import IntegrityError

        try:
            return action(self.ws, *args, **kwargs)  # type: ignore[operator]
        except (UserError, IntegrityError):  # gone, in the trash, still cited…: nothing written
            return None

    @rule(title=TITLES, tags=TAGS, words=WORDS)
    def create_policy(self, title: str, tags: list[str], words: str) -> None:
        created = self._try(editing.create_policy, PolicyInput(title=title, tags=tags, summary=words))
        if created:
            self.policies.append(created[0])  # type: ignore[index]

    @rule(data=st.data())
    def update_policy(self, data: st.DataObject) -> None:
        """Some of the policy's fields changed, the others kept."""
        policy = data.draw(st.sampled_from(self.policies))
        try:
            current = editing.policy_input(self.ws, policy)
        except UserError:
            return
        changes = data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "title": TITLES,
                    "slug": st.sampled_from(["s-one", "s-two"]),
                    "aliases": TAGS,
                    "jurisdiction": st.sampled_from(["texas", "us_federal"]),
                    "kind": st.sampled_from(["statute", "other"]),
                    "summary": WORDS,
                    "tags": TAGS,
                },
            )
        )
        self._try(editing.update_policy, policy, dataclasses.replace(current, **changes))

    @rule(data=st.data(), date=DATES, status=STATUSES, words=WORDS, cite=st.booleans())
    def add_event(self, data: st.DataObject, date: str, status: str, words: str, cite: bool) -> None:
        policy = data.draw(st.sampled_from(self.policies))
        cited = [data.draw(st.sampled_from(self.sources))] if cite else []
        event = self._try(editing.add_event, policy, EventInput(date, status, words, cited))
        if event:
            self.events.append(event)  # type: ignore[arg-type]

    @precondition(lambda self: self.events)
    @rule(data=st.data(), date=DATES, status=STATUSES)
    def update_event(self, data: st.DataObject, date: str, status: str) -> None:
        event = data.draw(st.sampled_from(self.events))
        self._try(editing.update_event, event, EventInput(date, status, "changed"))

    @rule(data=st.data(), words=WORDS, tags=TAGS)
    def add_note(self, data: st.DataObject, words: str, tags: list[str]) -> None:
        policy = data.draw(st.sampled_from(self.policies))
        note = self._try(editing.add_note, policy, NoteInput(words, tags))
        if note:
            self.notes.append(note)  # type: ignore[arg-type]

    @precondition(lambda self: self.notes)
    @rule(data=st.data(), words=WORDS)
    def update_note(self, data: st.DataObject, words: str) -> None:
        self._try(editing.update_note, data.draw(st.sampled_from(self.notes)), NoteInput(words))

    @rule(data=st.data(), words=WORDS, linked=st.booleans())
    def add_source(self, data: st.DataObject, words: str, linked: bool) -> None:
        policy = data.draw(st.sampled_from(self.policies)) if linked else None
        source = self._try(editing.add_source, SourceInput(title=words, excerpts=[words, "plain"]), policy)
        if source:
            self.sources.append(source)  # type: ignore[arg-type]

    @rule(data=st.data(), words=WORDS)
    def update_source(self, data: st.DataObject, words: str) -> None:
        self._try(editing.update_source, data.draw(st.sampled_from(self.sources)), SourceInput(title=words))

    @rule(data=st.data(), link=st.booleans())
    def link_or_unlink(self, data: st.DataObject, link: bool) -> None:
        policy = data.draw(st.sampled_from(self.policies))
        source = data.draw(st.sampled_from(self.sources))
        self._try(editing.link_source if link else editing.unlink_source, policy, source)

    @rule(data=st.data(), kind=st.sampled_from(["policy", "event", "source", "note"]), trashed=st.booleans())
    def trash_or_restore(self, data: st.DataObject, kind: str, trashed: bool) -> None:
        pool = {"policy": self.policies, "event": self.events, "source": self.sources, "note": self.notes}[
            kind
        ]
        if pool:
            self._try(editing.set_trashed, kind, data.draw(st.sampled_from(pool)), trashed)

    @rule(data=st.data(), kind=st.sampled_from(["policy", "event", "source", "note"]))
    def purge(self, data: st.DataObject, kind: str) -> None:
        pool = {"policy": self.policies, "event": self.events, "source": self.sources, "note": self.notes}[
            kind
        ]
        if not pool:
            return
        entry = data.draw(st.sampled_from(pool))
        if kind == "policy":
            self._try(editing.purge_policy, entry, with_notes=True)
        else:
            self._try(
                {"event": editing.purge_event, "source": editing.purge_source, "note": editing.purge_note}[
                    kind
                ],
                entry,
            )

    @precondition(lambda self: self.notes or self.events)
    @rule(data=st.data(), kind=st.sampled_from(["note", "status_event"]))
    def move_to_another_policy(self, data: st.DataObject, kind: str) -> None:
        """Raw SQL: the services never move a note or an event, but nothing stops it."""
        pool = self.notes if kind == "note" else self.events
        if not pool:
            return
        entry = data.draw(st.sampled_from(pool))
        policy = data.draw(st.sampled_from(self.policies))
        with contextlib.suppress(sqlite3.IntegrityError):  # the policy was purged
            _execute(self.ws.store.connection, f"UPDATE {kind} SET policy_id = ? WHERE id = ?", policy, entry)

    @invariant()
    def rows_agree(self) -> None:
        assert_list_agrees(self.ws.store.connection, searches=("quokka", "wombat bilby"))


ListWrites.TestCase.settings = settings(
    max_examples=30,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
test_any_sequence_of_writes_keeps_the_rows_as_computed = ListWrites.TestCase
