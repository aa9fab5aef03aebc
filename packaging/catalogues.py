"""Compile the interface's translation catalogues (.ts, kept in the repository) into .qm files.

One way for every way of installing: the package build (hatch_build.py, so `pip install` and the
editable install of `make` get them), the bundle (policy-tracker.spec) and the tests. Uses the
lrelease that comes with PySide6, through PySide6's own launcher, so no PATH or platform matters.
Run by hand: `python packaging/catalogues.py`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
_LRELEASE = "from PySide6.scripts.pyside_tool import lrelease; lrelease()"


def compile_catalogues(folder: Path = TRANSLATIONS) -> list[Path]:
    """Compile each .ts in `folder` whose .qm is missing or older than it; return every .qm."""
    catalogues = []
    for source in sorted(folder.glob("*.ts")):
        compiled = source.with_suffix(".qm")
        if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
            subprocess.run(
                [sys.executable, "-c", _LRELEASE, "-silent", str(source), "-qm", str(compiled)], check=True
            )
            if not compiled.is_file() or compiled.stat().st_size == 0:
                raise RuntimeError(f"lrelease wrote no catalogue for {source.name}")
        catalogues.append(compiled)
    if not catalogues:
        raise RuntimeError(f"No translation sources (*.ts) in {folder}")
    return catalogues


if __name__ == "__main__":
    for catalogue in compile_catalogues():
        print(catalogue)
