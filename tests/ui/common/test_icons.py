"""The action icons are one consistent set that follows the theme; the app icon comes in every size."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from app.ui.common import icons
from app.ui.common.theme import dark_palette
from app.ui.main.main_window import MainWindow
from tests.conftest import REPO

pytestmark = pytest.mark.gui

ACTIONS = REPO / "resources" / "icons" / "actions"
RENDER_SCRIPT = REPO / "packaging" / "render_icons.py"
SVG = "{http://www.w3.org/2000/svg}"


def _render_script() -> ModuleType:
    # Loaded from its path: `import packaging.render_icons` would find the `packaging` library.
    spec = importlib.util.spec_from_file_location("render_icons", RENDER_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HICOLOR_SIZES: tuple[int, ...] = _render_script().HICOLOR_SIZES


# The SVG files ----------------------------------------------------------------------------------
def test_every_name_has_a_file_and_every_file_a_name() -> None:
    files = {path.stem for path in ACTIONS.glob("*.svg")}
    assert set(icons.ACTION_ICON_NAMES) == files
    assert len(icons.ACTION_ICON_NAMES) == len(set(icons.ACTION_ICON_NAMES)), "a name is listed twice"
    assert icons.icons_dir() == ACTIONS


@pytest.mark.parametrize("name", icons.ACTION_ICON_NAMES)
def test_each_icon_is_a_24_px_line_drawing_in_the_text_colour(name: str) -> None:
    root = ET.parse(ACTIONS / f"{name}.svg").getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 24 24"
    assert (root.get("width"), root.get("height")) == ("24", "24")
    assert root.get("stroke") == "currentColor" and root.get("fill") == "none"
    assert root.get("stroke-width") == "2"
    assert root.get("stroke-linecap") == "round" and root.get("stroke-linejoin") == "round"
    drawn = 0
    for element in root.iter():
        assert element.get("style") is None, "styles would escape the shared stroke settings"
        assert element.get("fill", "none") == "none"
        assert element.get("stroke", "currentColor") == "currentColor"
        assert element.get("stroke-width", "2") == "2"
        drawn += element.tag in {f"{SVG}{tag}" for tag in ("path", "circle", "rect", "line", "polyline")}
    assert drawn > 0
    assert "#" not in (ACTIONS / f"{name}.svg").read_text(), "a fixed colour would not follow the theme"


# Rendering --------------------------------------------------------------------------------------
@pytest.fixture
def restore_palette(qapp: QApplication) -> Iterator[QApplication]:
    """Lets a test set the application palette; puts the old one back and drops icons made with it."""
    before = QPalette(qapp.palette())
    icons.clear_icon_cache()
    yield qapp
    qapp.setPalette(before)
    icons.clear_icon_cache()


def _opaque_colours(icon: QIcon, size: int, mode: QIcon.Mode = QIcon.Mode.Normal) -> list[QColor]:
    pixmap = icon.pixmap(QSize(size, size), 1.0, mode)
    assert not pixmap.isNull() and pixmap.size() == QSize(size, size)
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    colours = [image.pixelColor(x, y) for y in range(size) for x in range(size)]
    return [colour for colour in colours if colour.alpha() == 255]


def _all_near(colours: list[QColor], expected: QColor) -> bool:
    """Every colour is the expected one, give or take the rounding of premultiplied alpha."""
    channels = (QColor.red, QColor.green, QColor.blue)
    return bool(colours) and all(
        abs(channel(colour) - channel(expected)) <= 2 for colour in colours for channel in channels
    )


def _light_palette() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


@pytest.mark.parametrize(("palette_of", "dark_text"), [(_light_palette, True), (dark_palette, False)])
def test_icons_take_the_palette_text_colour(
    restore_palette: QApplication, palette_of: Callable[[], QPalette], dark_text: bool
) -> None:
    palette = palette_of()
    restore_palette.setPalette(palette)
    text = palette.color(QPalette.ColorGroup.Normal, QPalette.ColorRole.WindowText)
    assert (text.lightness() < 128) is dark_text, "the palette is not the kind this case is about"
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    assert disabled.name() != text.name()
    for name in ("search", "new-policy", "move-to-trash", "timeline"):
        icon = icons.action_icon(name)
        assert _all_near(_opaque_colours(icon, 48), text), name
        assert _all_near(_opaque_colours(icon, 48, QIcon.Mode.Disabled), disabled), name


def test_every_icon_renders_at_every_size(qapp: QApplication) -> None:
    for name in icons.ACTION_ICON_NAMES:
        icon = icons.action_icon(name)
        assert not icon.isNull()
        assert {16, 24, 32, 48} <= {size.width() for size in icon.availableSizes()}
        for size in (16, 24, 32, 48):
            image = icon.pixmap(QSize(size, size)).toImage().convertToFormat(QImage.Format.Format_ARGB32)
            strongest = max(image.pixelColor(x, y).alpha() for y in range(size) for x in range(size))
            assert strongest > 200, f"{name} at {size} px is faint or blank"


def test_an_icon_set_once_follows_a_theme_switch(restore_palette: QApplication) -> None:
    restore_palette.setPalette(_light_palette())
    icon = icons.action_icon("undo")
    assert _all_near(_opaque_colours(icon, 48), _light_palette().color(QPalette.ColorRole.WindowText))
    drawn = icons.tinted_pixmap("undo", 48)
    assert icons.tinted_pixmap("undo", 48).cacheKey() == drawn.cacheKey(), "drawn once per size and colour"
    restore_palette.setPalette(dark_palette())
    assert _all_near(_opaque_colours(icon, 48), dark_palette().color(QPalette.ColorRole.WindowText))


def test_setting_an_icon_renders_nothing_until_it_is_shown(qapp: QApplication) -> None:
    icons.clear_icon_cache()
    icon = icons.action_icon("export")
    assert icons._pixmaps == {}
    icon.pixmap(QSize(16, 16))
    assert len(icons._pixmaps) == 1


def test_a_translucent_text_colour_is_kept(restore_palette: QApplication) -> None:
    palette = _light_palette()
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(0, 0, 0, 96))
    restore_palette.setPalette(palette)
    pixmap = icons.action_icon("edit").pixmap(QSize(48, 48), 1.0, QIcon.Mode.Disabled)
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    alphas = {image.pixelColor(x, y).alpha() for y in range(48) for x in range(48)}
    assert max(alphas) <= 97 and max(alphas) > 0


def test_an_unknown_name_is_a_programming_error(qapp: QApplication) -> None:
    with pytest.raises(KeyError, match="no-such-icon"):
        icons.action_icon("no-such-icon")


# The app icon -----------------------------------------------------------------------------------
def _check_png(path: Path, size: int) -> None:
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is missing or unreadable"
    assert (image.width(), image.height()) == (size, size), path
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    assert any(image.pixelColor(x, y).alpha() > 0 for y in range(size) for x in range(size)), path


@pytest.mark.parametrize("size", HICOLOR_SIZES)
def test_the_app_icon_exists_in_each_hicolor_size(qapp: QApplication, size: int) -> None:
    _check_png(
        REPO / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "policy-tracker.png", size
    )


def test_the_windows_icon_holds_every_size(qapp: QApplication) -> None:
    reader = QImageReader(str(REPO / "resources" / "icons" / "policy-tracker.ico"))
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        sizes.append(reader.read().width())
    assert sizes == list(_render_script().ICO_SIZES)


def test_the_render_script_makes_the_same_sizes(qapp: QApplication, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(RENDER_SCRIPT), str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    made = sorted(p.relative_to(tmp_path) for p in (tmp_path / "hicolor").rglob("*.png"))
    kept = sorted(
        p.relative_to(REPO / "resources" / "icons") for p in REPO.glob("resources/icons/hicolor/**/*.png")
    )
    assert made == kept and len(made) == len(HICOLOR_SIZES)
    for size in HICOLOR_SIZES:
        _check_png(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "policy-tracker.png", size)
    assert (tmp_path / "policy-tracker.ico").is_file()


def test_the_flatpak_installs_every_hicolor_size() -> None:
    manifest = (REPO / "packaging" / "linux" / "io.github.policy_tracker.PolicyTracker.yml").read_text()
    loop = next(line for line in manifest.splitlines() if "resources/icons/hicolor/" in line)
    assert loop.split(" in ", 1)[1].split(";", 1)[0].split() == [str(size) for size in HICOLOR_SIZES]


def test_the_menu_commands_carry_icons_from_the_set(window: MainWindow) -> None:
    without = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert menu is not None
        for action in menu.actions():
            if action.isSeparator() or action.actionGroup() is not None:
                continue  # theme choices are radio items: their check mark is their picture
            if action.text().replace("&", "") == "About Qt":
                continue  # Qt's own entry
            if action.icon().isNull():
                without.append(action.text())
    assert without == []


def test_an_icon_changed_after_sharing_keeps_working(qapp: QApplication) -> None:
    from PySide6.QtGui import QPixmap

    shared = QIcon(icons.action_icon("search"))
    shared.addPixmap(QPixmap(8, 8))  # detaches: Qt clones the engine
    assert not shared.pixmap(QSize(16, 16)).isNull()
