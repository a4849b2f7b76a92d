"""mra-graph benchmarks: each figure is a ratio against a baseline measured in the same run.

Run from a checkout (after installing, see README): ``python benchmarks/run.py``. Options: ``--only a,b``
to run some of the four; ``--quick`` for fewer repetitions. See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402

import mra_graph  # noqa: E402
from mra_graph.data import Dataset  # noqa: E402
from mra_graph.frames import render_frames  # noqa: E402
from benchmarks.kernels import coalition_new_links  # noqa: E402
from benchmarks.kernels import reach_counts  # noqa: E402


def wall(command: list[str], repeat: int) -> float:
    """Median wall time of a command, in seconds (one warm-up run first)."""
    subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed(function, repeat: int = 1) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def report(name: str, measured: float, baseline: float, target: str, ok: bool, detail: str) -> None:
    print(f"{name}: {measured / baseline:.2f}x of baseline ({measured:.3f}s vs {baseline:.3f}s); "
          f"target {target}: {'met' if ok else 'NOT MET'}. {detail}", flush=True)


def start_up(repeat: int) -> None:
    floor = wall([sys.executable, "-c", "import networkx, pandas"], repeat)
    help_time = wall([sys.executable, "-m", "mra_graph", "--help"], repeat)
    coverage_time = wall([sys.executable, "-m", "mra_graph", "coverage", "SG"], repeat)
    report("(a) mra-graph --help", help_time, floor, "<= 0.35x", help_time <= 0.35 * floor,
           "Baseline: python -c 'import networkx, pandas'.")
    report("(a) mra-graph coverage SG", coverage_time, floor, "<= 1.15x", coverage_time <= 1.15 * floor,
           "Same baseline; includes reading and validating the bundled data.")


def coalitions(repeat: int) -> None:
    net = mra_graph.load(as_of="2025-03-01")
    members = net.bloc_members("ASEAN")
    partners = [c for c in net.programme_holders if c not in members]
    fast, table = timed(lambda: coalition_new_links(net, "ASEAN", partners=partners), repeat)

    def from_scratch():
        graph = nx.Graph(net.graph)  # recompute on a plain networkx graph, coalition by coalition
        rows = []
        for mask in range(1 << len(members)):
            coalition = [m for i, m in enumerate(members) if mask >> i & 1]
            for partner in partners:
                existing = sum(1 for m in coalition if graph.has_edge(m, partner))
                rows.append((mask, partner, existing, len(coalition) - existing))
        return rows

    slow, rows = timed(from_scratch, 1)
    assert sorted(rows) == sorted(zip(table["coalition"], table["partner"], table["existing_count"],
                                      table["new_links"]))
    report("(b) 2^10 coalitions x leverage toward every partner", fast, slow, "< 1 s and >= 10x faster",
           fast < 1 and slow / fast >= 10, f"{len(table)} rows; speed-up {slow / fast:.0f}x. "
           "Baseline: has_edge loops on a networkx graph.")


def synthetic(nodes: int, arrangements: int, seed: int = 7) -> mra_graph.MRANetwork:
    rng = random.Random(seed)
    codes = [f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}{i // 676:03d}" for i in range(nodes)]
    administrations = pd.DataFrame({"code": codes, "name": codes, "programme": "AEO", "programme_since": "",
                                    "region": "", "blocs": "", "source_url": "https://example.org",
                                    "source_title": "", "members": "", "aeo_count": "", "aeo_count_year": "",
                                    "notes": ""})
    rows, seen = [], set()
    while len(seen) < arrangements:
        a, b = sorted(rng.sample(codes, 2))
        if (a, b) in seen:
            continue
        seen.add((a, b))
        year = str(rng.randint(2007, 2025))
        for party in (a, b):
            rows.append((f"{a}-{b}", "synthetic", "bilateral", party, year, year, "", "implemented", "",
                         "https://example.org", "synthetic", "2026-01-01", ""))
    mras = pd.DataFrame(rows, columns=list(mra_graph.data.MRAS_FIELDS))
    return mra_graph.MRANetwork(Dataset(mras, administrations, "synthetic"), as_of="2026-01-01")


def large_network(repeat: int) -> None:
    net = synthetic(10_000, 100_000)
    graph = net.graph
    fast, table = timed(lambda: reach_counts(net, hops=2), repeat)

    def per_node_bfs():
        return {n: (graph.degree(n), len(nx.single_source_shortest_path_length(graph, n, cutoff=2)) - 1)
                for n in graph}

    slow, expected = timed(per_node_bfs, 1)
    assert {a: (p, w) for a, p, w in table.itertuples(index=False)} == expected
    report("(c) coverage and 2-hop reach of 10,000 administrations (100,000 MRAs)", fast, slow, ">= 4x faster",
           slow / fast >= 4, f"speed-up {slow / fast:.1f}x. Baseline: networkx BFS per node (cutoff 2).")


def frames(_: int) -> None:
    net = mra_graph.load()
    years = list(range(2007, 2027))
    items = [(str(year), net.as_of(f"{year}-12-31")) for year in years]
    with tempfile.TemporaryDirectory() as folder:
        parallel, _ = timed(lambda: render_frames(items, Path(folder) / "p", workers=None))
        serial, _ = timed(lambda: render_frames(items, Path(folder) / "s", workers=1))
    report(f"(d) {len(items)} pinned frames in parallel", parallel, serial, "<= 0.6x on 2 cores",
           parallel <= 0.6 * serial, "Baseline: the same frames one by one (layout computed in both).")


def growth_pass(repeat: int) -> None:
    net = synthetic(2_000, 50_000)  # 100,000 party rows
    fast, table = timed(lambda: mra_graph.growth(net.as_of("2026-01-01")), repeat)
    baseline, _ = timed(lambda: mra_graph.coverage(net.as_of("2026-01-01"), "AA000"), repeat)
    assert table["recognising_pairs"].iloc[-1] == net.graph.number_of_edges()
    report("(e) growth, 2007-2026, on 100,000 rows", fast, baseline, "<= 3x", fast <= 3 * baseline,
           "Baseline: coverage of one administration on the same data (one network built).")


def animation(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        one = wall([sys.executable, "-m", "mra_graph", "render", "--as-of", "2024-07-31", "-o",
                    str(Path(folder) / "one.png")], repeat)
        whole = wall([sys.executable, "-m", "mra_graph", "scenario", "aamra", "--as-of", "2024-07-31", "--format",
                      "csv", "--render", str(Path(folder) / "frames")], repeat)
    report("(f) scenario aamra --render (9 frames, SVG + PNG, GIF, HTML)", whole, one, "<= 3x", whole <= 3 * one,
           "Baseline: one default render (mra-graph render -o one.png), both from the command line.")


BENCHMARKS = {"a": start_up, "b": coalitions, "c": large_network, "d": frames, "e": growth_pass, "f": animation}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="a,b,c,d,e,f", help="which benchmarks, e.g. a,c")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    repeat = 3 if args.quick else 7
    print(f"mra-graph {mra_graph.__version__} benchmarks (python {sys.version.split()[0]})", flush=True)
    for key in args.only.split(","):
        BENCHMARKS[key.strip()](repeat)


if __name__ == "__main__":
    main()
