// Runs a program as a child and makes sure it never outlives the process that started us.
// Usage: node exit-with-parent.mjs <program> [arguments...]
//
// DynamoDB Local is a Java program that has no way to notice that the process which started it
// died: killed on its own, `local up` used to leave it running on its port, and the next start
// then failed on "port already in use". This launcher stops the child (SIGTERM, then SIGKILL)
// when our stdin closes or our parent pid changes (the parent died, even by SIGKILL), or when we
// get SIGTERM, SIGINT or SIGHUP. It exits with the child's exit code when the child ends. The
// first line it writes to stderr is "exit-with-parent: child pid <n>", so the parent can record
// the child's pid (to clean up after a crash that took this launcher down with SIGKILL too).
import { spawn } from "node:child_process";

const [program, ...args] = process.argv.slice(2);
if (!program) {
  console.error("usage: node exit-with-parent.mjs <program> [arguments...]");
  process.exit(2);
}

const child = spawn(program, args, { stdio: ["ignore", "inherit", "inherit"] });
child.on("error", (error) => {
  console.error(`exit-with-parent: cannot start ${program}: ${error.message}`);
  process.exit(127);
});
if (child.pid !== undefined) {
  console.error(`exit-with-parent: child pid ${child.pid}`);
}

child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));

let stopping = false;
function stopChild() {
  if (stopping) {
    return;
  }

  stopping = true;
  child.kill("SIGTERM");
  // The child's own exit ends this process; SIGKILL it if it does not stop in time.
  setTimeout(() => {
    child.kill("SIGKILL");
    process.exit(137);
  }, 5_000).unref();
}

const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    stopChild();
  }
}, 500);
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, stopChild);
}

process.stdin.on("end", stopChild);
process.stdin.on("close", stopChild);
process.stdin.resume();
