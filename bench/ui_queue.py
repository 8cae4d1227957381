"""The queue view at 100k and 250k cached incidents: the paged model against the naive baseline.

For each size, a cache is built once (the real schema and indexes, encrypted; with --workdir it
is kept and reused), then each variant runs in its own process so its memory is its own:
- `paged`: the workstation's QueueModel in the window's QueueTable (pages of 200 read off the UI
  thread, the first one before the count, counts and the last views kept between data changes);
- `naive`: a QStandardItemModel holding every row of the queue, as the obvious first version.
Timed: first paint, a filter change, a sort change, a text search, back to all, a scroll to the
middle and «back» to a kept view, each from the action until the view has painted the new rows;
then the tab counts. Per step also the db thread's CPU time (comparable on a loaded machine),
its trips, the UI thread's CPU and paints; per run the load average and memory.

Usage: .venv/bin/python bench/ui_queue.py [--sizes 100000,250000] [--quick]
           [--variants paged,naive] [--workdir DIR] [--build-only]
Prints JSON. Aim: each interaction under 100 ms at 250k; memory well under the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _cache_bench():
    spec = importlib.util.spec_from_file_location("cache_queries", ROOT / "bench/cache_queries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_cache(folder: Path, size: int) -> dict:
    from cur_desktop.models.cache.store import CacheStore

    cq = _cache_bench()
    key = secrets.token_hex(32)
    store = CacheStore(folder / "cache.db", key)
    try:
        with store.write() as conn:
            cq.set_indexes(conn, [])
        built = cq.build(store, size)
        with store.write() as conn:
            names = [n for n in cq.migration_indexes() if n not in cq.FIXED]
            cq.set_indexes(conn, names)
    finally:
        store.close()
    (folder / "key").write_text(key)
    return built


# --- one variant, in a child process ----------------------------------------------------------


def run_variant(folder: Path, variant: str, now_ts: int) -> dict:
    import qasync
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication

    from cur_desktop.models.cache.store import CacheStore
    from cur_desktop.ui.aio import in_db
    from cur_desktop.ui.labels import Labels
    from cur_desktop.ui.queue_model import COLUMNS, QueueModel
    from cur_desktop.ui.queue_source import QueueService, ViewState
    from cur_desktop.ui.queue_table import QueueTable
    from cur_desktop.ui.sla_view import SlaView

    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    store = CacheStore(folder / "cache.db", (folder / "key").read_text())
    sla = SlaView.from_reference(None)
    sla.warm()  # the window does this in the background at start
    service = QueueService(store, 1, sla)
    from datetime import UTC, datetime

    now = datetime.fromtimestamp(now_ts, UTC)
    waiters: list[tuple] = []
    paints = {"n": 0, "cpu": 0.0}  # the view's paints (each asks data() of every visible cell)

    class View(QueueTable):
        """Reports the first paint after which a condition holds (rows on screen)."""

        def paintEvent(self, event):  # noqa: N802 - Qt override
            cpu = time.thread_time()
            super().paintEvent(event)
            paints["n"] += 1
            paints["cpu"] += time.thread_time() - cpu
            for w in list(waiters):
                cond, future = w
                if future.done() or cond():
                    waiters.remove(w)
                    future.done() or future.set_result(time.perf_counter())

    def paint_when(cond) -> asyncio.Future:
        """Register before the action: resolves with the time the view has painted once
        `cond()` holds (checked right after each paint)."""
        future = asyncio.get_running_loop().create_future()
        waiters.append((cond, future))
        return future

    # The window's queue table (for the naive variant too: its setup is not the model's).
    view = View(QueueModel(Labels(), sla))
    view.resize(1400, 800)
    view.show()
    rss_before = _rss_mb()
    timings: dict[str, float] = {}
    detail: dict[str, dict] = {}
    # The db thread's work, summed over its calls: CPU time stays comparable on a loaded machine.
    db = {"cpu": 0.0, "wall": 0.0, "calls": 0}

    def on_db(fn):
        def timed(*args):
            cpu, wall = time.thread_time(), time.perf_counter()
            try:
                return fn(*args)
            finally:
                db["cpu"] += time.thread_time() - cpu
                db["wall"] += time.perf_counter() - wall
                db["calls"] += 1

        return timed

    def db_reset() -> None:
        db.update(cpu=0.0, wall=0.0, calls=0)
        paints.update(n=0, cpu=0.0)

    def painted() -> None:
        # A synchronous paint (it calls data() for every visible cell). No processEvents():
        # inside a task it would re-enter the loop.
        view.viewport().repaint()

    async def signal(model, sig, done) -> None:
        if done():
            return
        future = asyncio.get_running_loop().create_future()
        sig.connect(lambda: future.done() or future.set_result(None))
        await asyncio.wait_for(future, 60)

    async def paged() -> None:
        model = view.model()
        state = ViewState(tab="all")
        count, page = on_db(service.count), on_db(service.page)

        shown = {"yes": False}
        model.shown.connect(lambda: shown.update(yes=True))
        # The window selects the first row of a new view, which scrolls it into sight.
        model.shown.connect(view.scrollToTop)

        def measures(started: float, ui_cpu: float) -> dict:
            return {
                "db_cpu_ms": round(db["cpu"] * 1000, 1),
                "db_wall_ms": round(db["wall"] * 1000, 1),
                "db_calls": db["calls"],
                "ui_thread_cpu_ms": round((time.thread_time() - ui_cpu) * 1000, 1),
                "paints": paints["n"],
                "paint_cpu_ms": round(paints["cpu"] * 1000, 1),
            }

        async def query(name: str) -> None:
            db_reset()
            shown["yes"] = False
            rows_painted = paint_when(lambda: shown["yes"])
            ui_cpu = time.thread_time()
            started = time.perf_counter()
            s = ViewState(**vars(state))
            model.set_query(
                lambda: count(s, now), lambda o, n: page(s, now, o, n), lambda: service.view_key(s)
            )
            painted_at = await asyncio.wait_for(rows_painted, 60)
            timings[name] = (painted_at - started) * 1000
            ui_cpu_painted = time.thread_time() - ui_cpu
            paints_to_rows = paints["n"]
            await signal(model, model.loaded, lambda: model.settled)
            detail[name] = {
                "ui_thread_cpu_to_paint_ms": round(ui_cpu_painted * 1000, 1),
                "paints_to_rows": paints_to_rows,
                "count_in_ms": round((time.perf_counter() - started) * 1000, 1),
                **measures(started, ui_cpu),
            }

        await query("first_paint")
        state.sector = "roads"
        await query("filter")
        state.sort_key, state.descending = "received", True
        await query("sort")
        before_search = ViewState(**vars(state))
        state.sector, state.text = None, "дорога"
        await query("search")
        state.text = None
        await query("reset")
        target = model.rowCount() // 2
        db_reset()
        rows_painted = paint_when(lambda: model._pages.get(target // model.page_size) is not None)
        ui_cpu = time.thread_time()
        started = time.perf_counter()
        view.scrollTo(model.index(target, 0))
        timings["scroll_far"] = (await asyncio.wait_for(rows_painted, 60) - started) * 1000
        detail["scroll_far"] = measures(started, ui_cpu)
        timings["rows"] = model.rowCount()
        # «Back» to the view before the search (sector + newest first): kept, nothing to read.
        state = before_search
        await query("back")

        # The tab counts the window shows after a sync or an action: the first time on this
        # data, then again (mine, unassigned and all from memory; at risk, overdue counted).
        def tabs() -> float:
            cpu = time.thread_time()
            service.tab_counts(now)
            return (time.thread_time() - cpu) * 1000

        for name in ("tab_counts_first", "tab_counts_again"):
            detail[name] = {"db_cpu_ms": round(await in_db(tabs), 1)}

    async def naive() -> None:
        model = QStandardItemModel()

        def fill(state: ViewState) -> None:
            rows = service.page(state, now, 0, 10_000_000)
            model.clear()
            model.setColumnCount(len(COLUMNS))
            for r in rows:
                model.appendRow(
                    [
                        QStandardItem(str(r[k]) if k in r else "")
                        for k in (
                            "number",
                            "sla_due",
                            "excerpt",
                            "status",
                            "importance",
                            "sector",
                            "municipality_id",
                            "channel",
                            "assignee_id",
                            "received_at",
                        )
                    ]
                )

        def timed(name: str, action) -> None:
            started = time.perf_counter()
            action()
            painted()
            timings[name] = (time.perf_counter() - started) * 1000

        view.setModel(model)
        timed("first_paint", lambda: fill(ViewState(tab="all")))
        timed("filter", lambda: fill(ViewState(tab="all", sector="roads")))
        timed("sort", lambda: model.sort(9))
        timed("search", lambda: fill(ViewState(tab="all", text="дорога")))
        timed("reset", lambda: fill(ViewState(tab="all")))
        target = model.rowCount() // 2
        timed("scroll_far", lambda: view.scrollTo(model.index(target, 0)))
        timings["rows"] = model.rowCount()

    load_before = os.getloadavg()
    loop.run_until_complete(paged() if variant == "paged" else naive())
    rss_after = _rss_mb()
    store.close()
    out = {
        "ms": {k: round(v, 1) for k, v in timings.items() if k != "rows"},
        "rows": timings["rows"],
        # This process's own high-water mark. Not getrusage's ru_maxrss: Linux keeps that across
        # exec, so a child started after the cache build reported the builder's peak (and a
        # growth of 0, as both readings were that same inherited number).
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        # Resident memory now (not the high-water mark) after start-up (Qt, the store, the
        # calendar, an empty view) and after the interactions, with the store still open.
        "rss_baseline_mb": round(rss_before, 1),
        "rss_end_mb": round(rss_after, 1),
        "rss_growth_mb": round(rss_after - rss_before, 1),
        # 1/5/15-minute load averages when the run started and when it ended.
        "load_average": {
            "start": [round(x, 2) for x in load_before],
            "end": [round(x, 2) for x in os.getloadavg()],
        },
    }
    if detail:
        out["detail"] = detail
    return out


def _peak_rss_mb() -> float:
    """Peak resident memory of this process image, in MB (Linux: VmHWM)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def _rss_mb() -> float:
    """Resident memory now, in MB (Linux)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000,250000")
    ap.add_argument("--quick", action="store_true", help="2,000 incidents only: for CI")
    ap.add_argument(
        "--variants", default="paged,naive", help="which models to run (naive takes ~1 h at 250k)"
    )
    ap.add_argument(
        "--workdir",
        type=Path,
        help="build each size's cache once in WORKDIR/<size> and reuse it on later runs",
    )
    ap.add_argument("--build-only", action="store_true", help="build the caches, run nothing")
    ap.add_argument(
        "--child", nargs=3, metavar=("FOLDER", "VARIANT", "NOW"), help=argparse.SUPPRESS
    )
    args = ap.parse_args()
    if args.child:
        folder, variant, now = args.child
        print(json.dumps(run_variant(Path(folder), variant, int(now))))
        return
    cq = _cache_bench()
    sizes = [2_000] if args.quick else [int(s) for s in args.sizes.split(",")]
    report: dict = {"quick": args.quick, "sizes": {}}
    variants = [v for v in args.variants.split(",") if v]
    for size in sizes:
        with tempfile.TemporaryDirectory() as scratch:
            tmp = str(args.workdir / str(size)) if args.workdir else scratch
            entry: dict = {}
            if not (Path(tmp) / "key").exists():
                Path(tmp).mkdir(parents=True, exist_ok=True)
                (Path(tmp) / "cache.db").unlink(missing_ok=True)  # a build cut short
                started = time.perf_counter()
                build_cache(Path(tmp), size)
                entry["build_s"] = round(time.perf_counter() - started, 1)
            if args.build_only:
                continue
            for variant in variants:
                out = subprocess.run(
                    [sys.executable, __file__, "--child", tmp, variant, str(cq.NOW_TS)],
                    capture_output=True,
                    text=True,
                )
                if out.returncode:
                    raise SystemExit(f"{variant} failed:\n{out.stderr[-3000:]}")
                entry[variant] = json.loads(out.stdout.strip().splitlines()[-1])
            if "paged" in entry and "naive" in entry:
                p, n = entry["paged"], entry["naive"]
                entry["ratio_naive_over_paged"] = {
                    k: round(n["ms"][k] / max(p["ms"][k], 0.1), 1) for k in p["ms"] if k in n["ms"]
                }
                entry["memory_ratio"] = round(n["peak_rss_mb"] / max(p["peak_rss_mb"], 0.1), 1)
            if "paged" in entry:
                entry["paged_under_100ms"] = all(v < 100 for v in entry["paged"]["ms"].values())
            report["sizes"][str(size)] = entry
            # A size's figures as soon as they exist: a long run that is cut short keeps them.
            print(json.dumps({str(size): entry}, ensure_ascii=False), file=sys.stderr, flush=True)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
