#!/usr/bin/env bash
# The customer display in the real window (Xvfb, keys by xdotool): a pole display on a
# pseudo-terminal (`regulars simulate display`) and the tablet page in headless Chromium. A card
# scanned at the counter shows on both (the delay is measured and told); a sale shows its
# points; a customer joins on the tablet's QR with a phone and is at the counter, ready for the
# sale; the pole display unplugged mid-sale is told on the device bar and shows the screen of
# now when it is back.
#
#   tests/window/display.sh   (tests/run.sh runs it; needs xvfb, xdotool, imagemagick, chromium)
source "$(dirname "$0")/common.bash"

web=$(free_port)
cat > "$data/config.toml" <<TOML
[shop]
name = "Corner Coffee"
[scanner]
port = "$data/scanner"
[display]
port = "$data/display"
[portal]
bind = "127.0.0.1:$web"
public_url = "http://127.0.0.1:$web"
TOML
pole() {
  "$bin" --data "$data" simulate display --link "$data/display" --out "$data/pole.txt" >/dev/null 2>&1 &
  pole_pid=$!
  pids+=($pole_pid)
  for _ in $(seq 50); do [ -e "$data/display" ] && break; sleep 0.1; done
}
pole
card=$(rg customer add --name "Līga Ozola" --phone "+37120000001" | json 'd["code"]')
start_window
until_pole() {
  for _ in $(seq 100); do grep -qF "$1" "$data/pole.txt" 2>/dev/null && return 0; sleep 0.1; done
  fail "the pole display shows $(cat "$data/pole.txt" 2>/dev/null), not $1"
}
until_tablet() {
  for _ in $(seq 100); do grep -qF "$1" "$data/tablet.log" 2>/dev/null && return 0; sleep 0.1; done
  fail "the tablet shows $(tail -1 "$data/tablet.log" 2>/dev/null), not $1"
}
until_pole "Welcome!"
tablet=$(rg display tablet | json "d['url']")
python3 tests/window/tablet.py "$tablet" "$data/tablet.log" "$shots/display-tablet" \
  >"$data/tablet.out" 2>&1 &
pids+=($!)
until_tablet "Welcome to Corner Coffee"

# A card scanned: both displays greet the member.
scanned=$(date +%s.%N)
echo "$card" >&3
until_pole "Welcome back, Liga"
pole_at=$(stat -c %.3Y "$data/pole.txt")
until_tablet "Welcome back, Līga"
tablet_at=$(grep -F "Welcome back, Līga" "$data/tablet.log" | head -1 | cut -f1)
echo "card scanned: pole display after $(python3 -c "print(f'{$pole_at - $scanned:.2f}')") s, tablet after $(python3 -c "print(f'{$tablet_at - $scanned:.2f}')") s"
sleep 1
shot display-window-member

# A sale: its points on both.
typed "4.50"
key Return
until_pole "+4 points"
until_tablet "+4 points"
shot display-window-sale

# Unplugged mid-sale: the next sale is recorded all the same, the device bar says so.
kill "$pole_pid"; wait "$pole_pid" 2>/dev/null || true
rm -f "$data/display"
key Escape
echo "$card" >&3
typed "2.00"
key Return
sleep 4
until_json "the second sale" "d['visits'] == 2" stats
shot display-window-unplugged
# Back: the screen of now.
rm -f "$data/pole.txt"
pole
until_pole "+2 points"

# A customer joins on the tablet's QR with a phone: at the counter at once.
key Escape
until_tablet "Welcome to Corner Coffee"
join=$(python3 - "$tablet" <<'PY'
import re, sys, urllib.request
page = urllib.request.urlopen(sys.argv[1]).read().decode()
print(re.search(r'aria-label="QR code: ([^"]+)"', page).group(1))
PY
)
python3 tests/window/tablet.py join "$join" "Rahul" "+919800000001" "$shots/display-phone-joined.png"
until_pole "Welcome back, Rahul"
until_tablet "Welcome back, Rahul"
sleep 1
shot display-window-joined
[ "$(rg customer find Rahul | json 'len(d)')" = 1 ] || fail "the new member is not there once"
echo "ok: the pole display and the tablet follow the counter, a phone joins from the tablet, a display unplugged comes back"
