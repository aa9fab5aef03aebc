"""Build hook: the wheel (and the editable install) carries the compiled translation catalogues.

Without it a `pip install` had only the .ts sources: no Spanish interface, no English plural forms,
and `policy-tracker --self-test` failed. The catalogues are compiled into resources/translations,
which the wheel ships as app/resources_data (pyproject.toml) and an editable install reads in place.
"""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TranslationCataloguesHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        # packaging/ is not a package (and its name would shadow the PyPI one): load the file itself.
        catalogues = runpy.run_path(str(Path(self.root) / "packaging" / "catalogues.py"))
        catalogues["compile_catalogues"](Path(self.root) / "resources" / "translations")
