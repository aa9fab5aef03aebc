"""The schema of a team workspace: the tables of app/data/tables.py, plus what only PostgreSQL has.

Made from the SQLAlchemy metadata (not from the Alembic history, whose migrations are written
for SQLite), then stamped with the same revision, so both backends name one schema version.
On top of the shared tables:
  - notes carry their `author` (the database user who wrote them) and whether they are `shared`;
    row-level security (forced, so even the tables' owner is subject to it) shows a note only to
    its author unless it is shared, and lets only its author change it;
  - every editable row carries a `version` (raised by a trigger on each update) and who last
    changed it (`changed_by`), so that a save can refuse to overwrite someone else's change;
  - `search_doc` holds one weighted tsvector per searchable entry (GIN-indexed), written from
    Python with accents folded (app.data.postgres.search); a note's document is visible only
    where the note is;
  - triggers send a small `pg_notify` on every change, delivered only when the transaction commits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.data.schema import HEAD_REVISION

if TYPE_CHECKING:
    from sqlalchemy import MetaData
    from sqlalchemy.engine import Connection

# The oldest revision a team workspace can have: team workspaces began with it. Later revisions
# reach a team workspace through the Alembic history's PostgreSQL branches (`team upgrade`).
TEAM_BASELINE = "0008"

# The tables whose row-level security is forced: even their owner is subject to it, except while
# an upgrade runs (a migration must see every analyst's rows).
FORCED_RLS_TABLES = ("note", "search_doc", "change_record")

# The channel every client listens on for changes.
CHANNEL = "policy_tracker_changes"
MEMBER_ROLE_KEY = "team.member_role"

# The tables whose rows people edit, and so carry a version.
VERSIONED_TABLES = ("policy", "status_event", "source", "note", "figure", "relation")
# The tables whose changes other clients are told about.
NOTIFYING_TABLES = (
    "policy",
    "status_event",
    "source",
    "excerpt",
    "policy_source",
    "event_citation",
    "note",
    "relation",
    "figure",
    "saved_search",
)

# SQLite's GLOB checks, said the PostgreSQL way (the same rules).
_CHECKS = {
    "policy_slug_form": "slug ~ '^[a-z0-9][a-z0-9-]*$'",
    "policy_last_verified_day": "last_verified IS NULL OR last_verified ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'",
}


def metadata() -> MetaData:
    """The tables of app/data/tables.py, with their SQLite-only checks said for PostgreSQL."""
    from sqlalchemy import CheckConstraint, MetaData, text
    from sqlmodel import SQLModel

    import app.data.tables  # noqa: F401  (registers the tables)

    copy = MetaData()
    for table in SQLModel.metadata.sorted_tables:
        moved = table.to_metadata(copy)
        for constraint in list(moved.constraints):
            if isinstance(constraint, CheckConstraint) and constraint.name in _CHECKS:
                constraint.sqltext = text(_CHECKS[str(constraint.name)])
    return copy


_EXTRAS = f"""
ALTER TABLE note ADD COLUMN author text NOT NULL DEFAULT current_user;
ALTER TABLE note ADD COLUMN shared boolean NOT NULL DEFAULT false;
CREATE INDEX ix_note_author ON note (author);

CREATE TABLE search_doc (
    kind text NOT NULL,
    ref_id text NOT NULL,
    -- The policy a policy's, a live event's or a live note's document counts for (sources and
    -- excerpts count for every policy linked to them, found at query time); trashed events and
    -- notes have no document.
    policy_id text,
    -- The source of a source's or an excerpt's document (revision 0009).
    source_id text,
    document tsvector NOT NULL,
    PRIMARY KEY (kind, ref_id)
);
CREATE INDEX ix_search_doc_document ON search_doc USING gin (document);
-- The instant search of each keystroke looks in policies' own fields only: their own, small index.
CREATE INDEX ix_search_doc_policy ON search_doc USING gin (document) WHERE kind = 'policy';

CREATE INDEX ix_status_event_latest ON status_event (policy_id, date_sort DESC, position DESC, created_at DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX ix_policy_title ON policy (lower(title), slug) WHERE deleted_at IS NULL;

CREATE FUNCTION pt_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    NEW.changed_by := current_user;
    RETURN NEW;
END $$;

CREATE FUNCTION pt_forget_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_doc WHERE kind = TG_ARGV[0] AND ref_id = OLD.id;
    RETURN NULL;
END $$;

-- The payload names the table and the policy touched; of a private note, nothing but that a note changed.
-- Identical payloads in one transaction arrive once, so a large import sends one per policy, not per row.
CREATE FUNCTION pt_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
    IF TG_TABLE_NAME = 'note' AND NOT (changed ->> 'shared')::boolean THEN
        PERFORM pg_notify('{CHANNEL}', json_build_object('table', 'note')::text);
        RETURN NULL;
    END IF;
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        'table', TG_TABLE_NAME,
        'policy', coalesce(changed ->> 'policy_id', changed ->> 'from_policy_id',
                           CASE WHEN TG_TABLE_NAME = 'policy' THEN changed ->> 'id' END),
        'by', current_user
    )::text);
    RETURN NULL;
END $$;

-- The change history's "who" is the database user, whatever a client says.
CREATE FUNCTION pt_change_who() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.who := current_user;
    RETURN NEW;
END $$;
CREATE TRIGGER change_record_who BEFORE INSERT ON change_record FOR EACH ROW EXECUTE FUNCTION pt_change_who();

-- A number that grows with every statement that changes something (the store's data_version).
CREATE SEQUENCE pt_change_seq;
CREATE FUNCTION pt_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('pt_change_seq');
    RETURN NULL;
END $$;

-- How many transactions that changed something have committed, transactionally (revision 0010):
-- each adds one, at commit, to one of 64 rows (app.data.postgres.kept_list reads the sum).
CREATE TABLE pt_commit_count (shard integer PRIMARY KEY, n bigint NOT NULL);
INSERT INTO pt_commit_count SELECT shard, 0 FROM generate_series(0, 63) AS shard;
-- As its owner (members may read the count, not change it).
CREATE FUNCTION pt_count_commit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF current_setting('pt.commit_counted', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('pt.commit_counted', 'yes', true);
        UPDATE pt_commit_count SET n = n + 1 WHERE shard = mod(txid_current(), 64);
    END IF;
    RETURN NULL;
END $$;
"""

_RLS = """
ALTER TABLE note ENABLE ROW LEVEL SECURITY;
ALTER TABLE note FORCE ROW LEVEL SECURITY;
CREATE POLICY note_seen ON note FOR SELECT USING (shared OR author = current_user);
CREATE POLICY note_added ON note FOR INSERT WITH CHECK (author = current_user);
CREATE POLICY note_changed ON note FOR UPDATE USING (author = current_user) WITH CHECK (author = current_user);
CREATE POLICY note_removed ON note FOR DELETE USING (author = current_user);

ALTER TABLE search_doc ENABLE ROW LEVEL SECURITY;
ALTER TABLE search_doc FORCE ROW LEVEL SECURITY;
CREATE POLICY search_doc_seen ON search_doc
    USING (kind <> 'note' OR EXISTS (SELECT 1 FROM note n WHERE n.id = ref_id));

-- The history of a note is seen where the note is (and by its author, once it is gone); records
-- are added, never changed or removed by a member.
ALTER TABLE change_record ENABLE ROW LEVEL SECURITY;
ALTER TABLE change_record FORCE ROW LEVEL SECURITY;
CREATE POLICY change_seen ON change_record FOR SELECT
    USING (kind <> 'note' OR who = current_user OR EXISTS (SELECT 1 FROM note n WHERE n.id = entry_id));
CREATE POLICY change_added ON change_record FOR INSERT WITH CHECK (true);
"""

_SEARCHED = {
    "policy": "policy",
    "event": "status_event",
    "source": "source",
    "excerpt": "excerpt",
    "note": "note",
}


def create(connection: Connection, member_role: str) -> None:
    """Make the whole schema, as of this version, on an empty database, inside the caller's
    transaction. (Made directly, not by running the history: the migrations' PostgreSQL
    branches bring older team workspaces to the same schema; a test checks they agree.)"""
    metadata().create_all(connection)
    run = connection.exec_driver_sql
    run(_EXTRAS)
    for table in VERSIONED_TABLES:
        run(f"ALTER TABLE {table} ADD COLUMN version integer NOT NULL DEFAULT 1")
        run(f"ALTER TABLE {table} ADD COLUMN changed_by text NOT NULL DEFAULT current_user")
        run(
            f"CREATE TRIGGER {table}_version BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION pt_next_version()"
        )
    for kind, table in _SEARCHED.items():
        run(
            f"CREATE TRIGGER {table}_search_forget AFTER DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION pt_forget_document('{kind}')"
        )
    for table in NOTIFYING_TABLES:
        run(
            f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION pt_notify()"
        )
        run(
            f"CREATE TRIGGER {table}_count AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION pt_count_change()"
        )
        run(
            f"CREATE CONSTRAINT TRIGGER {table}_commit_count AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pt_count_commit()"
        )
    run(_RLS)
    run("CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY)")
    run(f"INSERT INTO alembic_version VALUES ('{HEAD_REVISION}')")
    grant_members(connection, member_role)
    connection.exec_driver_sql(
        "INSERT INTO meta (key, value) VALUES (%(key)s, %(role)s)",
        {"key": MEMBER_ROLE_KEY, "role": member_role},
    )


def grant_members(connection: Connection, member_role: str) -> None:
    """The member role may read and write every table's rows (row-level security applies), use
    the sequences, and not change the schema revision or the commit count."""
    from psycopg import sql

    raw: Any = connection.connection.dbapi_connection  # the psycopg connection, for its sql composition
    member = sql.Identifier(member_role)
    statements = [
        sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(member),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(member),
        sql.SQL("REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {}").format(member),
        sql.SQL("REVOKE INSERT, UPDATE, DELETE ON pt_commit_count FROM {}").format(member),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(member),
    ]
    with raw.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def read_revision(connection: Connection) -> str | None:
    """The schema revision of the database, or None when it holds no workspace yet."""
    exists = connection.exec_driver_sql("SELECT to_regclass('public.alembic_version') IS NOT NULL").scalar()
    if not exists:
        return None
    value = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if value is None else str(value)
