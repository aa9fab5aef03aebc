"""Compile the translation catalogues kept in the repository: the window's (.ts into .qm, for Qt) and
the messages below the window (.po into .mo, for Python's gettext; see app/messages.py).

One way for every way of installing: the package build (hatch_build.py, so `pip install` and the
editable install of `make` get them), the bundle (policy-tracker.spec) and the tests. Uses the
lrelease that comes with PySide6, through PySide6's own launcher, so no PATH or platform matters, and
Babel for the .po files (no system gettext tools needed).
Run by hand: `python packaging/catalogues.py`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LOCALE = TRANSLATIONS.parent / "locale"
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
    return catalogues + compile_messages(folder.parent / "locale")


def compile_messages(folder: Path = LOCALE) -> list[Path]:
    """Compile each <lang>/LC_MESSAGES/*.po in `folder` whose .mo is missing or older; return every .mo."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    compiled_files = []
    for source in sorted(folder.glob("*/LC_MESSAGES/*.po")):
        compiled = source.with_suffix(".mo")
        if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
            with source.open("rb") as handle:
                catalogue = read_po(handle, locale=source.parent.parent.name)
            partial = compiled.with_suffix(".mo.partial")
            with partial.open("wb") as handle:
                write_mo(handle, catalogue)
            partial.replace(compiled)  # a build stopped half-way leaves no broken catalogue
        compiled_files.append(compiled)
    if not compiled_files:
        raise RuntimeError(f"No message catalogues (*/LC_MESSAGES/*.po) in {folder}")
    return compiled_files


if __name__ == "__main__":
    for catalogue in compile_catalogues():
        print(catalogue)
