"""The JSON bundle: the full-fidelity, versioned backup and exchange format."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import __version__
from app.errors import InvalidInput, NotFound
from app.messages import _
from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.services.changes import Since

BUNDLE_FORMAT = "policy-tracker-bundle"
FORMAT_VERSION = 1
MAX_BUNDLE_BYTES = 50 * 1024 * 1024  # a starter-sized workspace exports to under 1 MB


def build_bundle(
    workspace: Workspace,
    slugs: list[str] | None = None,
    policy_ids: list[str] | None = None,
    *,
    include_notes: bool = True,
    changes_since: Since | None = None,
) -> dict[str, Any]:
    """The bundle for the named policies (all when neither is given), with every source they cite
    and the recorded changes to them.

    Without `include_notes` the person's notes are left out (a bundle sent to a colleague);
    importing such a bundle adds and changes no notes and deletes none."""
    store = workspace.store
    if policy_ids is not None:
        ids = list(policy_ids)
    elif slugs:
        ids = []
        for slug in slugs:
            policy_id = store.policy_id_for_slug(slug)
            if policy_id is None:
                raise NotFound(_("No policy with the slug “{slug}” in this workspace").format(slug=slug))
            ids.append(policy_id)
    else:
        ids = [row.id for row in store.policy_rows()]
    details = [d for d in (store.policy_detail(pid) for pid in ids) if d is not None]
    details.sort(key=lambda d: d.slug)
    chosen = {d.id for d in details}

    source_ids: set[str] = set()
    policies, relations, figures = [], {}, []
    for d in details:
        linked = sorted({s.id for s in d.sources})
        source_ids.update(linked)
        source_ids.update(sid for e in d.events for sid in e.source_ids)
        notes = d.notes if include_notes else []
        source_ids.update(n.source_id for n in notes if n.source_id)
        policies.append(
            {
                "id": d.id,
                "slug": d.slug,
                "title": d.title,
                "aliases": d.aliases,
                "jurisdiction": d.jurisdiction,
                "kind": d.kind,
                "summary": d.summary,
                "legal_basis": d.legal_basis,
                "agencies": d.agencies,
                "tags": d.tags,
                "last_verified": d.last_verified,
                "origin": d.origin,
                "created_at": d.created_at,
                "updated_at": d.updated_at,
                "current_status": d.current_status,
                "source_ids": linked,
                "events": [asdict(e) for e in d.events],
            }
        )
        if include_notes:
            # Who wrote a note in a team workspace is not carried: whoever imports a bundle writes its notes.
            policies[-1]["notes"] = [
                {k: v for k, v in asdict(n).items() if k not in ("policy_id", "author", "shared")}
                for n in notes
            ]
        for r in d.relations:
            other_id = store.policy_id_for_slug(r.other_slug)
            if other_id in chosen:
                relations[r.id] = {
                    "id": r.id,
                    "from": r.from_slug,
                    "to": r.to_slug,
                    "kind": r.kind,
                    "note": r.note,
                }
        for f in d.figures:
            source_ids.add(f.source_id)
            figures.append(
                {"id": f.id, "policy": d.slug, **{k: v for k, v in asdict(f).items() if k != "id"}}
            )
    sources = [
        {
            **{k: v for k, v in asdict(s).items() if k != "excerpts"},
            "excerpts": [{"id": x.id, "text": x.text} for x in s.excerpts],
        }
        for s in sorted(store.sources_by_id(sorted(source_ids)), key=lambda s: s.id)
    ]
    return {
        "format": BUNDLE_FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "policies": policies,
        "sources": sources,
        "relations": sorted(relations.values(), key=lambda r: r["id"]),
        "figures": sorted(figures, key=lambda f: f["id"]),
        "changes": _changes(workspace, sorted(chosen), include_notes=include_notes, since=changes_since),
        **({"changes_since": changes_since.day} if changes_since else {}),
    }


def _changes(
    workspace: Workspace, policy_ids: list[str], *, include_notes: bool, since: Since | None = None
) -> list[dict[str, Any]]:
    """The recorded changes to these policies, oldest first; without notes, none of a note's.

    For the record only: importing a bundle records its own changes, as an import, and leaves
    the history it carries aside.
    """
    from app.data.details import ChangeQuery
    from app.services.changes import change_as_json, slugs_of

    if not policy_ids:
        return []
    query = ChangeQuery(policy_ids=tuple(policy_ids))
    if since is not None:
        query = ChangeQuery(policy_ids=query.policy_ids, since=since.moment, after_seq=since.after_seq)
    found = workspace.store.changes(query)
    if not include_notes:
        found = [c for c in found if c.kind != "note"]
    slugs = slugs_of(workspace, found)
    return [change_as_json(c, slugs) for c in found]


def without_history(bundle: dict[str, Any]) -> dict[str, Any]:
    """The bundle's content without its change history: what two workspaces hold in common."""
    return {key: value for key, value in bundle.items() if key != "changes"}


def write_bundle(
    workspace: Workspace,
    target: Path,
    slugs: list[str] | None = None,
    policy_ids: list[str] | None = None,
    *,
    include_notes: bool = True,
    changes_since: Since | None = None,
) -> int:
    """Write the bundle to `target` atomically; returns the number of policies written."""
    from app.services.files import write_atomically

    bundle = build_bundle(
        workspace, slugs, policy_ids, include_notes=include_notes, changes_since=changes_since
    )
    text = json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"
    write_atomically(target, text.encode("utf-8"))
    return len(bundle["policies"])


def read_bundle_file(path: Path) -> dict[str, Any]:
    """Read and parse a bundle file, with a plain message for each way it can be wrong."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise _cannot_read(path, error) from None
    if size > MAX_BUNDLE_BYTES:
        raise InvalidInput(
            _("{path} is too large to import ({size} MB; at most {limit} MB)").format(
                path=path, size=size // (1024 * 1024), limit=MAX_BUNDLE_BYTES // (1024 * 1024)
            )
        )
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidInput(
            _("{path} is not a Policy Tracker bundle (not UTF-8 text)").format(path=path)
        ) from None
    except RecursionError:
        raise InvalidInput(
            _("{path} is not a Policy Tracker bundle (it is nested too deeply)").format(path=path)
        ) from None
    except json.JSONDecodeError as error:
        raise InvalidInput(
            _("{path} is not a Policy Tracker bundle (not valid JSON: {problem} at line {line})").format(
                path=path, problem=error.msg, line=error.lineno
            )
        ) from None
    except OSError as error:
        raise _cannot_read(path, error) from None
    if not isinstance(data, dict) or data.get("format") != BUNDLE_FORMAT:
        raise InvalidInput(_("{path} is not a Policy Tracker bundle").format(path=path))
    version = data.get("format_version")
    if type(version) is not int or version < 1:  # not isinstance: JSON's true is a Python int
        raise InvalidInput(_("{path} has no valid format_version").format(path=path))
    if version > FORMAT_VERSION:
        raise InvalidInput(
            _(
                "{path} was made by a newer version of Policy Tracker (bundle format {version}; "
                "this version reads up to {supported})"
            ).format(path=path, version=version, supported=FORMAT_VERSION)
        )
    return data


def _cannot_read(path: Path, error: OSError) -> InvalidInput:
    return InvalidInput(_("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error))
