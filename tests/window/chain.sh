#!/usr/bin/env bash
# A chain's till in the real window: a throwaway PostgreSQL server (as the postgres user when
# root), a second till in another shop enrolling Anna, and this till's window finding her by
# its background sync, selling to her by scanner and keyboard, going on selling while the
# server is down (the device bar says since when and how much waits) and sending it all once
# the server is back, then the owner's dashboard with the chain's figures by keyboard.
# Screenshots: window-shots/chain-online.png, chain-offline.png, chain-dashboard.png and
# chain-dashboard-dublin.png.
#
#   tests/window/chain.sh      (tests/run.sh runs it; needs postgresql, xvfb, xdotool)
set -euo pipefail
source "$(dirname "$0")/common.bash"

trap 'pgctl -m immediate stop 2>/dev/null || true; rm -rf "$pg"; cleanup' EXIT
start_postgres

write_config 'name = "Kafejnīca Ķiploks"
currency = "EUR"
language = "en"'
cat >> "$data/config.toml" <<TOML
[central]
url = "$url"
shop_id = "riga"
till_id = "riga-1"
every = 1
TOML
other=$(mktemp -d)
"$bin" --data "$other" --json stats >/dev/null
python3 - "$other/config.toml" "$url" <<'PY'
import sys
p, url = sys.argv[1], sys.argv[2]
t = open(p).read().replace("[central]\n", f'[central]\nurl = "{url}"\nshop_id = "dublin"\ntill_id = "dublin-1"\n', 1)
open(p, "w").write(t)
PY
other_rg() { "$bin" --data "$other" --json "$@"; }
rg central init >/dev/null
code=$(other_rg customer add --name "Anna Byrne" | json 'd["code"]')
other_rg sync >/dev/null

start_window
# The window's own sync brings Dublin's customer here.
until_json "Anna from the other shop" "d['code'] == '$code'" customer show "$code"
scan "$code"
typed "12.00"
key Return
until_json "the sale to Anna" "d['balance'] == 12" customer show "$code"
until_json "the sale sent" "d['till']['to_send'] == 0 and d['till']['last_contact'] is not None" sync status
sleep 2
shot chain-online

# The server goes down: the counter goes on, and says so.
pgctl -m immediate stop
scan "$code"
typed "8.00"
key Return
until_json "the offline sale" "d['balance'] == 20" customer show "$code"
until_json "the till to know it is offline" "d['till']['offline_since'] is not None and d['till']['to_send'] > 0" sync status
sleep 2
shot chain-offline

# Back up: everything waiting is sent, and the other shop sees both sales once.
pg_up
until_json "the offline sale sent" "d['till']['to_send'] == 0 and d['till']['offline_since'] is None" sync status
other_rg sync >/dev/null
[ "$(other_rg customer show "$code" | json 'd["balance"]')" = 20 ] || fail "Dublin does not see both sales once"
# The owner's dashboard, by keyboard: F7 opens it on "This till"; Tab, Space: all shops' figures
# from the central store, each shop and together; Tab, Space again: Dublin's alone.
other_rg sale record --amount 6.00 --customer "$code" >/dev/null
other_rg sync >/dev/null
until_json "Dublin's sale in the chain's figures" \
  "[s['visits'] for s in d['shops'] if s['shop_id'] == 'dublin'] == [1] and d['total']['members'] == 1" \
  stats --all-shops
key F7
sleep 1
key Tab
key space
sleep 3
shot chain-dashboard
key Tab
key space
sleep 3
shot chain-dashboard-dublin
rm -rf "$other"
echo "the counter synced with the chain, sold through a server crash, caught up, and showed the chain's figures"
