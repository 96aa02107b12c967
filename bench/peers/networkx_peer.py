"""NetworkX as a benchmark peer (command line: peer_cli.py).

Loads with nx.read_edgelist into a DiGraph (direction and every edge kept, integer node ids);
queries walk an undirected view of it. The snapshot is a pickle of the DiGraph.
"""
import functools
import pickle

import networkx as nx

import peer_cli


def save(graph, path):
    with open(path, "wb") as f:
        pickle.dump(graph, f, protocol=pickle.HIGHEST_PROTOCOL)


def open_snapshot(path):
    with open(path, "rb") as f:
        return pickle.load(f)


@functools.lru_cache(maxsize=1)
def undirected(graph):
    return graph.to_undirected(as_view=True)  # building the view takes ~0.1 s: once per process


def hops(graph, a, b):
    try:
        return nx.shortest_path_length(undirected(graph), int(a), int(b))
    except nx.NetworkXNoPath:
        return None


def two_hop(graph, v):
    reached = nx.single_source_shortest_path_length(undirected(graph), int(v), cutoff=2)
    return len(reached) - 1


peer_cli.main(
    load=lambda edges: nx.read_edgelist(edges, create_using=nx.DiGraph, nodetype=int),
    save=save,
    open_snapshot=open_snapshot,
    counts=lambda graph: (graph.number_of_nodes(), graph.number_of_edges()),
    hops=hops,
    two_hop=two_hop,
)
