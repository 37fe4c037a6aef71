#!/usr/bin/env bash
# PaymentAudit's one entry script. Every target installs what it needs first.
#
#   ./build.sh demo [--events N]   set up, start the local emulators and run the end-to-end demo
#   ./build.sh up                  set up and keep the local pipeline running (Ctrl+C stops it)
#   ./build.sh cli <command> ...   the auditors' command line, paymentaudit (verify, query, chains, dlq, local)
#   ./build.sh test                restore, install the emulators, run every test and the cdk-nag scan
#   ./build.sh bench               micro-benchmarks (BenchmarkDotNet) and the end-to-end harnesses
#   ./build.sh synth               synthesize the CloudFormation templates of every environment
#   ./build.sh snapshots           regenerate infra/snapshots after an intended infrastructure change
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export PAYMENTAUDIT_ROOT="$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CDK_DISABLE_CLI_TELEMETRY=true AWS_EC2_METADATA_DISABLED=true JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# The CDK's jsii runtime unpacks ~66 MB into TMPDIR per process and never cleans up: keep it in
# an ignored folder and remove it when the script ends.
use_scratch_tmpdir() {
  export TMPDIR="$ROOT/.tmp/jsii"
  mkdir -p "$TMPDIR"
  trap 'rm -rf "$ROOT/.tmp/jsii"' EXIT
}

require_tools() {
  command -v dotnet >/dev/null || die ".NET SDK 10 is required (dotnet not on PATH)."
  dotnet --version | grep -qE '^(10|[1-9][1-9])\.' || die ".NET SDK 10 or later is required; found $(dotnet --version)."
  command -v node >/dev/null || die "Node.js 20 or later is required (node not on PATH)."
  [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || die "Node.js 20 or later is required; found $(node --version)."
  if ! command -v java >/dev/null && [ -z "${JAVA_HOME:-}" ]; then
    # DynamoDB Local runs on Java 17+; install it only when the machine lacks it.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      log "Installing Java 17 (needed by DynamoDB Local)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    else
      die "Java 17 or later is required by DynamoDB Local (install openjdk-17-jre-headless or set JAVA_HOME)."
    fi
  fi
}

# npm ci only when the lock file changed since the last install.
install_node_modules() {
  local stamp="node_modules/.package-lock.sha256" want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "Installing the emulators and CDK tooling (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
  # fauxqs needs Node >= 22.5 (node:sqlite); the npm package "node" installs one for it alone, so
  # the system Node (used by the CDK CLI and the scripts) stays as it is.
  local fauxqs_node="node_modules/node/bin/node"
  [ -x "$fauxqs_node" ] || die "$fauxqs_node is missing: the npm package 'node' downloads it in its install script; allow install scripts and run 'npm ci' again."
  "$fauxqs_node" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=5)?0:1)' \
    || die "$fauxqs_node is Node $("$fauxqs_node" --version); fauxqs needs 22.5 or later."
}

setup() {
  require_tools
  install_node_modules
  log "Restoring NuGet packages"
  dotnet restore PaymentAudit.sln --verbosity quiet
}

build_release() {
  log "Building (Release)"
  dotnet build PaymentAudit.sln -c Release --no-restore --verbosity quiet -nologo
}

# Runs every test project and prints one closing line: "tests: N passed, N failed, N skipped".
run_tests() {
  use_scratch_tmpdir
  local out="$ROOT/.tmp/test-output.log" status=0
  log "Running the tests"
  dotnet test PaymentAudit.sln -c Release --no-build --verbosity quiet -nologo --logger "console;verbosity=minimal" 2>&1 | tee "$out" || status=$?
  local passed failed skipped
  passed=$(grep -oE 'Passed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
  failed=$(grep -oE 'Failed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
  skipped=$(grep -oE 'Skipped: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
  if [ "$status" -eq 0 ]; then
    # The infra tests prove infra/snapshots equals synthesis, so the scan reads the snapshots.
    log "Security scan: cdk-nag AwsSolutions and PCIDSS321 over the synthesized templates"
    node infra/nag/scan.js || status=$?
  fi
  echo
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  [ "$passed" -gt 0 ] || die "no test ran"
  return "$status"
}

target="${1:-}"
[ $# -gt 0 ] && shift
case "$target" in
  test)
    setup
    build_release
    run_tests
    ;;
  demo)
    setup
    build_release
    dotnet run -c Release --no-build --project tools/PaymentAudit.Cli -- local demo "$@"
    ;;
  up)
    setup
    build_release
    dotnet run -c Release --no-build --project tools/PaymentAudit.Cli -- local up "$@"
    ;;
  cli)
    # Quiet: the command's own output is what the caller reads (and may parse).
    if [ ! -f tools/PaymentAudit.Cli/bin/Release/net10.0/paymentaudit.dll ]; then
      setup >&2
      build_release >&2
    fi
    exec dotnet tools/PaymentAudit.Cli/bin/Release/net10.0/paymentaudit.dll "$@"
    ;;
  bench)
    setup
    build_release
    log "Micro-benchmarks (BenchmarkDotNet)"
    dotnet run -c Release --no-build --project bench/PaymentAudit.Benchmarks -- micro --filter '*' "$@"
    log "Writer harness against DynamoDB Local (with the put-per-message baseline)"
    dotnet run -c Release --no-build --project bench/PaymentAudit.Benchmarks -- harness writer
    log "Client harness against fauxqs"
    dotnet run -c Release --no-build --project bench/PaymentAudit.Benchmarks -- harness client
    log "HTTP harness: the local endpoint against fauxqs, next to the client library"
    dotnet run -c Release --no-build --project bench/PaymentAudit.Benchmarks -- harness http
    ;;
  synth)
    setup
    use_scratch_tmpdir
    npx cdk synth --no-notices -q "$@"
    log "Templates written to cdk.out/"
    ;;
  snapshots)
    setup
    use_scratch_tmpdir
    UPDATE_SNAPSHOTS=1 dotnet test tests/PaymentAudit.Infra.Tests -c Release --verbosity quiet -nologo
    log "Snapshots regenerated: review and commit infra/snapshots/"
    ;;
  *)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    [ -z "$target" ] || die "unknown target '$target'"
    exit 2
    ;;
esac
