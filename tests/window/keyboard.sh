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
source "$(dirname "$0")/common.bash"
rm -f "$shots"/step-*.png
write_config 'name = "Corner Coffee"
currency = "EUR"
country_code = "+353"'
code=$(rg customer add --name "Aoife Byrne" --phone "087 123 4567" | json 'd["code"]')
start_window
report() { echo "$1: $presses key presses, $(seconds) s" | tee -a "$shots/keyboard.txt"; }
: >"$shots/keyboard.txt"

# 1. A returning customer: scan the card, type the amount, Enter.
scan "$code"
begin
typed "4.20"
key Return
until_json "the returning customer's sale" 'd["balance"] == 4' customer show "$code"
report "returning customer (scan + amount + Enter)"
sleep 1
shot step-1-returning

# 2. Esc, an amount, F4: an anonymous sale.
visits=$(rg stats | json 'd["visits"]')
begin
key Escape
typed "3.10"
key F4
until_json "the anonymous sale" "d['visits'] == $((visits + 1)) and d['figures']['anonymous_visits'] == 1" stats
report "anonymous sale (Esc + amount + F4)"
shot step-2-anonymous

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
shot step-3-new-customer

# 4. Refund the last receipt: F8, Enter.
begin
key F8
key Return
until_json "the refund" 'd["customers"][0]["balance"] == 0' customer find 0869876543
report "refund of the last receipt (F8 + Enter)"
shot step-4-refund

# The receipt large, to read: F6, then Esc.
key F6
sleep 1
shot step-5-receipt-large
if [ "${REGULARS_UPDATE_SCREENSHOTS:-}" = 1 ]; then cp "$shots/step-5-receipt-large.png" assets/receipt-large.png; fi
key Escape
sleep 0.5
shot step-6-after-esc
pgrep -f "$bin --data $data\$" >/dev/null || fail "the window closed"

# A restore while the window is open is refused, and changes nothing.
backup=$("$bin" --data "$data" --json backup | python3 -c 'import json,sys; print(json.load(sys.stdin)["path"])')
set +e
said=$("$bin" --data "$data" restore "$backup" 2>&1)
code=$?
set -e
[ "$code" = 2 ] || fail "a restore with the window open exited $code: $said"
case "$said" in
*"the counter window, the customer pages or plug-in mode are using this shop"*) ;;
*) fail "a restore with the window open said: $said" ;;
esac
ls "$data"/regulars-before-restore-* >/dev/null 2>&1 && fail "a refused restore made a copy"
echo "a restore while the window is open is refused: ${said#error: }"
echo "all flows passed by keyboard alone; screenshots in $shots"
