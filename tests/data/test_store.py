"""The store: the one door to a workspace, and cancelling a search through it (not through a connection)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from app.data.sqlite.store import SqliteStore
from app.data.store import CancelToken, SearchCancelled, Store
from app.services.policies import browse
from app.services.workspace import Workspace


def test_the_workspace_owns_one_store_that_is_a_store(workspace: Workspace) -> None:
    store: Store = workspace.store
    assert store is workspace.store
    assert store.count_policies() == len(store.policy_rows()) > 0
    slug = store.first_page(1)[0].slug
    detail = store.policy_detail(store.policy_id_for_slug(slug) or "")
    assert detail is not None and detail.slug == slug


def test_a_token_cancelled_before_the_search_stops_it_before_it_reads(workspace: Workspace) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(SearchCancelled):
        workspace.store.policy_rows("border", token)


def test_cancelling_stops_a_running_search_from_another_thread(workspace_path: Path) -> None:
    store = SqliteStore(workspace_path, read_only=False, write_wait=Workspace.write_wait)
    token = CancelToken()
    running = threading.Event()
    outcome: list[object] = []

    def slow_step() -> int:
        running.set()
        time.sleep(0.002)  # every 100 SQLite steps: the search is still running when cancelled
        return 0

    def search() -> None:  # a connection belongs to the thread that made it: all of it here
        try:
            store.connection.set_progress_handler(slow_step, 100)
            try:
                outcome.append(store.policy_rows("court", token))
            except SearchCancelled as error:
                outcome.append(error)
            store.connection.set_progress_handler(None, 0)
            outcome.append(store.policy_rows("court"))
        finally:
            store.close()

    worker = threading.Thread(target=search)
    started = time.monotonic()
    worker.start()
    assert running.wait(10)
    store.cancel_search()
    worker.join(10)
    assert isinstance(outcome[0], SearchCancelled)
    assert time.monotonic() - started < 5
    assert outcome[1], "the store still searches after a cancelled search"


def test_browse_with_a_token_gives_the_same_result_as_without(workspace: Workspace) -> None:
    from app.services.policies import PolicyFilters

    filters = PolicyFilters(search="court")
    assert browse(workspace, filters, CancelToken()) == browse(workspace, filters)


def test_the_change_feed_moves_when_another_process_commits(workspace_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import REPO

    workspace = Workspace.open(workspace_path)
    try:
        before = workspace.store.data_version()
        assert workspace.store.data_version() == before, "nothing changed yet"
        writer = (
            "import sys; from pathlib import Path; from app.services import editing;"
            "from app.services.inputs import PolicyInput; from app.services.workspace import Workspace;"
            "w = Workspace.open(Path(sys.argv[1])); editing.create_policy(w, PolicyInput(title='From elsewhere'));"
            "w.close()"
        )
        subprocess.run([sys.executable, "-c", writer, str(workspace_path)], cwd=REPO, check=True, timeout=60)
        assert workspace.store.data_version() != before
    finally:
        workspace.close()


def test_details_of_many_policies_are_those_of_each(workspace: Workspace) -> None:
    """policy_details (the audit's bulk read) gives, for each policy, what policy_detail gives."""
    from app.services.editing import add_note
    from app.services.inputs import NoteInput

    ids = [r.id for r in workspace.store.policy_rows()]
    add_note(workspace, ids[0], NoteInput(body="Mine.", pinned=True))
    many = workspace.store.policy_details(list(reversed(ids)))
    assert [d.id for d in many] == list(reversed(ids))
    for detail in many:
        assert detail == workspace.store.policy_detail(detail.id)
