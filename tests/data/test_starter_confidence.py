"""Issue 19: the starter files carry confidence as data, not as flags in prose."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.paths import seeds_dir

SEEDS = seeds_dir()
POLICY_FILES = sorted((SEEDS / "policies").glob("*.toml"))
CONFIDENCE = {"confirmed", "reported", "unconfirmed"}
PRIMARY = {"court", "government", "legislation"}
# The prefixes the December 2026 review removed, and any prose mention of a source key or policy slug.
FLAG = re.compile(r"\b(UNCONFIRMED|UNCLEAR|SOURCES DISAGREE|LOW-RELIABILITY|STATUS UNCLEAR)\b")


def _read(file: Path) -> dict[str, Any]:
    return tomllib.loads(file.read_text(encoding="utf-8"))


def _sources() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for file in sorted((SEEDS / "sources").glob("*.toml")):
        for source in _read(file)["source"]:
            found[source["key"]] = source
    return found


@pytest.mark.parametrize("file", POLICY_FILES, ids=lambda f: f.stem)
def test_every_event_has_a_confidence_and_every_policy_a_last_verified_day(file: Path) -> None:
    data = _read(file)
    verified = date.fromisoformat(data["last_verified"])
    assert verified <= date.today()
    for event in data["event"]:
        assert event["confidence"] in CONFIDENCE, event["key"]
        assert event.get("disagreement", "x").strip(), event["key"]  # present means non-empty


@pytest.mark.parametrize("file", POLICY_FILES, ids=lambda f: f.stem)
def test_a_confirmed_event_cites_a_primary_source_that_was_read(file: Path) -> None:
    sources = _sources()
    for event in _read(file)["event"]:
        if event["confidence"] == "confirmed":
            cited = [sources[key] for key in event["sources"]]
            assert any(s["kind"] in PRIMARY and s.get("excerpts") for s in cited), event["key"]


def test_no_prose_carries_an_all_caps_flag_or_an_internal_key() -> None:
    sources = _sources()
    keys = set(sources) | {file.stem for file in POLICY_FILES}
    prose: list[tuple[str, str]] = []
    for file in POLICY_FILES:
        data = _read(file)
        prose += [(f"{file.stem}.summary", data["summary"])]
        for event in data["event"]:
            prose += [(f"{file.stem}/{event['key']}", event["description"] + event.get("disagreement", ""))]
        prose += [(f"{file.stem}/relation", r.get("note", "")) for r in data.get("relation", [])]
        prose += [(f"{file.stem}/{f['key']}", f.get("note", "")) for f in data.get("figure", [])]
    prose += [(f"source {key}", s.get("note", "")) for key, s in sources.items()]
    for where, text in prose:
        assert not FLAG.search(text), where
        assert not [key for key in keys if re.search(rf"(?<![\w/-]){re.escape(key)}(?![\w-])", text)], where
