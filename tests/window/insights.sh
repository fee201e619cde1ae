#!/usr/bin/env bash
# Who is slipping away, at the counter: a demo shop's models refitted, then the member most
# worth a call is scanned in the real window (Xvfb, a virtual scanner on a pseudo-terminal),
# and the customer panel shows the hint; a regular seen this week shows none. The shop has
# tiers: each panel shows the member's tier and what the next one needs. Then a new member
# gives their birthday on the enrolment form (F3).
#
# Screenshots: window-shots/insights-slipping.png, insights-regular.png and
# insights-enrol-birthday.png (look at them: the
# first shows "Last here … weeks ago — welcome back offer: Free coffee" in orange, the second
# not; the third, the enrolment form with a birthday typed).
source "$(dirname "$0")/common.bash"
write_config 'name = "Corner Coffee"
currency = "EUR"
country_code = "+353"'
# With tiers, so the panel shows the member's tier too, and a welcome-back offer.
cat >> "$data/config.toml" <<'TOML'
[program.welcome_back]
reward = "coffee"
days = 30
[program.tiers]
base = "Regular"
[[program.tiers.levels]]
name = "Silver"
from_points = 200
multiplier = "1.25"
TOML
rg demo --customers 800 --days 365 >/dev/null
rg insights refit >/dev/null
gone=$(rg insights --limit 1 | json 'd["members"][0]["code"]')
[ "$(rg customer show "$gone" | json 'd["slipping"]')" = True ] || fail "the listed member is not flagged"
[ "$(rg customer show "$gone" | json 'd["welcome_back"]')" = "Free coffee" ] || fail "no welcome-back offer"
# A regular who came three times or more and was in this week: not on the list.
here=$(python3 -c "
import sqlite3,sys
c=sqlite3.connect(sys.argv[1])
print(c.execute('SELECT c.id, c.code FROM customers c JOIN insights_scores s ON s.customer_id = c.id JOIN visits v ON v.customer_id = c.id WHERE s.slipping = 0 GROUP BY c.id HAVING COUNT(*) >= 3 AND MAX(v.at) > strftime(\'%s\', \'now\') - 7 * 86400 ORDER BY c.id').fetchone()[1])" "$data/regulars.db")
start_window
scan "$gone"
until_json "the member on screen" 'd["slipping"] == True and d["tier"]["name"] in ("Regular", "Silver")' customer show "$gone"
sleep 1
shot insights-slipping
focus
key Escape
scan "$here"
sleep 1
shot insights-regular
# A new member gives their birthday at the counter, by keys alone: F3, name, Tab, phone,
# Tab past the email, the two consent boxes and the referral code, the birthday, Enter.
focus
key Escape
key F3
typed "Mary Walsh"
key Tab
typed "0861112223"
key Tab Tab Tab Tab Tab
typed "03-17"
sleep 1
shot insights-enrol-birthday
key Return
until_json "the enrolment" '[c["name"] for c in d["customers"]] == ["Mary Walsh"]' customer find 0861112223
mary=$(rg customer find 0861112223 | json 'd["customers"][0]["code"]')
[ "$(rg customer export "$mary" | json 'd["customer"]["birthday"]')" = 03-17 ] || fail "the birthday was not kept"
echo "the counter showed the hint for the member worth a call, and none for a regular; a new member gave their birthday"
