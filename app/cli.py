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
from app.messages import N_, _, ngettext

if TYPE_CHECKING:
    from app.services.workspace import Workspace

PROG = "policy-tracker"

# argparse writes its own words ("usage: ", its errors) through gettext's global domain, which has no
# catalogue: pointed at ours instead, a Spanish locale gets them in Spanish too. The ones a person meets:
_ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("%(prog)s: error: %(message)s\n"),
)
argparse._ = _  # type: ignore[attr-defined]


def _add_workspace_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--workspace",
        metavar="PATH|URL",
        default=default,
        help=_(
            "the workspace file, or a team workspace's postgresql://USER@HOST/DATABASE "
            "(default: $POLICY_TRACKER_WORKSPACE, else the data folder)"
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_(
            "Track public policies, the sources behind them and your own notes. "
            "Without a command, opens the window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_workspace_option(parser)
    parser.add_argument("--screenshot", metavar="PNG", help=_("render the main window to PNG and exit"))
    parser.add_argument("--select", metavar="SLUG", help=_("with --screenshot: select this policy"))
    parser.add_argument("--search", metavar="TEXT", help=_("with --screenshot: apply this search"))
    parser.add_argument(
        "--show",
        choices=["window", "history", "timeline", "export", "notes"],
        default="window",
        help=_("with --screenshot: what to capture (default: the main window)"),
    )
    parser.add_argument("--theme", choices=["light", "dark"], help=_("with --screenshot: the look to use"))
    parser.add_argument(
        "--language",
        choices=["en", "es"],
        help=_("the interface language for this run (default: the Preferences choice, else the system's)"),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("check this installation: a temporary workspace, the window, an export; then exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS keeps a --workspace given before the command from being overwritten.
        _add_workspace_option(sub, default=argparse.SUPPRESS)
        return sub

    listing = command("list", _("List policies with their current status and last change."))
    listing.add_argument("--status", help=_("only policies whose current status is this"))
    listing.add_argument("--search", help=_("full-text search over policies, sources and notes"))
    listing.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))

    as_of = command(
        "as-of", _("List policies with their status on a past (or future) day, and whether it is certain.")
    )
    as_of.add_argument("date", metavar="DATE", help=_("YYYY-MM-DD, or “today”"))
    as_of.add_argument("--status", help=_("only policies with this status on that day"))
    as_of.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))

    audit = command(
        "audit",
        _(
            "List what rests on weak evidence: events without a primary source, with one source, unconfirmed"
            " or disputed; sources without URL or date; unused excerpts; policies not verified lately."
        ),
    )
    audit.add_argument("--policy", action="append", metavar="SLUG", help=_("only this policy (repeatable)"))
    audit.add_argument(
        "--not-verified-after",
        type=int,
        metavar="DAYS",
        help=_("list policies not verified for more than DAYS days (default: the workspace's setting, 180)"),
    )
    audit.add_argument("--json", action="store_true", help=_("print JSON instead of text"))

    show = command("show", _("Show one policy: summary, history, sources, notes."))
    show.add_argument("slug")

    export = command("export", _("Export policy summaries (or the full JSON bundle) to a file."))
    export.add_argument(
        "--format",
        required=True,
        choices=["md", "html", "pdf", "docx", "csv", "json"],
        help=_("md, html, pdf, docx, csv (two files: policies and events) or json (the bundle)"),
    )
    export.add_argument("-o", "--output", required=True, metavar="PATH", help=_("where to write"))
    export.add_argument("--policy", action="append", metavar="SLUG", help=_("this policy (repeatable)"))
    export.add_argument("--status", help=_("the policies whose current status is this"))
    export.add_argument("--search", help=_("the policies this search finds"))
    export.add_argument("--all", action="store_true", help=_("every policy (the default)"))
    export.add_argument(
        "--include-notes",
        action="store_true",
        help=_(
            "add your notes, labelled as personal (CSV: a third file, NAME-personal-notes.csv; "
            "JSON: in the bundle, which leaves them out otherwise)"
        ),
    )
    export.add_argument(
        "--page-size",
        choices=["A4", "Letter"],
        default="A4",
        help=_("for PDF, HTML printing and Word (default A4)"),
    )
    export.add_argument(
        "--length",
        choices=["brief", "dossier"],
        default="dossier",
        help=_("brief: a page per policy; dossier: the complete cited history (default)"),
    )
    export.add_argument(
        "--changes-since",
        metavar="DATE|last",
        help=_(
            "a briefing of what changed since DATE (YYYY-MM-DD), or since the last one of the same "
            "policies (last): events dated since, and what was recorded or corrected since"
        ),
    )
    export.add_argument("--author", help=_("for the title block (default: the one in Preferences)"))
    export.add_argument("--organisation", help=_("for the title block (default: the one in Preferences)"))
    export.add_argument(
        "--language",
        choices=["en", "es"],
        default=argparse.SUPPRESS,
        help=_("the briefing's language (default: the interface's, else the system's)"),
    )

    importing = command("import", _("Import a JSON bundle or an exported CSV table (all or nothing)."))
    importing.add_argument("file")
    importing.add_argument("--dry-run", action="store_true", help=_("only show what would change"))

    timeline_cmd = command("timeline", _("Draw the policies' status over time as an SVG or PNG picture."))
    timeline_cmd.add_argument("--policy", action="append", metavar="SLUG", help=_("this policy (repeatable)"))
    timeline_cmd.add_argument("--status", help=_("the policies whose current status is this"))
    timeline_cmd.add_argument("--search", help=_("the policies this search finds"))
    timeline_cmd.add_argument("--sort", choices=["start", "title"], default="start", help=_("lane order"))
    timeline_cmd.add_argument("-o", "--output", required=True, metavar="FILE.svg|FILE.png")

    chart = command("chart", _("Draw figures of one measure over time as an SVG or PNG chart."))
    chart.add_argument(
        "--measure",
        metavar="M",
        help=_(
            "a unit such as “people per day”, or words of the figures' labels (without it: list the measures)"
        ),
    )
    chart.add_argument(
        "--policy", action="append", metavar="SLUG", help=_("this policy's figures (repeatable)")
    )
    chart.add_argument("-o", "--output", metavar="FILE.svg|FILE.png")
    chart.add_argument(
        "--language",
        choices=["en", "es"],
        default="en",
        help=_("the language of the chart's words (default en)"),
    )

    notes = command("notes", _("List your notes, newest first."))
    notes.add_argument("--policy", metavar="SLUG", help=_("only notes on this policy"))
    notes.add_argument("--tag", help=_("only notes with this tag"))
    notes.add_argument("--search", help=_("full-text search in the notes and their quoted passages"))
    notes.add_argument("--json", action="store_true", help=_("print JSON instead of text"))

    changes = command("changes", _("List what changed in the workspace, when and by whom, oldest first."))
    changes.add_argument(
        "--since",
        metavar="DATE",
        help=_("recorded on or after this day (YYYY-MM-DD) or UTC time (YYYY-MM-DDTHH:MM)"),
    )
    changes.add_argument(
        "--policy", action="append", metavar="SLUG", help=_("only changes to this policy (repeatable)")
    )
    changes.add_argument(
        "--kind",
        action="append",
        help=_(
            "only this kind of entry: policy, event, source, excerpt, note, relation, figure (repeatable)"
        ),
    )
    changes.add_argument("--who", help=_("only changes made by this user"))
    changes.add_argument("--json", action="store_true", help=_("print JSON instead of text"))
    changes.add_argument(
        "--keep-days",
        type=int,
        metavar="DAYS",
        help=_(
            "from now on keep this many days of changes (0: all; the default keeps 400), and drop older ones now"
        ),
    )

    backup = command("backup", _("Back up the workspace now (into the backups folder, or to FILE)."))
    backup.add_argument("-o", "--output", metavar="FILE", help=_("write the backup here instead"))
    backup.add_argument("--list", action="store_true", help=_("list this workspace's backups instead"))

    restore = command(
        "restore", _("Replace the workspace with a backup (the current file is backed up first).")
    )
    restore.add_argument("backup", help=_("a backup file, or “latest”"))

    check = command("check", _("Check the workspace for damage; exits 1 with a diagnosis if it is damaged."))
    check.add_argument(
        "--verbose", action="store_true", help=_("list every problem found, not only the first and a count")
    )

    add_policy = command("add-policy", _("Add a policy; prints its slug."))
    add_policy.add_argument("--title", required=True)
    add_policy.add_argument("--slug", default="", help=_("default: made from the title"))
    add_policy.add_argument("--jurisdiction", default="other", help=_("e.g. us_federal, texas, “US federal”"))
    add_policy.add_argument("--kind", default="other", help=_("e.g. statute, executive_program"))
    add_policy.add_argument("--summary", default="")
    add_policy.add_argument("--alias", action="append", default=[], metavar="NAME")
    add_policy.add_argument("--tag", action="append", default=[], metavar="TAG")
    add_policy.add_argument(
        "--last-verified", default="", metavar="YYYY-MM-DD", help=_("the day its facts were last checked")
    )

    add_source = command("add-source", _("Add a source; prints its id."))
    add_source.add_argument("--title", required=True)
    add_source.add_argument("--publisher", default="")
    add_source.add_argument("--date", default="", metavar="YYYY[-MM[-DD]]", help=_("publication date"))
    add_source.add_argument("--url", default="", help=_("http:// or https:// only"))
    add_source.add_argument("--kind", default="news", help=_("news, government, court, legislation, ..."))
    add_source.add_argument("--excerpt", action="append", default=[], metavar="TEXT")
    add_source.add_argument("--policy", metavar="SLUG", help=_("link the source to this policy"))

    add_event = command("add-event", _("Add a status event to a policy."))
    add_event.add_argument("slug")
    add_event.add_argument("--date", required=True, metavar="YYYY[-MM[-DD]]")
    add_event.add_argument("--status", required=True, help=_("as shown in the app or in snake_case"))
    add_event.add_argument("--description", default="")
    add_event.add_argument("--source", action="append", default=[], metavar="ID", help=_("cite this source"))
    add_event.add_argument(
        "--confidence",
        default="",
        help=_(
            "confirmed, reported or unconfirmed (default: confirmed when a cited source is a government,"
            " court or legislation source, else reported)"
        ),
    )
    add_event.add_argument(
        "--disagreement", default="", help=_("where the sources disagree, and what each says")
    )

    add_note = command("add-note", _("Add a note to a policy (the text from --text or standard input)."))
    add_note.add_argument("slug")
    add_note.add_argument("--text", help=_("Markdown; read from standard input when omitted"))
    add_note.add_argument("--tag", action="append", default=[], metavar="TAG")
    add_note.add_argument("--pin", action="store_true", help=_("pin the note to the top"))
    add_note.add_argument(
        "--team",
        action="store_true",
        help=_("share the note with the team (a team workspace); default: private"),
    )

    team = commands.add_parser(
        "team",
        help=_("Set up a team workspace on a PostgreSQL server."),
        description=_("Set up a team workspace."),
    )
    team_commands = team.add_subparsers(dest="team_command", metavar="TEAM_COMMAND", required=True)
    team_init = team_commands.add_parser(
        "init",
        help=_("make the team workspace in an empty database (run as the role that will own it)"),
        description=_("Make the schema and the member role in an empty database; run as its owner."),
    )
    team_init.add_argument("url", metavar="URL", help=_("postgresql://OWNER@HOST/DATABASE"))
    team_init.add_argument("--with-starter-data", action="store_true", help=_("load the starter dataset too"))
    member = team_commands.add_parser(
        "add-member",
        help=_("give an analyst a login to the team workspace (run as its owner)"),
        description=_("Create a login role for an analyst, a member of the workspace's member role."),
    )
    member.add_argument("url", metavar="URL", help=_("postgresql://OWNER@HOST/DATABASE"))
    member.add_argument("name", metavar="NAME", help=_("the analyst's user name"))
    member.add_argument(
        "--password-stdin", action="store_true", help=_("read the password from standard input (one line)")
    )
    keep = team_commands.add_parser(
        "password",
        help=_("keep your password for a team workspace in the system keyring (or --forget it)"),
        description=_(
            "Check your password against the server and keep it in the system keyring, so that the "
            "address alone opens the workspace. It is never written to the app's settings."
        ),
    )
    keep.add_argument("url", metavar="URL", help=_("postgresql://YOU@HOST/DATABASE"))
    keep.add_argument(
        "--password-stdin", action="store_true", help=_("read the password from standard input (one line)")
    )
    keep.add_argument("--forget", action="store_true", help=_("remove the kept password instead"))
    team_upgrade = team_commands.add_parser(
        "upgrade",
        help=_("bring a team workspace made by an older version to this version (run as its owner)"),
        description=_(
            "Run the schema changes a team workspace made by an older version lacks, all in one "
            "transaction, as the role that owns it. Members cannot; until it is done they open it read-only."
        ),
    )
    team_upgrade.add_argument("url", metavar="URL", help=_("postgresql://OWNER@HOST/DATABASE"))
    publish = team_commands.add_parser(
        "publish",
        help=_("bring a personal workspace into the team workspace (with the import's preview)"),
        description=_("Import a personal workspace file into a team workspace; your notes stay private."),
    )
    publish.add_argument("url", metavar="URL", help=_("postgresql://YOU@HOST/DATABASE"))
    publish.add_argument(
        "--from", dest="personal", required=True, metavar="FILE", help=_("the personal workspace")
    )
    publish.add_argument(
        "--dry-run", action="store_true", help=_("only say what it would add, update or replace")
    )
    copy = team_commands.add_parser(
        "copy",
        help=_("save a personal copy of a team workspace (what you can see of it) for reading offline"),
        description=_("Write what you can see of a team workspace into a new local workspace file."),
    )
    copy.add_argument("url", metavar="URL", help=_("postgresql://YOU@HOST/DATABASE"))
    copy.add_argument("-o", "--output", required=True, metavar="FILE.sqlite")
    return parser


# How long a command waits for another process that is writing the workspace (a long import in
# the window or in another command) before giving up: longer than a large import takes, short
# enough that a script stuck behind a hung process hears of it.
WRITE_WAIT_SECONDS = 120.0

# Closed explicitly, not left to the garbage collector: an open file cannot be replaced on Windows.
_opened: list[Workspace] = []


def _tell_waiting() -> None:
    waiting = _("waiting for another Policy Tracker process to finish writing…")
    print(f"{PROG}: {waiting}", file=sys.stderr, flush=True)


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
        print(_("{prog}: note: {notice}").format(prog=PROG, notice=notice), file=sys.stderr)
    return workspace


def _local_only(args: argparse.Namespace, what: str) -> None:
    """Refuse, in words, a command about the workspace file when the workspace is on a server."""
    from app.paths import is_team_url, workspace_location

    location = workspace_location(getattr(args, "workspace", None))
    if is_team_url(location):
        raise UserError(
            _(
                "{what} works on a workspace file; a team workspace is backed up on its server (pg_dump), or exported whole with `{prog} export --format json`"
            ).format(what=what, prog=PROG)
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
        print(_("No policies match.") if (args.status or args.search) else _("No policies yet."))
        return 0
    width = max(len(r.slug) for r in rows)
    statuses = {r.id: Status(r.current_status).shown() if r.current_status else "—" for r in rows}
    status_width = max(17, *(len(s) for s in statuses.values()))
    for r in rows:
        changed = PartialDate.parse(r.last_change).display() if r.last_change else ""
        print(f"{r.slug:<{width}}  {statuses[r.id]:<{status_width}} {changed:<12} {r.title}")
    return 0


def cmd_as_of(args: argparse.Namespace) -> int:
    from app.domain.dates import PartialDate
    from app.domain.vocab import Status
    from app.services.as_of import as_json, as_of, parse_day
    from app.services.policies import parse_status

    day = parse_day(args.date)  # a bad date or status is refused before the workspace is opened
    status = parse_status(args.status) if args.status else None
    rows = as_of(_open(args), day, status)
    if args.json:
        print(json.dumps(as_json(day, rows), ensure_ascii=False, indent=2))
        return 0
    when = PartialDate(day.year, day.month, day.day).display()
    if not rows:
        print(
            _("No policies with that status on {date}.").format(date=when)
            if status
            else _("No policies on {date}.").format(date=when)
        )
        return 0
    print(_("As of {date}:").format(date=when))
    width = max(len(r.row.slug) for r in rows)
    for r in rows:
        label = Status(r.status.status).shown() if r.status.status else "—"
        since = (
            _("since {date}").format(date=PartialDate.parse(r.status.since).display())
            if r.status.since
            else ""
        )
        print(f"{r.row.slug:<{width}}  {label:<17} {since:<18} {r.row.title}")
        if not r.status.certain:
            maybe = ", ".join(
                f"{Status(u.status).shown()} ({PartialDate.parse(u.date).display()})"
                for u in r.status.unsettled
            )
            why = (
                _("uncertain: may already be {statuses}").format(statuses=maybe)
                if maybe
                else _("uncertain: no dated history")
            )
            print(f"{'':<{width}}  {why}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from app.services.audit import (
        AuditKind,
        audit_json,
        audit_workspace,
        check_stale_after_days,
        stale_after_days,
    )

    if args.not_verified_after is not None:
        check_stale_after_days(args.not_verified_after)
    workspace = _open(args)
    ids = [_policy_id(workspace, slug) for slug in args.policy] if args.policy else None
    days = args.not_verified_after if args.not_verified_after is not None else stale_after_days(workspace)
    audits = audit_workspace(workspace, ids, stale_days=days)
    if args.json:
        print(json.dumps(audit_json(audits, days), ensure_ascii=False, indent=2))
        return 0
    flagged = [a for a in audits if a.items]
    if not flagged:
        print(_("Nothing to report: every event has a primary source and more than one, and so on."))
        return 0
    for policy in flagged:
        print(f"{policy.slug}  {policy.title}")
        for item in policy.items:
            detail = f" — {item.detail}" if item.detail else ""
            print(f"  {item.kind.shown()}: {item.what}{detail}")
        print()
    totals = {kind: sum(a.count(kind) for a in flagged) for kind in AuditKind}
    in_all = "; ".join(f"{kind.shown()}: {n}" for kind, n in totals.items() if n)
    print(_("In all: {counts}").format(counts=in_all))
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    from app.services.notes import NoteFilters, list_notes, note_as_json

    filters = NoteFilters(policy_slug=args.policy or "", tag=args.tag or "", search=args.search or "")
    found = list_notes(_open(args), filters)
    if args.json:
        print(json.dumps({"notes": [note_as_json(n) for n in found]}, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(_("No notes match.") if (args.policy or args.tag or args.search) else _("No notes yet."))
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


def cmd_changes(args: argparse.Namespace) -> int:
    from app.services.changes import ChangeFilters, change_as_json, list_changes, set_retention_days, slugs_of

    workspace = _open(args)
    if args.keep_days is not None:
        set_retention_days(workspace, args.keep_days)
        if args.keep_days == 0:
            kept = _("{name} keeps all changes from now on").format(name=workspace.path.name)
        else:
            kept = ngettext(
                "{name} keeps {n} day of changes from now on",
                "{name} keeps {n} days of changes from now on",
                args.keep_days,
            ).format(name=workspace.path.name, n=args.keep_days)
        print(kept, file=sys.stderr)
    filters = ChangeFilters(
        since=args.since or "",
        policy_slugs=tuple(args.policy or ()),
        kinds=tuple(args.kind or ()),
        who=args.who or "",
    )
    found = list_changes(workspace, filters)
    slugs = slugs_of(workspace, found)
    if args.json:
        print(
            json.dumps({"changes": [change_as_json(c, slugs) for c in found]}, ensure_ascii=False, indent=2)
        )
        return 0
    if not found:
        asked = args.since or args.policy or args.kind or args.who
        print(_("No changes match.") if asked else _("No changes recorded yet."))
        return 0
    for change in found:
        policy = slugs.get(change.policy_id or "", "") if change.policy_id else ""
        made_by = change.who if change.source == "edit" else f"{change.who} ({change.source})"
        print(f"{change.at[:16].replace('T', ' ')}  {made_by}  {policy or '-'}  {change.summary}")
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
        raise UserError(_("Cannot tell the format of {name}: name it .svg or .png").format(name=target.name))
    if args.policy and (args.status or args.search):
        raise UserError(_("Choose either --policy, or --status and --search"))
    statuses = frozenset({parse_status(args.status)}) if args.status else frozenset()
    workspace = _open(args)
    ids = policy_ids_in_scope(
        workspace, slugs=args.policy, filters=PolicyFilters(search=args.search or "", statuses=statuses)
    )
    if not ids:
        raise UserError(_("No policies match; nothing was drawn"))
    lanes, connectors = timeline(workspace, ids)
    svg = timeline_svg(sort_lanes(lanes, args.sort), connectors, date.today(), title=_("Policy timeline"))
    if target.suffix.lower() == ".svg":
        write_atomically(target, svg.encode("utf-8"))
    else:
        from app.export.raster import svg_to_png

        write_atomically(target, svg_to_png(svg))
    print(
        ngettext("Drew {n} policy to {target}", "Drew {n} policies to {target}", len(lanes)).format(
            n=len(lanes), target=target
        )
    )
    return 0


def cmd_chart(args: argparse.Namespace) -> int:
    from app.services.figures import figure_chart, measures

    if args.measure is None:
        found = measures(_open(args), args.policy)
        if not found:
            print(_("No figures yet."))
        for m in found:
            figures = ngettext("{n} figure", "{n} figures", m.figures).format(n=m.figures)
            policies = ngettext("{n} policy", "{n} policies", m.policies).format(n=m.policies)
            print(f"{m.unit}: {figures}, {policies}")
        return 0
    if not args.output:
        raise UserError(_("Name the file to draw to with -o FILE.svg or -o FILE.png"))
    target = Path(args.output)
    if target.suffix.lower() not in (".svg", ".png"):
        raise UserError(_("Cannot tell the format of {name}: name it .svg or .png").format(name=target.name))
    from app.export.figure_chart import figure_chart_svg
    from app.services.files import write_atomically

    chart = figure_chart(_open(args), args.measure, args.policy)
    svg = figure_chart_svg(chart, language=args.language)
    if target.suffix.lower() == ".svg":
        write_atomically(target, svg.encode("utf-8"))
    else:
        from app.export.raster import svg_to_png

        write_atomically(target, svg_to_png(svg))
    count = len(chart.points)
    print(
        ngettext(
            "Drew {n} figure in {unit} to {target}", "Drew {n} figures in {unit} to {target}", count
        ).format(n=count, unit=chart.unit, target=target)
    )
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
        raise UserError(_("Choose either --policy, or --status and --search, or --all"))
    if args.all and (args.status or args.search):
        raise UserError(_("--all exports every policy; leave out --status and --search"))
    statuses = frozenset({parse_status(args.status)}) if args.status else frozenset()
    workspace = _open(args)
    ids = policy_ids_in_scope(
        workspace, slugs=args.policy, filters=PolicyFilters(search=args.search or "", statuses=statuses)
    )
    if not ids:
        raise UserError(_("No policies match; nothing was exported"))
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
        changes_since=args.changes_since or "",
    )
    written = run_export(workspace, request, rasterize=rasterize)
    count = len(ids)
    files = ", ".join(str(p) for p in written)
    print(
        ngettext("Exported {n} policy to {files}", "Exported {n} policies to {files}", count).format(
            n=count, files=files
        )
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
        print(_("Importing {file} would have: {summary}").format(file=args.file, summary=report.summary()))
    else:
        report = run_import(workspace, path)
        print(_("Imported {file}: {summary}").format(file=args.file, summary=report.summary()))
    for conflict in report.conflicts:
        print(
            _("  replaced your newer version of {entry}").format(entry=conflict)
            if not args.dry_run
            else _("  would replace your newer version of {entry}").format(entry=conflict)
        )
    return 0


def _policy_id(workspace: Workspace, slug: str) -> str:
    from app.errors import NotFound

    policy_id = workspace.store.policy_id_for_slug(slug)
    if policy_id is None:
        raise NotFound(_("No policy with the slug “{slug}” in this workspace").format(slug=slug))
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
            print(_("No backups yet."))
        return 0
    _open(args).close()  # refuse what is not a workspace; upgrade an old one first
    if args.output:
        target = back_up(path, Path(args.output).expanduser())
    else:
        target = back_up(path)
        prune(path)  # the same rotation as the window's daily backups
    print(_("Backed up {name} to {target}").format(name=path.name, target=target))
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
        _(
            "Wrote {count} policies of the team workspace {name} to {target} (a JSON bundle; the server's own backup is pg_dump)"
        ).format(count=count, name=workspace.path.name, target=target)
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
            raise UserError(_("There are no backups of {name}").format(name=path.name))
        backup = found[0].path
    else:
        backup = Path(args.backup).expanduser()
        if not backup.is_file():
            raise UserError(_("There is no backup file at {path}").format(path=backup))
    try:
        done = restore(path, backup)
    except WorkspaceInUse as error:
        if error.purpose == WINDOW:
            raise UserError(
                _("{problem}; close it first, or restore from its File menu. Nothing was changed").format(
                    problem=error
                )
            ) from None
        raise UserError(
            _("{problem}; try again when it has finished. Nothing was changed").format(problem=error)
        ) from None
    if done.moved_aside is not None:
        kept = _("the damaged file was kept as {path}").format(path=done.moved_aside)
    elif done.safety_copy is not None:
        kept = _("the replaced version was backed up to {path}").format(path=done.safety_copy)
    else:
        kept = _("there was no workspace there before")
    print(_("Restored {name} from {backup}; {kept}").format(name=path.name, backup=backup.name, kept=kept))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    _local_only(args, "`check`")
    from app.paths import default_workspace
    from app.services.integrity import diagnose

    path = default_workspace(args.workspace)
    damage = diagnose(path, thorough=True)
    if damage:
        print(_("{prog}: damaged: {summary}").format(prog=PROG, summary=damage.summary()), file=sys.stderr)
        if args.verbose:
            for problem in damage.problems:
                print(f"  {problem}", file=sys.stderr)
        return 1
    print(_("{path}: no damage found").format(path=path))
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
            print(_("Saved {count} policies to {output}").format(count=count, output=args.output))
            return 0
        report = team.publish(workspace, Path(args.personal).expanduser(), dry_run=args.dry_run)
        done = (
            _("Publishing {file} would have: {summary}") if args.dry_run else _("Published {file}: {summary}")
        )
        print(done.format(file=args.personal, summary=report.summary()))
        for conflict in report.conflicts:
            replaced = (
                _("  would replace the team's newer version of {entry}")
                if args.dry_run
                else _("  replaced the team's newer version of {entry}")
            )
            print(replaced.format(entry=conflict))
        return 0
    if args.team_command == "password":
        address = team.shown_address(args.url)
        if args.forget:
            if team.forget_password(args.url):
                print(_("Removed your password for {url} from the system keyring").format(url=address))
            else:
                print(_("No password for {url} was kept in the system keyring").format(url=address))
            return 0
        team.remember_password(args.url, team.read_password(from_stdin=args.password_stdin, new=False))
        print(_("Your password for {url} is kept in the system keyring").format(url=address))
        return 0
    if args.team_command == "upgrade":
        before, after = team.upgrade_team(args.url)
        if before == after:
            print(
                _("The team workspace is up to date (schema {revision}); nothing was changed").format(
                    revision=after
                )
            )
        else:
            print(
                _("Upgraded the team workspace from schema {before} to {after}").format(
                    before=before, after=after
                )
            )
        return 0
    if args.team_command == "init":
        role = team.init_team(args.url, starter_data=args.with_starter_data)
        print(
            _(
                "Team workspace ready; give analysts a login with `{prog} team add-member URL NAME` (role {role})"
            ).format(prog=PROG, role=role)
        )
        return 0
    password = team.read_password(from_stdin=args.password_stdin)
    if team.add_member(args.url, args.name, password):
        print(_("{name} can now connect to the team workspace").format(name=args.name))
    else:
        print(
            _("{name} already had a login on this server (its password is unchanged); now a member").format(
                name=args.name
            )
        )
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "list": cmd_list,
    "as-of": cmd_as_of,
    "audit": cmd_audit,
    "chart": cmd_chart,
    "show": cmd_show,
    "notes": cmd_notes,
    "changes": cmd_changes,
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
    from app.messages import use_language

    arguments = sys.argv[1:] if argv is None else list(argv)
    # Messages, help included, follow --language, else the locale (LANGUAGE, LC_ALL, LC_MESSAGES,
    # LANG) like other command-line tools; the window sets its own language when it opens.
    use_language(_language_asked(arguments))
    args = build_parser().parse_args(arguments)
    use_language(getattr(args, "language", None))
    handler = COMMANDS.get(args.command, run_gui) if args.command else run_gui
    try:
        code = handler(args)
        sys.stdout.flush()  # here, so that a reader gone away is noticed inside this try
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except UserError as error:
        print(_("{prog}: error: {message}").format(prog=PROG, message=error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as error:  # the environment's fault: a full disk, a vanished folder
        print(
            _("{prog}: error: {message}").format(prog=PROG, message=error.strerror or error), file=sys.stderr
        )
        return 1
    except Exception as error:
        # A read that meets a damaged page fails deep inside; tell it in words, not a traceback.
        plain = _database_error_in_words(error, args)
        if plain is None:
            raise
        print(_("{prog}: error: {message}").format(prog=PROG, message=plain), file=sys.stderr)
        return 1
    finally:
        while _opened:
            _opened.pop().close()


def _language_asked(arguments: list[str]) -> str | None:
    """The --language given, read before the parser is built (its help is in that language)."""
    for index, argument in enumerate(arguments):
        if argument == "--language" and index + 1 < len(arguments):
            return arguments[index + 1]
        if argument.startswith("--language="):
            return argument.partition("=")[2]
    return None


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
        return _("Could not read {path} ({cause}); nothing was changed").format(path=path, cause=cause)
    if isinstance(plain, WorkspaceDamaged):
        return _("{problem}. `{command}` tells more").format(problem=plain, command=f"{PROG} check")
    return str(plain)
