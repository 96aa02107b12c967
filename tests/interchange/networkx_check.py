#!/usr/bin/env python3
"""NetworkX reads relgraph's GraphML and node-link exports, and relgraph reads back what NetworkX
writes from them, unchanged.

    networkx_check.py --relgraph BIN GRAPH...

For each GRAPH (a relgraph graph: file or folder): export it as GraphML and node-link JSON, read
both with NetworkX and compare nodes, edges and attributes with the graph itself (read from its
relgraph JSON export), then write the NetworkX graphs out again and convert them back to relgraph
JSON, which must equal the first export byte for byte. Prints 'N passed, M failed'.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

import networkx as nx


# Edge keys relgraph's layout uses itself; attributes of these names are written as "@name".
EDGE_NAMES = {"id", "key", "source", "target", "type", "label", "claims"}


def convert(relgraph, inputs, output, to=None):
    args = [relgraph, "convert", *map(str, inputs), str(output)] + (["--to", to] if to else [])
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise AssertionError(f"{' '.join(args)} exited {proc.returncode}: {proc.stderr}")


def node_link_graph(data):
    try:
        return nx.node_link_graph(data, edges="links")  # NetworkX 3.4 and later
    except TypeError:
        return nx.node_link_graph(data)  # earlier versions read "links" only


def node_link_data(graph):
    try:
        return nx.node_link_data(graph, edges="links")
    except TypeError:
        return nx.node_link_data(graph)


def check_graph(graph, expected, what):
    """`graph` (from NetworkX) holds every entity and relation of `expected` (relgraph JSON)."""
    problems = []
    if sorted(graph.nodes) != sorted(e["id"] for e in expected["entities"]):
        problems.append(f"{what}: nodes differ")
    for entity in expected["entities"]:
        data = graph.nodes[entity["id"]]
        if data.get("name") != entity["name"] or data.get("kind") != entity["kind"]:
            problems.append(f"{what}: node {entity['id']} has name {data.get('name')!r}, kind {data.get('kind')!r}")
    edges = {key: (u, v, data) for u, v, key, data in graph.edges(keys=True, data=True)}
    if sorted(edges) != sorted(r["id"] for r in expected["relations"]):
        problems.append(f"{what}: edges differ: {sorted(edges)}")
    for relation in expected["relations"]:
        u, v, data = edges.get(relation["id"], (None, None, {}))
        if (u, v) != (relation["from"], relation["to"]) or data.get("type") != relation["type"]:
            problems.append(f"{what}: edge {relation['id']} is {u} -> {v} of type {data.get('type')!r}")
        claims = data.get("claims")
        claims = json.loads(claims) if isinstance(claims, str) else claims
        if claims != relation["claims"]:
            problems.append(f"{what}: edge {relation['id']} claims differ")
        for name, value in relation.get("attributes", {}).items():
            got = data.get("@" + name if name in EDGE_NAMES else name)
            if isinstance(got, str) and not isinstance(value, str):
                got = json.loads(got)  # a quantity, as JSON text in a string key
            if got != value:
                problems.append(f"{what}: edge {relation['id']} attribute {name} is {got!r}, expected {value!r}")
    return problems


def check(relgraph, source, tmp):
    reference = tmp / "reference.json"
    convert(relgraph, [source], reference)
    expected = json.loads(reference.read_text(encoding="utf-8"))
    problems = []

    graphml = tmp / "graph.graphml"
    convert(relgraph, [source], graphml)
    from_graphml = nx.read_graphml(graphml, force_multigraph=True)
    problems += check_graph(from_graphml, expected, "GraphML")

    node_link = tmp / "graph.node-link.json"
    convert(relgraph, [source], node_link, to="node-link")
    from_node_link = node_link_graph(json.loads(node_link.read_text(encoding="utf-8")))
    if not (from_node_link.is_directed() and from_node_link.is_multigraph()):
        problems.append("node-link: not read as a directed multigraph")
    problems += check_graph(from_node_link, expected, "node-link")

    # What NetworkX writes from these graphs reads back as the same relgraph graph.
    nx.write_graphml(from_graphml, tmp / "networkx.graphml")
    (tmp / "networkx.node-link.json").write_text(json.dumps(node_link_data(from_node_link)), encoding="utf-8")
    for written in ("networkx.graphml", "networkx.node-link.json"):
        back = tmp / (written + ".json")
        convert(relgraph, [tmp / written], back)
        if back.read_text(encoding="utf-8") != reference.read_text(encoding="utf-8"):
            problems.append(f"{written}: read back by relgraph, it differs from the graph written")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--relgraph", required=True)
    parser.add_argument("graphs", nargs="+", type=pathlib.Path)
    args = parser.parse_args()
    passed = failed = 0
    for source in args.graphs:
        with tempfile.TemporaryDirectory() as tmp:
            problems = check(args.relgraph, source, pathlib.Path(tmp))
        if problems:
            failed += 1
            print(f"FAIL {source}\n  " + "\n  ".join(problems))
        else:
            passed += 1
    print(f"networkx {nx.__version__}: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
