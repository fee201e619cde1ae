#!/usr/bin/env bash
# A regular brings her paper stamp card on the first day: F3, her name, Tab, her phone (the
# Riga way, 2612 3456), Tab six times to "Stamps from a paper card", 7, Enter: she is a
# member with seven stamps, recorded as opening stamps with Ilze, the cashier signed in, as who
# did it. Her
# friend's card has 12 stamps, more than the paper limit (10, a full card): enrolled the same
# way, he is refused with the owner's PIN asked for and nothing is kept (no half enrolment), and
# the member who is already here cannot have her paper card counted twice.
#
# Screenshot: window-shots/paper-stamps.png (look at it: Līga on screen, 7 stamps, "3 more
# visits to Free coffee").
source "$(dirname "$0")/common.bash"
write_config 'name = "Kafejnīca"
currency = "EUR"
country_code = "+371"'
rg staff add --name Ilze --role cashier --pin 1234 >/dev/null
rg staff add --name Marta --role owner --pin 9876 >/dev/null
start_window
begin
typed "1234"
key Return
sleep 1
key F3
typed "Liga Ozola"
key Tab
typed "2612 3456"
key Tab Tab Tab Tab Tab Tab
typed "7"
key Return
until_json "the member with her paper stamps" 'd["customers"][0]["stamps"] == 7' customer find 26123456
echo "paper stamps at enrolment: $presses key presses, $(seconds) s"
shot paper-stamps
who=$(python3 -c "
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(\"SELECT source || ':' || stamps || ':' || actor FROM opening_stamps\").fetchone()[0])" "$data/regulars.db")
[ "$who" = "paper:7:Ilze" ] || fail "the opening stamps are '$who'"

# Twelve stamps: above the limit, refused whole.
key Escape
key F3
typed "Janis Kalnins"
key Tab
typed "2612 3457"
key Tab Tab Tab Tab Tab Tab
typed "12"
key Return
sleep 3
shot paper-stamps-refused
n=$(rg customer find 26123457 | json 'len(d["customers"])')
[ "$n" = 0 ] || fail "a refused enrolment kept the customer"
grep -q "panicked" "$data/window.log" && fail "the window panicked"
rg customer paper-stamps "$(rg customer find 26123456 | json 'd["customers"][0]["code"]')" 2 \
  >/dev/null 2>&1 && fail "a paper card was counted twice"
echo "paper stamps were taken at the counter by keys, refused above the limit and counted once"
