#!/usr/bin/env bash
# The owner's dashboard shows the support figures, by keys alone: a demo shop's history and four
# tickets worked from the command line (one answered within the hour, resolved and confirmed by
# the customer; one resolved, reopened by the customer and resolved again; one resolved and
# never confirmed; one left two days without a reply, so overdue), then F7 opens the dashboard
# with the keyboard on the range, and Tab to Show figures, Space.
#
# Screenshots: window-shots/support-dashboard-top.png (the figures shown) and
# support-dashboard.png, scrolled down (look at it: "Support: does fixing a problem
# bring the customer back?", the median time to first reply, the resolved tickets' outcomes
# as counts "too few for a percentage", the overdue ticket by day, and the waits by severity
# and channel).
source "$(dirname "$0")/common.bash"
write_config 'name = "Corner Coffee"
currency = "EUR"
country_code = "+353"'
rg demo --customers 300 --days 60 >/dev/null
read -r c1 c2 c3 c4 < <(python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(' '.join(r[0] for r in c.execute('SELECT code FROM customers ORDER BY id LIMIT 4')))" "$data/regulars.db")
id() { json 'd["id"]'; }
# The tickets were opened earlier than now (each `ticket add` run with its clock put back):
# the first three hours ago, the last two days ago; everything else happens now.
t1=$(REGULARS_CLOCK_OFFSET=-10800 rg ticket add --customer "$c1" --summary "Charged twice" --severity 3 --by Mia | id)
rg ticket note "$t1" "Refund on its way" --by Mia >/dev/null
rg ticket resolve "$t1" --by Mia >/dev/null
rg ticket confirm "$t1" >/dev/null
t2=$(REGULARS_CLOCK_OFFSET=-18000 rg ticket add --customer "$c2" --summary "Wrong milk" --channel counter --by Mia | id)
rg ticket resolve "$t2" --by Mia >/dev/null
rg ticket reopen "$t2" >/dev/null
rg ticket resolve "$t2" --by Mia >/dev/null
t3=$(REGULARS_CLOCK_OFFSET=-93600 rg ticket add --customer "$c3" --summary "Receipt faded" --severity 1 --channel email | id)
rg ticket resolve "$t3" --by Tom >/dev/null
t4=$(REGULARS_CLOCK_OFFSET=-172800 rg ticket add --customer "$c4" --summary "Card not scanning" | id)
[ "$(rg stats | json 'd["figures"]["support"]["first_reply"]["all"]["median_minutes"]')" = 300 ] ||
  fail "the median first reply is not the one of the three answered tickets"
[ "$(rg stats --rebuild | json 'd["matched"]')" = True ] || fail "the support aggregates drifted"
start_window
key F7
sleep 1
key Tab Tab Tab Tab space
sleep 3
shot support-dashboard-top
# The owner scrolls down to the support section with the mouse wheel.
xdotool mousemove --window "$wid" 600 450
for _ in $(seq 9); do xdotool click 5; sleep 0.1; done
sleep 1
shot support-dashboard
until_json "the dashboard's figures" 'd["figures"]["support"]["tickets"] == 4' stats
grep -q "panicked" "$data/window.log" && fail "the window panicked"
echo "the owner's dashboard showed the support figures, opened and shown by keys alone"
