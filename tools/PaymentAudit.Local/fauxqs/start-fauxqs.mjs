// Starts fauxqs (SQS + S3 emulator) for tests and local runs.
// Unlike the package's own startFauxqs(), which always listens on 0.0.0.0, this binds loopback only,
// turns request logging off, and exits when its parent closes stdin, so a crashed test run leaves no
// emulator behind on the port.
// Usage: node start-fauxqs.mjs <port>
import { buildApp } from "fauxqs";

const port = Number.parseInt(process.argv[2] ?? "", 10);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error("usage: node start-fauxqs.mjs <port>");
  process.exit(2);
}

const app = buildApp({ logger: false });
await app.listen({ port, host: "127.0.0.1" });
console.log(`fauxqs listening on http://127.0.0.1:${port}`);

process.stdin.on("end", () => process.exit(0));
process.stdin.on("close", () => process.exit(0));
process.stdin.resume();
