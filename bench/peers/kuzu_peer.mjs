// Kuzu (the npm package, installed by run.sh into bench/.peers) as a benchmark peer.
//
//   node kuzu_peer.mjs load EDGES DB [--nodes NODES]  CREATE NODE/REL TABLE + COPY FROM into a fresh
//                                                      on-disk database; without --nodes the node table
//                                                      is copied from the edge list's distinct ids
//   node kuzu_peer.mjs load-ldbc FOLDER DB             the folder's schema.cypher and copy.cypher
//   node kuzu_peer.mjs load-claims FOLDER DB           bench/generate_claims.py's CSV files (FOLDER/kuzu):
//                                                      node tables entity and source, and one
//                                                      relationship table relation whose properties are
//                                                      the relation's and its one claim's fields
//   node kuzu_peer.mjs claims-path DB A B [A B]...     open, then the hop count of a shortest path
//                                                      between entities A and B (string ids), per pair
//   node kuzu_peer.mjs open DB | path DB A B [A B]... | neighbors DB V...   as bench/peers/peer_cli.py
//
// Prints one JSON object, like the Python peers: seconds measured in this process around the
// operation, peak RSS in KiB. Queries walk the relationships undirected; a shortest path is searched
// up to MAX_HOPS hops (Kuzu's recursive-pattern limit).
import fs from 'node:fs';
import path from 'node:path';

const { default: kuzu } = await import(
  new URL('../.peers/node_modules/kuzu/index.mjs', import.meta.url));

const MAX_HOPS = 30;
const peakRss = () => process.resourceUsage().maxRSS;

async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return [value, (performance.now() - start) / 1e3];
}

async function one(conn, query) {
  const result = await conn.query(query);
  return Object.values((await result.getAll())[0])[0];
}

async function counts(conn, nodeTable) {
  return [Number(await one(conn, `MATCH (n${nodeTable}) RETURN count(*)`)),
          Number(await one(conn, 'MATCH ()-[r]->() RETURN count(*)'))];
}

function freshDatabase(db) {
  for (const p of [db, `${db}.wal`, `${db}.shadow`]) fs.rmSync(p, { recursive: true, force: true });
  const database = new kuzu.Database(db);
  return [database, new kuzu.Connection(database)];
}

function delimiter(file) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(4096);
  const line = buf.toString('utf8', 0, fs.readSync(fd, buf)).split('\n')[0];
  fs.closeSync(fd);
  return ['\t', '|', ',', ' '].find((d) => line.includes(d)) ?? '\t';
}

async function loadEdges(edges, db, nodes) {
  const [database, conn] = freshDatabase(db);
  const csv = `(DELIM="${delimiter(edges)}", HEADER=false)`;
  const [, loadS] = await timed(async () => {
    await conn.query('CREATE NODE TABLE account(ID INT64 PRIMARY KEY)');
    await conn.query('CREATE REL TABLE follows(FROM account TO account)');
    await conn.query(nodes
      ? `COPY account FROM "${nodes}" (HEADER=false)`
      : `COPY account FROM (LOAD FROM "${edges}" ${csv} RETURN column0 AS ID
                            UNION LOAD FROM "${edges}" ${csv} RETURN column1 AS ID)`);
    await conn.query(`COPY follows FROM "${edges}" ${csv}`);
  });
  const out = { load_s: loadS, load_peak_rss_kib: peakRss() };
  [out.vertices, out.edges] = await counts(conn, ':account');
  [, out.save_s] = await timed(async () => { await conn.close(); await database.close(); });
  return out;
}

async function loadLdbc(folder, db) {
  const [database, conn] = freshDatabase(db);
  const statements = (name) => fs.readFileSync(path.join(folder, name), 'utf8')
    .split(';').map((s) => s.trim()).filter(Boolean)
    .map((s) => s.replace(/"[^"]*\/([^"/]+\.csv)"/g, (_, f) => `"${path.join(folder, f)}"`));
  const [, loadS] = await timed(async () => {
    for (const s of [...statements('schema.cypher'), ...statements('copy.cypher')]) await conn.query(s);
  });
  const out = { load_s: loadS, load_peak_rss_kib: peakRss() };
  [out.vertices, out.edges] = await counts(conn, '');
  [, out.save_s] = await timed(async () => { await conn.close(); await database.close(); });
  return out;
}

// The claim-rich graph of bench/generate_claims.py: a relation and its one claim are one
// relationship, the claim's fields its properties; sources a node table of their own.
const CLAIMS_SCHEMA = [
  'CREATE NODE TABLE entity(id STRING PRIMARY KEY, name STRING, kind STRING)',
  'CREATE NODE TABLE source(id STRING PRIMARY KEY, title STRING, publisher STRING, date DATE)',
  `CREATE REL TABLE relation(FROM entity TO entity, id STRING, type STRING, claim STRING,
     source STRING, by STRING, date DATE, summary STRING, amount INT64, qualifier STRING)`,
];

async function loadClaims(folder, db) {
  const [database, conn] = freshDatabase(db);
  const csv = '(DELIM="|", HEADER=true)';
  const [, loadS] = await timed(async () => {
    for (const s of CLAIMS_SCHEMA) await conn.query(s);
    for (const table of ['entity', 'source', 'relation']) {
      await conn.query(`COPY ${table} FROM "${path.join(folder, `${table}.csv`)}" ${csv}`);
    }
  });
  const out = { load_s: loadS, load_peak_rss_kib: peakRss() };
  [out.vertices, out.edges] = await counts(conn, ':entity');
  out.claims = Number(await one(conn, 'MATCH ()-[r:relation]->() WHERE r.claim IS NOT NULL RETURN count(*)'));
  out.sources = Number(await one(conn, 'MATCH (s:source) RETURN count(*)'));
  [, out.save_s] = await timed(async () => { await conn.close(); await database.close(); });
  return out;
}

async function openDatabase(db) {
  const database = new kuzu.Database(db, 0, true, true);  // default buffer pool, compressed, read-only
  await database.init();
  const conn = new kuzu.Connection(database);
  await conn.init();
  return conn;
}

async function queries(conn, statement, items) {
  const prepared = await conn.prepare(statement);
  const results = [], times = [];
  for (const params of items) {
    const [rows, seconds] = await timed(async () => (await conn.execute(prepared, params)).getAll());
    results.push(rows.length ? Number(Object.values(rows[0])[0]) : null);
    times.push(seconds);
  }
  return { results, query_s: times };
}

const [command, ...args] = process.argv.slice(2);
const out = { baseline_rss_kib: peakRss() };
if (command === 'load') {
  const nodes = args.indexOf('--nodes') >= 0 ? args[args.indexOf('--nodes') + 1] : null;
  Object.assign(out, await loadEdges(args[0], args[1], nodes));
} else if (command === 'load-ldbc') {
  Object.assign(out, await loadLdbc(args[0], args[1]));
} else if (command === 'load-claims') {
  Object.assign(out, await loadClaims(args[0], args[1]));
} else if (command === 'claims-path') {
  const [conn, openS] = await timed(() => openDatabase(args[0]));
  out.open_s = openS;
  const pairs = [];
  for (let i = 1; i + 1 < args.length; i += 2) pairs.push({ a: args[i], b: args[i + 1] });
  Object.assign(out, await queries(conn,
    `MATCH p = (a:entity)-[:relation* SHORTEST 1..${MAX_HOPS}]-(b:entity)
     WHERE a.id = $a AND b.id = $b RETURN length(p)`, pairs));
} else if (['open', 'path', 'neighbors'].includes(command)) {
  const [conn, openS] = await timed(() => openDatabase(args[0]));
  out.open_s = openS;
  const ids = args.slice(1).map(Number);
  if (command === 'open') {
    [out.vertices, out.edges] = await counts(conn, ':account');
  } else if (command === 'path') {
    const pairs = [];
    for (let i = 0; i + 1 < ids.length; i += 2) pairs.push({ a: ids[i], b: ids[i + 1] });
    Object.assign(out, await queries(conn,
      `MATCH p = (a:account)-[:follows* SHORTEST 1..${MAX_HOPS}]-(b:account)
       WHERE a.ID = $a AND b.ID = $b RETURN length(p)`, pairs));
  } else {
    Object.assign(out, await queries(conn,
      `MATCH (a:account)-[:follows* SHORTEST 1..2]-(b:account)
       WHERE a.ID = $a AND b.ID <> $a RETURN count(DISTINCT b)`, ids.map((a) => ({ a }))));
  }
} else {
  console.error(`unknown command ${command}; see ${import.meta.url}`);
  process.exit(64);
}
out.peak_rss_kib = peakRss();
console.log(JSON.stringify(out));
