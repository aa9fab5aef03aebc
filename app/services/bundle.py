"""The JSON bundle: the full-fidelity, versioned backup and exchange format."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app import __version__
from app.errors import InvalidInput, NotFound
from app.services.workspace import Workspace

BUNDLE_FORMAT = "policy-tracker-bundle"
FORMAT_VERSION = 1
MAX_BUNDLE_BYTES = 50 * 1024 * 1024  # a starter-sized workspace exports to under 1 MB


def build_bundle(
    workspace: Workspace,
    slugs: list[str] | None = None,
    policy_ids: list[str] | None = None,
    *,
    include_notes: bool = True,
) -> dict[str, Any]:
    """The bundle for the named policies (all when neither is given), with every source they cite.

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
                raise NotFound(f"No policy with the slug “{slug}” in this workspace")
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
    }


def write_bundle(
    workspace: Workspace,
    target: Path,
    slugs: list[str] | None = None,
    policy_ids: list[str] | None = None,
    *,
    include_notes: bool = True,
) -> int:
    """Write the bundle to `target` atomically; returns the number of policies written."""
    from app.services.files import write_atomically

    bundle = build_bundle(workspace, slugs, policy_ids, include_notes=include_notes)
    text = json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"
    write_atomically(target, text.encode("utf-8"))
    return len(bundle["policies"])


def read_bundle_file(path: Path) -> dict[str, Any]:
    """Read and parse a bundle file, with a plain message for each way it can be wrong."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror or error}") from None
    if size > MAX_BUNDLE_BYTES:
        raise InvalidInput(
            f"{path} is too large to import ({size // (1024 * 1024)} MB; at most {MAX_BUNDLE_BYTES // (1024 * 1024)} MB)"
        )
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not a Policy Tracker bundle (not UTF-8 text)") from None
    except RecursionError:
        raise InvalidInput(f"{path} is not a Policy Tracker bundle (it is nested too deeply)") from None
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"{path} is not a Policy Tracker bundle (not valid JSON: {error.msg} at line {error.lineno})"
        ) from None
    except OSError as error:
        raise InvalidInput(f"Cannot read {path}: {error.strerror or error}") from None
    if not isinstance(data, dict) or data.get("format") != BUNDLE_FORMAT:
        raise InvalidInput(f"{path} is not a Policy Tracker bundle")
    version = data.get("format_version")
    if type(version) is not int or version < 1:  # not isinstance: JSON's true is a Python int
        raise InvalidInput(f"{path} has no valid format_version")
    if version > FORMAT_VERSION:
        raise InvalidInput(
            f"{path} was made by a newer version of Policy Tracker (bundle format {version}; "
            f"this version reads up to {FORMAT_VERSION})"
        )
    return data
