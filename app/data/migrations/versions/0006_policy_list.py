"""each live policy's list row kept ready, and search matches grouped by a number per policy

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23

`policy_key` gives every policy id the workspace has held a number of its own, for good (an
INTEGER PRIMARY KEY, which VACUUM keeps; rows are never deleted, so a number is never reused).

`search_owner` (migration 0005) now names a document's policies by that number instead of by
their text id: the complete search groups 100,000s of matches by policy, and integers are
cheaper to sort and to join on. It is rebuilt from its 0005 contents, with the same triggers
otherwise.

`policy_list` holds one row per live policy with exactly what the policy list shows: the
policy's listed fields, its latest live status event (status, date, precision), how many of
its links lead to a source that is not in the trash, and how many of its notes are not in the
trash. The list, its first page, the rows for given ids and the complete search read it with
a plain join instead of finding the latest event and counting links and notes for every row.
Triggers keep it in step; a change recomputes what it touches, for the policies concerned,
from the same definitions the list query used on every read, so a row cannot drift:
  - policy: insert, delete, and changes of a listed field or of `deleted_at` (a policy in the
    trash has no row; one taken out of it gets its row recomputed whole);
  - status_event: insert, delete, and changes of what picks the latest event or is shown of
    it, of its policy or of `deleted_at`;
  - note: insert, delete, changes of its policy or of `deleted_at`;
  - policy_source: link, unlink, and changes of either side;
  - source: into or out of the trash (and a change of id), for every policy linked to it.
Foreign-key cascades (purging a policy or a source) fire these triggers too. SQLite skips
delete triggers only for rows removed by REPLACE conflict resolution without
recursive_triggers; nothing writes these tables with REPLACE.

Every trigger that needs a policy's number first gives the policy one if it has none, so
nothing depends on the order in which SQLite runs the triggers of one statement.
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _numbered(select: str) -> str:
    """Give a number to each policy id that `select` yields and that has none yet."""
    return f"INSERT OR IGNORE INTO policy_key (policy_id) {select}"


# search_owner ---------------------------------------------------------------------------------

# kind -> (tables, policy expression, source expression, condition); {ref} is the document's
# ref_id. As in 0005: a policy's own document, its live events and notes, and the sources (and
# their excerpts) linked to it.
_OWNERS = {
    "policy": ("policy t", "t.id", "NULL", "t.id = {ref}"),
    "event": ("status_event t", "t.policy_id", "NULL", "t.id = {ref} AND t.deleted_at IS NULL"),
    "note": ("note t", "t.policy_id", "NULL", "t.id = {ref} AND t.deleted_at IS NULL"),
    "source": ("policy_source t", "t.policy_id", "t.source_id", "t.source_id = {ref}"),
    "excerpt": (
        "excerpt x JOIN policy_source t ON t.source_id = x.source_id",
        "t.policy_id",
        "t.source_id",
        "x.id = {ref}",
    ),
}

# The documents of a source and of its excerpts, for a link between a policy and that source.
# CROSS JOIN keeps excerpts outermost: without statistics (a new file) SQLite would otherwise
# scan every excerpt document for each link.
_LINKED_DOCUMENTS = """
SELECT d.rowid, d.kind, {number}, {link}.source_id FROM search_doc d
 WHERE d.kind = 'source' AND d.ref_id = {link}.source_id
UNION ALL
SELECT d.rowid, d.kind, {number}, {link}.source_id FROM excerpt x
  CROSS JOIN search_doc d ON d.kind = 'excerpt' AND d.ref_id = x.id
 WHERE x.source_id = {link}.source_id
"""

_INSERT_OWNER = "INSERT OR IGNORE INTO search_owner (doc, kind, num, source_id)"


def _number_of(policy: str) -> str:
    return f"(SELECT num FROM policy_key WHERE policy_id = {policy})"


def _link(link: str) -> list[str]:
    return [
        _numbered(f"VALUES ({link}.policy_id)"),
        f"{_INSERT_OWNER} {_LINKED_DOCUMENTS.format(link=link, number=_number_of(f'{link}.policy_id'))}",
    ]


_UNLINK = f"DELETE FROM search_owner WHERE source_id = old.source_id AND num = {_number_of('old.policy_id')}"


def _owner_triggers() -> dict[str, tuple[str, list[str]]]:
    triggers = {}
    for kind, (tables, policy, source, condition) in _OWNERS.items():
        where = condition.format(ref="new.ref_id")
        triggers[f"search_owner_{kind}_ai"] = (
            f"AFTER INSERT ON search_doc WHEN new.kind = '{kind}'",
            [
                _numbered(f"SELECT {policy} FROM {tables} WHERE {where}"),
                f"{_INSERT_OWNER} SELECT new.rowid, '{kind}', k.num, {source}"
                f" FROM {tables} JOIN policy_key k ON k.policy_id = {policy} WHERE {where}",
            ],
        )
    triggers["search_owner_ad"] = (
        "AFTER DELETE ON search_doc",
        ["DELETE FROM search_owner WHERE doc = old.rowid"],
    )
    triggers["search_owner_link_ai"] = ("AFTER INSERT ON policy_source", _link("new"))
    triggers["search_owner_link_ad"] = ("AFTER DELETE ON policy_source", [_UNLINK])
    triggers["search_owner_link_au"] = ("AFTER UPDATE ON policy_source", [_UNLINK, *_link("new")])
    return triggers


# policy_list ----------------------------------------------------------------------------------

# The definitions, for the policy whose id is the SQL expression {policy}: the latest live event
# (found through ix_status_event_latest), the links whose source is not in the trash (a link to
# a missing source row counts, as it always did) and the notes not in the trash.
_LATEST_EVENT = """(SELECT e.rowid FROM status_event e WHERE e.policy_id = {policy} AND e.deleted_at IS NULL
  ORDER BY e.date_sort DESC, e.position DESC, e.created_at DESC LIMIT 1)"""
_SOURCE_COUNT = """(SELECT count(*) FROM policy_source ps WHERE ps.policy_id = {policy}
  AND NOT EXISTS (SELECT 1 FROM source s WHERE s.id = ps.source_id AND s.deleted_at IS NOT NULL))"""
_NOTE_COUNT = "(SELECT count(*) FROM note n WHERE n.policy_id = {policy} AND n.deleted_at IS NULL)"

# Rows for the live policies chosen by {where} (on `p`), once each has its number.
_ADD_ROWS = f"""INSERT INTO policy_list (num, policy_id, slug, title, aliases, jurisdiction, kind, tags,
  status, date, date_precision, source_count, note_count)
SELECT k.num, p.id, p.slug, p.title, p.aliases, p.jurisdiction, p.kind, p.tags,
       le.status, le.date, le.date_precision,
       {_SOURCE_COUNT.format(policy="p.id")}, {_NOTE_COUNT.format(policy="p.id")}
FROM policy p JOIN policy_key k ON k.policy_id = p.id
LEFT JOIN status_event le ON le.rowid = {_LATEST_EVENT.format(policy="p.id")}
WHERE {{where}} AND p.deleted_at IS NULL"""


def _add_rows(where: str) -> list[str]:
    return [_numbered(f"SELECT p.id FROM policy p WHERE {where}"), _ADD_ROWS.format(where=where)]


_MINE = "policy_list.policy_id"
_SET_LATEST = (
    "UPDATE policy_list SET (status, date, date_precision) = (SELECT le.status, le.date, le.date_precision"
    f" FROM status_event le WHERE le.rowid = {_LATEST_EVENT.format(policy=_MINE)}) WHERE policy_id IN ({{ids}})"
)
_SET_SOURCES = (
    f"UPDATE policy_list SET source_count = {_SOURCE_COUNT.format(policy=_MINE)} WHERE policy_id IN ({{ids}})"
)
_SET_NOTES = (
    f"UPDATE policy_list SET note_count = {_NOTE_COUNT.format(policy=_MINE)} WHERE policy_id IN ({{ids}})"
)
_DROP_ROW = "DELETE FROM policy_list WHERE policy_id = old.id"


def _linked(*sources: str) -> str:
    return f"SELECT policy_id FROM policy_source WHERE source_id IN ({', '.join(sources)})"


# name -> (when it fires, statements)
_LIST_TRIGGERS: dict[str, tuple[str, list[str]]] = {
    "policy_ai": ("AFTER INSERT ON policy", _add_rows("p.id = new.id")),
    "policy_au": (
        "AFTER UPDATE OF id, slug, title, aliases, jurisdiction, kind, tags, deleted_at ON policy",
        [_DROP_ROW, *_add_rows("p.id = new.id")],
    ),
    "policy_ad": ("AFTER DELETE ON policy", [_DROP_ROW]),
    "event_ai": ("AFTER INSERT ON status_event", [_SET_LATEST.format(ids="new.policy_id")]),
    "event_au": (
        "AFTER UPDATE OF policy_id, date, date_precision, date_sort, position, status, created_at, deleted_at"
        " ON status_event",
        [_SET_LATEST.format(ids="old.policy_id, new.policy_id")],
    ),
    "event_ad": ("AFTER DELETE ON status_event", [_SET_LATEST.format(ids="old.policy_id")]),
    "note_ai": ("AFTER INSERT ON note", [_SET_NOTES.format(ids="new.policy_id")]),
    "note_au": (
        "AFTER UPDATE OF policy_id, deleted_at ON note",
        [_SET_NOTES.format(ids="old.policy_id, new.policy_id")],
    ),
    "note_ad": ("AFTER DELETE ON note", [_SET_NOTES.format(ids="old.policy_id")]),
    "link_ai": ("AFTER INSERT ON policy_source", [_SET_SOURCES.format(ids="new.policy_id")]),
    "link_au": ("AFTER UPDATE ON policy_source", [_SET_SOURCES.format(ids="old.policy_id, new.policy_id")]),
    "link_ad": ("AFTER DELETE ON policy_source", [_SET_SOURCES.format(ids="old.policy_id")]),
    "source_ai": (
        "AFTER INSERT ON source WHEN new.deleted_at IS NOT NULL",
        [_SET_SOURCES.format(ids=_linked("new.id"))],
    ),
    "source_au": (
        "AFTER UPDATE OF id, deleted_at ON source"
        " WHEN old.id IS NOT new.id OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)",
        [_SET_SOURCES.format(ids=_linked("old.id", "new.id"))],
    ),
    "source_ad": (
        "AFTER DELETE ON source WHEN old.deleted_at IS NOT NULL",
        [_SET_SOURCES.format(ids=_linked("old.id"))],
    ),
}


def _create_trigger(name: str, event: str, statements: list[str]) -> None:
    body = "".join(f"    {statement};\n" for statement in statements)
    op.execute(f"CREATE TRIGGER {name} {event} BEGIN\n{body}END")


def upgrade() -> None:
    op.execute("CREATE TABLE policy_key (num INTEGER PRIMARY KEY, policy_id TEXT NOT NULL UNIQUE)")
    op.execute(_numbered("SELECT id FROM policy ORDER BY rowid"))
    op.execute(_numbered("SELECT DISTINCT policy_id FROM search_owner"))  # a policy row gone missing

    for name in _owner_triggers():  # the names 0005 gave them
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("ALTER TABLE search_owner RENAME TO search_owner_0005")
    op.execute(
        """CREATE TABLE search_owner (
            doc INTEGER NOT NULL,
            kind TEXT NOT NULL,
            num INTEGER NOT NULL,
            source_id TEXT,
            PRIMARY KEY (doc, num)
        ) WITHOUT ROWID"""
    )
    op.execute(
        "INSERT INTO search_owner (doc, kind, num, source_id) SELECT o.doc, o.kind, k.num, o.source_id"
        " FROM search_owner_0005 o JOIN policy_key k ON k.policy_id = o.policy_id"
    )
    op.execute("DROP TABLE search_owner_0005")  # and its index, search_owner_link
    op.execute("CREATE INDEX search_owner_link ON search_owner (source_id, num) WHERE source_id IS NOT NULL")
    for name, (event, statements) in _owner_triggers().items():
        _create_trigger(name, event, statements)

    op.execute(
        """CREATE TABLE policy_list (
            num INTEGER PRIMARY KEY,
            policy_id TEXT NOT NULL UNIQUE,
            slug TEXT NOT NULL,
            title TEXT NOT NULL,
            aliases TEXT NOT NULL,
            jurisdiction TEXT NOT NULL,
            kind TEXT NOT NULL,
            tags TEXT NOT NULL,
            status TEXT,
            date TEXT,
            date_precision TEXT,
            source_count INTEGER NOT NULL,
            note_count INTEGER NOT NULL
        )"""
    )
    # The list's order: by title, the slug (unique) settling ties.
    op.execute("CREATE INDEX ix_policy_list_title ON policy_list (title COLLATE NOCASE, slug)")
    op.execute(_ADD_ROWS.format(where="1"))
    for name, (event, statements) in _LIST_TRIGGERS.items():
        _create_trigger(f"policy_list_{name}", event, statements)


def _revision_0005() -> object:
    path = Path(__file__).with_name("0005_search_owner.py")
    spec = importlib.util.spec_from_file_location("revision_0005", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    for name in _LIST_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS policy_list_{name}")
    op.execute("DROP TABLE IF EXISTS policy_list")
    # search_owner as 0005 made it: its table, triggers and rows, from the documents.
    for name in _owner_triggers():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_owner")
    op.execute("DROP TABLE IF EXISTS policy_key")
    _revision_0005().upgrade()  # type: ignore[attr-defined]
