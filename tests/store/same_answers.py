#!/usr/bin/env python3
"""Every command gives the same answer from a graph's files (--graph) and from its snapshot (--db).

    same_answers.py --relgraph BIN

For the bundled graph (relgraph JSON, with claims and sources) and a neo4j-admin CSV fixture (whose
relations rest on the claims the store makes for their files), loads a snapshot with `relgraph
load`, then runs every query and render command — in every output format — once with --graph and
once with --db, and compares
exit code, standard output and standard error byte for byte (a snapshot's path differs from the
files' in messages, so `{graph}` stands for either where a command would print it; notes on reading
the files come from --graph only). A command that
printed nothing at all, or exited with 70 (a bug), fails too. Prints 'N passed, M failed'.
"""
import argparse
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]

BUNDLED = [
    ["show", "North Korea"],
    ["show", "NIS"],
    ["neighbors", "North Korea"],
    ["neighbors", "Russia", "--depth", "2", "--direction", "in"],
    ["path", "Andrei Orlov", "Kim Jong Un"],
    ["path", "NIS", "Kim Jong Un", "--include-attribution"],
    ["paths", "Andrei Orlov", "Kim Jong Un", "--k", "3"],
    ["paths", "DPRK", "Russia"],
    ["paths", "Andrei Orlov", "Kim Jong Un", "--all-simple", "--max-length", "4"],
    ["who-reported", "North Korea", "sent_workers", "Russia"],
    ["who-reported", "Russia", "voted_for", "Resolution 2397", "--primary"],
    ["who-reported", "North Korean troops"],
    ["reported-by", "NIS"],
    ["reported-by", "Newsweek", "--primary"],
    ["conflicts"],
    ["subgraph", "DPRK", "Russia", "Ukraine"],
    ["subgraph", "Andrei Orlov", "NIS", "Kim Jong Un", "--connect"],
    ["stats"],
    ["stats", "--include-attribution", "--top", "3"],
    ["search", "student visas"],
    ["search", "troops", "--party", "NIS", "--from", "2025-01", "--format", "json"],
    ["search", "Жуков"],
    ["timeline", "North Korean troops"],
    ["timeline", "--from", "2025-02", "--to", "2025-02", "--format", "csv"],
    ["schema", "--format", "json"],
]
NEO4J = [
    ["show", "Keanu Reeves"],
    ["show", "m2"],
    ["neighbors", "p1-2"],
    ["neighbors", "The Matrix", "--depth", "2", "--direction", "in"],
    ["path", "Keanu Reeves", "Lana Wachowski"],
    ["paths", "Keanu Reeves", "Lana Wachowski", "--k", "3"],
    ["who-reported", "Keanu Reeves", "acted_in", "The Matrix"],
    ["reported-by", "Keanu Reeves"],
    ["conflicts"],
    ["subgraph", "Keanu Reeves", "The Matrix", "Lana Wachowski"],
    ["stats"],
    ["search", "keanu"],
    ["schema"],
]
RENDERS_NEO4J = [
    ["render", "--focus", "The Matrix", "--depth", "1"],
    ["render", "--path", "Keanu Reeves", "Lana Wachowski"],
]
RENDERS_BUNDLED = [
    ["render", "--focus", "North Korea", "--depth", "1"],
    ["render", "--path", "Andrei Orlov", "Kim Jong Un", "--context"],
    ["render", "--who-reported", "North Korea", "sent_workers", "Russia"],
    ["render", "--conflicts"],
]


def without_notes(stderr):
    """Notes on how files were read (a label dropped, a name made unique) come with reading them, so
    from --graph only: `relgraph load` told them when it made the snapshot."""
    return b"".join(line for line in stderr.splitlines(keepends=True) if not line.startswith(b"relgraph: note: "))


def run(binary, args):
    proc = subprocess.run([binary, *args], capture_output=True, cwd=ROOT)
    return proc.returncode, proc.stdout, proc.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--relgraph", required=True)
    parser.add_argument("--table-only", action="store_true",
                        help="only the table and SVG outputs (for slow builds, such as the sanitizer one)")
    args = parser.parse_args()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        graphs = [("bundled", str(ROOT / "graphs"), BUNDLED, RENDERS_BUNDLED),
                  ("neo4j-admin CSV", str(ROOT / "tests" / "fixtures" / "interchange" / "neo4j"), NEO4J, RENDERS_NEO4J)]
        for name, graph, queries, renders in graphs:
            snapshot = str(pathlib.Path(tmp) / (name.replace(" ", "-") + ".rgdb"))
            code, _, err = run(args.relgraph, ["load", graph, "-o", snapshot, "--quiet"])
            if code != 0:
                print(f"FAIL {name}: load exited {code}: {err.decode(errors='replace')}")
                failed += 1
                continue
            formats = ("table",) if args.table_only else ("table", "json", "csv")
            cases = [q + ["--format", f] for q in queries for f in formats]
            cases += [r + ["--format", f] for r in renders for f in (("svg",) if args.table_only else ("dot", "svg"))]
            for case in cases:
                from_files = run(args.relgraph, [*case, "--graph", graph])
                from_snapshot = run(args.relgraph, [*case, "--db", snapshot])
                shown = " ".join(case)
                problems = []
                if from_files[0] == 70 or from_snapshot[0] == 70:
                    problems.append("an internal error (exit 70)")
                if not from_files[1] and not from_files[2]:
                    problems.append("no output at all")
                if from_files[0] != from_snapshot[0]:
                    problems.append(f"exit {from_files[0]} from the files, {from_snapshot[0]} from the snapshot")
                if from_files[1] != from_snapshot[1]:
                    problems.append("standard output differs")
                if without_notes(from_files[2]).replace(graph.encode(), b"{graph}") != \
                        from_snapshot[2].replace(snapshot.encode(), b"{graph}"):
                    problems.append("standard error differs")
                if problems:
                    failed += 1
                    print(f"FAIL {name}: {shown}: " + "; ".join(problems))
                else:
                    passed += 1
    print(f"same answers from --graph and --db: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
