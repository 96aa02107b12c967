#!/usr/bin/env python3
"""Benchmarks relgraph against igraph, NetworkX and Kuzu on the same inputs; run it as bench/run.sh.

Every system runs in processes of its own, one per measurement, so each process's peak RSS is its
own (GNU time's %M). The peers share one command line (bench/peers/peer_cli.py) and time their
operations inside the process; relgraph is timed as whole processes. Prints the results table and
writes docs/benchmarks.md. Exit status: 0 done, 1 the systems disagree on an answer or a run failed.
"""
import argparse
import datetime
import json
import os
import platform
import random
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DATASETS = BENCH / ".peers/node_modules/kuzu/kuzu-source/dataset"
PYTHON = "/usr/bin/python3"  # Debian's, where python3-igraph and python3-networkx are installed
PEERS = {
    "igraph": ([PYTHON, str(BENCH / "peers/igraph_peer.py")], ".pickle"),
    "networkx": ([PYTHON, str(BENCH / "peers/networkx_peer.py")], ".pickle"),
    "kuzu": (["node", str(BENCH / "peers/kuzu_peer.mjs")], ".kuzu"),
}
SYSTEMS = ["relgraph", *PEERS]
PATH_TARGET_S = 0.050

failures = []  # runs that failed and answers that disagree: reported at the end, exit status 1


def warn(message):
    failures.append(message)
    print(f"\n!!! {message}\n", file=sys.stderr, flush=True)


class Run:
    """One finished process: wall time, peak RSS (KiB), exit code, stdout (JSON when it parses).

    The process is started by GNU time, which measures its peak RSS: Linux carries the high-water
    RSS of a process over exec, so a child started straight from this driver would report at least
    the driver's own RSS (the vertex ids of the edge list) as its peak."""

    def __init__(self, cmd, timeout):
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
                tempfile.NamedTemporaryFile("r") as rss:
            start = time.perf_counter()
            proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name, *map(str, cmd)],
                                    stdout=out, stderr=err, cwd=ROOT, start_new_session=True)
            killer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
            killer.start()
            self.code = proc.wait()
            self.wall_s = time.perf_counter() - start
            killer.cancel()
            last = (rss.read().strip().splitlines() or ["0"])[-1]  # after "Command exited with …"
            self.peak_rss_kib = int(last) if last.isdigit() else None
            out.seek(0), err.seek(0)
            self.stdout = out.read().decode(errors="replace")
            self.stderr = err.read().decode(errors="replace")
        try:
            self.json = json.loads(self.stdout)
        except ValueError:
            self.json = None

    def ok(self, what, codes=(0,), keep=None):
        """Whether it exited with one of `codes`; if not, says so with the start of its stderr,
        and writes all of it to `keep` when given."""
        if self.code in codes:
            return True
        lines = self.stderr.strip().splitlines()
        more = f" … ({len(lines)} lines)" if len(lines) > 3 else ""
        if keep:
            Path(keep).write_text(self.stderr)
            more += f", all in {shown(keep)}"
        warn(f"{what} failed (exit {self.code}): " + " / ".join(line[:200] for line in lines[:3]) + more)
        return False


def shown(path):
    """A path as the report shows it: relative to the repository when inside it."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def best(values):
    """The fastest of repeated runs of the same work: other load on the machine only adds time."""
    values = [v for v in values if v is not None]
    return min(values) if values else None


# ---------------------------------------------------------------- inputs


def read_edge_list(path):
    """The vertex ids (strings, in numeric order for integers) and the edge count of a SNAP-style
    edge list, and whether the peers need a clean copy (comments, blank lines, other separators)."""
    ids, edges, clean = set(), 0, True
    with open(path) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                clean = False
                continue
            fields = re.split(r"[\t ,|]+", line.strip(), maxsplit=2)
            ids.update(fields[:2])
            edges += 1
            clean = clean and line.count("\t") == 1
    if not all(i.isdigit() for i in ids):
        sys.exit(f"{path}: the peers (igraph's Read_Edgelist, Kuzu's INT64 keys) need integer ids")
    return sorted(ids, key=lambda i: (len(i), i)), edges, clean


def peer_copy(path, work):
    """A tab-separated copy of the edge list without comments, for the peers' plain readers."""
    copy = work / "edges-for-peers.tsv"
    with open(path) as src, open(copy, "w") as dst:
        for line in src:
            if line.strip() and not line.startswith("#"):
                dst.write("\t".join(re.split(r"[\t ,|]+", line.strip())[:2]) + "\n")
    return copy


def ldbc_layout(folder):
    """Per file: kind (node/relationship), label or type, rows, header line (None if headerless)."""
    files, headers = [], {}
    for path in sorted(folder.glob("*.csv")):
        with open(path) as f:
            first = f.readline().rstrip("\n")
            rows = sum(1 for _ in f) + 1
        header = first if re.search(r":(START_)?ID\b", first) else None
        base = re.sub(r"_\d+$", "", path.stem)  # Person_knows_Person_1.csv continues Person_knows_Person.csv
        header_of_kind = header or headers.get(base, "")
        headers.setdefault(base, header)
        kind = "relationship" if ":START_ID" in header_of_kind else "node"
        name = base.split("_")[1] if kind == "relationship" else base
        files.append({"file": path.name, "kind": kind, "name": name,
                      "rows": rows - (header is not None), "header": header})
    return files


def choose(ids, seed, count):
    rng = random.Random(seed)
    pairs = [tuple(rng.sample(ids, 2)) for _ in range(count)]
    return pairs, rng.sample(ids, count)


# ---------------------------------------------------------------- systems


def relgraph_has_load(binary):
    try:
        text = subprocess.run([binary, "--help"], capture_output=True, text=True, timeout=30).stdout
    except OSError:
        return False
    return re.search(r"^\s+load\s", text, re.M) is not None


def bench_relgraph(binary, edges, pairs, hoods, work, args):
    snapshot = work / "amazon.rgdb"
    r = {"system": "relgraph"}
    loads = [Run([binary, "load", edges, "-o", snapshot], args.timeout) for _ in range(args.repeat)]
    if not all(run.ok("relgraph load") for run in loads):
        return r
    r["load_s"] = r["load_save_s"] = best(run.wall_s for run in loads)
    r["load_peak_rss_kib"] = max(run.peak_rss_kib for run in loads)
    r["summary"] = loads[-1].stdout.strip()
    r["snapshot_bytes"] = snapshot.stat().st_size

    def answers(cmds, read):
        """Each query as a process of its own: the answers, and the processes' wall times."""
        runs = [Run(cmd, args.timeout) for cmd in cmds]
        found = [read(run.json) if run.ok(f"relgraph {' '.join(map(str, cmd[1:4]))}", (0, 1)) and run.json
                 else None for run, cmd in zip(runs, cmds)]
        return found, [run.wall_s for run in runs]

    r["path"], r["path_process_s"] = answers(
        [[binary, "path", a, b, "--db", snapshot, "--format", "json"] for a, b in pairs],
        lambda doc: doc["length"] if doc.get("found", True) else None)
    r["neighbors"], r["neighbors_process_s"] = answers(
        [[binary, "neighbors", v, "--depth", "2", "--db", snapshot, "--format", "json"] for v in hoods],
        lambda doc: doc["count"] if "count" in doc else len(doc["neighbors"]))
    # Opening alone: the whole process of the cheapest query there is, a path from a vertex to itself.
    opens = [Run([binary, "path", v, v, "--db", snapshot, "--format", "json"], args.timeout) for v in hoods[:5]]
    r["open_s"] = best(run.wall_s for run in opens if run.code in (0, 1))
    stats = Run([binary, "stats", "--db", snapshot, "--format", "json"], args.timeout)
    r["stats"] = stats.json if stats.ok("relgraph stats") else None
    return r


def bench_peer(name, edges, pairs, hoods, work, args, nodes_file):
    cmd, extension = PEERS[name]
    snapshot = work / f"amazon-{name}{extension}"
    r = {"system": name}

    def peer(*cmd_args, what):
        run = Run([*cmd, *cmd_args], args.timeout)
        print(f"  {name} {what}: {run.wall_s:.2f} s", flush=True)
        return run if run.ok(f"{name} {what}") and run.json is not None else None

    loads = [peer("load", edges, snapshot, what="load") for _ in range(args.repeat)]
    if None in loads:
        return r
    r["load_s"] = best(run.json["load_s"] for run in loads)
    r["load_save_s"] = best(run.json["load_s"] + run.json["save_s"] for run in loads)
    r["load_peak_rss_kib"] = max(run.json["load_peak_rss_kib"] for run in loads)
    r["load_process_peak_rss_kib"] = max(run.peak_rss_kib for run in loads)
    r["baseline_rss_kib"] = loads[0].json["baseline_rss_kib"]
    r["snapshot_bytes"] = sum(p.stat().st_size for p in snapshot.parent.glob(snapshot.name + "*"))
    if name == "kuzu" and nodes_file:
        runs = [peer("load", edges, work / "amazon-kuzu-nodes.kuzu", "--nodes", nodes_file,
                     what="load --nodes") for _ in range(args.repeat)]
        r["load_nodes_file_s"] = best(run.json["load_s"] for run in runs if run)
    opens = [peer("open", snapshot, what="open") for _ in range(args.repeat)]
    r["open_s"] = best(run.json["open_s"] for run in opens if run)
    for query, items in (("path", [v for pair in pairs for v in pair]), ("neighbors", hoods)):
        run = peer(query, snapshot, *items, what=query)
        if run:
            r[query], r[f"{query}_query_s"] = run.json["results"], run.json["query_s"]
        one = peer(query, snapshot, *items[:2 if query == "path" else 1], what=f"{query} (one)")
        r[f"{query}_process_s"] = [one.wall_s] if one else []
    return r


def bench_ldbc(binary, folder, work, args):
    layout = ldbc_layout(folder)
    out = {"folder": shown(folder), "files": layout,
           "nodes": sum(f["rows"] for f in layout if f["kind"] == "node"),
           "relationships": sum(f["rows"] for f in layout if f["kind"] == "relationship")}
    if binary:
        run = Run([binary, "load", folder, "-o", work / "ldbc.rgdb"], args.timeout)
        out["relgraph"] = {"ok": run.ok("relgraph load (LDBC)", keep=work / "relgraph-ldbc.stderr"), "wall_s": run.wall_s,
                           "peak_rss_kib": run.peak_rss_kib, "summary": run.stdout.strip()}
        if run.code == 0:
            stats = Run([binary, "stats", "--db", work / "ldbc.rgdb", "--format", "json"], args.timeout)
            counts = (stats.json or {}).get("counts", {})
            out["relgraph"].update(entities=counts.get("entities"), relations=counts.get("relations"))
            if (counts.get("entities"), counts.get("relations")) != (out["nodes"], out["relationships"]):
                warn(f"relgraph loaded LDBC as {counts.get('entities')} entities and "
                     f"{counts.get('relations')} relations; the CSVs hold {out['nodes']} nodes and "
                     f"{out['relationships']} relationships")
    if "kuzu" in args.systems:
        run = Run([*PEERS["kuzu"][0], "load-ldbc", folder, work / "ldbc.kuzu"], args.timeout)
        if run.ok("kuzu load-ldbc") and run.json:
            out["kuzu"] = {**run.json, "wall_s": run.wall_s, "process_peak_rss_kib": run.peak_rss_kib}
    return out


def check_agreement(results, pairs, hoods):
    """Every system that answered must give the same hop counts and 2-hop counts."""
    agree = True
    for key, items, label in (("path", pairs, "path"), ("neighbors", hoods, "2-hop")):
        answered = [r for r in results if r.get(key)]
        for i, item in enumerate(items):
            values = {r["system"]: r[key][i] for r in answered}
            if len(set(values.values())) > 1:
                agree = False
                what = " → ".join(item) if isinstance(item, (tuple, list)) else item
                warn(f"MISMATCH {label} {what}: " + ", ".join(f"{s} {v}" for s, v in values.items()))
    return agree


# ---------------------------------------------------------------- report


def fmt(value, unit):
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.2f} s" if value >= 1 else f"{value * 1e3:.1f} ms"
    if unit == "MiB":
        return f"{value / 1024:,.0f} MiB"
    return f"{value / 1e6:,.1f} MB"


def results_table(results):
    """Markdown rows: each measurement per system, with peer ÷ relgraph beside each peer."""
    rows = [
        ("load (edge list → graph)", "load_s", "s"),
        ("load + save snapshot", "load_save_s", "s"),
        ("peak RSS while loading", "load_peak_rss_kib", "MiB"),
        ("snapshot size", "snapshot_bytes", "MB"),
        ("snapshot open", "open_s", "s"),
        ("path, 1 query, whole process", "path_process_s", "s"),
        ("path, per query in process", "path_query_s", "s"),
        ("2-hop, 1 query, whole process", "neighbors_process_s", "s"),
        ("2-hop, per query in process", "neighbors_query_s", "s"),
    ]
    relgraph = next((r for r in results if r["system"] == "relgraph"), {})
    peers = [r for r in results if r["system"] != "relgraph"]
    header = ["measurement", "relgraph"] + [c for r in peers for c in (r["system"], "÷ relgraph")]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for label, key, unit in rows:
        value = lambda r: median(r[key]) if isinstance(r.get(key), list) else r.get(key)
        base = value(relgraph)
        cells = [label, fmt(base, unit)]
        for r in peers:
            mine = value(r)
            cells += [fmt(mine, unit), f"{mine / base:.1f}×" if mine and base else "—"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(results, edges, ldbc):
    by = {r["system"]: r for r in results}
    rel = by.get("relgraph", {})
    load, rows = rel.get("load_s"), []

    def row(target, measured, met):
        rows.append(f"| {target} | {measured} | {'—' if met is None else ('met' if met else '**not met**')} |")

    for peer, key, factor, what in (
            ("igraph", "load_s", 3, "igraph"),
            ("kuzu", "load_s", 5, "Kuzu's COPY (node table from the edge list)"),
            ("kuzu", "load_nodes_file_s", 5, "Kuzu's COPY (node table from the dataset's node file)")):
        theirs = by.get(peer, {}).get(key)
        if theirs is not None:
            row(f"load amazon0601 ≥ {factor}× faster than {what}",
                f"{fmt(load, 's')} vs {fmt(theirs, 's')}: {theirs / load:.1f}×" if load else "relgraph not run",
                theirs / load >= factor if load else None)
    times = rel.get("path_process_s") or []
    row("`relgraph path` on a snapshot < 50 ms as a whole process (median query)",
        f"median {fmt(median(times), 's')}, max {fmt(max(times), 's')} over {len(times)} queries" if times else "not run",
        median(times) < PATH_TARGET_S if times else None)
    peak, raw = rel.get("load_peak_rss_kib"), edges * 8
    row("peak memory of the load ≤ 2× the raw (int32, int32) pair array",
        f"{fmt(peak * 1024, 'MB')} vs {fmt(raw, 'MB')} (E × 8 B): {peak * 1024 / raw:.2f}×" if peak else "not run",
        peak * 1024 <= 2 * raw if peak else None)
    lr = ldbc.get("relgraph")
    row("LDBC SF0.1 loads through the neo4j-admin-style CSV import",
        (f"exit 0 in {fmt(lr['wall_s'], 's')}, {lr.get('entities') or 0:,} entities / {lr.get('relations') or 0:,} "
         f"relations (the CSVs: {ldbc['nodes']:,} / {ldbc['relationships']:,})" if lr["ok"] else "load failed")
        if lr else "not run",
        lr["ok"] and (lr.get("entities"), lr.get("relations")) == (ldbc["nodes"], ldbc["relationships"])
        if lr else None)
    return "| target | measured | |\n|---|---|---|\n" + "\n".join(rows)


def machine():
    def sh(*cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).stdout.strip()
        except OSError:
            return ""
    model = re.search(r"Model name:\s*(.+)", sh("lscpu"))
    mem = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
    versions = sh(PYTHON, "-c", "import igraph, networkx; print(igraph.__version__, networkx.__version__)").split()
    kuzu = json.loads((DATASETS.parent.parent / "package.json").read_text())["version"] \
        if (DATASETS.parent.parent / "package.json").exists() else "?"
    return {
        "cpus": sh("nproc"), "model": model.group(1) if model else "?",
        "ram_gib": int(mem.group(1)) / 2**20 if mem else 0, "kernel": platform.release(),
        "os": sh("sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"), "load": os.getloadavg(),
        "python": sh(PYTHON, "--version"), "node": sh("node", "--version"),
        "igraph": versions[0] if versions else "?", "networkx": versions[1] if len(versions) > 1 else "?",
        "kuzu": kuzu, "commit": sh("git", "rev-parse", "--short", "HEAD"),
        "dirty": bool(sh("git", "status", "--porcelain", "--untracked-files=no")),
    }


def cpu_seconds():
    """CPU time the whole machine has spent busy, and the part of it this benchmark spent."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    busy = (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # all but idle, iowait
    mine = sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return busy, mine


def build_type(binary):
    cache = Path(binary).resolve().parent.parent / "CMakeCache.txt"
    found = re.search(r"CMAKE_BUILD_TYPE:STRING=(\w*)", cache.read_text()) if cache.exists() else None
    return found.group(1) if found else "unknown"


def report(args, m, started, data, results, agree, ldbc, pairs, hoods, binary):
    rel = next((r for r in results if r["system"] == "relgraph"), {})
    command = os.environ.get("BENCH_COMMAND") or " ".join(["bench/bench.py", *sys.argv[1:]])
    E, V = data["edges"], data["vertices"]
    lines = [
        "# Benchmarks", "",
        "relgraph against [python-igraph](https://python.igraph.org), [NetworkX](https://networkx.org) "
        "and [Kuzu](https://kuzudb.com) on the same inputs, in one run. Written by `bench/run.sh`; "
        "rerun it to refresh this page.", "",
        f"- **Date:** {started:%Y-%m-%d %H:%M} UTC, {args.elapsed / 60:.1f} minutes",
        f"- **Machine:** {m['cpus']} CPUs ({m['model']}), {m['ram_gib']:.1f} GiB RAM, {m['os']}, "
        f"Linux {m['kernel']}; other processes kept {m['others_cpu_share']:.0%} of its CPU time busy during the run",
        f"- **Command:** `{command}`",
        f"- **relgraph:** `{shown(binary) if binary else 'not run'}` ({build_type(binary) if binary else '—'} build), commit "
        f"{m['commit']}{' with uncommitted changes' if m['dirty'] else ''}",
        f"- **Peers:** python-igraph {m['igraph']} and NetworkX {m['networkx']} (Debian packages, "
        f"{m['python']}), Kuzu {m['kuzu']} (npm, Node.js {m['node']})", "",
    ]
    if m["others_cpu_share"] > 0.1:
        lines += [f"> **The machine was busy during this run**: other processes used "
                  f"{m['others_cpu_share']:.0%} of its {m['cpus']} CPUs. Every timing is inflated, "
                  f"Kuzu's most, since it runs on every core. Rerun `bench/run.sh` on a quiet machine before "
                  f"drawing conclusions.", ""]
    lines += [
        "## Datasets", "",
        f"- **SNAP amazon0601** — `{data['path']}`: {data['bytes'] / 1e6:.1f} MB, {E:,} directed edges "
        f"(one `FROM<TAB>TO` line each), {V:,} vertices. Baseline: a raw array of (int32, int32) pairs, "
        f"E × 8 = {E * 8 / 1e6:.1f} MB.",
        f"- **LDBC SNB SF0.1** — `{ldbc['folder']}`: {len(ldbc['files'])} `|`-separated CSV files with "
        f"neo4j-admin headers, {ldbc['nodes']:,} nodes, {ldbc['relationships']:,} relationships.", "",
        "Both ship inside the npm package `kuzu` (`kuzu-source/dataset/`), which `bench/run.sh` installs.", "",
        "## What is measured", "",
        "Each measurement is a process of its own, started by GNU `time`, whose `%M` gives its peak RSS.", "",
        f"- **load**: relgraph — the whole `relgraph load EDGES -o amazon.rgdb` process, which also writes "
        f"the snapshot; peers — the load call inside the process (igraph `Graph.Read_Edgelist`, NetworkX "
        f"`read_edgelist` into a `DiGraph`, Kuzu `CREATE NODE/REL TABLE` + `COPY FROM` into a fresh on-disk "
        f"database, its node table copied from the edge list's distinct ids). Best of {args.repeat} run{'s' if args.repeat > 1 else ''}.",
        "- **load + save snapshot**: peers add writing the snapshot (a pickle; for Kuzu, closing the database).",
        "- **peak RSS while loading**: relgraph — max RSS of the `relgraph load` process; peers — the "
        "process's max RSS right after the load call (interpreter included, snapshot writing not).",
        f"- **snapshot open**: igraph `Graph.Read_Pickle`, NetworkX `pickle.load`, Kuzu `Database` + "
        f"`Connection` (read-only); relgraph — the whole process of `relgraph path X X --db`, the cheapest "
        f"query (best of 5 vertices); the peers: best of {args.repeat}.",
        f"- **path**: hop count of an unweighted shortest path walked undirected, for {len(pairs)} vertex pairs "
        f"drawn with seed {args.seed} from the ids in the file (igraph `get_shortest_paths(mode=\"all\")`, "
        f"NetworkX `shortest_path_length` on an undirected view, Kuzu `-[* SHORTEST 1..30]-`). relgraph: "
        f"one `relgraph path A B --db amazon.rgdb --format json` process per pair (median); peers: one process "
        f"opens the snapshot and answers one pair (whole process), and one answers all pairs (per-query median).",
        f"- **2-hop**: how many distinct vertices lie within 2 hops (undirected, the vertex itself not counted) "
        f"of {len(hoods)} vertices drawn the same way; `relgraph neighbors V --depth 2`, igraph "
        f"`neighborhood_size(order=2, mindist=1)`, NetworkX `single_source_shortest_path_length(cutoff=2)`, Kuzu "
        f"`-[* SHORTEST 1..2]-` with `count(DISTINCT)`.",
        "- **÷ relgraph**: the peer's number divided by relgraph's (above 1: relgraph is faster or smaller).", "",
        "## Results (amazon0601)", "", results_table(results), "",
        ("All systems agree on every path length and 2-hop count." if agree else
         "**The systems disagree on some answers — see below; the timings are not comparable until that is fixed.**"),
        "",
    ]
    if rel.get("summary"):
        lines += [f"`relgraph load` said: `{rel['summary']}`", ""]
    storage = (rel.get("stats") or {}).get("storage")
    if storage:
        lines += [f"`relgraph stats --db amazon.rgdb` storage: `{json.dumps(storage)}`", ""]
    lines += ["## Targets", "", targets(results, E, ldbc), "", "## LDBC SF0.1", ""]
    lr, lk = ldbc.get("relgraph"), ldbc.get("kuzu")
    if lr:
        lines.append(f"- relgraph `load {ldbc['folder']}`: {'exit 0' if lr['ok'] else 'failed'}, "
                     f"{fmt(lr['wall_s'], 's')}, peak RSS {fmt(lr['peak_rss_kib'], 'MiB')}"
                     + (f"; `{lr['summary']}`" if lr["summary"] else ""))
    if lk:
        lines.append(f"- Kuzu, its own `schema.cypher` + `copy.cypher`: {fmt(lk['load_s'], 's')} in process, "
                     f"{lk['vertices']:,} nodes, {lk['edges']:,} relationships, peak RSS "
                     f"{fmt(lk['load_peak_rss_kib'], 'MiB')}")
    lines += ["", "| file | kind | label / type | rows | header |", "|---|---|---|---|---|"]
    lines += [f"| {f['file']} | {f['kind']} | {f['name']} | {f['rows']:,} | "
              f"{'`' + f['header'].replace('|', chr(92) + '|') + '`' if f['header'] else '(none: continues the file above)'} |"
              for f in ldbc["files"]]
    base = {r["system"]: r.get("baseline_rss_kib") for r in results if r.get("baseline_rss_kib")}
    kuzu = next((r for r in results if r["system"] == "kuzu"), {})
    lines += [
        "", "## Notes", "",
        "- Load and open times are the best of their runs, since other work on the machine only adds time; "
        "whole-process query times are medians over different queries. Repeated runs still vary by 10–20 %, on a virtual machine whose neighbours are busy by up to 70 % (all systems alike).",
        "- Peak RSS of the peers includes their runtime: before loading anything it is already "
        + ", ".join(f"{s} {fmt(v, 'MiB')}" for s, v in base.items()) + ".",
        "- relgraph's load time includes writing the snapshot (renamed into place, not flushed to disk: docs/snapshot.md); the peers' `load` does not (see the next row).",
        "- Kuzu runs its COPY and queries on all cores; relgraph, igraph and NetworkX use one.",
        "- igraph's `Read_Edgelist` is its fastest reader: it takes the integer ids as vertex indices and "
        "keeps no id mapping, which relgraph and Kuzu do.",
    ]
    if kuzu.get("load_nodes_file_s"):
        lines.append(f"- Kuzu with the dataset's own node file (`amazon-nodes.csv`, as its `copy.cypher` "
                     f"does) loads in {fmt(kuzu['load_nodes_file_s'], 's')} instead of {fmt(kuzu['load_s'], 's')}.")
    if failures:
        lines += ["", "## Problems in this run", ""] + [f"- {f}" for f in failures]
    Path(args.report).write_text("\n".join(lines) + "\n")


# ---------------------------------------------------------------- main


def main():
    kuzu_snap = DATASETS / "snap/amazon0601/csv"
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--edges", type=Path, default=kuzu_snap / "amazon-edges.csv",
                    help="SNAP-style edge list with integer ids (default: amazon0601 from the kuzu package)")
    ap.add_argument("--nodes", type=Path, default=kuzu_snap / "amazon-nodes.csv",
                    help="node file for the extra Kuzu load that uses one (skipped if missing)")
    ap.add_argument("--ldbc", type=Path, default=DATASETS / "ldbc-sf01", help="folder of LDBC SNB CSVs")
    ap.add_argument("--relgraph", default=os.environ.get("RELGRAPH", str(ROOT / "build/bin/relgraph")),
                    help="the binary (default: $RELGRAPH, else build/bin/relgraph)")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated, of: " + ", ".join(SYSTEMS))
    ap.add_argument("--queries", type=int, default=20, help="vertex pairs for path, and vertices for 2-hop")
    ap.add_argument("--seed", type=int, default=601, help="for drawing the query vertices")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each load and open (median)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds for any one process")
    ap.add_argument("--work", type=Path, default=BENCH / ".work", help="snapshots, databases, results.json")
    ap.add_argument("--report", type=Path, default=ROOT / "docs/benchmarks.md", help="the Markdown report to write")
    args = ap.parse_args()
    args.systems = args.systems.split(",")
    started, t0, cpu0 = datetime.datetime.now(datetime.timezone.utc), time.perf_counter(), cpu_seconds()
    args.work.mkdir(parents=True, exist_ok=True)
    m = machine()
    if m["load"][0] > 0.5:
        print(f"note: load average {m['load'][0]:.2f}: other work on this machine will skew the timings",
              file=sys.stderr)

    binary = args.relgraph if "relgraph" in args.systems else None
    if binary and not relgraph_has_load(binary):
        print(f"relgraph at {binary} has no 'load' command (missing, or built before it existed: rebuild "
              "with cmake --build build --target relgraph); benchmarking the peers only.", file=sys.stderr)
        binary = None

    print(f"reading {args.edges}", flush=True)
    ids, edges, clean = read_edge_list(args.edges)
    data = {"path": shown(args.edges), "bytes": args.edges.stat().st_size, "edges": edges, "vertices": len(ids)}
    peer_edges = args.edges if clean else peer_copy(args.edges, args.work)
    pairs, hoods = choose(ids, args.seed, args.queries)

    results = []
    if binary:
        print("relgraph", flush=True)
        results.append(bench_relgraph(binary, args.edges, pairs, hoods, args.work, args))
    for name in (s for s in SYSTEMS[1:] if s in args.systems):
        print(name, flush=True)
        nodes = args.nodes if clean and args.nodes.exists() else None
        results.append(bench_peer(name, peer_edges, pairs, hoods, args.work, args, nodes))
    agree = check_agreement(results, pairs, hoods)
    print("LDBC SF0.1", flush=True)
    ldbc = bench_ldbc(binary, args.ldbc, args.work, args)

    args.elapsed = time.perf_counter() - t0
    (busy, mine), cpus = cpu_seconds(), os.cpu_count() or 1
    m["others_cpu_share"] = max(0.0, (busy - cpu0[0]) - (mine - cpu0[1])) / (args.elapsed * cpus)
    (args.work / "results.json").write_text(json.dumps(
        {"machine": m, "data": data, "pairs": pairs, "hoods": hoods, "results": results, "ldbc": ldbc},
        indent=1, default=str))
    report(args, m, started, data, results, agree, ldbc, pairs, hoods, binary)
    print("\n" + results_table(results) + "\n\n" + targets(results, edges, ldbc))
    if m["others_cpu_share"] > 0.1:
        print(f"\nnote: other processes used {m['others_cpu_share']:.0%} of the CPUs during the run", file=sys.stderr)
    print(f"\nwrote {args.report} and {args.work / 'results.json'} in {args.elapsed / 60:.1f} minutes")
    if failures:
        print(f"{len(failures)} problem(s):\n" + "\n".join(f"  {f}" for f in failures), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
