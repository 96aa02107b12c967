#!/usr/bin/env bash
# Regenerates the diagrams docs/ embeds, from the bundled graph, with the relgraph just built.
# Usage: scripts/render_docs_images.sh [path/to/relgraph]   (default: build/bin/relgraph)
set -euo pipefail
cd "$(dirname "$0")/.."
relgraph=${1:-build/bin/relgraph}
"$relgraph" render --focus "North Korea" --depth 1 -o docs/images/north-korea.svg
"$relgraph" render --path "Andrei Orlov" "Kim Jong Un" -o docs/images/orlov-to-kim.svg
"$relgraph" render --who-reported "North Korea" sent_workers Russia -o docs/images/who-reported-workers.svg
