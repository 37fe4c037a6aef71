// Runs after npm install/ci. The npm package "node" (which gives fauxqs the Node >= 22.5 it needs)
// also links node_modules/.bin/node, and npx puts that folder first on PATH: the CDK CLI and every
// other npx tool would then run on that Node instead of the system one. Removing the link keeps
// them on the system Node; the emulator code runs fauxqs with node_modules/node/bin/node directly.
import { rmSync } from "node:fs";
import { join } from "node:path";

const bin = join(process.env.INIT_CWD ?? process.cwd(), "node_modules", ".bin");
for (const name of ["node", "node.cmd", "node.ps1"]) {
  rmSync(join(bin, name), { force: true });
}
