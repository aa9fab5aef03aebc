"""The starter dataset's schema: validates the TOML files and names the file and field at fault."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from app.domain.dates import PartialDate
from app.domain.vocab import Confidence, Jurisdiction, PolicyKind, RelationKind, SourceKind, Status
from app.errors import InvalidInput
from app.messages import _

_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _key(value: str) -> str:
    if not _KEY.match(value):
        raise ValueError(_("use lowercase letters, digits and hyphens only"))
    return value


def _past_date(value: str) -> str:
    parsed = PartialDate.parse(value)
    if parsed.is_after(date.today()):
        raise ValueError(_("{date} is in the future").format(date=value))
    return parsed.iso()


def _past_day(value: str) -> str:
    parsed = PartialDate.parse(value)
    if parsed.precision.value != "day":
        raise ValueError(_("{date} must be a full date, YYYY-MM-DD").format(date=value))
    if parsed.is_after(date.today()):
        raise ValueError(_("{date} is in the future").format(date=value))
    return parsed.iso()


def _nonblank(value: str) -> str:
    if not value.strip():
        raise ValueError(_("must not be empty"))
    return value


def _http_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/]+\S*$", value):
        raise ValueError(_("must be an http:// or https:// address"))
    return value


Key = Annotated[str, AfterValidator(_key)]
PastDate = Annotated[str, AfterValidator(_past_date)]
PastDay = Annotated[str, AfterValidator(_past_day)]
Text = Annotated[str, AfterValidator(_nonblank)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SeedSource(_Strict):
    key: Key
    title: Text
    publisher: str = ""
    authors: list[str] = []
    published: PastDate | None = None
    kind: SourceKind
    language: str = Field(default="en", pattern=r"^[a-z]{2}$")
    url: Annotated[str, AfterValidator(_http_url)] | None = None
    issuer: str = ""
    note: str = ""
    excerpts: list[Text] = []


class SeedEvent(_Strict):
    key: Key
    date: PastDate
    status: Status
    # None: derived when loaded, from the kinds of the cited sources (default_confidence).
    confidence: Confidence | None = None
    disagreement: str = ""
    description: Text
    sources: list[Key] = Field(min_length=1)


class SeedRelation(_Strict):
    kind: RelationKind
    target: Key
    note: str = ""


class SeedFigure(_Strict):
    key: Key
    label: Text
    value: float
    unit: str = ""
    date: PastDate
    period_end: PastDate | None = None
    approximate: bool = False
    source: Key
    quote: Text
    note: str = ""


class SeedPolicy(_Strict):
    slug: Key
    title: Text
    aliases: list[str] = []
    jurisdiction: Jurisdiction
    kind: PolicyKind
    summary: Text
    legal_basis: str = ""
    agencies: list[str] = []
    tags: list[str] = []
    last_verified: PastDay | None = None
    events: list[SeedEvent] = Field(default=[], alias="event")
    relations: list[SeedRelation] = Field(default=[], alias="relation")
    figures: list[SeedFigure] = Field(default=[], alias="figure")


class StarterDataset(BaseModel):
    sources: dict[str, SeedSource]
    policies: dict[str, SeedPolicy]


def _where(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts[-1] = f"{parts[-1]}[{item + 1}]" if parts else f"[{item + 1}]"
        else:
            parts.append(str(item))
    return ".".join(parts) or "(file)"


def _fail(file: Path, field: str, message: str) -> InvalidInput:
    return InvalidInput(_("{path}: {where}: {problem}").format(path=file, where=field, problem=message))


def _parse(file: Path, model: type[BaseModel], data: Any, prefix: tuple[Any, ...] = ()) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        message = first["msg"].removeprefix("Value error, ")
        raise _fail(file, _where((*prefix, *first["loc"])), message) from None


def _read_toml(file: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise _fail(file, "(syntax)", str(error)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise _fail(file, "(file)", f"cannot be read: {error}") from None


def load_dataset(root: Path) -> StarterDataset:
    """Read and validate every seed file, including the keys that refer across files."""
    sources: dict[str, SeedSource] = {}
    for file in sorted((root / "sources").glob("*.toml")):
        raw = _read_toml(file)
        unknown = set(raw) - {"source"}
        if unknown:
            raise _fail(file, sorted(unknown)[0], "unknown table; a sources file holds [[source]] only")
        for index, item in enumerate(raw.get("source", [])):
            where = f"source[{index + 1}]"
            if not isinstance(item, dict):
                raise _fail(file, where, "must be a table")
            source = _parse(file, SeedSource, item, ("source", index))
            if source.key in sources:
                raise _fail(file, f"{where}.key", f"“{source.key}” is defined twice")
            sources[source.key] = source

    policies: dict[str, SeedPolicy] = {}
    for file in sorted((root / "policies").glob("*.toml")):
        policy = _parse(file, SeedPolicy, _read_toml(file))
        if policy.slug != file.stem:
            raise _fail(file, "slug", f"“{policy.slug}” must match the file name “{file.stem}”")
        _check_policy(file, policy, sources)
        policies[policy.slug] = policy

    for slug, policy in policies.items():
        for index, relation in enumerate(policy.relations):
            if relation.target not in policies:
                file = root / "policies" / f"{slug}.toml"
                raise _fail(file, f"relation[{index + 1}].target", f"no policy “{relation.target}”")
    return StarterDataset(sources=sources, policies=policies)


def _check_policy(file: Path, policy: SeedPolicy, sources: dict[str, SeedSource]) -> None:
    keyed: tuple[tuple[str, Sequence[SeedEvent | SeedFigure]], ...] = (
        ("event", policy.events),
        ("figure", policy.figures),
    )
    for label, items in keyed:
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.key in seen:
                raise _fail(file, f"{label}[{index + 1}].key", f"“{item.key}” is used twice")
            seen.add(item.key)
    for index, event in enumerate(policy.events):
        for cited in event.sources:
            if cited not in sources:
                raise _fail(file, f"event[{index + 1}].sources", f"no source “{cited}”")
    for index, figure in enumerate(policy.figures):
        if figure.source not in sources:
            raise _fail(file, f"figure[{index + 1}].source", f"no source “{figure.source}”")
