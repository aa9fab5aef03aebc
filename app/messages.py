"""The catalogue of the messages written below the window: errors of the services, data and domain.

Why gettext and not Qt's translator: those layers must not import Qt (an import-linter contract), and
the command line must not pay for it, yet both the window and the command line show their messages.
Python's own gettext reads a compiled catalogue (resources/locale/<lang>/LC_MESSAGES/policy_tracker.mo,
compiled from the .po at build time, like the window's .qm files) with no dependency, and already
follows the locale variables the way command-line tools do. A message is formatted in the language
in use when it is raised: the window switches it with its interface language, the command line with
`--language` or the locale.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

from app.paths import resources_dir

DOMAIN = "policy_tracker"
LANGUAGES = ("en", "es")
# The variables gettext reads, in its order: the first one set decides.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_in_use: list[gettext.NullTranslations] = [gettext.NullTranslations()]
_language = ["en"]


def _(message: str) -> str:
    """A message in the language in use (its {placeholders} are filled afterwards, with .format)."""
    return _in_use[0].gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a message for `count`, in the language in use."""
    return _in_use[0].ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a text for the catalogue without translating it yet (a label kept in a table)."""
    return message


def locale_dir() -> Path:
    return resources_dir() / "locale"


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """The language the locale asks for, as gettext reads it (LANGUAGE may list several: "de:es")."""
    environ = dict(os.environ) if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if not value:
            continue
        for wanted in value.split(":"):
            code = wanted.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
            if code in ("c", "posix"):
                return "en"
        return "en"
    return "en"


def use_language(language: str | None = None) -> str:
    """Show messages in `language` (None: the one the locale asks for); return the language now in use.

    A language without a compiled catalogue leaves the messages in English.
    """
    wanted = language if language in LANGUAGES else language_from_environment()
    if wanted == "en":
        _in_use[0] = gettext.NullTranslations()
    else:
        try:
            _in_use[0] = gettext.translation(DOMAIN, locale_dir(), languages=[wanted])
        except OSError:
            wanted = "en"
            _in_use[0] = gettext.NullTranslations()
    _language[0] = wanted
    return wanted


def language_in_use() -> str:
    return _language[0]
