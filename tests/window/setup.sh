#!/usr/bin/env bash
# The first-run assistant in the real window, by keyboard alone (xdotool after windowfocus, no
# mouse): Regulars on an empty data folder on a computer in Riga (LANG=lv_LV.UTF-8) and one in
# Hyderabad (LANG=te_IN.UTF-8). The shop's name is typed and Enter goes through every step (in
# Riga the printer step also prints a test page with F5, the scanner step hears a scan and the
# customer display step shows the welcome on a pole display);
# then a new customer is enrolled and sold to. config.toml must hold the name, the computer's
# language, the region's currency and rewards named in that language, and the receipt the
# shop's name. A third start presses Esc at the second step: the suggestions for the rest.
# Screenshots of each step: window-shots/setup-<tag>-<n>-<step>.png (with
# REGULARS_UPDATE_SCREENSHOTS=1 the Latvian and Telugu rewards steps go to assets/ for the README).
#
#   tests/window/setup.sh           (tests/run.sh runs it; needs xvfb, xdotool, imagemagick)
set -euo pipefail
if [ $# = 0 ]; then
  for run in "lv|lv_LV.UTF-8|Kafejnīca Rīga|EUR|Bezmaksas kafija|+37126123456|12,80|12|enter" \
             "te|te_IN.UTF-8|కాఫీ హౌస్|INR|ఉచిత కాఫీ|+919876543210|250.00|2|enter" \
             "lv|lv_LV.UTF-8|Maiznīca|EUR|Bezmaksas kafija|+37129876543|3,50|3|esc"; do
    # Once more after a failure: xdotool now and then drops a vowel sign while it types
    # Telugu (it remaps a spare keycode per character), which leaves a misspelt name. A fault
    # of the program fails both times.
    bash "$0" "$run" || { echo "retrying once: $run"; bash "$0" "$run"; } || exit 1
  done
  echo "the assistant set up shops in lv and te, through every step and with Esc"
  exit 0
fi
IFS='|' read -r tag locale shop currency reward phone amount points how <<<"$1"
source "$(dirname "$0")/common.bash"
[ ! -e "$data/config.toml" ] || fail "the data folder is not empty"

# A scanner on a pseudo-terminal (its own folder: the shop's stays empty until the assistant).
start_scanner "$data/sim"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY="$display"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
env -u LC_ALL -u LC_MESSAGES LANG="$locale" "$bin" --data "$data" >"$data/window.log" 2>&1 &
pids+=($!)
wid=$(timeout 60 xdotool search --sync --onlyvisible --name "^Regulars" | head -1) ||
  fail "the window did not open"
focus
sleep 2
config() { cat "$data/config.toml"; }
has() { grep -qF -- "$1" "$data/config.toml" || fail "config.toml lacks $1: $(config)"; }
step_shot() { sleep 0.5; shot "setup-$tag-$how-$1"; }

# 1. The shop's name, the cursor already in it.
step_shot 1-name
typed "$shop"
key Return
sleep 0.5
has "name = \"$shop\""
step_shot 2-language
if [ "$how" = esc ]; then
  key Escape
else
  key Return
  sleep 0.5
  has "language = \"$tag\""
  step_shot 3-currency
  key Return
  sleep 0.5
  has "currency = \"$currency\""
  step_shot 4-earning
  key Return
  if [ "$tag" = lv ]; then
    # The printer: the virtual one suggested; F5 prints the test page through the counter's
    # own printing, shown in the step.
    sleep 0.5
    key F5
    for _ in $(seq 60); do ls "$data"/receipts/*.png >/dev/null 2>&1 && break; sleep 0.5; done
    ls "$data"/receipts/*.png >/dev/null 2>&1 || fail "the test print made no page"
    step_shot 5-printer
    key Return
    has 'port = "virtual"'
    # The scanner: its port typed, F5 listens, a scanned code appears.
    sleep 0.5
    typed "$data/scanner"
    key F5
    sleep 2
    scan "LV-TEST-0001"
    for _ in $(seq 30); do grep -q "scanner: LV-TEST-0001" "$data/window.log" && break; sleep 0.5; done
    grep -q "scanner: LV-TEST-0001" "$data/window.log" || fail "the scanned code did not arrive at the scanner step"
    step_shot 6-scanner
    key Return
    has "port = \"$data/scanner\""
    # The customer display: a pole display on a pseudo-terminal; its port typed, F5 shows the
    # welcome on it (in Latvian, in the letters it has).
    "$bin" --data "$data/sim" simulate display --link "$data/display" --out "$data/pole.txt" \
      >/dev/null 2>&1 &
    pids+=($!)
    sleep 0.5
    typed "$data/display"
    key F5
    for _ in $(seq 30); do grep -q "Laipni" "$data/pole.txt" 2>/dev/null && break; sleep 0.5; done
    grep -q "Laipni" "$data/pole.txt" 2>/dev/null || fail "the display step showed nothing on the display"
    step_shot 7-display
    key Return
    has "port = \"$data/display\""
  else
    # Enter through: the virtual printer and no scanner.
    sleep 0.5
    step_shot 5-printer
    key Return
    sleep 1
    step_shot 6-scanner
    key Return
    sleep 0.5
    step_shot 7-display
    key Return
    has 'port = "virtual"'
  fi
  # The pages are started and opened as a phone would; on this machine, only on its network.
  for _ in $(seq 60); do grep -q "pages: " "$data/window.log" 2>/dev/null && break; sleep 0.5; done
  sleep 3
  step_shot 8-pages
  key Return
  sleep 0.5
  step_shot 9-pin
  key Return
  sleep 0.5
  step_shot 10-backups
  key Return
  sleep 2
  [ -s "$data/backup-log.jsonl" ] || fail "no backup was made at the backups step"
  step_shot 11-done
  key Return
fi
sleep 1
has "name = \"$shop\""
has "language = \"$tag\""
has "currency = \"$currency\""
has "name = \"$reward\""
case $tag in lv) has 'country_code = "+371"' ;; te) has 'country_code = "+91"' ;; esac
grep -qF "# ISO code; amounts follow its decimals" "$data/config.toml" ||
  fail "the template's comments were lost: $(config)"
step_shot 12-counter
title=$(xdotool getwindowname "$wid")
[ "$title" = "Regulars — $shop" ] || fail "the window is called '$title'"

# The counter works: F3, a name, Tab, a phone, Enter; then the amount and Enter.
begin
key F3
typed "Līga Test"
key Tab
typed "$phone"
key Return
until_json "the enrolment" '[c["name"] for c in d["customers"]] == ["Līga Test"]' customer find "$phone"
typed "$amount"
key Return
until_json "the new customer's sale" "d['customers'][0]['balance'] == $points" customer find "$phone"
step_shot 13-sale
python3 - "$data/regulars.db" "$shop" <<'PY' || fail "the receipt does not name the shop"
import sqlite3, sys
text = sqlite3.connect(sys.argv[1]).execute(
    "SELECT text FROM print_jobs WHERE kind = 'receipt' ORDER BY id DESC LIMIT 1").fetchone()[0]
assert sys.argv[2] in text, text
PY
if [ "${REGULARS_UPDATE_SCREENSHOTS:-}" = 1 ] && [ "$how" = enter ]; then
  convert "$shots/setup-$tag-$how-4-earning.png" -crop 1200x540+0+0 +repage "assets/setup-$tag.png"
  # Every step, two to a row, for the README.
  steps=()
  for n in 1-name 2-language 3-currency 4-earning 5-printer 6-scanner 7-display 8-pages 9-pin 10-backups 11-done; do
    steps+=("$shots/setup-$tag-$how-$n.png")
  done
  montage "${steps[@]}" -crop 820x560+190+20 -tile 2x6 -geometry 574x392+4+4 -background '#111' "assets/setup-steps-$tag.png"
  convert "assets/setup-steps-$tag.png" -depth 8 -colors 96 "assets/setup-steps-$tag.png"
fi
echo "$tag ($how): $shop set up, sold $amount to a new customer ($points points)"
