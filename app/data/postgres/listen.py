"""Hearing other clients' changes: LISTEN on a connection of its own, in a thread of its own.

The triggers of the schema (app.data.postgres.schema) send a small JSON payload on every
change; PostgreSQL delivers it only when the transaction commits (a rollback sends nothing).
The listener hands each batch of payloads to a callback, from its own thread: a window
passes them on to its GUI thread through a queued signal. After a lost connection (a laptop
asleep, a server restarted) it connects again and reports that anything may have changed,
since what was sent meanwhile is lost.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import sql

from app.data.postgres import connection as server
from app.data.postgres.schema import CHANNEL

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

# A payload that says: anything may have changed (sent after a reconnection).
EVERYTHING: dict[str, Any] = {"table": "*"}


class ChangeListener:
    """Calls `on_change(payloads)` from its own thread for each batch of committed changes."""

    def __init__(
        self, url: URL, on_change: Callable[[list[dict[str, Any]]], None], *, poll_seconds: float = 0.2
    ) -> None:
        self._info = server.conninfo(url)
        self._on_change = on_change
        self._poll = poll_seconds
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="team-change-listener", daemon=True)
        self._connection: psycopg.Connection[Any] | None = None

    def start(self, *, wait: float = 10.0) -> None:
        """Start listening; returns once the LISTEN is in place (or `wait` seconds passed)."""
        self._thread.start()
        self._listening.wait(wait)

    @property
    def listening(self) -> bool:
        return self._listening.is_set()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def drop_connection(self) -> None:
        """Close the listening connection as a network failure would (for tests of the catch-up)."""
        connection = self._connection
        if connection is not None:
            connection.pgconn.finish()

    def _connect(self) -> psycopg.Connection[Any]:
        connection = psycopg.connect(self._info, autocommit=True)
        connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(CHANNEL)))
        return connection

    def _run(self) -> None:
        reconnected = False
        while not self._stop.is_set():
            try:
                self._connection = self._connect()
            except psycopg.Error as error:
                log.info("team listener cannot connect yet: %s", error)
                self._stop.wait(min(5.0, self._poll * 10))
                continue
            self._listening.set()
            if reconnected:
                self._on_change([EVERYTHING])  # what was sent while away is lost: catch up
            try:
                self._listen(self._connection)
            except psycopg.Error as error:
                log.info("team listener lost its connection: %s", error)
                self._listening.clear()
                reconnected = True
            finally:
                self._connection.close()
                self._connection = None

    def _listen(self, connection: psycopg.Connection[Any]) -> None:
        while not self._stop.is_set():
            batch: list[dict[str, Any]] = []
            for notice in connection.notifies(timeout=self._poll):
                batch.append(_payload(notice.payload))
                if len(batch) >= 1000:
                    break
            if batch:
                self._on_change(batch)


def _payload(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return dict(EVERYTHING)
    return value if isinstance(value, dict) else dict(EVERYTHING)
