"""The command line speaks the person's language: --language, else the locale as gettext reads it.

Through the real `python -m app` process, as a person runs it from a shell with their locale.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

ENGLISH = "policy-tracker: error: Date: “2025-13-40” has no month 13\n"
SPANISH = "policy-tracker: error: Fecha: “2025-13-40” no tiene mes 13\n"
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _add_event(workspace: Path, *options: str, **locale: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env.update(locale)
    command = [sys.executable, "-m", "app", *options, "--workspace", str(workspace)]
    command += ["add-event", "texas-sb4", "--date", "2025-13-40", "--status", "enacted"]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ({"LANG": "es_ES.UTF-8"}, SPANISH),
        ({"LANG": "C.UTF-8"}, ENGLISH),
        ({}, ENGLISH),
        # The first variable set decides, in gettext's order.
        ({"LC_MESSAGES": "es_MX.UTF-8", "LANG": "en_US.UTF-8"}, SPANISH),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, ENGLISH),
        ({"LANGUAGE": "es", "LC_ALL": "C.UTF-8"}, SPANISH),
        # LANGUAGE lists fall-backs: German is not there, Spanish is.
        ({"LANGUAGE": "de:es", "LANG": "en_US.UTF-8"}, SPANISH),
        ({"LANGUAGE": "en", "LANG": "es_ES.UTF-8"}, ENGLISH),
    ],
)
def test_messages_follow_the_locale(workspace_path: Path, locale: dict[str, str], expected: str) -> None:
    result = _add_event(workspace_path, **locale)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", expected)


def test_the_language_option_wins_over_the_locale(workspace_path: Path) -> None:
    spanish = _add_event(workspace_path, "--language", "es", LANG="en_US.UTF-8")
    english = _add_event(workspace_path, "--language", "en", LANGUAGE="es", LANG="es_ES.UTF-8")
    assert (spanish.returncode, spanish.stderr) == (1, SPANISH)
    assert (english.returncode, english.stderr) == (1, ENGLISH)


def test_a_validation_message_names_the_field_in_spanish(workspace_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    result = subprocess.run(
        [sys.executable, "-m", "app", "--workspace", str(workspace_path), "add-policy", "--title", " "],
        cwd=REPO,
        env={**env, "LANG": "es_ES.UTF-8"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (1, "policy-tracker: error: Título: es obligatorio\n")


def test_a_policy_shown_in_spanish_reads_in_spanish(workspace_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    result = subprocess.run(
        [sys.executable, "-m", "app", "--workspace", str(workspace_path), "show", "texas-sb4"],
        cwd=REPO,
        env={**env, "LC_ALL": "es_MX.UTF-8"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Jurisdicción: Texas    Tipo: Ley estatal" in lines
    assert any(line.startswith("Estado actual: En vigor (desde ") for line in lines)
    assert {"Resumen", "Historial", "Fuentes", "Notas"} <= set(lines)
    # Dates name their months in Spanish, as the window does ("18 dic 2023"), never in English.
    words = set(result.stdout.replace("(", " ").replace(")", " ").split())
    assert words & {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"}
    assert not words & {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}


def test_help_and_usage_errors_follow_the_locale_too() -> None:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    spanish = {**env, "LANGUAGE": "es"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "app", *args]
        return subprocess.run(command, cwd=REPO, env=spanish, capture_output=True, text=True, timeout=60)

    helped = run("list", "--help")
    assert helped.returncode == 0 and helped.stdout.startswith("uso: policy-tracker list")
    assert "Lista las políticas con su estado actual y su último cambio." in helped.stdout
    assert "muestra esta ayuda y termina" in helped.stdout
    refused = run("export")
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[-1] == (
        "policy-tracker export: error: faltan los argumentos obligatorios: --format, -o/--output"
    )
