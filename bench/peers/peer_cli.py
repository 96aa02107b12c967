"""The command line every Python peer shares, so the driver treats all systems alike.

    PEER load EDGES SNAPSHOT        load the edge list, then save the snapshot
    PEER open SNAPSHOT              open the snapshot
    PEER path SNAPSHOT A B [A B]... open, then unweighted undirected hop count per pair (null: none)
    PEER neighbors SNAPSHOT V...    open, then how many distinct vertices lie within 2 hops of V
                                    (undirected, V itself not counted)

Each prints one JSON object on stdout. Times are seconds measured in this process around the
operation itself; peak RSS (KiB) is this process's ru_maxrss at that point.
"""
import json
import resource
import sys
import time


def _peak_rss_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start


def main(load, save, open_snapshot, counts, hops, two_hop):
    """load(edges) -> graph; save(graph, path); open_snapshot(path) -> graph;
    counts(graph) -> (vertices, edges); hops(graph, a, b) -> int | None; two_hop(graph, v) -> int.
    Vertex ids arrive as the strings of the edge list."""
    baseline = _peak_rss_kib()
    command, args = sys.argv[1], sys.argv[2:]
    out = {"baseline_rss_kib": baseline}
    if command == "load":
        graph, out["load_s"] = _timed(load, args[0])
        out["load_peak_rss_kib"] = _peak_rss_kib()
        _, out["save_s"] = _timed(save, graph, args[1])
        out["vertices"], out["edges"] = counts(graph)
    elif command in ("open", "path", "neighbors"):
        graph, out["open_s"] = _timed(open_snapshot, args[0])
        if command == "open":
            out["vertices"], out["edges"] = counts(graph)
        else:
            items = (list(zip(args[1::2], args[2::2])) if command == "path"
                     else [(v,) for v in args[1:]])
            query = hops if command == "path" else two_hop
            results = [_timed(query, graph, *item) for item in items]
            out["results"] = [value for value, _ in results]
            out["query_s"] = [seconds for _, seconds in results]
    else:
        sys.exit(f"unknown command {command}; see {__file__}")
    out["peak_rss_kib"] = _peak_rss_kib()
    json.dump(out, sys.stdout)
    print()
