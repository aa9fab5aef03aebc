"""`policy-tracker chart`: figures of one measure drawn to SVG or PNG, and the measures listed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.cli.helpers import assert_one_line_error, run


def test_measures_are_listed(capsys: pytest.CaptureFixture[str], workspace_path: Path) -> None:
    code, out, _ = run(capsys, "chart", "--workspace", str(workspace_path))
    assert code == 0
    assert "US dollars: 13 figures, 3 policies" in out.splitlines()
    assert "people per day: 3 figures, 1 policy" in out.splitlines()


def test_chart_svg_and_png(capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path) -> None:
    svg = tmp_path / "dollars.svg"
    code, out, err = run(
        capsys, "chart", "--measure", "us dollars", "-o", str(svg), "--workspace", str(workspace_path)
    )
    assert (code, err) == (0, "")
    assert out == f"Drew 13 figures in US dollars to {svg}\n"
    root = ET.parse(svg).getroot()
    series = [g.get("data-slug") for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("data-slug")]
    assert len(series) == 13  # each figure counts something of its own: one series each
    assert list(dict.fromkeys(series)) == [
        "central-america-development-commitment-2021",
        "merida-initiative",
        "us-mexico-border-infrastructure-commitments",
    ]
    png = tmp_path / "closures.png"
    code, out, _ = run(
        capsys,
        "chart",
        "--measure",
        "people per day",
        "--policy",
        "border-crossing-closures-2023",
        "-o",
        str(png),
        "--workspace",
        str(workspace_path),
    )
    assert code == 0 and png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--measure", "zzz", "-o", "x.svg"],
            "No figures are in “zzz”. The measures there are: “US dollars” (13)",
        ),
        (["--measure", "us dollars", "-o", "x.gif"], "name it .svg or .png"),
        (["--measure", "us dollars"], "Name the file to draw to"),
        (["--measure", "Border", "-o", "x.svg"], "matches figures in different units"),
    ],
)
def test_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str], workspace_path: Path, tmp_path: Path, argv: list[str], message: str
) -> None:
    argv = [str(tmp_path / a) if a.startswith("x.") else a for a in argv]
    code, out, err = run(capsys, "chart", *argv, "--workspace", str(workspace_path))
    assert code == 1
    assert_one_line_error(code, out, err, message)
    assert not list(tmp_path.glob("x.*"))
