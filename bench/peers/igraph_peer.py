"""python-igraph as a benchmark peer (command line: peer_cli.py).

Loads with Graph.Read_Edgelist, igraph's own C reader: integer ids are the vertex indices, so the
edge list must hold non-negative integers (as SNAP files do) and no comment lines. The graph keeps
direction and every edge; queries walk it undirected (mode="all"). The snapshot is a pickle.
"""
import igraph

import peer_cli


def hops(graph, a, b):
    path = graph.get_shortest_paths(int(a), to=int(b), mode="all", output="vpath")[0]
    return len(path) - 1 if path else None


peer_cli.main(
    load=lambda edges: igraph.Graph.Read_Edgelist(edges, directed=True),
    save=lambda graph, path: graph.write_pickle(path),
    open_snapshot=igraph.Graph.Read_Pickle,
    counts=lambda graph: (graph.vcount(), graph.ecount()),
    hops=hops,
    two_hop=lambda graph, v: graph.neighborhood_size(int(v), order=2, mode="all", mindist=1),
)
