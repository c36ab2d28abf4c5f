#!/usr/bin/env bash
# quarterly-review.sh — run a township's quarterly leadership review (季评排队) with curl and jq.
#
#   quarterly-review.sh --server URL --township CODE --period YYYY-Qn [--token-file FILE] COMMAND
#
#   run PANEL.csv         create or reuse the evaluators (CSV: name,category[,village]), create the
#                         quarterly round, open it and write the ballot slips (--slips FILE)
#   open                  open the period's draft round and write the slips
#   turnout               who has voted so far, by category
#   close                 close the round: no ballot is accepted after this
#   results               download results.csv (--out FILE)
#   publish --commentary-file FILE   publish the results with the township's commentary
#
# The admin token is read from --token-file FILE or the DUPING_TOKEN environment variable, never
# from the command line (where `ps` shows it), and is never printed. It reaches curl through a
# private header file. Any API error stops the script with the problem's `detail` and exit 1.
set -euo pipefail
shopt -s inherit_errexit  # an API error inside $(…) must stop the script too
umask 077

PROG=$(basename "$0")
SERVER="" TOWNSHIP="" PERIOD="" TOKEN_FILE="" ROUND="" TITLE="" SLIPS="" OUT="" COMMENTARY_FILE=""
COMMAND="" PANEL=""

die() { echo "$PROG: $*" >&2; exit 1; }
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --server) SERVER=${2:?}; shift 2 ;;
        --township) TOWNSHIP=${2:?}; shift 2 ;;
        --period) PERIOD=${2:?}; shift 2 ;;
        --token-file) TOKEN_FILE=${2:?}; shift 2 ;;
        --round) ROUND=${2:?}; shift 2 ;;
        --title) TITLE=${2:?}; shift 2 ;;
        --slips) SLIPS=${2:?}; shift 2 ;;
        --out) OUT=${2:?}; shift 2 ;;
        --commentary-file) COMMENTARY_FILE=${2:?}; shift 2 ;;
        --token) die "--token is not accepted: other users see it in 'ps'; use --token-file or DUPING_TOKEN" ;;
        -h|--help) usage ;;
        run) COMMAND=run; PANEL=${2:?run needs the panel CSV}; shift 2 ;;
        open|turnout|close|results|publish) COMMAND=$1; shift ;;
        *) die "unknown argument '$1' (see --help)" ;;
    esac
done

[ -n "$COMMAND" ] || usage
[ -n "$SERVER" ] || die "--server URL is required"
[ -n "$TOWNSHIP" ] || die "--township CODE is required"
command -v jq >/dev/null || die "jq is needed (apt-get install jq)"
command -v curl >/dev/null || die "curl is needed (apt-get install curl)"
SERVER=${SERVER%/}
BASE="$SERVER/v1/townships/$TOWNSHIP"

# The token goes into a private header file for curl's `-H @file`; it never appears in argv.
if [ -n "$TOKEN_FILE" ]; then
    [ -r "$TOKEN_FILE" ] || die "cannot read the token file $TOKEN_FILE"
    TOKEN=$(tr -d ' \r\n' <"$TOKEN_FILE")
else
    TOKEN=${DUPING_TOKEN:-}
fi
[ -n "$TOKEN" ] || die "no admin token: give --token-file FILE or set DUPING_TOKEN"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
printf 'Authorization: Bearer %s\n' "$TOKEN" >"$WORK/auth"
unset TOKEN DUPING_TOKEN

# api METHOD PATH [curl arguments…]: the response body on stdout; on an HTTP error the problem's
# detail (and field errors) on stderr and exit 1.
api() {
    local method=$1 path=$2
    shift 2
    local status
    status=$(curl -sS -X "$method" -H @"$WORK/auth" -o "$WORK/body" -w '%{http_code}' "$@" "$BASE$path") ||
        die "$method $path: cannot reach $SERVER"
    if [ "$status" -ge 400 ]; then
        local detail
        detail=$(jq -r '.detail // empty' "$WORK/body" 2>/dev/null || true)
        jq -r '.errors[]? | "  \(.field): \(.message)"' "$WORK/body" >&2 2>/dev/null || true
        die "$method $path failed with HTTP $status: ${detail:-$(head -c 300 "$WORK/body")}"
    fi
    cat "$WORK/body"
}

post_json() { api POST "$1" -H 'Content-Type: application/json' --data-binary @-; }
post_json_patch() { api PATCH "$1" -H 'Content-Type: application/json' --data-binary @-; }

need_period() {
    [ -n "$PERIOD" ] || die "--period YYYY-Qn is required"
    [[ "$PERIOD" =~ ^[0-9]{4}-Q[1-4]$ ]] || die "--period must look like 2026-Q1, not '$PERIOD'"
}

# Every item of a paged list (follows `next`), as one JSON array.
list_all() {
    local path=$1 after="" page items='[]'
    while :; do
        page=$(api GET "$path?limit=1000${after:+&after=$after}")
        items=$(jq -c --argjson acc "$items" '$acc + .items' <<<"$page")
        after=$(jq -r '.next // empty' <<<"$page")
        [ -n "$after" ] || break
    done
    echo "$items"
}

# The quarterly round of --period (or --round ID) as JSON; fails when there is none.
find_round() {
    if [ -n "$ROUND" ]; then api GET "/rounds/$ROUND"; return; fi
    need_period
    local matches
    matches=$(list_all /rounds | jq -c --arg p "$PERIOD" '[.[] | select(.kind == "quarterly" and .period == $p)]')
    case $(jq length <<<"$matches") in
        0) die "no quarterly round for $PERIOD in $TOWNSHIP (start one with 'run PANEL.csv')" ;;
        1) jq -c '.[0]' <<<"$matches" ;;
        *) die "several quarterly rounds for $PERIOD; choose one with --round ID ($(jq -r 'map(.id) | join(", ")' <<<"$matches"))" ;;
    esac
}

# Evaluator ids for the panel CSV, creating the ones not yet registered (same name and category).
panel_ids() {
    local csv=$1 existing wanted missing
    [ -r "$csv" ] || die "cannot read the panel file $csv"
    wanted=$(jq -R -s -c '
        sub("^\ufeff"; "") | split("\n") | map(sub("\r$"; "")) | map(select(length > 0)) |
        (.[0] | split(",") | map(gsub("^\\s+|\\s+$"; ""))) as $header |
        if ($header | index("name")) == null or ($header | index("category")) == null
        then error("the panel CSV needs a header row with name and category") else . end |
        .[1:] | map(split(",") | [$header, .] | transpose |
            map(select(.[0] != null and .[1] != null and (.[1] | length) > 0) | {(.[0]): .[1]}) | add) |
        map(select(. != null) | with_entries(select(.key == "name" or .key == "category" or .key == "village")))
    ' "$csv") || die "cannot read $csv as CSV"
    [ "$(jq length <<<"$wanted")" -gt 0 ] || die "$csv lists nobody"
    existing=$(list_all /evaluators)
    missing=$(jq -c --argjson have "$existing" '
        map(select(. as $w | $have | any(.name == $w.name and .category == $w.category) | not)) | unique' <<<"$wanted")
    if [ "$(jq length <<<"$missing")" -gt 0 ]; then
        post_json /evaluators <<<"$missing" >/dev/null
        echo "registered $(jq length <<<"$missing") new evaluators" >&2
        existing=$(list_all /evaluators)
    fi
    jq -c --argjson have "$existing" '
        [.[] as $w | first($have[] | select(.name == $w.name and .category == $w.category)) | .id] | unique' <<<"$wanted"
}

# Opens the round and writes one printable slip per evaluator: name, code, ballot-page link.
open_round() {
    local id=$1 tokens file
    tokens=$(api POST "/rounds/$id/open")
    file=${SLIPS:-slips-$TOWNSHIP-${PERIOD:-round$id}.txt}
    jq -r --arg url "$SERVER" --arg title "$2" '.tokens[] |
        "────────────────────────────────────────\n\($title)\n督评员: \(.name)\n测评码: \(.token)\n" +
        "网址:   \($url)/ballot.html#token=\(.token)\n(测评码只能投票一次，请勿转交他人)\n"' <<<"$tokens" >"$file"
    echo "round $id is open; $(jq '.tokens | length' <<<"$tokens") ballot slips written to $file (keep it private)"
}

case "$COMMAND" in
    run)
        [ -n "$PANEL" ] || die "run needs the panel CSV: run PANEL.csv"
        need_period
        ids=$(panel_ids "$PANEL")
        title=${TITLE:-$PERIOD 季评排队}
        body=$(jq -n -c --arg t "$title" --arg p "$PERIOD" --argjson e "$ids" \
            '{title: $t, kind: "quarterly", period: $p, evaluator_ids: $e}')
        # A draft left by an earlier run that stopped (e.g. opening was refused) is reused, so
        # that re-running after a fix never leaves two rounds for one period.
        existing=$(list_all /rounds | jq -c --arg p "$PERIOD" '[.[] | select(.kind == "quarterly" and .period == $p)]')
        draft=$(jq -r '[.[] | select(.state == "draft")] | if length == 1 then .[0].id else empty end' <<<"$existing")
        if [ -n "$draft" ]; then
            round=$(post_json_patch "/rounds/$draft" <<<"$body")
            echo "reusing draft round $draft"
        elif [ "$(jq length <<<"$existing")" -gt 0 ]; then
            die "$PERIOD already has a quarterly round (id $(jq -r 'map("\(.id): \(.state)") | join(", ")' <<<"$existing")); use open, turnout, close, results or publish"
        else
            round=$(post_json /rounds <<<"$body")
        fi
        id=$(jq -r .id <<<"$round")
        echo "round $id ($title) with $(jq length <<<"$ids") evaluators"
        open_round "$id" "$title"
        ;;
    open)
        round=$(find_round)
        open_round "$(jq -r .id <<<"$round")" "$(jq -r .title <<<"$round")"
        ;;
    turnout)
        id=$(find_round | jq -r .id)
        api GET "/rounds/$id/turnout" | jq -r '
            "round '"$id"': \(.voted) of \(.panel) voted" +
            (if .panel > 0 then " (\(.voted * 100 / .panel | floor)%)" else "" end),
            (.by_category | to_entries[] | select(.value.panel > 0) | "  \(.key): \(.value.voted)/\(.value.panel)")'
        ;;
    close)
        id=$(find_round | jq -r .id)
        api POST "/rounds/$id/close" | jq -r '"round \(.id) is \(.state)"'
        ;;
    results)
        round=$(find_round)
        id=$(jq -r .id <<<"$round")
        file=${OUT:-results-$TOWNSHIP-$(jq -r .period <<<"$round").csv}
        api GET "/rounds/$id/results.csv" >"$file"
        echo "results of round $id written to $file ($(($(wc -l <"$file") - 1)) cadres)"
        ;;
    publish)
        [ -n "$COMMENTARY_FILE" ] || die "publish needs --commentary-file FILE"
        [ -r "$COMMENTARY_FILE" ] || die "cannot read $COMMENTARY_FILE"
        id=$(find_round | jq -r .id)
        jq -n -c --rawfile c "$COMMENTARY_FILE" '{commentary: $c}' | post_json "/rounds/$id/publish" >/dev/null
        echo "round $id is published: $SERVER/board.html?township=$TOWNSHIP&round=$id"
        ;;
esac
