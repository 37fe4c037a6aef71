// Starts fauxqs (SQS + S3 emulator) for tests and local runs.
// Usage: node start-fauxqs.mjs <port> [data-dir]
//
// Unlike the package's own startFauxqs(), which always listens on 0.0.0.0, this binds loopback
// only (an unauthenticated queue of audit events must not be reachable from the network) and turns
// request logging off. With a data folder, fauxqs keeps queues and messages in a SQLite database
// there (fauxqs.db, written through on every change) and restores them on the next start;
// startFauxqs() wires that persistence only for the server it binds to every address, so the same
// wiring is done here with the package's own store and persistence classes.
//
// It exits when its parent closes stdin or dies (the parent pid changes), so a crashed test run or
// a killed `local up` leaves no emulator behind on the port.
import { buildApp } from "fauxqs";

const port = Number.parseInt(process.argv[2] ?? "", 10);
const dataDir = process.argv[3];
if (!Number.isInteger(port) || port <= 0 || port > 65535 || process.argv.length > 4) {
  console.error("usage: node start-fauxqs.mjs <port> [data-dir]");
  process.exit(2);
}

const options = { logger: false };
let persistence;
if (dataDir) {
  // Version-pinned internals (package.json pins fauxqs); the persistence tests fail if they move.
  const dist = new URL(".", import.meta.resolve("fauxqs"));
  const { SqsStore } = await import(new URL("sqs/sqsStore.js", dist));
  const { SnsStore } = await import(new URL("sns/snsStore.js", dist));
  const { S3Store } = await import(new URL("s3/s3Store.js", dist));
  const { PersistenceManager } = await import(new URL("persistence.js", dist));
  const stores = { sqsStore: new SqsStore(), snsStore: new SnsStore(), s3Store: new S3Store() };
  persistence = new PersistenceManager(dataDir);
  // Load first, then attach: attaching before loading would write every loaded row back.
  persistence.load(stores.sqsStore, stores.snsStore, stores.s3Store);
  stores.sqsStore.persistence = persistence;
  stores.snsStore.persistence = persistence;
  stores.s3Store.persistence = persistence;
  for (const queue of stores.sqsStore.allQueues()) {
    queue.persistence = persistence;
  }

  options.stores = stores;
}

const app = buildApp(options);
await app.listen({ port, host: "127.0.0.1" });
console.log(`fauxqs listening on http://127.0.0.1:${port}` + (dataDir ? ` (persisting to ${dataDir})` : " (in memory)"));

let stopping = false;
async function stop(code) {
  if (stopping) {
    return;
  }

  stopping = true;
  try {
    await app.close();
  } finally {
    persistence?.close();
    process.exit(code);
  }
}

const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    stop(0);
  }
}, 500).unref();
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, () => stop(0));
}

process.stdin.on("end", () => stop(0));
process.stdin.on("close", () => stop(0));
process.stdin.resume();
