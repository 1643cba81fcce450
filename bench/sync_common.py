"""What the sync benches share: each step's wall and CPU time (this process's, its
children's and its PostgreSQL backends'), peak memory, the figure rows, a site to import
into.  See sync_bench.py."""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event  # noqa: E402

from makarem_desk.db import Database  # noqa: E402
from makarem_desk.models import Site  # noqa: E402

TABLES = ("beneficiary", "contact")


CPU: dict[str, float] = {}  # step -> CPU seconds (this process + its PostgreSQL backends)


def timed(label: str, fn, results: dict[str, float],  # type: ignore[no-untyped-def]
          backends: set[int] | None = None):
    reset_peak()
    b0 = _backend_cpu(backends)
    c0, t0 = _own_cpu(), time.perf_counter()
    out = fn()
    results[label] = time.perf_counter() - t0
    CPU[label] = _own_cpu() - c0 + _backend_cpu(backends) - b0
    server = f" (server {_backend_cpu(backends) - b0:5.2f})" if backends else ""
    print(f"  {label:<44} {results[label]:8.2f} s   CPU {CPU[label]:6.2f} s{server}   "
          f"peak RSS {peak_mb():5.0f} MB", flush=True)
    return out


def _own_cpu() -> float:
    """This process's CPU seconds and those of the children it waited for (sqlite3 CLI)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _backend_cpu(pids: set[int] | None) -> float:
    """User+system CPU seconds of local PostgreSQL backend processes (Linux /proc)."""
    total = 0.0
    for pid in pids or ():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass
    return total


def track_backends(engine) -> set[int]:  # type: ignore[no-untyped-def]
    """The backend pids of the connections ``engine`` opens from now on."""
    pids: set[int] = set()

    @event.listens_for(engine, "connect")
    def _pid(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        with dbapi_conn.cursor() as cur:
            cur.execute("SELECT pg_backend_pid()")
            pids.add(int(cur.fetchone()[0]))

    engine.dispose()
    return pids


def reset_peak() -> None:
    """Linux: writing 5 to clear_refs resets the peak-RSS mark, so each step's own peak
    shows (the key unlock's scrypt would otherwise dominate every figure)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def row(figure: str, app: float, base: float | None, goal: str, unit: str = "s") -> None:
    ratio = f"{app / base:6.2f}x" if base else "      -"
    b = f"{base:8.2f} {unit}" if base is not None else " " * 10
    print(f"  {figure:<34} app {app:8.2f} {unit}  baseline {b}  ratio {ratio}  goal {goal}",
          flush=True)


def figure_rows(figure: str, app: str, base: str, goal: str, r: dict[str, float]) -> None:
    """The figure in wall time and in CPU time (see the module's note)."""
    row(f"{figure} (wall)", r[app], r[base], goal)
    row(f"{figure} (CPU)", CPU[app], CPU[base], goal)


def make_site(url: str, site: str, role: str) -> Database:
    db = Database(url)
    db.upgrade(backup=False)
    with db.session() as s:
        s.add(Site(id=site, name=site, is_local=True, role=role))
    return db
