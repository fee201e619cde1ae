#!/usr/bin/env bash
# Where the customer pages open, in the real window: the counter serves its own pages (no
# public_url set, so receipts carry this computer's address on its network, never
# localhost), checks them a few seconds after starting, and says so on the device bar. A sale
# made by keys prints its code under the QR, and that code opens the same page as the QR at
# the window's own pages.
#
# Screenshot: window-shots/pages-bar.png (look at it: the device bar's pages line says where
# the pages open from, and the receipt preview shows "Or type ….. at …/c" under the QR).
source "$(dirname "$0")/common.bash"
port=$(free_port 0.0.0.0)
cat > "$data/config.toml" <<TOML
[shop]
name = "Corner Coffee"
currency = "EUR"
[scanner]
port = "$data/scanner"
[portal]
bind = "0.0.0.0:$port"
TOML
url=$(rg pages check 2>/dev/null | json 'd["url"]' || true)
case "$url" in
  *localhost*|*127.0.0.1*|"") fail "receipts would carry a loopback address: '$url'" ;;
  *":$port") ;;
  *) fail "the address printed is not this computer's pages: '$url'" ;;
esac
start_window
# The window's own pages answer the check with this shop's key.
for _ in $(seq 50); do
  [ "$(rg pages check 2>/dev/null | json 'd["reachable"]')" = True ] && break
  sleep 0.2
done
[ "$(rg pages check | json 'd["reachable"]')" = True ] || fail "the window's pages do not answer as this shop's"
# A sale by keys: amount and F4 (anonymous); its code opens its page.
focus
typed "3.80"
key F4
until_json "the sale" 'd["figures"]["visits"] == 1' stats
code=$(python3 -c "
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute('SELECT receipt_code FROM visits').fetchone()[0])" "$data/regulars.db")
[ ${#code} = 10 ] || fail "the sale has no receipt code: '$code'"
grep -q "Or type ${code:0:5}-${code:5:5} at " "$data/receipts/"*.txt || fail "the receipt does not print its code"
status=$(python3 -c "
import http.client, sys, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
c = http.client.HTTPConnection(u.hostname, u.port)
c.request('GET', u.path)
r = c.getresponse()
print(r.status, r.getheader('location'))" "$url/c/$code")
case "$status" in
  "303 "*"/r/"*) ;;
  *) fail "the code did not lead to the receipt's page: $status" ;;
esac
sleep 4
shot pages-bar
echo "the window served its own pages at $url, the check found them this shop's, and a sale's code opened its page"
