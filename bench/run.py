"""The benchmark runner: `make bench` (or `python -m bench.run --size S M L`).

Every time is compared with a floor measured in the same run on the same machine: a bare
PySide6 window for start-up and memory, the raw SQLite FTS5 query for search. Prints a
table and, with --write, regenerates docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "bench" / ".cache"
QUERIES = ["border", "asylum parole", "court injunction", "humanitarian", "treaty customs", "zzzz"]


@dataclass
class Row:
    size: str
    measure: str
    value: str
    floor: str = ""
    ratio: str = ""
    goal: str = ""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def workspace_for(size: str) -> Path:
    from bench.generate import generate

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{size}.sqlite"
    if not path.exists():
        print(f"generating the {size} workspace…", file=sys.stderr)
        generate(path, size)
    return path


def _probe(kind: str, target: str, *extra: str) -> tuple[float, float]:
    launched = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "bench.startup_probe", kind, target, str(launched), *extra],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    seconds, peak = out.stdout.split()
    return float(seconds), float(peak)


def _policy_count(path: Path) -> int:
    from app.data.sqlite import db

    with closing(db.connect(path)) as connection:  # a connection's own `with` commits, never closes
        return int(connection.execute("SELECT count(*) FROM policy").fetchone()[0])


def _compile_app() -> None:
    # An installed app has its bytecode compiled (pip compiles it on installing, bundles ship it);
    # so is this checkout's, else every run would compile app/ afresh under PYTHONDONTWRITEBYTECODE.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "app")], check=True)


def bench_startup(size: str, path: Path, runs: int) -> list[Row]:
    rows = _policy_count(path)
    _compile_app()
    _probe("app", str(path))  # warm the file cache and the upgrade, if any
    app: list[tuple[float, float]] = []
    bare: list[tuple[float, float]] = []
    for _ in range(runs):  # in turn, so that a change in the machine's load touches both alike
        app.append(_probe("app", str(path)))
        bare.append(_probe("bare", str(rows)))
    app_s, bare_s = statistics.median(a for a, _ in app), statistics.median(b for b, _ in bare)
    app_mb, bare_mb = max(m for _, m in app), max(m for _, m in bare)
    return [
        Row(
            size,
            "cold start to the painted, filled list (median)",
            f"{app_s * 1000:.0f} ms",
            f"{bare_s * 1000:.0f} ms",
            f"{app_s / bare_s:.2f}×",
            "≤ 1.3× at L",
        ),
        Row(
            size,
            "peak memory, whole list loaded",
            f"{app_mb:.0f} MB",
            f"{bare_mb:.0f} MB",
            f"+{app_mb - bare_mb:.0f} MB",
            "≤ +150 MB at L",
        ),
    ]


def bench_complete(size: str, path: Path, runs: int) -> list[Row]:
    """From launch to the complete window, against a bare window with the same widgets."""
    from app.data.sqlite import db

    with closing(db.connect(path)) as connection:
        # The policy a person left selected: the middle one by title, beyond a large list's first page.
        slug = connection.execute(
            "SELECT slug FROM policy WHERE deleted_at IS NULL ORDER BY title "
            "LIMIT 1 OFFSET (SELECT count(*) / 2 FROM policy WHERE deleted_at IS NULL)"
        ).fetchone()[0]
    rows = _policy_count(path)
    _compile_app()
    _probe("app-complete", str(path), slug)  # warm the file cache
    app: list[float] = []
    bare: list[float] = []
    for _ in range(runs):  # in turn, so that a change in the machine's load touches both alike
        app.append(_probe("app-complete", str(path), slug)[0])
        bare.append(_probe("bare-complete", str(rows))[0])
    app_s, bare_s = statistics.median(app), statistics.median(bare)
    return [
        Row(
            size,
            "cold start to the complete window (median)",
            f"{app_s * 1000:.0f} ms",
            f"{bare_s * 1000:.0f} ms",
            f"{app_s / bare_s:.2f}×",
            "≤ 1.5× at L",
        )
    ]


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def bench_search(size: str, path: Path) -> list[Row]:
    from app.data.sqlite import read
    from app.domain.search import fts_query
    from app.services.workspace import Workspace

    workspace = Workspace.open(path)
    c = workspace.store.connection
    instant: list[float] = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):  # every keystroke of typing the query
            prefix = query[:end]
            instant += timed(lambda p=prefix: read.rows_for_ids(c, read.policies_matching_fields(c, p)), 1)
    complete, raw = [], []
    # The floor: every matching document, ranked, in one FTS5 query over the same index. Sorted on
    # the bm25() value rather than with FTS5's `ORDER BY rank`, which gives the same order but takes
    # about twice as long when every match is returned (it is made for `LIMIT n`).
    for query in QUERIES:
        fts = fts_query(query)
        raw += timed(
            lambda f=fts: c.execute(
                "SELECT rowid, bm25(search_fts) AS score FROM search_fts WHERE search_fts MATCH ? ORDER BY score",
                (f,),
            ).fetchall(),
            3,
        )
        complete += timed(lambda q=query: read.list_policies(c, q), 3)
    workspace.close()
    ratio = statistics.median(complete) / max(statistics.median(raw), 0.001)
    return [
        Row(
            size,
            "keystroke to matches in policy fields (p50 / p95)",
            f"{percentile(instant, 0.5):.1f} / {percentile(instant, 0.95):.1f} ms",
            "",
            "",
            "≤ 16 ms p95 at L",
        ),
        Row(
            size,
            "complete search incl. notes (p50 / p95)",
            f"{percentile(complete, 0.5):.0f} / {percentile(complete, 0.95):.0f} ms",
            f"{percentile(raw, 0.5):.0f} / {percentile(raw, 0.95):.0f} ms raw FTS5",
            f"{ratio:.2f}×",
            "≤ 1.5× raw at L",
        ),
    ]


def bench_select(size: str, path: Path) -> list[Row]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.services.workspace import Workspace
    from app.ui.main.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = tempfile.mkdtemp()
    window = MainWindow(Workspace.open(path), QSettings(f"{folder}/s.ini", QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    while window.count_label.text().startswith("Reading"):
        app.processEvents()
    slugs = [
        window.model.row_at(r).slug
        for r in range(0, window.model.rowCount(), max(1, window.model.rowCount() // 40))
    ]

    def select(slug: str) -> None:
        window.select_policy(slug)
        window.detail.repaint()

    samples = [timed(lambda s=slug: select(s), 1)[0] for slug in slugs[:40]]
    window.close()
    return [
        Row(
            size,
            "select a policy to its painted detail (p50 / p95)",
            f"{percentile(samples, 0.5):.1f} / {percentile(samples, 0.95):.1f} ms",
            "",
            "",
            "≤ 16 ms p95 at L",
        )
    ]


def bench_as_of(size: str, path: Path) -> list[Row]:
    """The list as of a past day against today's list refresh, both through browse() (rows, filters, counts)."""
    from datetime import date

    from app.services.as_of import AsOf, StatusHistories
    from app.services.policies import browse
    from app.services.workspace import Workspace

    workspace = Workspace.open(path)
    read = timed(lambda: StatusHistories.read(workspace), 3)
    histories = StatusHistories.read(workspace)
    days = [date(2000 + n % 27, 1 + n % 12, 1 + (7 * n) % 28) for n in range(40)]
    today: list[float] = []
    as_of: list[float] = []
    statuses: list[float] = []
    for day in days:  # in turn, so that a change in the machine's load touches both alike
        today += timed(lambda: browse(workspace), 1)
        as_of += timed(lambda d=day: browse(workspace, as_of=AsOf.of(histories, d)), 1)
        statuses += timed(lambda d=day: AsOf.of(histories, d), 1)
    workspace.close()
    return [
        Row(
            size,
            "every policy's status on a past day, histories read (p50 / p95)",
            f"{percentile(statuses, 0.5):.1f} / {percentile(statuses, 0.95):.1f} ms",
            "",
            "",
            "≤ 16 ms p95 at L",
        ),
        Row(
            size,
            "the list as of a past day: rows, filters, counts (p50 / p95)",
            f"{percentile(as_of, 0.5):.1f} / {percentile(as_of, 0.95):.1f} ms",
            f"{percentile(today, 0.5):.1f} / {percentile(today, 0.95):.1f} ms today's list",
            f"{percentile(as_of, 0.95) / max(percentile(today, 0.95), 0.001):.2f}×",
            "as today's list",
        ),
        Row(
            size,
            "read every status history for the as-of view (median)",
            f"{statistics.median(read):.0f} ms",
            "",
            "",
            "once per change, off the GUI thread",
        ),
    ]


def bench_export(size: str, path: Path, limit: int) -> list[Row]:
    from app.export.briefing import build_briefing
    from app.export.markdown import briefing_markdown
    from app.export.pdf import render_pdf
    from app.services.policies import policy_ids_in_scope
    from app.services.workspace import Workspace

    workspace = Workspace.open(path)
    ids = policy_ids_in_scope(workspace)[:limit]
    start = time.perf_counter()
    briefing = build_briefing(workspace, ids)
    gathered = time.perf_counter()
    briefing_markdown(briefing)
    markdown = time.perf_counter()
    render_pdf(briefing)
    pdf = time.perf_counter()
    workspace.close()
    gather = gathered - start
    return [
        Row(
            size,
            f"export {len(ids)} policies to Markdown",
            f"{len(ids) / (gather + markdown - gathered):.0f} policies/s",
            "",
            f"{gather / (gather + markdown - gathered):.0%} outside the writer",
            "",
        ),
        Row(
            size,
            f"export {len(ids)} policies to PDF",
            f"{len(ids) / (gather + pdf - markdown):.0f} policies/s",
            "",
            f"{gather / (gather + pdf - markdown):.0%} outside Qt's writer",
            "",
        ),
    ]


def bench_edit(size: str, path: Path, repeat: int = 40) -> list[Row]:
    """One edit (an operation: read the policy, save it changed) with its change recorded, and the
    same edit with recording switched off, taken in turn on a copy of the workspace."""
    import shutil

    from app.services import operations
    from app.services.inputs import PolicyInput
    from app.services.workspace import Workspace

    folder = tempfile.mkdtemp()
    copy = Path(folder) / "edit.sqlite"
    Workspace.open(path).close()  # brought up to this version once, in the cache, not in every copy
    shutil.copyfile(path, copy)
    workspace = Workspace.open(copy)
    store = workspace.store
    policy_id = store.policy_rows()[len(store.policy_rows()) // 2].id
    title = workspace.store.policy_detail(policy_id).title  # type: ignore[union-attr]
    record = store.record_changes

    def edit(n: int) -> None:
        operations.edit_policy(workspace, policy_id, PolicyInput(title=f"{title} {n}", summary=f"Edit {n}"))

    edit(-1)  # warm: the recorder's module imported, the history's hourly pruning done
    recorded: list[float] = []
    bare: list[float] = []
    for n in range(repeat):
        store.record_changes = record  # type: ignore[method-assign]
        recorded += timed(lambda n=n: edit(2 * n), 1)
        store.record_changes = lambda _session: None  # type: ignore[method-assign]
        bare += timed(lambda n=n: edit(2 * n + 1), 1)
    workspace.close()
    shutil.rmtree(folder, ignore_errors=True)
    extra = statistics.median(recorded) - statistics.median(bare)
    return [
        Row(
            size,
            "edit a policy, its change recorded (p50 / p95)",
            f"{percentile(recorded, 0.5):.1f} / {percentile(recorded, 0.95):.1f} ms",
            f"{percentile(bare, 0.5):.1f} / {percentile(bare, 0.95):.1f} ms unrecorded",
            f"{statistics.median(recorded) / max(statistics.median(bare), 0.001):.2f}× (+{extra:.1f} ms)",
            "a small constant, the same at S, M, L",
        )
    ]


def machine() -> str:
    cpus = os.cpu_count()
    memory = ""
    try:
        with open("/proc/meminfo") as handle:
            memory = f", {int(handle.readline().split()[1]) // 1024 // 1024} GB"
    except OSError:
        pass
    from PySide6 import __version__ as pyside

    # Other processes' load slows every time alike; the ratios to the floors stay comparable.
    load = (
        f"; load average {os.getloadavg()[2]:.1f} over the last 15 minutes"
        if hasattr(os, "getloadavg")
        else ""
    )
    return (
        f"{platform.system()} {platform.machine()}, {cpus} cores{memory}; Python {platform.python_version()}, "
        f"PySide6 {pyside}, SQLite {__import__('sqlite3').sqlite_version}{load}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", nargs="+", default=["S", "M", "L"], choices=["S", "M", "L"])
    parser.add_argument("--runs", type=int, default=5, help="cold starts per measurement")
    parser.add_argument("--write", action="store_true", help="rewrite docs/benchmarks.md")
    parser.add_argument(
        "--only",
        choices=["complete", "edit", "as-of"],
        help="run this measure alone (while working on it; not with --write)",
    )
    args = parser.parse_args()
    if args.only and args.write:
        parser.error("--only measures one thing; --write needs the whole table")
    sys.path.insert(0, str(REPO))
    rows: list[Row] = []
    for size in args.size:
        path = workspace_for(size)
        if args.only == "complete":
            rows += bench_complete(size, path, args.runs)
            continue
        if args.only == "edit":
            rows += bench_edit(size, path)
        if args.only == "as-of":
            rows += bench_as_of(size, path)
            continue
        rows += bench_startup(size, path, args.runs)
        rows += bench_complete(size, path, args.runs)
        rows += bench_search(size, path)
        rows += bench_select(size, path)
        rows += bench_edit(size, path)
        rows += bench_as_of(size, path)
        rows += bench_export(size, path, 200 if size != "S" else 50)
        if size in ("M", "L"):  # the same workspace on a throwaway PostgreSQL server (a team workspace)
            from bench.team import bench_team

            rows += bench_team(size, path)
    header = "| size | measure | value | floor | ratio / share | goal |\n|---|---|---|---|---|---|\n"
    table = header + "".join(
        f"| {r.size} | {r.measure} | {r.value} | {r.floor} | {r.ratio} | {r.goal} |\n" for r in rows
    )
    print(table)
    if args.write:
        text = (REPO / "bench" / "benchmarks_template.md").read_text(encoding="utf-8")
        text = text.replace("{machine}", machine()).replace("{table}", table)
        text = text.replace("{date}", time.strftime("%Y-%m-%d"))
        (REPO / "docs" / "benchmarks.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
