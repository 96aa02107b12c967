#!/usr/bin/env bash
# Benchmarks relgraph against igraph, NetworkX and Kuzu, and every relgraph command on SNAP, LDBC,
# generated (bench/generate_claims.py, sparse and string ids) and the bundled graphs; prints the
# results and writes docs/benchmarks.md. Installs the peers when they are missing (Debian packages;
# the npm package kuzu, which also ships the datasets, into bench/.peers) and builds relgraph
# (build/, RelWithDebInfo) unless RELGRAPH=path/to/relgraph is given. Arguments go to bench/bench.py
# (--help lists them): `bench/run.sh --quick` checks every section in a few minutes and writes its
# report to bench/.work/benchmarks.md; `--only claims,bulk` runs some sections.
set -euo pipefail
export BENCH_COMMAND="${RELGRAPH:+RELGRAPH=$RELGRAPH }bench/run.sh${*:+ $*}"  # for the report
[ -z "${RELGRAPH:-}" ] || RELGRAPH=$(realpath "$RELGRAPH")
cd "$(dirname "$0")/.."

KUZU_VERSION=0.11.3
sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo

missing=()
/usr/bin/python3 -c 'import igraph' 2>/dev/null || missing+=(python3-igraph)
/usr/bin/python3 -c 'import networkx' 2>/dev/null || missing+=(python3-networkx)
[ -x /usr/bin/time ] || missing+=(time)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}"
    $sudo apt-get update -q
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

if [ ! -f bench/.peers/node_modules/kuzu/kuzujs.node ]; then
    echo "installing kuzu $KUZU_VERSION (npm) into bench/.peers"
    mkdir -p bench/.peers
    npm install --prefix bench/.peers --no-audit --no-fund --loglevel=error "kuzu@$KUZU_VERSION"
    # An npm that holds back install scripts leaves kuzu's own step (copy the prebuilt module) undone.
    [ -f bench/.peers/node_modules/kuzu/kuzujs.node ] || (cd bench/.peers/node_modules/kuzu && node install.js)
fi

if [ -z "${RELGRAPH:-}" ]; then
    [ -f build/CMakeCache.txt ] || cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
    cmake --build build -j"$(nproc)" --target relgraph_cli  # does nothing when build/bin/relgraph is current
    RELGRAPH=build/bin/relgraph
fi

export RELGRAPH
exec /usr/bin/python3 bench/bench.py "$@"
