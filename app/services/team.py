"""A team workspace: the same services over a PostgreSQL server instead of a file.

`open_workspace` opens whatever a person gave: a path (a local SQLite workspace, the default)
or a `postgresql://` URL (a team workspace). The driver is imported only for the latter.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths
from app.data.schema import HEAD_REVISION
from app.errors import EditConflict, InvalidInput, UserError, WorkspaceReadOnly, WorkspaceUnusable
from app.messages import _
from app.services.workspace import Workspace, WriteWait

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Engine
    from sqlmodel import Session

    from app.data.postgres.store import PostgresStore
    from app.data.seeds import SeedReport
    from app.data.store import Store
    from app.services.bundle_import import Bundle, ImportReport
    from app.services.operations import Changes


def open_workspace(
    location: str | os.PathLike[str],
    *,
    create: bool = True,
    starter_data: bool = True,
    seeds_root: Path | None = None,
    write_wait: WriteWait | None = None,
) -> Workspace:
    """The workspace at a path (created when missing) or on a server (a `postgresql://` URL)."""
    if paths.is_team_url(location):
        return TeamWorkspace.open_url(str(location), seeds_root=seeds_root)
    return Workspace.open(
        Path(location), create=create, starter_data=starter_data, seeds_root=seeds_root, write_wait=write_wait
    )


class TeamWorkspace(Workspace):
    """A workspace on a PostgreSQL server, reached as one database user (a member of the team)."""

    def __init__(self, url: URL, seeds_root: Path | None = None) -> None:
        from app.data.postgres.connection import display_name

        self.url = url
        self.name = display_name(url)
        self.path = Path(str(url.database))
        self.seeds_root = seeds_root or paths.seeds_dir()
        self.read_only = False
        self.damage = ""
        # Why the workspace was opened read-only, when it was (a schema newer than this client).
        self.notice = ""
        self._team: PostgresStore | None = None

    is_team = True

    @property
    def location(self) -> str:
        from app.data.postgres.connection import without_password

        # Shown and remembered (Open Recent): never with a password typed into the address.
        return str(without_password(self.url).render_as_string(hide_password=False))

    def reopen(self) -> TeamWorkspace:
        copy = TeamWorkspace(self.url, self.seeds_root)
        copy.read_only, copy.notice = self.read_only, self.notice
        return copy

    @classmethod
    def open_url(cls, text: str, *, seeds_root: Path | None = None) -> TeamWorkspace:
        from app.data.postgres.connection import parse_url, require_driver

        require_driver()
        workspace = cls(parse_url(text), seeds_root)
        try:
            workspace._check_schema()
        except BaseException:
            workspace.close()
            raise
        return workspace

    def _check_schema(self) -> None:
        from app.data.postgres import schema

        try:
            with self.engine.connect() as connection:
                revision = schema.read_revision(connection)
                facts = connection.exec_driver_sql(
                    """SELECT r.rolsuper OR r.rolbypassrls,
                              (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'note')
                                 = current_user, current_user
                         FROM pg_roles r WHERE r.rolname = current_user"""
                ).one()
        except Exception as error:
            raise self._in_words(error) from None
        if revision is None:
            raise WorkspaceUnusable(
                _(
                    "{name} is not a team workspace yet: its owner sets it up with `policy-tracker team init`"
                ).format(name=self.name)
            )
        if facts[0] or facts[1]:
            raise WorkspaceUnusable(
                _(
                    "You are connected to {name} as {user}, who owns the workspace (or the server) and would see every analyst's private notes; connect as a member (`policy-tracker team add-member`)"
                ).format(name=self.name, user=facts[2])
            )
        if revision > HEAD_REVISION:
            self.read_only = True
            self.notice = _(
                "{name} was upgraded by a newer version of Policy Tracker; it is open read-only here: "
                "update the app to change it"
            ).format(name=self.name)
        elif revision < HEAD_REVISION:
            self.read_only = True
            self.notice = _(
                "{name} was made by an older version of Policy Tracker; it is open read-only until its "
                "owner upgrades it (`policy-tracker team upgrade URL`, run as the owner)"
            ).format(name=self.name)
        if self.read_only:
            self._team_store.set_query_only()

    def _in_words(self, error: BaseException) -> BaseException:
        from app.data.postgres.connection import in_words

        return in_words(error, self.name) or error

    @property
    def _team_store(self) -> PostgresStore:
        if self._team is None:
            from app.data.postgres.store import PostgresStore

            self._team = PostgresStore(self.url, read_only=self.read_only)
        return self._team

    @property
    def store(self) -> Store:
        return self._team_store

    @property
    def engine(self) -> Engine:
        return self._team_store.engine

    @property
    def user(self) -> str:
        """The database user this client works as: the "who" of its changes and notes."""
        return self._team_store.user()

    def load_starter_data(self) -> SeedReport:
        from app.data.change_context import recording
        from app.data.seeds import load_starter_data

        self.ensure_writable()
        with recording("starter data"), self.session() as session:
            return load_starter_data(session, self.seeds_root)

    def mark_damaged(self, problem: str) -> None:
        self.damage = problem
        self._team_store.set_query_only()

    def ensure_writable(self) -> None:
        if self.read_only:
            raise WorkspaceReadOnly(self.notice or f"{self.name} is open read-only; nothing was changed")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """As Workspace.session; a write refused because the workspace is open read-only says why."""
        from sqlalchemy.exc import DBAPIError

        try:
            with super().session() as session:
                yield session
        except DBAPIError as error:
            if self.read_only and "read-only transaction" in str(error.orig):
                raise WorkspaceReadOnly(
                    self.notice or f"{self.name} is open read-only; nothing was changed"
                ) from None
            raise

    # What only a team workspace has.

    def share_note(self, session: Session, note_id: str, shared: bool) -> None:
        self._team_store.set_note_shared(session, note_id, shared)

    def note_author(self, note_id: str) -> tuple[str, bool] | None:
        return self._team_store.note_author(note_id)

    def ensure_note_author(self, note_id: str) -> None:
        found = self.note_author(note_id)
        if found is not None and found[0] != self.user:
            raise InvalidInput(
                _("This note is {author}'s, shared with the team: only its author can change it").format(
                    author=found[0]
                )
            )

    def entry_version(self, kind: str, entry_id: str) -> int | None:
        return self._team_store.entry_version(kind, entry_id)

    def claim_version(self, session: Session, kind: str, entry_id: str, expected: int | None) -> None:
        from app.data.postgres.store import EntryChanged

        if expected is None:
            return
        try:
            self._team_store.claim_version(session, kind, entry_id, expected)
        except EntryChanged as changed:
            raise EditConflict(
                f"This {_WORDS.get(kind, kind)} was changed by {changed.changed_by} since you read it; "
                "nothing was saved over their change (open it again to see theirs)"
            ) from None

    def close(self) -> None:
        if self._team is not None:
            self._team.close()
            self._team = None


# Whether the workspace was given the starter data (the key a SQLite workspace keeps it under too).
_STARTER_KEY = "starter_data"

_WORDS = {"event": "status event", "policy": "policy", "source": "source", "note": "note"}


def error_in_words(error: BaseException, location: str) -> str | None:
    """A team workspace's failure to reach or use its server, in one line; None when it is not one."""
    if not paths.is_team_url(location):
        return None
    try:
        from app.data.postgres.connection import display_name, in_words, parse_url
    except ImportError:
        return None
    plain = in_words(error, display_name(parse_url(location)))
    return None if plain is None else str(plain)


def init_team(url_text: str, *, starter_data: bool = False, seeds_root: Path | None = None) -> str:
    """Make the team workspace in an empty database (as its owner); returns the member role's name."""
    from app.data.postgres import team
    from app.data.postgres.connection import parse_url, require_driver

    require_driver()
    url = parse_url(url_text)
    root = seeds_root or paths.seeds_dir()

    def fill(session: Session) -> None:
        from app.data.change_context import recording
        from app.data.change_log import record_changes, write_recorded
        from app.data.seeds import load_starter_data
        from app.data.tables import Meta

        session.add(Meta(key=_STARTER_KEY, value="yes" if starter_data else "no"))
        if starter_data:
            # The session joins init's transaction and does not commit: its records are written here.
            with recording("starter data"):
                record_changes(session)
                load_starter_data(session, root)
                write_recorded(session)

    return team.init(url, fill)


def add_member(url_text: str, name: str, password: str) -> bool:
    """A login for one analyst (False: the role existed already and was made a member)."""
    from app.data.postgres import team
    from app.data.postgres.connection import parse_url, require_driver

    require_driver()
    return team.add_member(parse_url(url_text), name, password)


def upgrade_team(url_text: str) -> tuple[str, str]:
    """Bring a team workspace to this version's schema (as its owner); returns (from, to) revisions."""
    from app.data.postgres import team
    from app.data.postgres.connection import parse_url, require_driver

    require_driver()
    return team.upgrade(parse_url(url_text))


def remember_password(url_text: str, password: str) -> None:
    """Check the password against the server, then keep it in the system keyring for that address."""
    from app.data.postgres import passwords
    from app.data.postgres.connection import conninfo, display_name, in_words, parse_url, require_driver

    require_driver()
    import psycopg

    url = parse_url(url_text).set(password=password)
    try:
        with psycopg.connect(conninfo(url)) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        raise (in_words(error, display_name(url)) or UserError(str(error).strip())) from None
    passwords.save_password(url, password)


def with_password(url_text: str, password: str) -> str:
    """The address with a password typed in the window (kept in memory only, never in settings)."""
    from app.data.postgres.connection import parse_url

    return str(parse_url(url_text).set(password=password).render_as_string(hide_password=False))


def shown_address(url_text: str) -> str:
    """The address as it may be shown or printed: never with a password in it."""
    from app.data.postgres.connection import parse_url, without_password

    return str(without_password(parse_url(url_text)).render_as_string(hide_password=False))


def forget_password(url_text: str) -> bool:
    """Remove the password kept in the system keyring for that address (False: none was kept)."""
    from app.data.postgres import passwords
    from app.data.postgres.connection import parse_url, require_driver

    require_driver()
    return passwords.forget_password(parse_url(url_text))


def read_password(*, from_stdin: bool, new: bool = True) -> str:
    """A password: one line of standard input, or asked for on a terminal (twice for a new one)."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        password = getpass.getpass(_("Password for the new member: ") if new else _("Your password: "))
        if new and getpass.getpass(_("The same password again: ")) != password:
            raise InvalidInput(_("The two passwords differ; nothing was changed"))
    if not password:
        raise InvalidInput(_("No password given; nothing was changed"))
    return password


__all__ = [
    "TeamWorkspace",
    "UserError",
    "add_member",
    "forget_password",
    "init_team",
    "open_workspace",
    "read_password",
    "remember_password",
    "shown_address",
    "upgrade_team",
    "with_password",
]


def _changes_of(payloads: list[dict[str, object]]) -> Changes:
    """What a batch of another client's committed changes may have changed, for the "changed" path."""
    from app.services.operations import Changes, EntryKind

    kinds_of = {
        "policy": {EntryKind.POLICY},
        "status_event": {EntryKind.EVENT},
        "event_citation": {EntryKind.EVENT, EntryKind.SOURCE},
        "source": {EntryKind.SOURCE},
        "excerpt": {EntryKind.SOURCE, EntryKind.EXCERPT},
        "policy_source": {EntryKind.SOURCE},
        "note": {EntryKind.NOTE},
        "relation": {EntryKind.RELATION},
        "figure": {EntryKind.FIGURE},
        "saved_search": {EntryKind.SAVED_SEARCH},
    }
    kinds: set[EntryKind] = set()
    policies: set[str] = set()
    for payload in payloads:
        table = str(payload.get("table"))
        if table not in kinds_of:
            return Changes.all()
        kinds |= kinds_of[table]
        policy = payload.get("policy")
        if policy:
            policies.add(str(policy))
        elif table != "saved_search":
            # A source used by several policies, or a private note: which policies is not said.
            return Changes.all()
    return Changes.of(kinds, policies)


def watch_changes(workspace: Workspace, on_change: Callable[[Changes], None]) -> Callable[[], None] | None:
    """Call `on_change` (from another thread) with what each batch of others' commits changed.

    A team workspace only (None otherwise: a local file has no other writers to hear from but
    other processes, which the window's own checks see). Returns the function that stops it.
    """
    if not isinstance(workspace, TeamWorkspace):
        return None
    from app.data.postgres.listen import ChangeListener

    listener = ChangeListener(workspace.url, lambda payloads: on_change(_changes_of(payloads)))
    listener.start()
    return listener.stop


def publish(team: Workspace, personal: Path, *, dry_run: bool = False) -> ImportReport:
    """Bring a personal workspace into a team one, through the import and its preview (added,
    updated, and the team's newer entries it would replace). The notes come as the publisher's,
    private until shared."""
    from app.services.bundle_import import import_parsed, preview_parsed

    if not team.is_team:
        raise InvalidInput(_("Publishing goes into a team workspace: give its postgresql:// address"))
    if paths.is_team_url(personal) or not Path(personal).is_file():
        raise InvalidInput(_("There is no personal workspace at {personal}").format(personal=personal))
    source = Workspace.open(Path(personal), create=False)
    try:
        bundle, origin = _whole_bundle(source, Path(personal).stem)
    finally:
        source.close()
    if dry_run:
        return preview_parsed(team, bundle, origin)
    team.ensure_writable()
    return import_parsed(team, bundle, origin)


def _whole_bundle(source: Workspace, name: str) -> tuple[Bundle, Path]:
    """Everything in a workspace as a bundle, built in memory: it is this app's own data, so it
    needs neither a file nor the size limit that guards imports of files from elsewhere."""
    from app.services.bundle import build_bundle
    from app.services.bundle_import import validate_bundle

    origin = Path(f"{name}.json")
    return validate_bundle(build_bundle(source, None, None, include_notes=True), origin), origin


def save_personal_copy(team: Workspace, target: Path) -> int:
    """Write what this analyst sees of a team workspace (their own notes and the shared ones) into a
    new local workspace file, for reading offline; returns the number of policies copied.

    Made under a temporary name beside the target and renamed into place once complete, so an
    interrupted copy leaves no half-made workspace under the name asked for.
    """
    from app.services import backups
    from app.services.bundle_import import import_parsed

    taken = InvalidInput(_("{target} exists already; choose a new file name").format(target=target))
    if target.exists():
        raise taken
    backups.remove_abandoned_partials(target.parent, target.name)
    partial = backups.partial_for(target)
    try:
        copy = Workspace.open(partial, starter_data=False)
        try:
            bundle, origin = _whole_bundle(team, team.path.name)
            import_parsed(copy, bundle, origin)
        finally:
            copy.close()
        if not backups.finish_partial(partial, target):  # another process put a file there meanwhile
            raise taken
    finally:
        backups.discard_partial(partial)
    return len(bundle.policies)
