#!/usr/bin/env python3
"""Writes a claim-rich graph for the benchmark: relgraph JSON, and the same graph as CSV files for Kuzu.

    generate_claims.py OUT_DIR [--entities N] [--seed S] [--sources K]

Deterministic: the same arguments give the same bytes. OUT_DIR receives

    claims.json         one relgraph JSON file (docs/format.md): a schema of 5 kinds and 6 relation
                        types, K sources, N entities and 3N relations, each relation resting on one
                        claim with a source, `by` (one entity), a summary and one quantity value
    kuzu/entity.csv     the entities: id|name|kind
    kuzu/source.csv     the sources: id|title|publisher|date
    kuzu/relation.csv   the relations with their claim as relationship properties:
                        from|to|id|type|claim|source|by|date|summary|amount|qualifier
    summary.json        the counts and sizes, and the arguments

The CSV files are `|`-separated with a header line; no field holds `|`, a quote or a newline.
Entity i's relations go to random entities (ends drawn uniformly, with the seed), so the graph is one
component in all but a few isolated corners, as a random graph of mean degree 6 is.
"""
import argparse
import json
import random
from pathlib import Path

KINDS = {
    "person": "Person",
    "organisation": "Organisation",
    "company": "Company",
    "country": "Country",
    "media_outlet": "Media outlet",
}
# Relation type → (label, attribute carrying the claim's quantity)
TYPES = {
    "funds": ("funds", "amount_usd"),
    "employs": ("employs", "workers"),
    "supplies": ("supplies", "tonnes"),
    "owns_share_of": ("owns a share of", "percent"),
    "met_with": ("met with", "meetings"),
    "trades_with": ("trades with", "amount_usd"),
}
QUALIFIERS = ["approximately", "at least", "at most", "more than", "less than", "nearly"]
SYLLABLES = ["ka", "ro", "mi", "ven", "tal", "shu", "dor", "el", "na", "quo", "ris", "bel", "an", "tor",
             "vi", "lem", "sa", "gar", "o", "pek", "zu", "lin", "ha", "mar"]


def word(rng, syllables):
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def generate(out, entities, sources, seed):
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    kuzu = out / "kuzu"
    kuzu.mkdir(exist_ok=True)
    kinds = list(KINDS)
    types = list(TYPES)

    # Entities: the first `outlets` are the media outlets that publish the sources; the rest take the
    # other kinds in turn. A name is two made-up words and the entity's number (names must be unique).
    outlets = max(1, sources // 4)
    ents = []
    for i in range(entities):
        kind = "media_outlet" if i < outlets else kinds[i % (len(kinds) - 1)]
        ents.append((f"e{i}", f"{word(rng, 2)} {word(rng, 3)} {i}", kind))

    srcs = []
    for j in range(sources):
        publisher = f"e{j % outlets}"
        date = f"20{rng.randint(15, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        srcs.append((f"s{j}", f"{word(rng, 2)} {word(rng, 2)} report {j}", publisher, date))

    schema = {
        "kinds": {k: {"label": label} for k, label in KINDS.items()},
        "types": {t: {"label": label, "from": ["*"], "to": ["*"], "attributes": {attr: "quantity"}}
                  for t, (label, attr) in TYPES.items()},
    }

    rel_csv = [["from", "to", "id", "type", "claim", "source", "by", "date", "summary", "amount", "qualifier"]]
    relations = []
    for k in range(3 * entities):
        a = k % entities  # every entity starts three relations
        b = rng.randrange(entities - 1)
        b += b >= a  # never to itself
        t = types[rng.randrange(len(types))]
        label, attr = TYPES[t]
        s = srcs[rng.randrange(sources)]
        by = rng.randrange(entities)
        amount = rng.randint(1, 1_000_000)
        qualifier = QUALIFIERS[rng.randrange(len(QUALIFIERS))]
        summary = f"{ents[by][1]} says {ents[a][1]} {label} {ents[b][1]}: {qualifier} {amount:,} ({attr})."
        rid, cid = f"r{k}", f"c{k}"
        relations.append({
            "id": rid, "type": t, "from": f"e{a}", "to": f"e{b}",
            "claims": [{"id": cid, "source": s[0], "by": [f"e{by}"], "date": s[3], "summary": summary,
                        "values": {attr: {"value": amount, "qualifier": qualifier}}}],
        })
        rel_csv.append([f"e{a}", f"e{b}", rid, t, cid, s[0], f"e{by}", s[3], summary, str(amount), qualifier])

    graph = {
        "relgraph": 1,
        "schema": schema,
        "sources": [{"id": i, "title": title, "publisher": p, "date": d} for i, title, p, d in srcs],
        "entities": [{"id": i, "name": name, "kind": kind} for i, name, kind in ents],
        "relations": relations,
    }
    # One record a line, as a person or an exporter writes a large file; compact within the record.
    with open(out / "claims.json", "w") as f:
        f.write('{\n"relgraph": 1,\n"schema": ' + json.dumps(schema, separators=(",", ":")))
        for member in ("sources", "entities", "relations"):
            f.write(f',\n"{member}": [\n')
            f.write(",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in graph[member]))
            f.write("\n]")
        f.write("\n}\n")

    def write_csv(name, rows):
        with open(kuzu / name, "w") as f:
            for row in rows:
                assert not any(c in field for field in row for c in '|"\n'), row
                f.write("|".join(row) + "\n")

    write_csv("entity.csv", [["id", "name", "kind"], *map(list, ents)])
    write_csv("source.csv", [["id", "title", "publisher", "date"], *map(list, srcs)])
    write_csv("relation.csv", rel_csv)
    summary = {"entities": entities, "relations": len(relations), "claims": len(relations), "sources": sources,
               "kinds": len(KINDS), "types": len(TYPES), "seed": seed,
               "json_bytes": (out / "claims.json").stat().st_size,
               "csv_bytes": sum(p.stat().st_size for p in kuzu.glob("*.csv"))}
    (out / "summary.json").write_text(json.dumps(summary, indent=1) + "\n")
    return summary


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="folder to write into")
    ap.add_argument("--entities", type=int, default=100_000, help="N: entities (3N relations and claims)")
    ap.add_argument("--sources", type=int, default=400, help="sources (a quarter as many media outlets publish them)")
    ap.add_argument("--seed", type=int, default=2025)
    args = ap.parse_args()
    if args.entities < 2 or args.sources < 1:
        ap.error("need at least 2 entities and 1 source")
    print(json.dumps(generate(args.out, args.entities, args.sources, args.seed)))


if __name__ == "__main__":
    main()
