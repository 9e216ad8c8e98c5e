#!/usr/bin/env bash
# bench/skala.sh: mockinge's read and write p50 against an empty sandbox and
# against one of 10^5 courses and 10^6 journal rows (bench/skala). See
# bench/README.md.
#
#   bash bench/skala.sh                          # KURSE=100000 JOURNAL=1000000
#   KURSE=10000 JOURNAL=100000 bash bench/skala.sh
#
# Env: KURSE, JOURNAL, ROUNDS (1), CONNS (32), DURATION (5s), WARMUP (1s),
# KEEP=1 keeps the databases (the big one is about 2.5 GiB at 10^6 journal
# rows) and prints where. Exits non-zero on any error.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KURSE=${KURSE:-100000}
JOURNAL=${JOURNAL:-1000000}
ROUNDS=${ROUNDS:-1}
CONNS=${CONNS:-32}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-1s}
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)

TMP=$(mktemp -d "${TMPDIR:-/tmp}/inge-skala.XXXXXX")
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	if [[ "${KEEP:-}" == "1" ]]; then
		echo "skala: kept $TMP" >&2
	else
		rm -rf "$TMP"
	fi
}
trap cleanup EXIT

echo "skala: building mockinge, last, skala into $TMP/bin" >&2
mkdir -p "$TMP/bin" "$TMP/db"
(cd "$ROOT" && go build -o "$TMP/bin/" ./cmd/mockinge ./bench/last ./bench/skala)

START=$(date +%s)
"$TMP/bin/skala" -mockinge "$TMP/bin/mockinge" -last "$TMP/bin/last" -dir "$TMP/db" \
	-kurse "$KURSE" -journal "$JOURNAL" -rounds "$ROUNDS" -c "$CONNS" -d "$DURATION" -warmup "$WARMUP" -clk-tck "$CLK_TCK"
echo "skala: $(($(date +%s) - START)) s in all" >&2
