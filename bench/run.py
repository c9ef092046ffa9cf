"""`make bench`: the permit assistant (embedded and production layouts) against the stock `rasa init`.

Each layout is started in turn (start to first answer is timed), then all of them are driven in
alternating rounds at each concurrency (the same server differs by ±15 % between single runs),
and latency, throughput, their ratios to the stock assistant and each process's memory are printed.
Options: --parents 1,10,20  --messages 100 (per concurrency and round)  --rounds 2
         --rasa-servers 2 --action-servers 2  --no-stock  --report var/bench/results.md
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layouts import BENCH_DIR, ROOT, Layout, embedded, production, stock  # noqa: E402
from load import OURS, STOCK, Result, first_answer, run_round  # noqa: E402


def machine() -> str:
    """CPU model and count, memory: the figures depend on them."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
    return f"{os.cpu_count()} cores ({cpu}), {memory} GB RAM, Python {platform.python_version()}"


async def measure(
    layouts: list[Layout], parents: list[int], messages: int, rounds: int
) -> dict[tuple[str, int], Result]:
    """Alternating rounds: for each concurrency, every layout once per round."""
    totals: dict[tuple[str, int], Result] = {}
    for layout in layouts:  # warm-up: every conversation path a few times on each server
        scripts = STOCK if layout.name == "stock" else OURS
        await run_round(layout.base, scripts, 8, 4 * sum(len(script) for script in scripts) // 8)
    for count in parents:
        for _ in range(rounds):
            for layout in layouts:
                scripts = STOCK if layout.name == "stock" else OURS
                result = await run_round(layout.base, scripts, count, max(3, messages // count))
                total = totals.setdefault((layout.name, count), Result())
                total.latencies += result.latencies
                total.errors += result.errors
                total.empty += result.empty
                total.wall += result.wall
                print(f"  {layout.name:10s} parents={count:3d} {result.line()}", flush=True)
    return totals


def report(
    layouts: list[Layout],
    startup: dict[str, float],
    totals: dict[tuple[str, int], Result],
    parents: list[int],
    trained: float | None,
) -> str:
    """The figures as a Markdown section."""
    lines = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {machine()}.",
        "",
        "| layout | parents | p50 ms | p95 ms | p99 ms | msg/s | p95 ÷ stock | msg/s ÷ stock | errors | empty |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for count in parents:
        base = totals.get(("stock", count))
        for layout in layouts:
            r = totals[(layout.name, count)]
            p95_ratio = f"{r.percentile(95) / base.percentile(95):.2f}" if base else "–"
            rate_ratio = f"{r.rate / base.rate:.2f}" if base and base.rate else "–"
            lines.append(
                f"| {layout.name} | {count} | {r.percentile(50):.0f} | {r.percentile(95):.0f} | "
                f"{r.percentile(99):.0f} | {r.rate:.1f} | {p95_ratio} | {rate_ratio} | {r.errors} | {r.empty} |"
            )
    lines += ["", "| layout | start to first answer | resident memory per process (MB) |", "|---|---|---|"]
    for layout in layouts:
        memory = ", ".join(f"{name} {size:.0f}" for name, size in sorted(layout.memory().items()))
        lines.append(f"| {layout.name} | {startup[layout.name]:.0f} s | {memory} |")
    stock_file = BENCH_DIR / "stock" / "training-seconds.txt"
    stock_training = trained or (float(stock_file.read_text()) if stock_file.exists() else None)
    ours_file = ROOT / "var" / "log" / "train-seconds.txt"
    lines += [
        "",
        f"Training on this machine: stock `rasa init` "
        f"{f'{stock_training:.0f} s' if stock_training else 'not measured'}; the permit assistant "
        f"{ours_file.read_text().strip() + ' s' if ours_file.exists() else 'not measured by the benchmark (it never trains; time `make train`)'}.",
    ]
    return "\n".join(lines)


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--parents", default="1,10,20")
    parser.add_argument("--messages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--rasa-servers", type=int, default=2)
    parser.add_argument("--action-servers", type=int, default=2)
    parser.add_argument("--no-stock", action="store_true")
    parser.add_argument("--only", choices=["embedded", "prod"], help="leave out the other layout")
    parser.add_argument("--report", type=Path, default=BENCH_DIR / "results.md")
    args = parser.parse_args()
    parents = [int(p) for p in args.parents.split(",")]
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    model = BENCH_DIR / "permit-assistant.tar.gz"  # a copy: a retraining cannot change it mid-run
    shutil.copy(ROOT / "models" / "permit-assistant.tar.gz", model)
    layouts: list[Layout] = []
    trained = None
    if not args.no_stock:
        stock_layout, trained = stock()
        if trained:
            print(f"stock `rasa init` created and trained in {trained:.0f} s")
        layouts.append(stock_layout)
    if args.only != "prod":
        layouts.append(embedded(model))
    if args.only != "embedded":
        layouts.append(production(model, args.rasa_servers, args.action_servers))
    startup: dict[str, float] = {}
    try:
        for layout in layouts:
            started = time.perf_counter()
            layout.start()
            await first_answer(layout.base)
            startup[layout.name] = time.perf_counter() - started
            print(f"{layout.name}: start to first answer {startup[layout.name]:.0f} s", flush=True)
        totals = await measure(layouts, parents, args.messages, args.rounds)
        text = report(layouts, startup, totals, parents, trained)
        print("\n" + text)
        args.report.write_text(text + "\n")
        print(f"\n(written to {args.report})")
    finally:
        for layout in layouts:
            layout.stop()


if __name__ == "__main__":
    asyncio.run(main())
