"""Help ▸ User Guide opens a short guide inside the app, in the interface language (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from app import paths
from app.ui.common import i18n
from app.ui.main.main_window import MainWindow
from tests.ui.conftest import OpenWindow


def _open_guide(qtbot: QtBot, window: MainWindow) -> QTextBrowser:
    help_menu = window.help_menu
    guide = next(a for a in help_menu.actions() if a.text().replace("&", "") in ("User Guide", "Guía de uso"))
    assert help_menu.actions()[0] is guide  # the first thing under Help
    guide.trigger()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w.findChild(QTextBrowser) and w is not window
    )
    qtbot.waitExposed(dialog)
    page = dialog.findChild(QTextBrowser)
    assert page is not None
    return page


def _read(page: QTextBrowser) -> str:
    """The page's text as read, without the invisible marks that isolate each paragraph."""
    return page.toPlainText().replace("\u2068", "").replace("\u2069", "")


def test_the_user_guide_opens_inside_the_app_rendered_from_markdown(qtbot: QtBot, window: MainWindow) -> None:
    page = _open_guide(qtbot, window)
    text = _read(page)
    assert text.startswith("Using the window")
    assert "“merida” finds and marks “Mérida”" in text
    assert "**" not in text and "`" not in text  # rendered, not shown as Markdown
    html = page.toHtml()
    assert "font-weight:700" in html or "font-weight:600" in html  # **Browse** is bold
    source = (paths.resources_dir() / "guide" / "en.md").read_text(encoding="utf-8")
    paragraphs = [line for line in text.splitlines() if line.strip()]
    assert len(paragraphs) == 1 + source.count("\n- **")  # the heading, then one paragraph per item


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    assert i18n.apply_language(qapp, "es") == "es"
    yield
    i18n.apply_language(qapp, "en")


@pytest.mark.usefixtures("spanish")
def test_the_guide_speaks_spanish_with_the_spanish_interface(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    page = _open_guide(qtbot, window)
    assert _read(page).startswith("Uso de la ventana")
    assert "«merida» encuentra y marca «Mérida»" in _read(page)


def test_both_guides_describe_the_same_parts_of_the_window() -> None:
    folder = paths.resources_dir() / "guide"
    english = (folder / "en.md").read_text(encoding="utf-8")
    spanish = (folder / "es.md").read_text(encoding="utf-8")
    assert english.count("\n- **") == spanish.count("\n- **") >= 10
    shortcuts = [part for part in english.split("`")[1::2] if part.startswith(("Ctrl", "F", "Down"))]
    for keys in shortcuts:  # every shortcut the English guide names, in the Spanish one too
        assert keys.replace("Shift", "Mayús").replace("Down", "Abajo") in spanish, keys
