#!/usr/bin/env bash
# The counter by keyboard alone, in the real window: Regulars on a fresh data folder under
# Xvfb, a virtual scanner on a pseudo-terminal, and keys sent with xdotool after windowfocus
# (the mouse is never used). Each flow is checked through `regulars --json` against the same
# SQLite file, and reports its key presses and seconds (from the first key to the last).
#
#   tests/window/keyboard.sh        (tests/run.sh runs it; needs xvfb, xdotool, imagemagick)
#
# Screenshots of each step go to $CARGO_TARGET_DIR/window-shots/ (or target/); with
# REGULARS_UPDATE_SCREENSHOTS=1 the last receipt shown large (F6) is copied to
# assets/receipt-large.png for the README. The figures go to window-shots/keyboard.txt as well.
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${CARGO_TARGET_DIR:-target}"
cargo build -q
bin="$target/debug/regulars"
shots="$target/window-shots"
mkdir -p "$shots"
rm -f "$shots"/step-*.png

data=$(mktemp -d)
display=":$((90 + RANDOM % 100))"
pids=()
cleanup() {
  exec 3>&- 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$data/window.log" ] && tail -20 "$data/window.log" >&2; exit 1; }

cat > "$data/config.toml" <<TOML
[shop]
name = "Corner Coffee"
currency = "EUR"
country_code = "+353"
[scanner]
port = "$data/scanner"
[portal]
with_app = false
TOML
rg() { "$bin" --data "$data" --json "$@"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }

code=$(rg customer add --name "Aoife Byrne" --phone "087 123 4567" | json 'd["code"]')

# The scanner: codes written to fd 3 arrive on the serial line, never as keys.
mkfifo "$data/scan-in"
"$bin" --data "$data" simulate scanner --link "$data/scanner" <"$data/scan-in" >/dev/null 2>&1 &
pids+=($!)
exec 3>"$data/scan-in"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY="$display"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
for _ in $(seq 50); do [ -e "$data/scanner" ] && break; sleep 0.1; done
"$bin" --data "$data" >"$data/window.log" 2>&1 &
pids+=($!)
# The window exists before it is mapped; focus it once it is visible.
wid=$(timeout 60 xdotool search --sync --onlyvisible --name "^Regulars" | head -1) || fail "the window did not open"
focus() {
  for _ in $(seq 50); do xdotool windowfocus --sync "$wid" 2>/dev/null && return 0; sleep 0.2; done
  fail "the window could not be focused"
}
focus
sleep 2

presses=0
started=0
key() { xdotool key --delay 250 "$@"; presses=$((presses + $#)); sleep 0.25; }
typed() { xdotool type --delay 250 "$1"; presses=$((presses + ${#1})); sleep 0.25; }
begin() { focus; presses=0; started=$(date +%s.%N); }
report() {
  local secs
  secs=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$(date +%s.%N)")
  echo "$1: $presses key presses, $secs s" | tee -a "$shots/keyboard.txt"
}
shot() { import -window root "$shots/step-$1.png"; }
# Waits until a Python expression over a command's JSON holds.
until_json() {
  local what=$1 expr=$2
  shift 2
  for _ in $(seq 100); do
    [ "$(rg "$@" 2>/dev/null | json "$expr" 2>/dev/null)" = True ] && return 0
    sleep 0.1
  done
  fail "$what: $(rg "$@" 2>&1 | head -c 400)"
}
: >"$shots/keyboard.txt"

# 1. A returning customer: scan the card, type the amount, Enter.
echo "$code" >&3
sleep 2 # the customer is on screen within a frame; the wait covers a loaded machine
begin
typed "4.20"
key Return
until_json "the returning customer's sale" 'd["balance"] == 4' customer show "$code"
report "returning customer (scan + amount + Enter)"
sleep 1
shot 1-returning

# 2. Esc, an amount, F4: an anonymous sale.
visits=$(rg stats | json 'd["visits"]')
begin
key Escape
typed "3.10"
key F4
until_json "the anonymous sale" "d['visits'] == $((visits + 1)) and d['figures']['anonymous_visits'] == 1" stats
report "anonymous sale (Esc + amount + F4)"
shot 2-anonymous

# 3. F3, a name, Tab, a phone, Enter; then the amount and Enter.
begin
key F3
typed "Niamh Kelly"
key Tab
typed "0869876543"
key Return
until_json "the enrolment" '[c["name"] for c in d["customers"]] == ["Niamh Kelly"]' customer find 0869876543
typed "12.80"
key Return
until_json "the new customer's sale" 'd["customers"][0]["balance"] == 12' customer find 0869876543
report "new customer with phone (F3 + name + Tab + phone + Enter + amount + Enter)"
shot 3-new-customer

# 4. Refund the last receipt: F8, Enter.
begin
key F8
key Return
until_json "the refund" 'd["customers"][0]["balance"] == 0' customer find 0869876543
report "refund of the last receipt (F8 + Enter)"
shot 4-refund

# The receipt large, to read: F6, then Esc.
key F6
sleep 1
shot 5-receipt-large
if [ "${REGULARS_UPDATE_SCREENSHOTS:-}" = 1 ]; then cp "$shots/step-5-receipt-large.png" assets/receipt-large.png; fi
key Escape
sleep 0.5
shot 6-after-esc
pgrep -f "$bin --data $data\$" >/dev/null || fail "the window closed"
echo "all flows passed by keyboard alone; screenshots in $shots"
