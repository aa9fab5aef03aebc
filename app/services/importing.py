"""Import a JSON bundle or a CSV table: a preview of what will change, then one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.services.workspace import Workspace

if TYPE_CHECKING:
    from app.services.bundle_import import ImportReport


def is_csv(path: Path) -> bool:
    return path.suffix.lower() == ".csv"


def preview_import(workspace: Workspace, path: Path) -> ImportReport:
    """What the import would add and update, and which newer entries of yours it would replace."""
    if is_csv(path):
        from app.services.csv_import import plan_csv_import

        return plan_csv_import(workspace, path).report()
    from app.services.bundle_import import preview_bundle

    return preview_bundle(workspace, path)


def run_import(workspace: Workspace, path: Path) -> ImportReport:
    if is_csv(path):
        from app.services.csv_import import apply_csv_import, plan_csv_import

        return apply_csv_import(workspace, plan_csv_import(workspace, path))
    from app.services.bundle_import import import_bundle

    return import_bundle(workspace, path)
