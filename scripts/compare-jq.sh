#!/usr/bin/env bash
# Times `leadline timeline` against the curl | jq loop a person would script for the same job:
# one Nexor lead's 20,000-event history from `leadline sim serve` on loopback, only calls and
# WhatsApp messages, oldest first, one JSON object per line.
#
#   scripts/compare-jq.sh            # builds release leadline, prints both times and the ratio
#   HISTORY=5000 RUNS=5 scripts/compare-jq.sh
#
# Each side runs RUNS times (default 3) against the same server and lead; the best run counts.
set -euo pipefail
cd "$(dirname "$0")/.."

HISTORY=${HISTORY:-20000}
RUNS=${RUNS:-3}
CHANNELS=call,whatsapp

for tool in curl jq swift; do
    command -v "$tool" >/dev/null || { echo "compare-jq: needs $tool on PATH" >&2; exit 2; }
done

swift build -c release --product leadline >&2
leadline="$(swift build -c release --show-bin-path)/leadline"

work=$(mktemp -d)
server=
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# Port 0: the server picks a free one and prints it, then a config snippet for it.
"$leadline" sim serve --port 0 --leads 50 --history-size "$HISTORY" >"$work/sim.out" 2>"$work/sim.err" &
server=$!
for _ in $(seq 1 600); do
    grep -q 'kind = "liveforce"' "$work/sim.out" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { echo "compare-jq: sim serve exited: $(cat "$work/sim.err")" >&2; exit 1; }
    sleep 0.1
done
base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/sim.out" | head -n 1)
[ -n "$base" ] || { echo "compare-jq: sim serve printed no address" >&2; exit 1; }
# Everything it printed is a valid config: comments, then one [[source]] per vendor. The second
# comment line exports the credentials the simulator accepts.
cp "$work/sim.out" "$work/config.toml"
eval "$(sed -n 's/^# export /export /p' "$work/sim.out")"

lead=$(curl -fsS -H "X-API-Key: $LEADLINE_SIM_NEXOR" "$base/nexor/leads?limit=1" | jq -r '.leads[0].id')
echo "lead nexor:$lead, $HISTORY events, channels $CHANNELS, $base" >&2

run_leadline() {
    "$leadline" timeline "nexor:$lead" --config "$work/config.toml" --channel "$CHANNELS" --format ndjson
}

# Nexor's documented paging: limit (at most 200) and offset, until pagination.has_more is false.
run_curl_jq() {
    local offset=0 count more
    : >"$work/items.ndjson"
    while :; do
        curl -fsS -H "X-API-Key: $LEADLINE_SIM_NEXOR" \
            "$base/nexor/leads/$lead/history?limit=200&offset=$offset&channel=$CHANNELS" >"$work/page.json"
        jq -c '.history[]' "$work/page.json" >>"$work/items.ndjson"
        read -r count more < <(jq -r '"\(.history | length) \(.pagination.has_more)"' "$work/page.json")
        [ "$more" = true ] && [ "$count" -gt 0 ] || break
        offset=$((offset + count))
    done
    jq -c -s 'map(select(.channel == "call" or .channel == "whatsapp")) | sort_by(.timestamp) | .[]' "$work/items.ndjson"
}

# Best wall time in milliseconds of RUNS runs of $1, its output kept in $2.
best_ms() {
    local best= start end elapsed
    for _ in $(seq 1 "$RUNS"); do
        start=$(date +%s%N)
        "$1" >"$2"
        end=$(date +%s%N)
        elapsed=$(((end - start) / 1000000))
        if [ -z "$best" ] || [ "$elapsed" -lt "$best" ]; then best=$elapsed; fi
    done
    echo "$best"
}

leadline_ms=$(best_ms run_leadline "$work/leadline.ndjson")
jq_ms=$(best_ms run_curl_jq "$work/jq.ndjson")

printf 'leadline timeline:  %6d ms  (%d events)\n' "$leadline_ms" "$(wc -l <"$work/leadline.ndjson")"
printf 'curl loop | jq:     %6d ms  (%d items)\n' "$jq_ms" "$(wc -l <"$work/jq.ndjson")"
awk -v a="$leadline_ms" -v b="$jq_ms" 'BEGIN {
    if (a <= 0) a = 1
    printf "ratio: curl|jq takes %.1f× as long as leadline (best of '"$RUNS"' runs each)\n", b / a
}'
