#!/usr/bin/env bash
# bench/run.sh: mockinge, a node-soap mock and a bare net/http server side by
# side on loopback, measured by bench/last in one run. See bench/README.md.
#
#   bash bench/run.sh           # ROUNDS=3, DURATION=8s, CONNS=32, WARMUP=2s
#   bash bench/run.sh --kurz    # smoke test: ROUNDS=1, DURATION=1s, WARMUP=0.5s
#
# Exits non-zero if a server does not start or any row has an error (a
# non-200 answer, a Fault, a wrong Status, a Kurskennung handed out twice).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ "${1:-}" == "--kurz" ]]; then
	ROUNDS=1 DURATION=1s WARMUP=0.5s
	shift
fi
if [[ $# -gt 0 ]]; then
	echo "usage: bash bench/run.sh [--kurz]   (env ROUNDS, DURATION, CONNS, WARMUP, MOCKINGE_EXTRA)" >&2
	exit 2
fi
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
CONNS=${CONNS:-32}
WARMUP=${WARMUP:-2s}
# Flags for mockinge: every connection of the load must find a slot in the
# one sandbox it uses (the default, a quarter of -max-concurrent, is 16, and
# the 17th request at once is refused with F303), and one user sends far more
# than 100,000 nonces within the token window. Nothing else is changed.
# MOCKINGE_EXTRA is appended (a later flag wins), e.g. "-max-concurrent-sandbox 16".
MOCKINGE_FLAGS=(-max-concurrent-sandbox 64 -max-nonces 10000000 -max-nonce-bytes 1073741824)
read -r -a MOCKINGE_EXTRA_FLAGS <<<"${MOCKINGE_EXTRA:-}"
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)

TMP=$(mktemp -d "${TMPDIR:-/tmp}/inge-bench.XXXXXX")
PIDS=()
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	local pid
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$TMP"
}
trap cleanup EXIT

say() { printf '%s\n' "$*" >&2; }

# await PID FILE PATTERN: wait until FILE has a line matching PATTERN, at
# most 60 s, and print the first match's text after PATTERN.
await() {
	local pid=$1 file=$2 pattern=$3 i
	for ((i = 0; i < 600; i++)); do
		if grep -q -- "$pattern" "$file" 2>/dev/null; then
			grep -m1 -o -- "$pattern.*" "$file" | sed "s|^$pattern||"
			return 0
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			say "bench: process $pid ended before it was ready:"
			tail -n 20 "$file" "${file%.out}.err" >&2 2>/dev/null || true
			return 1
		fi
		sleep 0.1
	done
	say "bench: $file: no line '$pattern' after 60 s"
	return 1
}

say "bench: building mockinge, last, bare, tabelle into $TMP/bin"
mkdir -p "$TMP/bin"
(cd "$ROOT" && go build -o "$TMP/bin/" ./cmd/mockinge ./bench/last ./bench/bare ./bench/tabelle)

NODE=1
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	if [[ "${CI:-}" == "true" ]]; then
		say "bench: node and npm are needed for the node-soap row (CI=true)"
		exit 1
	fi
	say "bench: node or npm missing: the node-soap rows are left out"
	NODE=0
else
	say "bench: npm ci in bench/nodesoap"
	(cd "$ROOT/bench/nodesoap" && npm ci --no-audit --no-fund --loglevel=error >"$TMP/npm.log" 2>&1) || {
		cat "$TMP/npm.log" >&2
		exit 1
	}
fi

# The servers, each on a free loopback port.
"$TMP/bin/bare" -addr 127.0.0.1:0 >"$TMP/bare.out" 2>"$TMP/bare.err" &
BARE_PID=$!
PIDS+=("$BARE_PID")
BARE_URL=$(await "$BARE_PID" "$TMP/bare.out" "bare: ")

# mockinge's log (at its default level info: no line per request) goes to
# a file, and is shown if something fails.
"$TMP/bin/mockinge" -addr 127.0.0.1:0 -admin-addr 127.0.0.1:0 -db "$TMP/mockinge.db" \
	"${MOCKINGE_FLAGS[@]}" "${MOCKINGE_EXTRA_FLAGS[@]}" >"$TMP/mockinge.out" 2>"$TMP/mockinge.err" &
MOCK_PID=$!
PIDS+=("$MOCK_PID")
await "$MOCK_PID" "$TMP/mockinge.out" "mockinge: bereit" >/dev/null
MOCK_URL=$(grep -m1 -o 'SOAP-Endpunkt: *[^ ]*' "$TMP/mockinge.out" | sed 's/^SOAP-Endpunkt: *//')

if ((NODE)); then
	node "$ROOT/bench/nodesoap/server.js" --port 0 >"$TMP/nodesoap.out" 2>"$TMP/nodesoap.err" &
	NODE_PID=$!
	PIDS+=("$NODE_PID")
	NODE_URL=$(await "$NODE_PID" "$TMP/nodesoap.out" "nodesoap: ")
fi

# The course of the read path: one KursplanungErfassen of Testfall KP-1.
KURS=$("$TMP/bin/last" -once -kind erfassen -url "$MOCK_URL" | sed -n 's/.*<Kurskennung>\(K[0-9]\{9\}\)<.*/\1/p') || true
if [[ -z "$KURS" ]]; then
	say "bench: mockinge did not store the course of the read path"
	tail -n 20 "$TMP/mockinge.err" >&2
	exit 1
fi
say "bench: bare $BARE_URL, mockinge $MOCK_URL (course $KURS)${NODE_URL:+, node-soap $NODE_URL}"
say "bench: $ROUNDS round(s) of $((NODE ? 6 : 4)) rows, each -c $CONNS -warmup $WARMUP -d $DURATION"

RESULTS="$TMP/results.jsonl"
: >"$RESULTS"
# measure LABEL KIND URL PID
measure() {
	local label=$1 kind=$2 url=$3 pid=$4
	"$TMP/bin/last" -label "$label" -kind "$kind" -url "$url" -kurskennung "$KURS" \
		-c "$CONNS" -d "$DURATION" -warmup "$WARMUP" -pid "$pid" -clk-tck "$CLK_TCK" >>"$RESULTS"
	if ! kill -0 "$pid" 2>/dev/null; then
		say "bench: $label died during $kind"
		exit 1
	fi
	say "  $(tail -n 1 "$RESULTS" | cut -c1-220)"
}
for ((round = 1; round <= ROUNDS; round++)); do
	say "bench: round $round of $ROUNDS"
	measure bare fixed "$BARE_URL" "$BARE_PID"
	if ((NODE)); then
		measure nodesoap kursauskunft "$NODE_URL" "$NODE_PID"
		measure nodesoap erfassen "$NODE_URL" "$NODE_PID"
	fi
	measure mockinge kursauskunft "$MOCK_URL" "$MOCK_PID"
	measure mockinge erfassen "$MOCK_URL" "$MOCK_PID"
	measure mockinge rollback "$MOCK_URL" "$MOCK_PID"
done

echo
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, Go $(go env GOVERSION)$( ((NODE)) && echo ", node $(node --version), soap $(node -p "require('$ROOT/bench/nodesoap/node_modules/soap/package.json').version")"); -c $CONNS, -warmup $WARMUP, -d $DURATION"
echo
STATUS=0
"$TMP/bin/tabelle" "$RESULTS" || STATUS=$?
if ((STATUS != 0)); then
	say "bench: errors (above); the last lines of mockinge's log:"
	tail -n 5 "$TMP/mockinge.err" >&2 || true
fi
exit "$STATUS"
