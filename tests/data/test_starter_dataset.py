"""The shipped starter dataset: complete, dated honestly, every claim cited."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from app.data.seed_schema import StarterDataset, load_dataset
from app.domain.dates import PartialDate
from app.paths import seeds_dir
from app.services.bundle import build_bundle, without_history
from app.services.bundle_import import import_bundle
from app.services.workspace import Workspace

SEEDS = seeds_dir()
REQUIRED = {"remain-in-mexico", "title-42", "merida-initiative", "bicentennial-framework", "texas-sb4"}


@pytest.fixture(scope="module")
def dataset() -> StarterDataset:
    return load_dataset(SEEDS)


def test_the_five_named_policies_are_there(dataset: StarterDataset) -> None:
    assert set(dataset.policies) >= REQUIRED


def test_every_event_cites_an_existing_source(dataset: StarterDataset) -> None:
    for policy in dataset.policies.values():
        assert policy.events, policy.slug
        for event in policy.events:
            assert event.sources, (policy.slug, event.key)
            assert set(event.sources) <= set(dataset.sources), (policy.slug, event.key)


def _all_dates(dataset: StarterDataset) -> list[tuple[str, str]]:
    found = []
    for policy in dataset.policies.values():
        found += [(f"{policy.slug}/{e.key}", e.date) for e in policy.events]
        found += [(f"{policy.slug}/figure/{f.key}", f.date) for f in policy.figures]
    found += [(f"source/{s.key}", s.published) for s in dataset.sources.values() if s.published]
    return found


def test_no_date_is_in_the_future_and_every_date_is_well_formed(dataset: StarterDataset) -> None:
    today = date.today()
    for where, text in _all_dates(dataset):
        parsed = PartialDate.parse(text)
        assert parsed.iso() == text, where
        assert not parsed.is_after(today), where


def test_the_raw_files_use_well_formed_dates() -> None:
    # The schema normalises; this checks what a person reads in the files themselves.
    for file in sorted((SEEDS / "policies").glob("*.toml")):
        data = tomllib.loads(file.read_text(encoding="utf-8"))
        for event in data.get("event", []):
            assert PartialDate.parse(event["date"]).iso() == event["date"], (file.name, event["key"])


def test_every_excerpt_and_figure_quote_is_non_empty(dataset: StarterDataset) -> None:
    for source in dataset.sources.values():
        assert all(x.strip() for x in source.excerpts), source.key
    for policy in dataset.policies.values():
        for figure in policy.figures:
            assert figure.quote.strip() and figure.source in dataset.sources, (policy.slug, figure.key)


def test_every_relation_points_at_an_existing_policy(dataset: StarterDataset) -> None:
    for policy in dataset.policies.values():
        for relation in policy.relations:
            assert relation.target in dataset.policies and relation.target != policy.slug


def test_every_policy_has_the_descriptive_fields(dataset: StarterDataset) -> None:
    for policy in dataset.policies.values():
        assert len(policy.summary) > 80, policy.slug
        assert policy.agencies and policy.tags, policy.slug


def test_every_source_is_cited_by_something(dataset: StarterDataset) -> None:
    cited = {s for p in dataset.policies.values() for e in p.events for s in e.sources}
    cited |= {f.source for p in dataset.policies.values() for f in p.figures}
    assert set(dataset.sources) - cited == set()


def test_the_dataset_round_trips_through_the_json_bundle(workspace: Workspace, tmp_path: Path) -> None:
    file = tmp_path / "starter.json"
    from app.services.bundle import write_bundle

    write_bundle(workspace, file)
    fresh = Workspace.open(tmp_path / "fresh.sqlite", starter_data=False)
    import_bundle(fresh, file)
    # Each workspace has its own history (the import is recorded as an import): the rest is equal.
    assert without_history(build_bundle(fresh)) == without_history(build_bundle(workspace))
    fresh.close()
