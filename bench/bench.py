#!/usr/bin/env python3
"""Benchmarks relgraph against igraph, NetworkX and Kuzu on the same inputs; run it as bench/run.sh.

Every system runs in processes of its own, one per measurement, so each process's peak RSS is its
own (GNU time's %M). The peers share one command line (bench/peers/peer_cli.py) and time their
operations inside the process; relgraph is timed as whole processes. Prints the results and the
targets and writes docs/benchmarks.md. Exit status: 0 done, 1 the systems disagree on an answer or a
run failed (a target not met is reported, not an error).

Sections (--only picks some; every one by default):
  amazon   SNAP amazon0601: load, path and 2-hop against the peers; every query command on the snapshot
  ldbc     LDBC SNB SF0.1: load (relgraph and Kuzu); show of a Person and of a Comment on the snapshot
  claims   a generated claim-rich graph (bench/generate_claims.py) of N and N/10 entities: load,
           queries on the snapshot, and Kuzu's COPY and shortest path on the same graph
  bulk     edge lists whose ids are not dense (sparse 9-digit integers, long strings) against dense ids
  bundled  every query command on the bundled graph (graphs/), from the JSON files and from a snapshot
"""
import argparse
import datetime
import json
import os
import platform
import random
import re
import resource
import shlex
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
SECTIONS = ["amazon", "ldbc", "claims", "bulk", "bundled"]
PATH_TARGET_S = 0.050
COMMAND_TARGET_S = 0.050          # any query command on a snapshot, whole process, wall time
COMMAND_TARGET_RSS = 100e6        # … and its peak RSS, bytes
BUNDLED_TARGET_CPU_S = 0.010      # any query command on the bundled graph, user + sys
CLAIMS_LOAD_TARGET_S = 2.0        # relgraph load of the claim-rich graph of 100,000 entities
LINEAR_SLACK = 1.2                # "grows linearly": 10× the graph costs at most 10 × this
NOISE_TIME = 1.2                  # "as fast, within noise": run-to-run spread of wall times (Notes)
NOISE_RSS = 1.1                   # "as small, within noise": peak RSS varies far less than time

failures = []  # runs that failed and answers that disagree: reported at the end, exit status 1


def warn(message):
    failures.append(message)
    print(f"\n!!! {message}\n", file=sys.stderr, flush=True)


class Run:
    """One finished process: wall time, CPU time (user + sys), peak RSS (KiB), exit code, stdout
    (JSON when it parses).

    The process is started by GNU time, which measures its peak RSS: Linux carries the high-water
    RSS of a process over exec, so a child started straight from this driver would report at least
    the driver's own RSS (the vertex ids of the edge list) as its peak. CPU time is what wait4 gives
    for GNU time, which includes the child it reaped, in microseconds (GNU time's own %U and %S
    print hundredths); GNU time's own share is measured once per run (`time_overhead`)."""

    def __init__(self, cmd, timeout):
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
                tempfile.NamedTemporaryFile("r") as rss:
            start = time.perf_counter()
            proc = subprocess.Popen(["/usr/bin/time", "-f", "%U %S %M", "-o", rss.name, *map(str, cmd)],
                                    stdout=out, stderr=err, cwd=ROOT, start_new_session=True)
            killer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
            killer.start()
            _, status, usage = os.wait4(proc.pid, 0)
            self.wall_s = time.perf_counter() - start
            proc.returncode = self.code = os.waitstatus_to_exitcode(status)
            killer.cancel()
            self.cpu_s = usage.ru_utime + usage.ru_stime
            notes = rss.read().strip().splitlines() or [""]
            last = notes[-1].split()  # after "Command exited with …" or "Command terminated by signal …"
            measured = len(last) == 3 and last[2].isdigit()
            self.peak_rss_kib = int(last[2]) if measured else None
            self.time_cpu_s = float(last[0]) + float(last[1]) if measured else None  # GNU time's, in hundredths
            self.time_notes = [n for n in notes[:-1] if "exited with non-zero status" not in n]
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
        lines = self.time_notes + self.stderr.strip().splitlines()  # "Command terminated by signal 11"
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
    loads = fresh_loads(binary, [edges], snapshot, args)
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


# ---------------------------------------------------------------- every command, as a user runs it


AMAZON_COMMANDS = [
    ["show", "0"], ["neighbors", "0"], ["path", "0", "400000"], ["paths", "0", "400000", "--k", "3"],
    ["who-reported", "0"], ["reported-by", "0"], ["conflicts"], ["subgraph", "0", "1", "2"], ["stats"],
    ["render", "--focus", "0", "-o", "{work}/amazon-focus-0.svg"],
    ["search", "related"], ["schema"], ["timeline", "0"],
]
BUNDLED_COMMANDS = [
    ["show", "North Korea"], ["neighbors", "North Korea"], ["path", "Andrei Orlov", "Kim Jong Un"],
    ["paths", "Andrei Orlov", "Kim Jong Un", "--k", "3"], ["who-reported", "North Korea", "sent_workers", "Russia"],
    ["reported-by", "NIS"], ["conflicts"], ["subgraph", "DPRK", "Russia", "Ukraine"], ["stats"],
    ["render", "--focus", "North Korea", "-o", "{work}/north-korea.svg"],
    ["search", "stipend"], ["search", "student visas"], ["timeline", "North Korean troops"], ["schema"],
]


def bench_commands(binary, commands, graph_args, args, codes=(0, 1)):
    """Each command as a user runs it (table output), `args.command_repeat` times, each run a
    process of its own: median wall and CPU time, the highest peak RSS, the exit code and the
    first line it printed. Exit codes in `codes` are answers (1: nothing found); others failures."""
    rows = []
    for command in commands:
        command = [c.replace("{work}", str(args.work)) for c in command]
        cmd = [binary, *command, *graph_args]
        runs = [Run(cmd, args.timeout) for _ in range(args.command_repeat)]
        short = shlex.join(["relgraph", *[shown(c) if "/" in c else c for c in command]])
        shown_cmd = shlex.join(["relgraph", *[shown(c) if "/" in c else c for c in command],
                                *[shown(a) if "/" in str(a) else str(a) for a in graph_args]])
        ok = all(run.ok(shown_cmd, codes) for run in runs)
        last = runs[-1]
        printed = (last.stdout.strip() or last.stderr.strip() or " / ".join(last.time_notes)).splitlines()
        rows.append({"command": shown_cmd, "short": short, "ok": ok, "code": last.code,
                     "wall_s": median(run.wall_s for run in runs), "wall_max_s": max(run.wall_s for run in runs),
                     "cpu_s": median(run.cpu_s for run in runs), "time_cpu_s": median(run.time_cpu_s for run in runs),
                     "peak_rss_kib": max((run.peak_rss_kib or 0) for run in runs),
                     "printed": printed[0][:160] if printed else ""})
        print(f"  {shown_cmd}: {fmt(rows[-1]['wall_s'], 's')} wall, {fmt(rows[-1]['cpu_s'], 's')} CPU, "
              f"{fmt(rows[-1]['peak_rss_kib'], 'MiB')}, exit {last.code}", flush=True)
    return rows


def snapshot_command_met(row):
    """Under 50 ms whole process and under 100 MB peak RSS, and answered."""
    return row["ok"] and row["wall_s"] < COMMAND_TARGET_S and row["peak_rss_kib"] * 1024 < COMMAND_TARGET_RSS


def time_overhead(args):
    """CPU time of GNU time itself, exec included: `/usr/bin/time true` (best of 5)."""
    return best(Run(["true"], args.timeout).cpu_s for _ in range(5))


# ---------------------------------------------------------------- LDBC entities


def ldbc_entity(binary, snapshot, folder, label, args):
    """The entity relgraph made of the first node of LABEL.csv, found by its properties: the id as
    written, else with the suffix (-2, -3 …) that makes an id unique when ID spaces reuse it
    (docs/interchange.md). Returns (entity id, CSV id, kind) or None."""
    with open(folder / f"{label}.csv") as f:
        f.readline()
        fields = f.readline().rstrip("\n").split("|")
    raw, values = fields[0], {v for v in fields[1:] if v}
    base = re.sub(r"[^a-z0-9_.-]", "-", raw.lower())[:90]
    for candidate in [base, *(f"{base}-{k}" for k in range(2, 10))]:
        run = Run([binary, "show", candidate, "--db", snapshot, "--format", "json"], args.timeout)
        if run.code == 0 and run.json:
            attributes = {str(v) for v in (run.json.get("attributes") or {}).values()}
            if values <= attributes:
                return candidate, raw, run.json.get("kind")
    warn(f"no entity of the LDBC snapshot has the properties of the first {label} in {label}.csv (id {raw})")
    return None


# ---------------------------------------------------------------- the claim-rich graph


def generated_claims(n, args):
    """bench/generate_claims.py's output for N entities, under bench/.work, made again only when
    missing or made with other arguments or an older generator."""
    folder = args.work / f"claims-{n}"
    script = BENCH / "generate_claims.py"
    stamp = folder / "summary.json"
    try:
        summary = json.loads(stamp.read_text())
        if (summary["entities"], summary["seed"]) == (n, args.seed) and stamp.stat().st_mtime > script.stat().st_mtime:
            return folder, summary
    except (OSError, ValueError, KeyError):
        pass
    print(f"  generating the claim-rich graph of {n:,} entities", flush=True)
    done = subprocess.run([PYTHON, script, folder, "--entities", str(n), "--seed", str(args.seed)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench/generate_claims.py failed: {done.stderr.strip()}")
    return folder, json.loads(stamp.read_text())


def load_summary_counts(text):
    """(entities, relations) from `relgraph load`'s summary line."""
    found = re.search(r"([\d,]+) entities, ([\d,]+) relations", text)
    return tuple(int(x.replace(",", "")) for x in found.groups()) if found else (None, None)


def fresh_loads(binary, inputs, snapshot, args):
    """`relgraph load INPUTS -o SNAPSHOT`, `args.repeat` times, each into a snapshot that does not
    exist yet: replacing a file makes the kernel free the old one's cached pages first (some 20 ms
    for amazon0601's), which is no part of loading, and no peer's snapshot is replaced either."""
    runs = []
    for _ in range(args.repeat):
        Path(snapshot).unlink(missing_ok=True)
        runs.append(Run([binary, "load", *inputs, "-o", snapshot], args.timeout))
    return runs


def relgraph_load(binary, inputs, snapshot, args, what, options=()):
    """`relgraph load` as a whole process, `args.repeat` times: best wall, highest peak RSS."""
    runs = fresh_loads(binary, [*inputs, *options], snapshot, args)
    if not all(run.ok(what, keep=args.work / (snapshot.stem + ".stderr")) for run in runs):
        return None
    out = {"wall_s": best(run.wall_s for run in runs), "peak_rss_kib": max(run.peak_rss_kib for run in runs),
           "summary": runs[-1].stdout.strip(), "snapshot_bytes": snapshot.stat().st_size}
    out["entities"], out["relations"] = load_summary_counts(out["summary"])
    print(f"  {what}: {fmt(out['wall_s'], 's')}, {fmt(out['peak_rss_kib'], 'MiB')}", flush=True)
    return out


def bench_claims(binary, args):
    sizes = [args.claims_entities, args.claims_entities // 10]
    out = {"sizes": []}
    for n in sizes:
        folder, summary = generated_claims(n, args)
        size = {"n": n, "folder": shown(folder), **summary}
        snapshot = args.work / f"claims-{n}.rgdb"
        if binary:
            size["relgraph"] = relgraph_load(binary, [folder / "claims.json"], snapshot, args,
                                             f"relgraph load claims-{n}/claims.json")
            if n == sizes[0]:
                # The same load without the search index: what building it adds.
                size["relgraph_bare"] = relgraph_load(binary, [folder / "claims.json"], args.work / f"claims-{n}-bare.rgdb",
                                                      args, f"relgraph load claims-{n}/claims.json --no-search-index",
                                                      ["--no-search-index"])
            loaded = size["relgraph"] and (size["relgraph"]["entities"], size["relgraph"]["relations"])
            if loaded and loaded != (summary["entities"], summary["relations"]):
                warn(f"relgraph loaded the claim-rich graph of {n:,} entities as {loaded[0]} entities and "
                     f"{loaded[1]} relations; it holds {summary['entities']} and {summary['relations']}")
        out["sizes"].append(size)
    big = out["sizes"][0]
    n = big["n"]
    rng = random.Random(args.seed)
    ids = [f"e{i}" for i in range(n)]
    pairs = [("e0", f"e{n - 1}")] + [tuple(rng.sample(ids, 2)) for _ in range(args.queries - 1)]
    entities = rng.sample(ids, args.queries)
    out["pairs"], out["entities"] = pairs, entities
    # Each queried entity's name, searched as a user would type it.
    names = {}
    with open(args.work / f"claims-{n}" / "kuzu" / "entity.csv", encoding="utf-8") as f:
        wanted = set(entities)
        for line in f:
            cells = line.rstrip("\n").split("|")
            if cells[0] in wanted:
                names[cells[0]] = cells[1]
    snapshot = args.work / f"claims-{n}.rgdb"
    if binary and big.get("relgraph"):
        def per_query(make, what):
            runs = [Run(make(item), args.timeout) for item in (pairs if what == "path" else entities)]
            answers = [(run.json or {}).get("length") if run.ok(f"relgraph {what} (claims)", (0, 1)) else None
                       for run in runs]
            return {"wall_s": median(run.wall_s for run in runs), "wall_max_s": max(run.wall_s for run in runs),
                    "peak_rss_kib": max(run.peak_rss_kib or 0 for run in runs), "count": len(runs),
                    "ok": all(run.code in (0, 1) for run in runs), "answers": answers}
        out["queries"] = {
            "path": per_query(lambda p: [binary, "path", p[0], p[1], "--db", snapshot, "--format", "json"], "path"),
            "show": per_query(lambda e: [binary, "show", e, "--db", snapshot], "show"),
            "who-reported": per_query(lambda e: [binary, "who-reported", e, "--db", snapshot], "who-reported"),
            "search": per_query(lambda e: [binary, "search", names.get(e, e), "--db", snapshot], "search"),
            "timeline": per_query(lambda e: [binary, "timeline", e, "--db", snapshot], "timeline"),
        }
        for what, q in out["queries"].items():
            print(f"  relgraph {what} (claims-{n}), {q['count']} queries: median {fmt(q['wall_s'], 's')}, "
                  f"{fmt(q['peak_rss_kib'], 'MiB')}", flush=True)
    if "kuzu" in args.systems:
        kuzu = PEERS["kuzu"][0]
        db = args.work / f"claims-{n}.kuzu"
        loads = [Run([*kuzu, "load-claims", args.work / f"claims-{n}" / "kuzu", db], args.timeout)
                 for _ in range(args.repeat)]
        if all(run.ok("kuzu load-claims") and run.json for run in loads):
            k = {"load_s": best(run.json["load_s"] for run in loads),
                 "load_save_s": best(run.json["load_s"] + run.json["save_s"] for run in loads),
                 "process_s": best(run.wall_s for run in loads),
                 "load_peak_rss_kib": max(run.json["load_peak_rss_kib"] for run in loads),
                 "process_peak_rss_kib": max(run.peak_rss_kib for run in loads),
                 "counts": {key: loads[0].json.get(key) for key in ("vertices", "edges", "claims", "sources")},
                 "db_bytes": sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())}
            print(f"  kuzu load-claims (claims-{n}): {fmt(k['load_s'], 's')} in process", flush=True)
            one = [Run([*kuzu, "claims-path", db, *pairs[0]], args.timeout) for _ in range(args.command_repeat)]
            if all(run.ok("kuzu claims-path (one)") for run in one):
                k["path_process_s"] = median(run.wall_s for run in one)
                k["path_process_peak_rss_kib"] = max(run.peak_rss_kib for run in one)
            every = Run([*kuzu, "claims-path", db, *[v for p in pairs for v in p]], args.timeout)
            if every.ok("kuzu claims-path") and every.json:
                k["path"], k["path_query_s"] = every.json["results"], every.json["query_s"]
                mine = (out.get("queries") or {}).get("path", {}).get("answers")
                for pair, theirs, ours in zip(pairs, k["path"], mine or []):
                    if mine and theirs != ours:
                        warn(f"MISMATCH path {pair[0]} → {pair[1]} (claims-{n}): relgraph {ours}, kuzu {theirs}")
            out["kuzu"] = k
    return out


# ---------------------------------------------------------------- ids that are not dense


def bulk_inputs(edges_path, count, args):
    """Three edge lists of amazon0601's first `count` edges: its own dense ids; each id replaced by
    a sparse 9-digit integer; each by a string of 20 to 40 characters. The replacement keeps the
    ids' order (the k-th smallest id becomes the k-th smallest number, or string in byte order),
    so all three files are sorted by their first column as amazon0601 is, and only the ids differ.
    Under bench/.work; made again only when missing or made with other arguments."""
    folder = args.work / f"bulk-{count}"
    stamp = folder / "summary.json"
    want = {"source": shown(edges_path), "count": count, "seed": args.seed, "version": 1}
    try:
        summary = json.loads(stamp.read_text())
        if all(summary.get(k) == v for k, v in want.items()):
            return folder, summary
    except (OSError, ValueError):
        pass
    print(f"  generating edge lists of {count:,} relations with dense, sparse and string ids", flush=True)
    folder.mkdir(parents=True, exist_ok=True)
    froms, tos = [], []
    with open(edges_path) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            a, b = re.split(r"[\t ,|]+", line.strip(), maxsplit=2)[:2]
            froms.append(int(a)), tos.append(int(b))
            if len(froms) == count:
                break
    ids = sorted(set(froms) | set(tos))
    rng = random.Random(args.seed)
    sparse = sorted(rng.sample(range(100_000_000, 1_000_000_000), len(ids)))
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    strings = set()
    while len(strings) < len(ids):
        text = "".join(rng.choices(alphabet, k=rng.randint(20, 40)))
        if not text.isdigit():
            strings.add(text)
    names = {"dense": {i: str(i) for i in ids}, "sparse": dict(zip(ids, map(str, sparse))),
             "strings": dict(zip(ids, sorted(strings)))}
    files = {}
    for kind, name in names.items():
        files[kind] = folder / f"{kind}.tsv"
        with open(files[kind], "w") as out:
            for start in range(0, len(froms), 100_000):
                out.write("".join(f"{name[a]}\t{name[b]}\n"
                                  for a, b in zip(froms[start:start + 100_000], tos[start:start + 100_000])))
    summary = {**want, "relations": len(froms), "entities": len(ids),
               "bytes": {kind: path.stat().st_size for kind, path in files.items()},
               "mean_string_id_chars": sum(map(len, strings)) / len(strings)}
    stamp.write_text(json.dumps(summary, indent=1) + "\n")
    return folder, summary


def bench_bulk(binary, edges_path, amazon_load, amazon_edges, args):
    folder, summary = bulk_inputs(edges_path, args.bulk_relations, args)
    out = {"folder": shown(folder), **summary, "loads": {}}
    if amazon_load is None:  # the amazon section did not run: load amazon0601 here as the baseline
        amazon_load = relgraph_load(binary, [edges_path], args.work / "amazon.rgdb", args, "relgraph load amazon0601")
    out["amazon"] = amazon_load and {**amazon_load, "relations": amazon_edges}
    for kind in ("dense", "sparse", "strings"):
        load = relgraph_load(binary, [folder / f"{kind}.tsv"], args.work / f"bulk-{kind}.rgdb", args,
                             f"relgraph load bulk-{args.bulk_relations}/{kind}.tsv")
        if load and (load["entities"], load["relations"]) != (summary["entities"], summary["relations"]):
            warn(f"relgraph loaded {kind}.tsv as {load['entities']} entities and {load['relations']} relations; "
                 f"it holds {summary['entities']} and {summary['relations']}")
        out["loads"][kind] = load
    return out


# ---------------------------------------------------------------- the bundled graph


def bench_bundled(binary, args):
    out = {"graph": "graphs"}
    snapshot = args.work / "bundled.rgdb"
    out["load"] = relgraph_load(binary, [ROOT / "graphs"], snapshot, args, "relgraph load graphs")
    out["json"] = bench_commands(binary, BUNDLED_COMMANDS, ["--graph", ROOT / "graphs"], args)
    if out["load"]:
        out["snapshot"] = bench_commands(binary, BUNDLED_COMMANDS, ["--db", snapshot], args)
    return out


# ---------------------------------------------------------------- report


def fmt(value, unit):
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.2f} s" if value >= 1 else f"{value * 1e3:.1f} ms"
    if unit == "MiB":
        return f"{value / 1024:,.1f} MiB" if value < 10 * 1024 else f"{value / 1024:,.0f} MiB"
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


def targets(res):
    rows = []

    def row(target, measured, met):
        rows.append(f"| {target} | {measured} | {'—' if met is None else ('met' if met else '**not met**')} |")

    am = res.get("amazon")
    if am:
        results, edges = am["results"], am["edges"]
        by = {r["system"]: r for r in results}
        rel = by.get("relgraph", {})
        load = rel.get("load_s")
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
        if am.get("commands"):
            commands_row(row, "every query command on the amazon0601 snapshot < 50 ms and < 100 MB peak RSS, "
                         "whole process (median run)", am["commands"], snapshot_command_met, wall_and_rss)
    ldbc = res.get("ldbc")
    if ldbc:
        lr = ldbc.get("relgraph")
        row("LDBC SF0.1 loads through the neo4j-admin-style CSV import",
            (f"exit 0 in {fmt(lr['wall_s'], 's')}, {lr.get('entities') or 0:,} entities / {lr.get('relations') or 0:,} "
             f"relations (the CSVs: {ldbc['nodes']:,} / {ldbc['relationships']:,})" if lr["ok"] else "load failed")
            if lr else "not run",
            lr["ok"] and (lr.get("entities"), lr.get("relations")) == (ldbc["nodes"], ldbc["relationships"])
            if lr else None)
        for label, r in (ldbc.get("shows") or {}).items():
            row(f"`relgraph show` of an LDBC {label} on the snapshot < 50 ms and < 100 MB peak RSS",
                f"`{r['short']}`: {wall_and_rss(r)}" if r else "no such entity found", snapshot_command_met(r) if r else False)
    cl = res.get("claims")
    if cl:
        big, small = cl["sizes"][0], cl["sizes"][1]
        rb, rs = big.get("relgraph"), small.get("relgraph")
        quick = "" if big["n"] == 100_000 else f" (this run: {big['n']:,} entities; the target is set for 100,000)"
        row(f"load the claim-rich graph of 100,000 entities, 300,000 relations and claims < 2 s{quick}",
            f"{fmt(rb['wall_s'], 's')}" if rb else "failed", rb["wall_s"] < CLAIMS_LOAD_TARGET_S if rb else None)
        row("… its peak RSS < 2× the JSON file's bytes",
            f"{fmt(rb['peak_rss_kib'] * 1024, 'MB')} vs {fmt(big['json_bytes'], 'MB')}: "
            f"{rb['peak_rss_kib'] * 1024 / big['json_bytes']:.2f}×" if rb else "failed",
            rb["peak_rss_kib"] * 1024 < 2 * big["json_bytes"] if rb else None)
        bare = big.get("relgraph_bare")
        if rb and bare:
            added = rb["wall_s"] / bare["wall_s"] - 1
            row("building the search index adds < 30% to `load` of the claim-rich graph",
                f"{fmt(rb['wall_s'], 's')} vs {fmt(bare['wall_s'], 's')} with `--no-search-index`: +{added * 100:.0f}%; "
                f"snapshot {fmt(rb['snapshot_bytes'], 'MB')} vs {fmt(bare['snapshot_bytes'], 'MB')}", added < 0.30)
        if rb and rs:
            scale = big["n"] / small["n"]
            limit = scale * LINEAR_SLACK
            for what, key, text in (("load time", "wall_s", "s"), ("load peak RSS", "peak_rss_kib", "MiB"),
                                    ("snapshot size", "snapshot_bytes", "MB")):
                ratio = rb[key] / rs[key]
                row(f"{what} grows linearly: {scale:.0f}× the graph, ≤ {limit:.0f}× ({LINEAR_SLACK}× {scale:.0f} for noise)",
                    f"{fmt(rs[key], text)} → {fmt(rb[key], text)}: {ratio:.1f}×", ratio <= limit)
        for what, q in (cl.get("queries") or {}).items():
            row(f"`relgraph {what}` on the claim-rich snapshot < 50 ms as a whole process (median query)",
                f"median {fmt(q['wall_s'], 's')}, max {fmt(q['wall_max_s'], 's')} over {q['count']} queries, "
                f"peak RSS {fmt(q['peak_rss_kib'] * 1024, 'MB')}", q["ok"] and q["wall_s"] < COMMAND_TARGET_S)
        k = cl.get("kuzu")
        if k and rb:
            row("claim-rich graph: `relgraph load` faster than Kuzu's CREATE + COPY of the same graph",
                f"{fmt(rb['wall_s'], 's')} vs {fmt(k['load_s'], 's')}: {k['load_s'] / rb['wall_s']:.1f}×",
                rb["wall_s"] < k["load_s"])
            mine = (cl.get("queries") or {}).get("path")
            if mine and k.get("path_process_s"):
                ratio = k["path_process_s"] / mine["wall_s"]
                row("claim-rich graph: `relgraph path` ≥ 5× faster than Kuzu's shortest path, whole process",
                    f"{fmt(mine['wall_s'], 's')} vs {fmt(k['path_process_s'], 's')}: {ratio:.1f}×", ratio >= 5)
    bulk = res.get("bulk")
    if bulk and bulk.get("amazon"):
        am_load = bulk["amazon"]
        base_t = am_load["wall_s"] / am_load["relations"]
        base_m = am_load["peak_rss_kib"] * 1024 / am_load["relations"]
        for kind, label in (("sparse", "sparse 9-digit integer ids"), ("strings", "string ids of 20–40 characters")):
            load = bulk["loads"].get(kind)
            t = load and load["wall_s"] / bulk["relations"]
            mem = load and load["peak_rss_kib"] * 1024 / bulk["relations"]
            row(f"load {bulk['relations']:,} relations with {label} as fast per relation as amazon0601 "
                f"(≤ {NOISE_TIME}×, noise)",
                f"{t * 1e9:.0f} ns vs {base_t * 1e9:.0f} ns per relation: {t / base_t:.2f}×" if load else "failed",
                t <= NOISE_TIME * base_t if load else None)
            row(f"… and as small: peak RSS per relation ≤ {NOISE_RSS}× amazon0601's",
                f"{mem:.1f} B vs {base_m:.1f} B per relation: {mem / base_m:.2f}×" if load else "failed",
                mem <= NOISE_RSS * base_m if load else None)
    bundled = res.get("bundled")
    if bundled:
        for key, what in (("json", "from the JSON files (`--graph graphs`)"), ("snapshot", "from a snapshot (`--db`)")):
            if bundled.get(key):
                commands_row(row, f"every query command on the bundled graph {what} < 10 ms CPU (user + sys, "
                             "median run)", bundled[key], bundled_met, cpu_text)
    return "| target | measured | |\n|---|---|---|\n" + "\n".join(rows)


def wall_and_rss(r):
    return f"{fmt(r['wall_s'], 's')}, {fmt(r['peak_rss_kib'] * 1024, 'MB')}" + ("" if r["ok"] else f", exit {r['code']}")


def cpu_text(r):
    return f"{fmt(r['cpu_s'], 's')} CPU" + ("" if r["ok"] else f", exit {r['code']}")


def bundled_met(r):
    return r["ok"] and r["cpu_s"] < BUNDLED_TARGET_CPU_S


def commands_row(row, target, commands, met, describe):
    bad = [r for r in commands if not met(r)]
    worst = max(commands, key=lambda r: r["wall_s"] if describe is wall_and_rss else r["cpu_s"])
    measured = f"{len(commands) - len(bad)} of {len(commands)} met"
    if bad:
        measured += "; not met: " + "; ".join(f"`{r['short']}` {describe(r)}" for r in bad)
    else:
        measured += f"; the slowest `{worst['short']}` {describe(worst)}"
    row(target, measured, not bad)


def commands_table(rows, met, target, repeat, gnu_cpu=False):
    """One row per command; with `gnu_cpu`, also GNU time's own %U + %S (hundredths of a second)."""
    gnu = " GNU time %U + %S |" if gnu_cpu else ""
    lines = [f"| command | exit | wall (median of {repeat}) | CPU (median) |{gnu} peak RSS | {target} | first line printed |",
             "|---|---|---|---|" + ("---|" if gnu_cpu else "") + "---|---|---|"]
    for r in rows:
        printed = r["printed"].replace("|", "\\|")
        gnu = f" {r['time_cpu_s']:.2f} s |" if gnu_cpu and r.get("time_cpu_s") is not None else (" — |" if gnu_cpu else "")
        lines.append(f"| `{r['command']}` | {r['code']} | {fmt(r['wall_s'], 's')} | {fmt(r['cpu_s'], 's')} |{gnu} "
                     f"{fmt(r['peak_rss_kib'] * 1024, 'MB')} | {'met' if met(r) else '**not met**'} | {printed} |")
    return "\n".join(lines)


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


def report(args, m, started, res, binary):
    command = os.environ.get("BENCH_COMMAND") or " ".join(["bench/bench.py", *sys.argv[1:]])
    am, ldbc, cl, bulk, bundled = (res.get(s) for s in SECTIONS)
    lines = [
        "# Benchmarks", "",
        "relgraph against [python-igraph](https://python.igraph.org), [NetworkX](https://networkx.org) "
        "and [Kuzu](https://kuzudb.com) on the same inputs, and every relgraph command a user would run on "
        "them, in one run. Written by `bench/run.sh`; rerun it to refresh this page.", "",
        f"- **Date:** {started:%Y-%m-%d %H:%M} UTC, {args.elapsed / 60:.1f} minutes",
        f"- **Machine:** {m['cpus']} CPUs ({m['model']}), {m['ram_gib']:.1f} GiB RAM, {m['os']}, "
        f"Linux {m['kernel']}; other processes kept {m['others_cpu_share']:.0%} of its CPU time busy during the run",
        f"- **Command:** `{command}`",
        f"- **relgraph:** `{shown(binary) if binary else 'not run'}` ({build_type(binary) if binary else '—'} build), commit "
        f"{m['commit']}{' with uncommitted changes' if m['dirty'] else ''}",
        f"- **Peers:** python-igraph {m['igraph']} and NetworkX {m['networkx']} (Debian packages, "
        f"{m['python']}), Kuzu {m['kuzu']} (npm, Node.js {m['node']})",
        f"- **Sections:** {', '.join(s for s in SECTIONS if s in res)}; loads best of {args.repeat}, each command "
        f"alone {args.command_repeat} time{'s' if args.command_repeat > 1 else ''} (median), {args.queries} queries "
        f"where queries are drawn", "",
    ]
    if args.quick:
        lines += ["> **Quick run** (`--quick`): small generated graphs, one load each, few repeats. It checks that "
                  "every section runs; its figures are not the ones to quote.", ""]
    if m["others_cpu_share"] > 0.1:
        lines += [f"> **The machine was busy during this run**: other processes used "
                  f"{m['others_cpu_share']:.0%} of its {m['cpus']} CPUs. Every timing is inflated, "
                  f"Kuzu's most, since it runs on every core. Rerun `bench/run.sh` on a quiet machine before "
                  f"drawing conclusions.", ""]

    # ---- datasets
    lines += ["## Datasets", ""]
    if am:
        data, E, V = am["data"], am["data"]["edges"], am["data"]["vertices"]
        lines.append(f"- **SNAP amazon0601** — `{data['path']}`: {data['bytes'] / 1e6:.1f} MB, {E:,} directed edges "
                     f"(one `FROM<TAB>TO` line each), {V:,} vertices. Baseline: a raw array of (int32, int32) pairs, "
                     f"E × 8 = {E * 8 / 1e6:.1f} MB.")
    if ldbc:
        lines.append(f"- **LDBC SNB SF0.1** — `{ldbc['folder']}`: {len(ldbc['files'])} `|`-separated CSV files with "
                     f"neo4j-admin headers, {ldbc['nodes']:,} nodes, {ldbc['relationships']:,} relationships.")
    if am or ldbc or bulk:
        lines.append("- Both ship inside the npm package `kuzu` (`kuzu-source/dataset/`), which `bench/run.sh` installs.")
    if cl:
        b, sm = cl["sizes"][0], cl["sizes"][1]
        lines.append(
            f"- **Claim-rich graph** — `bench/generate_claims.py` (seed {b['seed']}), written to `{b['folder']}` and "
            f"`{sm['folder']}`: one relgraph JSON file of N entities ({b['kinds']} kinds), 3N relations ({b['types']} "
            f"types, from and to any kind), each resting on one claim with a source, `by` (one entity), a date, a "
            f"summary and one quantity value, and {b['sources']} sources published by {b['sources'] // 4} of the "
            f"entities (media outlets). N = {b['n']:,}: {b['json_bytes'] / 1e6:.1f} MB of JSON; N = {sm['n']:,}: "
            f"{sm['json_bytes'] / 1e6:.1f} MB. The same graph as `|`-separated CSV for Kuzu "
            f"({b['csv_bytes'] / 1e6:.1f} MB at N = {b['n']:,}): a node table `entity(id, name, kind)`, a node "
            f"table `source(id, title, publisher, date)` and one relationship table `relation` whose properties "
            f"are the relation's id and type and its one claim's id, source, `by`, date, summary, amount and qualifier.")
    if bulk:
        lines.append(
            f"- **Ids that are not dense** — `{bulk['folder']}`: amazon0601's first {bulk['relations']:,} edges "
            f"({bulk['entities']:,} vertices) three times: with its own ids (`dense.tsv`, "
            f"{bulk['bytes']['dense'] / 1e6:.1f} MB), each id replaced by a random 9-digit integer (`sparse.tsv`, "
            f"{bulk['bytes']['sparse'] / 1e6:.1f} MB) and by a random string of 20–40 characters from `a-z0-9` "
            f"(`strings.tsv`, {bulk['mean_string_id_chars']:.1f} on average, {bulk['bytes']['strings'] / 1e6:.1f} MB). "
            f"The replacement keeps the ids' order, so every file is sorted by its first column, as amazon0601 is: "
            f"only the ids differ.")
    if bundled:
        lines.append("- **The bundled graph** — `graphs/` (docs/graph.md), and its snapshot made by "
                     "`relgraph load graphs -o bench/.work/bundled.rgdb`.")

    # ---- what is measured
    lines += ["", "## What is measured", "",
              "Each measurement is a process of its own, started by GNU `time`, whose `%M` gives its peak RSS; "
              "CPU time (user + sys) is what `wait4` reports for that process, in microseconds, and includes GNU "
              f"`time`'s own (`/usr/bin/time true`: {fmt(res['time_overhead_s'], 's')} CPU in this run).", ""]
    if am:
        pairs, hoods = am["pairs"], am["hoods"]
        lines += [
            f"- **load**: relgraph — the whole `relgraph load EDGES -o amazon.rgdb` process, which also writes "
            f"the snapshot (a new file each run, as the peers' databases are); peers — the load call inside the process (igraph `Graph.Read_Edgelist`, NetworkX "
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
            "- **÷ relgraph**: the peer's number divided by relgraph's (above 1: relgraph is faster or smaller).",
            f"- **every command on the amazon0601 snapshot**: each query and render command as a user types it "
            f"(table output; `render` writes an SVG with its default node cap), run alone {args.command_repeat} "
            f"times: median wall time, highest peak RSS. Target: < 50 ms and < 100 MB (10⁸ bytes) each. Exit 1 "
            f"(nothing found: `reported-by`, `conflicts` on a graph with one claim per relation) is an answer.",
        ]
    if ldbc:
        lines.append("- **LDBC**: `relgraph load` of the folder (whole process, once) and Kuzu's own `schema.cypher` + "
                     "`copy.cypher`; then `relgraph show` of the first Person and the first Comment of the CSVs on the "
                     f"snapshot, found by their properties (ID spaces reuse ids, and relgraph gives the node read later "
                     f"a suffix), {args.command_repeat} times each. Target: < 50 ms and < 100 MB each.")
    if cl:
        lines.append(
            f"- **claim-rich graph**: `relgraph load claims.json -o claims-N.rgdb`, whole process, best of "
            f"{args.repeat}, at N and N/10 (the ratios show whether the store grows linearly); on the larger "
            f"snapshot `relgraph path A B` for {len(cl['pairs'])} entity pairs (the first `e0` → `e{cl['sizes'][0]['n'] - 1}`, "
            f"the others drawn with seed {args.seed}), `relgraph show E` and `relgraph who-reported E` for "
            f"{len(cl['entities'])} entities drawn likewise, one process each (median). Kuzu: "
            f"`kuzu_peer.mjs load-claims` (CREATE of the three tables + three COPY FROM, into a fresh database, "
            f"timed in process, best of {args.repeat}) and `kuzu_peer.mjs claims-path` (open read-only + "
            f"`-[:relation* SHORTEST 1..30]-` between the entities' `id`s): whole process for the first pair "
            f"({args.command_repeat} runs, median), and one process answering every pair, whose hop counts must "
            f"agree with relgraph's.")
    if bulk:
        lines.append(
            f"- **ids that are not dense**: `relgraph load FILE -o …`, whole process, best of {args.repeat}, for "
            f"each of the three files; time and peak RSS divided by the relations loaded, against the same of "
            f"amazon0601's whole file. Targets: as fast per relation (≤ {NOISE_TIME}×, the run-to-run noise of "
            f"wall times) and as small (≤ {NOISE_RSS}×).")
    if bundled:
        lines.append(
            f"- **bundled graph**: the same commands with the bundled graph's names, run alone "
            f"{args.command_repeat} times from `--graph graphs` and from `--db bundled.rgdb`: median CPU time "
            f"(user + sys). Target: < 10 ms CPU each.")
    lines.append("")

    # ---- results
    if am:
        results = am["results"]
        rel = next((r for r in results if r["system"] == "relgraph"), {})
        lines += ["## Results (amazon0601)", "", results_table(results), "",
                  ("All systems agree on every path length and 2-hop count." if am["agree"] else
                   "**The systems disagree on some answers — see below; the timings are not comparable until that is fixed.**"),
                  ""]
        if rel.get("summary"):
            lines += [f"`relgraph load` said: `{rel['summary']}`", ""]
        storage = (rel.get("stats") or {}).get("storage")
        if storage:
            lines += [f"`relgraph stats --db amazon.rgdb` storage: `{json.dumps(storage)}`", ""]
        if am.get("commands"):
            lines += ["### Every query command on the amazon0601 snapshot", "",
                      commands_table(am["commands"], snapshot_command_met, "< 50 ms, < 100 MB", args.command_repeat), ""]
    lines += ["## Targets", "", targets(res), ""]
    if ldbc:
        lines += ["## LDBC SF0.1", ""]
        lr, lk = ldbc.get("relgraph"), ldbc.get("kuzu")
        if lr:
            lines.append(f"- relgraph `load {ldbc['folder']}`: {'exit 0' if lr['ok'] else 'failed'}, "
                         f"{fmt(lr['wall_s'], 's')}, peak RSS {fmt(lr['peak_rss_kib'], 'MiB')}"
                         + (f"; `{lr['summary']}`" if lr["summary"] else ""))
        if lk:
            lines.append(f"- Kuzu, its own `schema.cypher` + `copy.cypher`: {fmt(lk['load_s'], 's')} in process, "
                         f"{lk['vertices']:,} nodes, {lk['edges']:,} relationships, peak RSS "
                         f"{fmt(lk['load_peak_rss_kib'], 'MiB')}")
        found = ldbc.get("found") or {}
        for label, f in found.items():
            if f:
                lines.append(f"- The first {label} of `{label}.csv`, id `{f['csv_id']}`, is entity `{f['entity']}` "
                             f"of kind `{f['kind']}` in the snapshot.")
        if ldbc.get("show_rows"):
            lines += ["", commands_table(ldbc["show_rows"], snapshot_command_met, "< 50 ms, < 100 MB", args.command_repeat)]
        lines += ["", "| file | kind | label / type | rows | header |", "|---|---|---|---|---|"]
        lines += [f"| {f['file']} | {f['kind']} | {f['name']} | {f['rows']:,} | "
                  f"{'`' + f['header'].replace('|', chr(92) + '|') + '`' if f['header'] else '(none: continues the file above)'} |"
                  for f in ldbc["files"]]
        lines.append("")
    if cl:
        b, sm = cl["sizes"][0], cl["sizes"][1]
        rb, rs = b.get("relgraph") or {}, sm.get("relgraph") or {}
        ratio = lambda x, y: f"{x / y:.1f}×" if x and y else "—"
        lines += ["## Claim-rich graph", "",
                  f"| relgraph | N = {sm['n']:,} | N = {b['n']:,} | ratio |", "|---|---|---|---|",
                  f"| entities / relations / claims / sources | {sm['entities']:,} / {sm['relations']:,} / {sm['claims']:,} / "
                  f"{sm['sources']:,} | {b['entities']:,} / {b['relations']:,} / {b['claims']:,} / {b['sources']:,} | "
                  f"{ratio(b['relations'], sm['relations'])} |",
                  f"| JSON file | {fmt(sm['json_bytes'], 'MB')} | {fmt(b['json_bytes'], 'MB')} | {ratio(b['json_bytes'], sm['json_bytes'])} |",
                  f"| `relgraph load` (whole process) | {fmt(rs.get('wall_s'), 's')} | {fmt(rb.get('wall_s'), 's')} | "
                  f"{ratio(rb.get('wall_s'), rs.get('wall_s'))} |",
                  f"| peak RSS of the load | {fmt(rs.get('peak_rss_kib'), 'MiB')} | {fmt(rb.get('peak_rss_kib'), 'MiB')} | "
                  f"{ratio(rb.get('peak_rss_kib'), rs.get('peak_rss_kib'))} |",
                  f"| peak RSS ÷ JSON bytes | {(rs.get('peak_rss_kib') or 0) * 1024 / sm['json_bytes']:.2f} | "
                  f"{(rb.get('peak_rss_kib') or 0) * 1024 / b['json_bytes']:.2f} | |",
                  f"| snapshot | {fmt(rs.get('snapshot_bytes'), 'MB')} | {fmt(rb.get('snapshot_bytes'), 'MB')} | "
                  f"{ratio(rb.get('snapshot_bytes'), rs.get('snapshot_bytes'))} |", ""]
        for size, r in ((sm, rs), (b, rb)):
            if r.get("summary"):
                lines += [f"`relgraph load` (N = {size['n']:,}) said: `{r['summary']}`", ""]
        queries = cl.get("queries") or {}
        if queries:
            lines += [f"| on `claims-{b['n']}.rgdb`, whole process | queries | median | max | peak RSS | < 50 ms |",
                      "|---|---|---|---|---|---|"]
            lines += [f"| `relgraph {what}` | {q['count']} | {fmt(q['wall_s'], 's')} | {fmt(q['wall_max_s'], 's')} | "
                      f"{fmt(q['peak_rss_kib'] * 1024, 'MB')} | {'met' if q['ok'] and q['wall_s'] < COMMAND_TARGET_S else '**not met**'} |"
                      for what, q in queries.items()]
            lines.append("")
        k = cl.get("kuzu")
        if k:
            mine = queries.get("path") or {}
            rows = [("load (JSON or CSV → database), in process for Kuzu", rb.get("wall_s"), k["load_s"], "s"),
                     ("load + close (save), in process for Kuzu", rb.get("wall_s"), k["load_save_s"], "s"),
                     ("load, whole process", rb.get("wall_s"), k["process_s"], "s"),
                     ("peak RSS while loading", rb.get("peak_rss_kib"), k["load_peak_rss_kib"], "MiB"),
                     ("snapshot / database size", rb.get("snapshot_bytes"), k["db_bytes"], "MB"),
                     ("path, 1 query, whole process", mine.get("wall_s"), k.get("path_process_s"), "s"),
                     ("path, per query in process", None, median(k.get("path_query_s") or []), "s")]
            lines += [f"| N = {b['n']:,} | relgraph | Kuzu | ÷ relgraph |", "|---|---|---|---|"]
            lines += [f"| {label} | {fmt(ours, unit)} | {fmt(theirs, unit)} | {ratio(theirs, ours)} |"
                      for label, ours, theirs, unit in rows]
            counts = k["counts"]
            agree = mine.get("answers") == k.get("path")
            lines += ["", f"Kuzu holds {counts['vertices']:,} entities, {counts['edges']:,} relations with "
                      f"{counts['claims']:,} claims, {counts['sources']:,} sources. "
                      + ("relgraph and Kuzu agree on every path length." if agree else
                         "**relgraph and Kuzu disagree on some path lengths — see Problems.**"), ""]
    if bulk:
        base = bulk.get("amazon")
        lines += ["## Ids that are not dense", "",
                  "| `relgraph load` | relations | entities | file | load | per relation | peak RSS | per relation | ÷ amazon0601 (time, RSS) |",
                  "|---|---|---|---|---|---|---|---|---|"]
        entries = ([("amazon0601 (whole file)", base, base["relations"], am["data"]["vertices"] if am else None,
                     am["data"]["bytes"] if am else None)] if base else [])
        entries += [(f"`{kind}.tsv`", bulk["loads"].get(kind), bulk["relations"], bulk["entities"], bulk["bytes"][kind])
                    for kind in ("dense", "sparse", "strings")]
        for label, load, E, V, size in entries:
            if not load:
                lines.append(f"| {label} | {E:,} | | | failed | | | | |")
                continue
            t, mem = load["wall_s"] / E, load["peak_rss_kib"] * 1024 / E
            versus = (f"{t / (base['wall_s'] / base['relations']):.2f}×, "
                      f"{mem / (base['peak_rss_kib'] * 1024 / base['relations']):.2f}×") if base else "—"
            lines.append(f"| {label} | {E:,} | {f'{V:,}' if V else '—'} | {fmt(size, 'MB') if size else '—'} | "
                         f"{fmt(load['wall_s'], 's')} | {t * 1e9:.0f} ns | {fmt(load['peak_rss_kib'], 'MiB')} | "
                         f"{mem:.1f} B | {versus} |")
        lines.append("")
        for kind in ("sparse", "strings"):
            if bulk["loads"].get(kind):
                lines += [f"`relgraph load {kind}.tsv` said: `{bulk['loads'][kind]['summary']}`", ""]
    if bundled:
        lines += ["## The bundled graph", ""]
        if bundled.get("load"):
            lines += [f"`relgraph load graphs -o bench/.work/bundled.rgdb`: {fmt(bundled['load']['wall_s'], 's')}, "
                      f"`{bundled['load']['summary']}`", ""]
        for key, what in (("json", "From the JSON files"), ("snapshot", "From the snapshot")):
            if bundled.get(key):
                lines += [f"{what}:", "", commands_table(bundled[key], bundled_met, "< 10 ms CPU", args.command_repeat,
                                                         gnu_cpu=True), ""]
        lines += ["CPU is `wait4`'s user + sys time of the process, to the microsecond; GNU `time`'s own `%U` and "
                  "`%S`, beside it, count hundredths of a second: too coarse for a 10 ms target.", ""]

    # ---- notes
    lines += ["## Notes", "",
              "- Load and open times are the best of their runs, since other work on the machine only adds time; "
              "whole-process query times are medians over different queries, or over repeated runs of one command. "
              "Repeated runs still vary by 10–20 %, on a virtual machine whose neighbours are busy by up to 70 % (all systems alike).",
              "- A snapshot is mapped and its checksum read whole when opened, so every page of the file counts in "
              "a query's peak RSS: the RSS of a query on a snapshot is at least the snapshot's size."]
    if am:
        results = am["results"]
        base = {r["system"]: r.get("baseline_rss_kib") for r in results if r.get("baseline_rss_kib")}
        kuzu = next((r for r in results if r["system"] == "kuzu"), {})
        if base:
            lines.append("- Peak RSS of the peers includes their runtime: before loading anything it is already "
                         + ", ".join(f"{s} {fmt(v, 'MiB')}" for s, v in base.items()) + ".")
        lines += [
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


def ldbc_shows(binary, ldbc, args):
    """`relgraph show` of the first Person and the first Comment on the LDBC snapshot."""
    snapshot, folder = args.work / "ldbc.rgdb", args.ldbc
    ldbc["found"], ldbc["shows"], ldbc["show_rows"] = {}, {}, []
    for label in ("Person", "Comment"):
        found = ldbc_entity(binary, snapshot, folder, label, args)
        ldbc["found"][label] = found and {"entity": found[0], "csv_id": found[1], "kind": found[2]}
        ldbc["shows"][label] = None
        if found:
            row = bench_commands(binary, [["show", found[0]]], ["--db", snapshot], args, codes=(0,))[0]
            ldbc["shows"][label] = row
            ldbc["show_rows"].append(row)


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
    ap.add_argument("--only", default=",".join(SECTIONS),
                    help="comma-separated sections to run, of: " + ", ".join(SECTIONS) + " (default: all)")
    ap.add_argument("--quick", action="store_true",
                    help="a check that every section runs: generated graphs 10× smaller, every load once, each "
                         "command twice, 5 queries (each of these unless given), the report in bench/.work")
    ap.add_argument("--queries", type=int, help="vertex pairs for path, and vertices for 2-hop (default 20)")
    ap.add_argument("--seed", type=int, default=601, help="for drawing the query vertices and generating graphs")
    ap.add_argument("--repeat", type=int, help="runs of each load and open (best) (default 3)")
    ap.add_argument("--command-repeat", type=int, help="runs of each command measured alone (median) (default 5)")
    ap.add_argument("--claims-entities", type=int,
                    help="N of the claim-rich graph; N/10 is measured too (default 100,000; --quick 10,000)")
    ap.add_argument("--bulk-relations", type=int,
                    help="relations of the edge lists with sparse and string ids (default 2,400,000; --quick 240,000)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds for any one process")
    ap.add_argument("--work", type=Path, default=BENCH / ".work", help="snapshots, databases, generated inputs, results.json")
    ap.add_argument("--report", type=Path,
                    help="the Markdown report to write (default: docs/benchmarks.md for a full run of every "
                         "section, else bench/.work/benchmarks.md)")
    args = ap.parse_args()
    args.systems = args.systems.split(",")
    sections = args.only.split(",")
    if unknown := [s for s in sections if s not in SECTIONS]:
        ap.error(f"unknown section {', '.join(unknown)}; the sections: {', '.join(SECTIONS)}")
    for name, full, quick in (("queries", 20, 5), ("repeat", 3, 1), ("command_repeat", 5, 2),
                              ("claims_entities", 100_000, 10_000), ("bulk_relations", 2_400_000, 240_000)):
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else full)
    if args.claims_entities < 20:
        ap.error("--claims-entities: at least 20 (a graph of N/10 is measured too)")
    args.work = args.work.resolve()
    if args.report is None:
        complete = not args.quick and sections == SECTIONS
        args.report = ROOT / "docs/benchmarks.md" if complete else args.work / "benchmarks.md"
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

    res = {"time_overhead_s": time_overhead(args)}
    amazon_load, amazon_edges = None, None
    if "amazon" in sections:
        print(f"reading {args.edges}", flush=True)
        ids, edges, clean = read_edge_list(args.edges)
        data = {"path": shown(args.edges), "bytes": args.edges.stat().st_size, "edges": edges, "vertices": len(ids)}
        peer_edges = args.edges if clean else peer_copy(args.edges, args.work)
        pairs, hoods = choose(ids, args.seed, args.queries)
        del ids
        results = []
        if binary:
            print("relgraph", flush=True)
            results.append(bench_relgraph(binary, args.edges, pairs, hoods, args.work, args))
        for name in (s for s in SYSTEMS[1:] if s in args.systems):
            print(name, flush=True)
            nodes = args.nodes if clean and args.nodes.exists() else None
            results.append(bench_peer(name, peer_edges, pairs, hoods, args.work, args, nodes))
        agree = check_agreement(results, pairs, hoods)
        res["amazon"] = {"data": data, "edges": edges, "pairs": pairs, "hoods": hoods, "results": results, "agree": agree}
        rel = results[0] if binary else {}
        if rel.get("load_s"):
            amazon_load = {"wall_s": rel["load_s"], "peak_rss_kib": rel["load_peak_rss_kib"], "summary": rel["summary"]}
            amazon_edges = edges
            print("every query command on the amazon0601 snapshot", flush=True)
            res["amazon"]["commands"] = bench_commands(binary, AMAZON_COMMANDS, ["--db", args.work / "amazon.rgdb"], args)
    if "ldbc" in sections:
        print("LDBC SF0.1", flush=True)
        res["ldbc"] = ldbc = bench_ldbc(binary, args.ldbc, args.work, args)
        if binary and (ldbc.get("relgraph") or {}).get("ok"):
            ldbc_shows(binary, ldbc, args)
    if "claims" in sections:
        print("claim-rich graph", flush=True)
        res["claims"] = bench_claims(binary, args)
    if "bulk" in sections and binary:
        print("ids that are not dense", flush=True)
        if amazon_edges is None:
            amazon_edges = read_edge_list(args.edges)[1]
        res["bulk"] = bench_bulk(binary, args.edges, amazon_load, amazon_edges, args)
    if "bundled" in sections and binary:
        print("the bundled graph", flush=True)
        res["bundled"] = bench_bundled(binary, args)

    args.elapsed = time.perf_counter() - t0
    (busy, mine), cpus = cpu_seconds(), os.cpu_count() or 1
    m["others_cpu_share"] = max(0.0, (busy - cpu0[0]) - (mine - cpu0[1])) / (args.elapsed * cpus)
    (args.work / "results.json").write_text(json.dumps({"machine": m, "args": vars(args), **res}, indent=1, default=str))
    report(args, m, started, res, binary)
    if "amazon" in res:
        print("\n" + results_table(res["amazon"]["results"]))
    print("\n" + targets(res))
    if m["others_cpu_share"] > 0.1:
        print(f"\nnote: other processes used {m['others_cpu_share']:.0%} of the CPUs during the run", file=sys.stderr)
    print(f"\nwrote {shown(args.report)} and {shown(args.work / 'results.json')} in {args.elapsed / 60:.1f} minutes")
    if failures:
        print(f"{len(failures)} problem(s):\n" + "\n".join(f"  {f}" for f in failures), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
