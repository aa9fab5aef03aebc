"""The command line: the same services (and the same operations for edits) as the GUI, for scripts and quick looks.

Kept light on purpose: `policy-tracker list` must not pay for Qt, and nothing heavy is
imported before the command that needs it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.errors import UserError

if TYPE_CHECKING:
    from app.services.workspace import Workspace

PROG = "policy-tracker"


def _add_workspace_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--workspace",
        metavar="PATH|URL",
        default=default,
        help="the workspace file, or a team workspace's postgresql://USER@HOST/DATABASE "
        "(default: $POLICY_TRACKER_WORKSPACE, else the data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Track public policies, the sources behind them and your own notes. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_workspace_option(parser)
    parser.add_argument("--screenshot", metavar="PNG", help="render the main window to PNG and exit")
    parser.add_argument("--select", metavar="SLUG", help="with --screenshot: select this policy")
    parser.add_argument("--search", metavar="TEXT", help="with --screenshot: apply this search")
    parser.add_argument(
        "--show",
        choices=["window", "history", "timeline", "export", "notes"],
        default="window",
        help="with --screenshot: what to capture (default: the main window)",
    )
    parser.add_argument("--theme", choices=["light", "dark"], help="with --screenshot: the look to use")
    parser.add_argument(
        "--language",
        choices=["en", "es"],
        help="the interface language for this run (default: the Preferences choice, else the system's)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation: a temporary workspace, the window, an export; then exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS keeps a --workspace given before the command from being overwritten.
        _add_workspace_option(sub, default=argparse.SUPPRESS)
        return sub

    listing = command("list", "List policies with their current status and last change.")
    listing.add_argument("--status", help="only policies whose current status is this")
    listing.add_argument("--search", help="full-text search over policies, sources and notes")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")

    show = command("show", "Show one policy: summary, history, sources, notes.")
    show.add_argument("slug")

    export = command("export", "Export policy summaries (or the full JSON bundle) to a file.")
    export.add_argument(
        "--format",
        required=True,
        choices=["md", "html", "pdf", "docx", "csv", "json"],
        help="md, html, pdf, docx, csv (two files: policies and events) or json (the bundle)",
    )
    export.add_argument("-o", "--output", required=True, metavar="PATH", help="where to write")
    export.add_argument("--policy", action="append", metavar="SLUG", help="this policy (repeatable)")
    export.add_argument("--status", help="the policies whose current status is this")
    export.add_argument("--search", help="the policies this search finds")
    export.add_argument("--all", action="store_true", help="every policy (the default)")
    export.add_argument(
        "--include-notes",
        action="store_true",
        help="add your notes, labelled as personal (CSV: a third file, NAME-personal-notes.csv; "
        "JSON: in the bundle, which leaves them out otherwise)",
    )
    export.add_argument(
        "--page-size",
        choices=["A4", "Letter"],
        default="A4",
        help="for PDF, HTML printing and Word (default A4)",
    )
    export.add_argument(
        "--length",
        choices=["brief", "dossier"],
        default="dossier",
        help="brief: a page per policy; dossier: the complete cited history (default)",
    )
    export.add_argument("--author", help="for the title block (default: the one in Preferences)")
    export.add_argument("--organisation", help="for the title block (default: the one in Preferences)")
    export.add_argument(
        "--language",
        choices=["en", "es"],
        default=argparse.SUPPRESS,
        help="the briefing's language (default: the interface's, else the system's)",
    )

    importing = command("import", "Import a JSON bundle or an exported CSV table (all or nothing).")
    importing.add_argument("file")
    importing.add_argument("--dry-run", action="store_true", help="only show what would change")

    timeline_cmd = command("timeline", "Draw the policies' status over time as an SVG or PNG picture.")
    timeline_cmd.add_argument("--policy", action="append", metavar="SLUG", help="this policy (repeatable)")
    timeline_cmd.add_argument("--status", help="the policies whose current status is this")
    timeline_cmd.add_argument("--search", help="the policies this search finds")
    timeline_cmd.add_argument("--sort", choices=["start", "title"], default="start", help="lane order")
    timeline_cmd.add_argument("-o", "--output", required=True, metavar="FILE.svg|FILE.png")

    notes = command("notes", "List your notes, newest first.")
    notes.add_argument("--policy", metavar="SLUG", help="only notes on this policy")
    notes.add_argument("--tag", help="only notes with this tag")
    notes.add_argument("--search", help="full-text search in the notes and their quoted passages")
    notes.add_argument("--json", action="store_true", help="print JSON instead of text")

    backup = command("backup", "Back up the workspace now (into the backups folder, or to FILE).")
    backup.add_argument("-o", "--output", metavar="FILE", help="write the backup here instead")
    backup.add_argument("--list", action="store_true", help="list this workspace's backups instead")

    restore = command("restore", "Replace the workspace with a backup (the current file is backed up first).")
    restore.add_argument("backup", help="a backup file, or “latest”")

    check = command("check", "Check the workspace for damage; exits 1 with a diagnosis if it is damaged.")
    check.add_argument(
        "--verbose", action="store_true", help="list every problem found, not only the first and a count"
    )

    add_policy = command("add-policy", "Add a policy; prints its slug.")
    add_policy.add_argument("--title", required=True)
    add_policy.add_argument("--slug", default="", help="default: made from the title")
    add_policy.add_argument("--jurisdiction", default="other", help="e.g. us_federal, texas, “US federal”")
    add_policy.add_argument("--kind", default="other", help="e.g. statute, executive_program")
    add_policy.add_argument("--summary", default="")
    add_policy.add_argument("--alias", action="append", default=[], metavar="NAME")
    add_policy.add_argument("--tag", action="append", default=[], metavar="TAG")
    add_policy.add_argument(
        "--last-verified", default="", metavar="YYYY-MM-DD", help="the day its facts were last checked"
    )

    add_source = command("add-source", "Add a source; prints its id.")
    add_source.add_argument("--title", required=True)
    add_source.add_argument("--publisher", default="")
    add_source.add_argument("--date", default="", metavar="YYYY[-MM[-DD]]", help="publication date")
    add_source.add_argument("--url", default="", help="http:// or https:// only")
    add_source.add_argument("--kind", default="news", help="news, government, court, legislation, ...")
    add_source.add_argument("--excerpt", action="append", default=[], metavar="TEXT")
    add_source.add_argument("--policy", metavar="SLUG", help="link the source to this policy")

    add_event = command("add-event", "Add a status event to a policy.")
    add_event.add_argument("slug")
    add_event.add_argument("--date", required=True, metavar="YYYY[-MM[-DD]]")
    add_event.add_argument("--status", required=True, help="as shown in the app or in snake_case")
    add_event.add_argument("--description", default="")
    add_event.add_argument("--source", action="append", default=[], metavar="ID", help="cite this source")
    add_event.add_argument(
        "--confidence",
        default="",
        help="confirmed, reported or unconfirmed (default: confirmed when a cited source is a government,"
        " court or legislation source, else reported)",
    )
    add_event.add_argument(
        "--disagreement", default="", help="where the sources disagree, and what each says"
    )

    add_note = command("add-note", "Add a note to a policy (the text from --text or standard input).")
    add_note.add_argument("slug")
    add_note.add_argument("--text", help="Markdown; read from standard input when omitted")
    add_note.add_argument("--tag", action="append", default=[], metavar="TAG")
    add_note.add_argument("--pin", action="store_true", help="pin the note to the top")
    add_note.add_argument(
        "--team",
        action="store_true",
        help="share the note with the team (a team workspace); default: private",
    )

    team = commands.add_parser(
        "team", help="Set up a team workspace on a PostgreSQL server.", description="Set up a team workspace."
    )
    team_commands = team.add_subparsers(dest="team_command", metavar="TEAM_COMMAND", required=True)
    team_init = team_commands.add_parser(
        "init",
        help="make the team workspace in an empty database (run as the role that will own it)",
        description="Make the schema and the member role in an empty database; run as its owner.",
    )
    team_init.add_argument("url", metavar="URL", help="postgresql://OWNER@HOST/DATABASE")
    team_init.add_argument("--with-starter-data", action="store_true", help="load the starter dataset too")
    member = team_commands.add_parser(
        "add-member",
        help="give an analyst a login to the team workspace (run as its owner)",
        description="Create a login role for an analyst, a member of the workspace's member role.",
    )
    member.add_argument("url", metavar="URL", help="postgresql://OWNER@HOST/DATABASE")
    member.add_argument("name", metavar="NAME", help="the analyst's user name")
    member.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input (one line)"
    )
    publish = team_commands.add_parser(
        "publish",
        help="bring a personal workspace into the team workspace (with the import's preview)",
        description="Import a personal workspace file into a team workspace; your notes stay private.",
    )
    publish.add_argument("url", metavar="URL", help="postgresql://YOU@HOST/DATABASE")
    publish.add_argument(
        "--from", dest="personal", required=True, metavar="FILE", help="the personal workspace"
    )
    publish.add_argument(
        "--dry-run", action="store_true", help="only say what it would add, update or replace"
    )
    copy = team_commands.add_parser(
        "copy",
        help="save a personal copy of a team workspace (what you can see of it) for reading offline",
        description="Write what you can see of a team workspace into a new local workspace file.",
    )
    copy.add_argument("url", metavar="URL", help="postgresql://YOU@HOST/DATABASE")
    copy.add_argument("-o", "--output", required=True, metavar="FILE.sqlite")
    return parser


# How long a command waits for another process that is writing the workspace (a long import in
# the window or in another command) before giving up: longer than a large import takes, short
# enough that a script stuck behind a hung process hears of it.
WRITE_WAIT_SECONDS = 120.0

# Closed explicitly, not left to the garbage collector: an open file cannot be replaced on Windows.
_opened: list[Workspace] = []


def _tell_waiting() -> None:
    print(
        f"{PROG}: waiting for another Policy Tracker process to finish writing…", file=sys.stderr, flush=True
    )


def _open(args: argparse.Namespace, *, writing: bool = False) -> Workspace:
    """The workspace; `writing`: refuse at once one that is read-only or damaged (a quick check)."""
    from app.paths import workspace_location
    from app.services.team import open_workspace
    from app.services.workspace import WriteWait

    workspace = open_workspace(
        workspace_location(args.workspace), write_wait=WriteWait(WRITE_WAIT_SECONDS, _tell_waiting)
    )
    _opened.append(workspace)  # closed by main() when the command is done, whatever happened
    notice = getattr(workspace, "notice", "")
    if writing:
        workspace.ensure_writable()
    elif notice:
        print(f"{PROG}: note: {notice}", file=sys.stderr)
    return workspace


def _local_only(args: argparse.Namespace, what: str) -> None:
    """Refuse, in words, a command about the workspace file when the workspace is on a server."""
    from app.paths import is_team_url, workspace_location

    location = workspace_location(getattr(args, "workspace", None))
    if is_team_url(location):
        raise UserError(
            f"{what} works on a workspace file; a team workspace is backed up on its server (pg_dump), "
            f"or exported whole with `{PROG} export --format json`"
        )


def cmd_list(args: argparse.Namespace) -> int:
    from app.domain.dates import PartialDate
    from app.domain.vocab import Status
    from app.services.policies import PolicyFilters, list_policies, parse_status

    statuses = frozenset({parse_status(args.status)}) if args.status else frozenset()
    workspace = _open(args)
    rows = list_policies(workspace, PolicyFilters(statuses=statuses, search=args.search or ""))
    if args.json:
        policies = [
            {
                "slug": r.slug,
                "title": r.title,
                "aliases": r.aliases,
                "jurisdiction": r.jurisdiction,
                "kind": r.kind,
                "tags": r.tags,
                "current_status": r.current_status,
                "last_change": r.last_change,
                "last_change_precision": r.last_change_precision,
                "sources": r.source_count,
                "notes": r.note_count,
            }
            for r in rows
        ]
        print(json.dumps({"policies": policies}, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No policies match." if (args.status or args.search) else "No policies yet.")
        return 0
    width = max(len(r.slug) for r in rows)
    for r in rows:
        status = Status(r.current_status).label if r.current_status else "—"
        changed = PartialDate.parse(r.last_change).display() if r.last_change else ""
        print(f"{r.slug:<{width}}  {status:<17} {changed:<12} {r.title}")
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    from app.services.notes import NoteFilters, list_notes, note_as_json

    filters = NoteFilters(policy_slug=args.policy or "", tag=args.tag or "", search=args.search or "")
    found = list_notes(_open(args), filters)
    if args.json:
        print(json.dumps({"notes": [note_as_json(n) for n in found]}, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("No notes match." if (args.policy or args.tag or args.search) else "No notes yet.")
        return 0
    for note in found:
        tags = "  " + " ".join(f"#{t}" for t in note.tags) if note.tags else ""
        # In a team workspace, whose note it is and whether the team sees it.
        who = f"  ({note.author}, {'shared' if note.shared else 'private'})" if note.author else ""
        print(f"{note.updated_at[:10]}  {note.policy_slug}{tags}{who}")
        if note.quote:
            print(f"    > {note.quote}")
        for line in note.body.strip().splitlines():
            print(f"    {line}".rstrip())
        print()
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from datetime import date

    from app.domain.timeline import sort_lanes
    from app.export.timeline_svg import timeline_svg
    from app.services.files import write_atomically
    from app.services.policies import PolicyFilters, parse_status, policy_ids_in_scope
    from app.services.timeline import timeline

    target = Path(args.output)
    if target.suffix.lower() not in (".svg", ".png"):
        raise UserError(f"Cannot tell the format of {target.name}: name it .svg or .png")
    if args.policy and (args.status or args.search):
        raise UserError("Choose either --policy, or --status and --search")
    statuses = frozenset({parse_status(args.status)}) if args.status else frozenset()
    workspace = _open(args)
    ids = policy_ids_in_scope(
        workspace, slugs=args.policy, filters=PolicyFilters(search=args.search or "", statuses=statuses)
    )
    if not ids:
        raise UserError("No policies match; nothing was drawn")
    lanes, connectors = timeline(workspace, ids)
    svg = timeline_svg(sort_lanes(lanes, args.sort), connectors, date.today(), title="Policy timeline")
    if target.suffix.lower() == ".svg":
        write_atomically(target, svg.encode("utf-8"))
    else:
        from app.export.raster import svg_to_png

        write_atomically(target, svg_to_png(svg))
    print(f"Drew {len(lanes)} {'policy' if len(lanes) == 1 else 'policies'} to {target}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from app.services.policies import policy_by_slug
    from app.services.text_report import policy_as_text

    print(policy_as_text(policy_by_slug(_open(args), args.slug)))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.export.run import ExportRequest, run_export
    from app.services.policies import PolicyFilters, parse_status, policy_ids_in_scope

    if args.policy and (args.status or args.search or args.all):
        raise UserError("Choose either --policy, or --status and --search, or --all")
    if args.all and (args.status or args.search):
        raise UserError("--all exports every policy; leave out --status and --search")
    statuses = frozenset({parse_status(args.status)}) if args.status else frozenset()
    workspace = _open(args)
    ids = policy_ids_in_scope(
        workspace, slugs=args.policy, filters=PolicyFilters(search=args.search or "", statuses=statuses)
    )
    if not ids:
        raise UserError("No policies match; nothing was exported")
    rasterize = None
    if args.format == "docx":  # Word takes pictures as PNG, which Qt draws from the SVG
        from app.export.raster import svg_to_png as rasterize
    author, organisation, language = args.author, args.organisation, getattr(args, "language", None)
    if author is None or organisation is None or language is None:
        from app.ui.transfer.export_settings import export_defaults

        saved = export_defaults()
        author = saved.author if author is None else author
        organisation = saved.organisation if organisation is None else organisation
        language = language or saved.language
    request = ExportRequest(
        args.format,
        ids,
        Path(args.output),
        args.include_notes,
        args.page_size,
        length=args.length,
        author=author,
        organisation=organisation,
        language=language,
    )
    written = run_export(workspace, request, rasterize=rasterize)
    count = len(ids)
    print(
        f"Exported {count} {'policy' if count == 1 else 'policies'} to {', '.join(str(p) for p in written)}"
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.services.importing import is_csv, preview_import, run_import

    path = Path(args.file)
    if not is_csv(path):
        from app.services.bundle_import import parse_bundle

        parse_bundle(path)  # refuse a bad file before touching the workspace
    workspace = _open(args, writing=not args.dry_run)
    if args.dry_run:
        report = preview_import(workspace, path)
        print(f"Importing {args.file} would have: {report.summary()}")
    else:
        report = run_import(workspace, path)
        print(f"Imported {args.file}: {report.summary()}")
    for conflict in report.conflicts:
        print(
            f"  replaced your newer version of {conflict}"
            if not args.dry_run
            else f"  would replace your newer version of {conflict}"
        )
    return 0


def _policy_id(workspace: Workspace, slug: str) -> str:
    from app.errors import NotFound

    policy_id = workspace.store.policy_id_for_slug(slug)
    if policy_id is None:
        raise NotFound(f"No policy with the slug “{slug}” in this workspace")
    return policy_id


def cmd_add_policy(args: argparse.Namespace) -> int:
    from app.services import operations
    from app.services.inputs import PolicyInput

    data = PolicyInput(
        title=args.title,
        slug=args.slug,
        aliases=args.alias,
        jurisdiction=args.jurisdiction,
        kind=args.kind,
        summary=args.summary,
        tags=args.tag,
        last_verified=args.last_verified,
    )
    data.validated()  # refuse bad input before touching the workspace
    _, slug = operations.add_policy(_open(args, writing=True), data).result
    print(slug)
    return 0


def cmd_add_source(args: argparse.Namespace) -> int:
    from app.services import operations
    from app.services.inputs import SourceInput

    data = SourceInput(
        title=args.title,
        publisher=args.publisher,
        published=args.date,
        url=args.url,
        kind=args.kind,
        excerpts=args.excerpt,
    )
    data.validated()
    workspace = _open(args, writing=True)
    policy_id = _policy_id(workspace, args.policy) if args.policy else None
    print(operations.add_source(workspace, data, policy_id).result)
    return 0


def cmd_add_event(args: argparse.Namespace) -> int:
    from app.services import operations
    from app.services.inputs import EventInput

    data = EventInput(
        date=args.date,
        status=args.status,
        description=args.description,
        source_ids=args.source,
        confidence=args.confidence,
        disagreement=args.disagreement,
    )
    data.validated()
    workspace = _open(args, writing=True)
    operations.add_event(workspace, _policy_id(workspace, args.slug), data)
    return 0


def cmd_add_note(args: argparse.Namespace) -> int:
    from app.services import operations
    from app.services.inputs import NoteInput

    text = args.text if args.text is not None else sys.stdin.read()
    data = NoteInput(body=text, tags=args.tag, pinned=args.pin, shared=args.team)
    data.validated()
    workspace = _open(args, writing=True)
    print(operations.add_note(workspace, _policy_id(workspace, args.slug), data).result)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from app.paths import default_workspace, is_team_url, workspace_location

    if is_team_url(workspace_location(args.workspace)) and not args.list:
        return _back_up_team(args)
    _local_only(args, "`backup`")
    from app.services.backups import back_up, list_backups, prune

    path = default_workspace(args.workspace)
    if args.list:
        found = list_backups(path)
        for info in found:
            print(f"{info.describe()}    {info.path}")
        if not found:
            print("No backups yet.")
        return 0
    _open(args).close()  # refuse what is not a workspace; upgrade an old one first
    if args.output:
        target = back_up(path, Path(args.output).expanduser())
    else:
        target = back_up(path)
        prune(path)  # the same rotation as the window's daily backups
    print(f"Backed up {path.name} to {target}")
    return 0


def _back_up_team(args: argparse.Namespace) -> int:
    """A team workspace's backup is its server's (pg_dump); this writes what you can see of it as a
    full JSON bundle (all policies, sources and your notes and the shared ones)."""
    from datetime import datetime

    from app.paths import data_dir
    from app.services.bundle import write_bundle

    workspace = _open(args)
    if args.output:
        target = Path(args.output).expanduser()
    else:
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
        target = data_dir() / "team-backups" / f"{workspace.path.name}-{stamp}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
    count = write_bundle(workspace, target)
    print(
        f"Wrote {count} policies of the team workspace {workspace.path.name} to {target} (a JSON bundle; "
        "the server's own backup is pg_dump)"
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _local_only(args, "`restore`")
    from app.paths import default_workspace
    from app.services.backups import list_backups, restore
    from app.services.locking import WINDOW, WorkspaceInUse

    path = default_workspace(args.workspace)
    if args.backup == "latest":
        found = list_backups(path)
        if not found:
            raise UserError(f"There are no backups of {path.name}")
        backup = found[0].path
    else:
        backup = Path(args.backup).expanduser()
        if not backup.is_file():
            raise UserError(f"There is no backup file at {backup}")
    try:
        done = restore(path, backup)
    except WorkspaceInUse as error:
        if error.purpose == WINDOW:
            raise UserError(
                f"{error}; close it first, or restore from its File menu. Nothing was changed"
            ) from None
        raise UserError(f"{error}; try again when it has finished. Nothing was changed") from None
    if done.moved_aside is not None:
        kept = f"the damaged file was kept as {done.moved_aside}"
    elif done.safety_copy is not None:
        kept = f"the replaced version was backed up to {done.safety_copy}"
    else:
        kept = "there was no workspace there before"
    print(f"Restored {path.name} from {backup.name}; {kept}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    _local_only(args, "`check`")
    from app.paths import default_workspace
    from app.services.integrity import diagnose

    path = default_workspace(args.workspace)
    damage = diagnose(path, thorough=True)
    if damage:
        print(f"{PROG}: damaged: {damage.summary()}", file=sys.stderr)
        if args.verbose:
            for problem in damage.problems:
                print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{path}: no damage found")
    return 0


def run_gui(args: argparse.Namespace) -> int:
    if args.self_test:
        from app.ui.main.self_test import self_test

        return self_test()
    from app.ui.main.app import run

    return run(args)


def cmd_team(args: argparse.Namespace) -> int:
    from app.services import team

    if args.team_command in ("publish", "copy"):
        workspace = team.open_workspace(args.url)
        _opened.append(workspace)
        if args.team_command == "copy":
            count = team.save_personal_copy(workspace, Path(args.output).expanduser())
            print(f"Saved {count} policies to {args.output}")
            return 0
        report = team.publish(workspace, Path(args.personal).expanduser(), dry_run=args.dry_run)
        verb = "Publishing {} would have" if args.dry_run else "Published {}"
        print(f"{verb.format(args.personal)}: {report.summary()}")
        for conflict in report.conflicts:
            print(
                f"  {'would replace' if args.dry_run else 'replaced'} the team's newer version of {conflict}"
            )
        return 0
    if args.team_command == "init":
        role = team.init_team(args.url, starter_data=args.with_starter_data)
        print(
            f"Team workspace ready; give analysts a login with `{PROG} team add-member URL NAME` (role {role})"
        )
        return 0
    password = team.read_password(from_stdin=args.password_stdin)
    if team.add_member(args.url, args.name, password):
        print(f"{args.name} can now connect to the team workspace")
    else:
        print(f"{args.name} already had a login on this server (its password is unchanged); now a member")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "list": cmd_list,
    "show": cmd_show,
    "notes": cmd_notes,
    "timeline": cmd_timeline,
    "export": cmd_export,
    "import": cmd_import,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "add-policy": cmd_add_policy,
    "add-source": cmd_add_source,
    "add-event": cmd_add_event,
    "add-note": cmd_add_note,
    "team": cmd_team,
}


# The shell's status for a process ended by SIGPIPE (128 + 13), as `yes | head` reports for `yes`.
EXIT_BROKEN_PIPE = 141


def _reader_went_away() -> int:
    """`policy-tracker list | head`: the reader closed the pipe, which is not an error to report.

    The recipe of Python's signal documentation: point standard output at devnull, so that the
    interpreter's last flush on exit does not fail a second time with a message of its own.
    """
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = COMMANDS.get(args.command, run_gui) if args.command else run_gui
    try:
        code = handler(args)
        sys.stdout.flush()  # here, so that a reader gone away is noticed inside this try
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except UserError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as error:  # the environment's fault: a full disk, a vanished folder
        print(f"{PROG}: error: {error.strerror or error}", file=sys.stderr)
        return 1
    except Exception as error:
        # A read that meets a damaged page fails deep inside; tell it in words, not a traceback.
        plain = _database_error_in_words(error, args)
        if plain is None:
            raise
        print(f"{PROG}: error: {plain}", file=sys.stderr)
        return 1
    finally:
        while _opened:
            _opened.pop().close()


def _database_error_in_words(error: Exception, args: argparse.Namespace) -> str | None:
    from app.paths import is_team_url, workspace_location
    from app.services.integrity import database_error

    location = workspace_location(getattr(args, "workspace", None))
    if is_team_url(location):
        from app.services.team import error_in_words

        return error_in_words(error, str(location))

    cause = database_error(error)
    if cause is None:
        return None
    from app.errors import WorkspaceDamaged
    from app.paths import default_workspace
    from app.services.integrity import translate_sqlite_error

    path = default_workspace(getattr(args, "workspace", None))
    plain = translate_sqlite_error(cause, path)
    if plain is None:
        return f"Could not read {path} ({cause}); nothing was changed"
    return f"{plain}. `{PROG} check` tells more" if isinstance(plain, WorkspaceDamaged) else str(plain)
