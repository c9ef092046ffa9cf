"""The three assistants the benchmark drives: embedded (`make run`), production, stock `rasa init`."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "var" / "bench"
RASA = ROOT / ".venv" / "bin" / "rasa"


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0.0


def children(pid: int) -> list[int]:
    """Direct children of a process (PostgreSQL backends, nginx workers)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def read_pid(path: Path) -> int | None:
    """The pid in a pid file (first line), if the file exists."""
    try:
        return int(path.read_text().split()[0])
    except (FileNotFoundError, ValueError, IndexError):
        return None


@dataclass
class Layout:
    """One running assistant: how to start and stop it, where it answers, its processes."""

    name: str
    base: str
    env: dict[str, str]
    start_cmd: list[str]
    stop_cmd: list[str]
    run_dir: Path
    cwd: Path = ROOT

    def start(self) -> None:
        """Start in the background (returns when the script returns)."""
        subprocess.run(self.start_cmd, env=self.env, cwd=self.cwd, check=True, timeout=900)

    def stop(self) -> None:
        """Stop every process the layout started."""
        subprocess.run(self.stop_cmd, env=self.env, cwd=self.cwd, check=False, timeout=120)

    def memory(self) -> dict[str, float]:
        """RSS in MB of each process (a service with its children counted together)."""
        sizes: dict[str, float] = {}
        pidfiles = sorted(self.run_dir.glob("*.pid"))
        extra = {
            "postgres": self.run_dir.parent / "pg" / "postmaster.pid",
            "redis": self.run_dir.parent / "redis" / "redis.pid",
        }
        for name, path in [(p.stem, p) for p in pidfiles] + list(extra.items()):
            pid = read_pid(path)
            if pid is None:
                continue
            family = [pid] + (children(pid) if name in {"postgres", "nginx"} else [])
            sizes[name] = sum(rss_mb(p) for p in family)
        return sizes


def embedded(model: Path) -> Layout:
    """`make run`'s layout: one Rasa server, one action server, SQLite."""
    var = BENCH_DIR / "embedded"
    env = {
        **os.environ,
        "VAR_DIR": str(var),
        "RASA_PORT": "5705",
        "ACTIONS_PORT": "5755",
        "WEB_PORT": "8780",
        "MODEL": str(model),
        "RUN_IN_BACKGROUND": "1",
    }
    script = str(ROOT / "scripts" / "run-servers")
    return Layout("embedded", "http://127.0.0.1:5705", env, [script], [script, "--stop"], var / "run")


def production(model: Path, rasa_servers: int, action_servers: int) -> Layout:
    """deploy/run-prod: PostgreSQL, Redis, nginx, several Rasa and action servers."""
    var = BENCH_DIR / "prod"
    env = {
        **os.environ,
        "PROD_DIR": str(var),
        "HTTP_PORT": "5805",
        "RASA_BASE_PORT": "5810",
        "ACTIONS_PORT": "5855",
        "ACTIONS_BASE_PORT": "5860",
        "WEB_PORT": "8880",
        "PG_PORT": "5933",
        "REDIS_PORT": "6980",
        "MODEL": str(model),
        "RASA_SERVERS": str(rasa_servers),
        "ACTION_SERVERS": str(action_servers),
    }
    script = str(ROOT / "deploy" / "run-prod")
    return Layout(
        f"prod-{rasa_servers}x{action_servers}",
        "http://127.0.0.1:5805",
        env,
        [script],
        [script, "--stop"],
        var / "run",
    )


def stock() -> tuple[Layout, float | None]:
    """The stock `rasa init` assistant (created and trained once: returns the training seconds then)."""
    project = BENCH_DIR / "stock"
    trained = None
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    if not list((project / "models").glob("*.tar.gz")):
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        started = time.perf_counter()
        subprocess.run(
            [str(RASA), "init", "--no-prompt", "--init-dir", str(project)],
            env=env,
            cwd=project,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=1200,
        )
        trained = time.perf_counter() - started
        (project / "training-seconds.txt").write_text(f"{trained:.0f}\n")
    run = project / "run"
    run.mkdir(exist_ok=True)
    start = ["bash", "-c", f"{RASA} run --port 5995 --model models >rasa.log 2>&1 & echo $! >run/rasa.pid"]
    stop = ["bash", "-c", "kill $(cat run/rasa.pid) 2>/dev/null; sleep 3; rm -f run/rasa.pid"]
    return Layout("stock", "http://127.0.0.1:5995", env, start, stop, run, cwd=project), trained
