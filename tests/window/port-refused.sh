#!/usr/bin/env bash
# A printer port this computer will not open for the person at the counter, in the real
# window (Xvfb, keys by xdotool): a Riga shop's sale is recorded, the notice and the device bar
# say in Latvian what to do (replug; else the dialout command), F1 shows About Regulars, and
# once the port opens to them the waiting receipt prints by itself, once. Under root the
# window runs as `nobody` (root opens every port); otherwise the port is closed to this user.
#
#   tests/window/port-refused.sh   (tests/run.sh runs it; needs xvfb, xdotool, imagemagick)
source "$(dirname "$0")/common.bash"

# The program and the port's link where the person can reach them (a data folder, or a build
# folder under /root, is its owner's alone).
reach=$(mktemp -d)
chmod 755 "$reach"
cp "$bin" "$reach/regulars"
sim=$(mktemp -d)
cleanup_more() { rm -rf "$reach" "$sim"; }
trap 'cleanup; cleanup_more' EXIT
"$bin" --data "$sim" simulate printer --profile generic-80mm --link "$reach/printer" \
  --out "$sim/printed" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -e "$reach/printer" ] && break; sleep 0.1; done
pts=$(readlink -f "$reach/printer")
cat >"$data/config.toml" <<TOML
[shop]
name = "Kafejnīca Ķiploks"
language = "lv"
[printer]
port = "$reach/printer"
profile = "generic-80mm"
[portal]
with_app = false
TOML
if [ "$(id -u)" = 0 ]; then
  as=(setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$data" USER=kase)
  chown -R 65534:65534 "$data"
  chmod 600 "$pts"
  user=kase
else
  as=(env USER="$(id -un)")
  chmod 000 "$pts"
  user=$(id -un)
fi
# The shop's commands as the person (their folder, their files).
rg() { "${as[@]}" "$reach/regulars" --data "$data" --json "$@"; }

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY="$display"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
"${as[@]}" "$reach/regulars" --data "$data" >"$reach/window.log" 2>&1 &
pids+=($!)
wid=$(timeout 60 xdotool search --sync --onlyvisible --name "^Regulars" | head -1) ||
  { cat "$reach/window.log"; fail "the window did not open"; }
focus
sleep 2

# A sale: recorded, its receipt kept, and the refusal told in Latvian.
typed "3,50"
key Return
until_json "the sale with its receipt waiting" \
  "len(d['pending']) == 1 and 'neļauj Regulars atvērt' in d['pending'][0]['last_error'] and 'usermod -aG dialout $user' in d['pending'][0]['last_error']" \
  print queue
[ "$(rg stats | json 'd["visits"]')" = 1 ] || fail "the sale was not recorded"
sleep 1
shot port-refused-lv

# About Regulars, and Esc back to the amount.
key F1
sleep 1
shot about-lv
key Escape

# The port opens to them (the package's rule on a replug, or dialout): the receipt prints by
# itself, once.
if [ "$(id -u)" = 0 ]; then chown 65534 "$pts"; else chmod 600 "$pts"; fi
until_json "the waiting receipt printed" "len(d['pending']) == 0" print queue
sleep 4
printed=$(ls "$sim/printed"/*.png 2>/dev/null | wc -l)
[ "$printed" = 1 ] || fail "$printed receipts printed, not 1"
shot port-opened-lv
echo "ok: refused in Latvian with what to do, printed once when the port opened"
