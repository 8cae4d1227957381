"""The frozen workstation bundle against the source tree: size and start-up; prints JSON.

    .venv/bin/python bench/bundle.py [--bundle dist/cur-desktop] [--runs 5] [--quick]

Start-up is the time from launching `cur-desktop --demo --screenshot FILE` until FILE is
written (the demo window's first paint, rendered offscreen), and until the process has exited.
Baseline in the same run: `python -m cur_desktop` with the same arguments from the project's
venv. Each variant has its own HOME, seeded by one untimed run (the demo database is made on
first start), then `--runs` timed runs, median reported. Before every timed run the page cache
is dropped (`echo 3 > /proc/sys/vm/drop_caches`, root only) so each start reads its files from
disk: "cold". Where that is refused the JSON says `"cold": false` and the runs are warm.

The bundle is not built here (that is `make dist`, several minutes). `--quick` (the convention
of every bench script: as short as it can be) makes one warm start of each variant, which also
seeds a small demo database (`includes_demo_seeding`: not comparable with the full figures), or,
with no bundle built, prints a JSON note saying so and exits 0 at once.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BUNDLE = ROOT / "dist" / "cur-desktop"
ARGS = ["--demo", "--screenshot", "{png}", "--view", "queue"]
#: A start that takes longer has hung: it is killed and reported rather than waited for.
START_TIMEOUT_S = 180
#: The demo region's size in a quick run (the full runs use the demo's default).
QUICK_DEMO_INCIDENTS = 200


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


def drop_page_cache() -> bool:
    """Whether the kernel's page cache could be dropped (needs root, and a sandbox may refuse)."""
    try:
        subprocess.run(["sync"], check=True)
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except OSError:
        return False


def start_once(
    command: list[str], home: Path, png: Path, cold: bool, demo_incidents: int | None = None
) -> dict:
    """One start: seconds to the PNG on disk and to the process's exit."""
    png.unlink(missing_ok=True)
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    if demo_incidents:
        env["CUR_DEMO_INCIDENTS"] = str(demo_incidents)
    dropped = drop_page_cache() if cold else False
    args = [a.format(png=png) for a in ARGS]
    # stderr goes to a file: a pipe nobody reads while polling fills up (64 KiB of warnings)
    # and blocks the child for good.
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [*command, *args], env=env, cwd=home, stdout=subprocess.DEVNULL, stderr=stderr
        )
        to_png = None
        while proc.poll() is None:
            if to_png is None and png.exists() and png.stat().st_size > 0:
                to_png = time.perf_counter() - started
            if time.perf_counter() - started > START_TIMEOUT_S:
                proc.kill()
                proc.wait()
                break
            time.sleep(0.01)
        to_exit = time.perf_counter() - started
        stderr.seek(0)
        err = stderr.read().decode(errors="replace")[-2000:]
    if proc.returncode != 0 or not png.exists() or png.stat().st_size == 0:
        raise RuntimeError(f"{command[0]} failed ({proc.returncode}, {to_exit:.0f} s): {err}")
    if to_png is None:  # written in the last poll interval before exit
        to_png = to_exit
    return {"to_png_s": round(to_png, 3), "to_exit_s": round(to_exit, 3), "cold": dropped}


def measure(
    name: str,
    command: list[str],
    work: Path,
    runs: int,
    cold: bool,
    seed: bool,
    demo_incidents: int | None = None,
) -> dict:
    home = work / name
    home.mkdir(parents=True)
    png = home / "shot.png"
    if seed:
        start_once(command, home, png, cold=False)  # seeds the demo database in this HOME
    samples = [start_once(command, home, png, cold, demo_incidents) for _ in range(runs)]
    return {
        "command": " ".join(command),
        "runs": runs,
        "includes_demo_seeding": not seed,
        "cold": all(s["cold"] for s in samples),
        "to_png_s_median": round(statistics.median(s["to_png_s"] for s in samples), 3),
        "to_exit_s_median": round(statistics.median(s["to_exit_s"] for s in samples), 3),
        "to_png_s": [s["to_png_s"] for s in samples],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one warm run each; seconds")
    args = parser.parse_args(argv)
    executable = args.bundle / "cur-desktop"
    result: dict = {
        "bench": "bundle",
        "machine": {
            "cpus": os.cpu_count(),
            "load": os.getloadavg(),
            "python": sys.version.split()[0],
        },
        "platform": platform.platform(),
    }
    if not executable.is_file():
        result["skipped"] = f"no bundle at {args.bundle}: build it with `make dist`"
        result["quick"] = args.quick
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    debs = sorted((args.bundle.parent).glob("cur-desktop_*.deb"))
    result["size"] = {
        "bundle_mb": round(folder_size(args.bundle) / 2**20, 1),
        "bundle_files": sum(1 for p in args.bundle.rglob("*") if not p.is_dir()),
        "deb_mb": round(debs[-1].stat().st_size / 2**20, 1) if debs else None,
        "venv_lib_mb_with_test_tools": round(
            folder_size(
                Path(sys.prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
            )
            / 2**20,
            1,
        ),
    }
    runs, cold = (1, False) if args.quick else (args.runs, True)
    # A quick run seeds as it starts: a small demo region, since its figures mean nothing.
    demo = QUICK_DEMO_INCIDENTS if args.quick else None
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as tmp:
        work = Path(tmp)
        venv_python = shutil.which("python", path=str(ROOT / ".venv" / "bin")) or sys.executable
        result["baseline_venv"] = measure(
            "venv",
            [venv_python, "-m", "cur_desktop"],
            work,
            runs,
            cold,
            seed=not args.quick,
            demo_incidents=demo,
        )
        result["bundle"] = measure(
            "bundle", [str(executable)], work, runs, cold, seed=not args.quick, demo_incidents=demo
        )
    base, frozen = result["baseline_venv"], result["bundle"]
    result["bundle_vs_venv_to_png"] = round(frozen["to_png_s_median"] / base["to_png_s_median"], 2)
    result["quick"] = args.quick
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
