#!/usr/bin/env bash
# The checks in the real window, by keys. Cara, a cashier whose own card is Līga's, signs in
# (1234, Enter), scans Līga's card and rings up 4.20 (Enter): the alert is raised with the
# sale, and Cara's device bar shows nothing of it. Ctrl+L signs her out; Owen, the owner, signs
# in (9876, Enter): his bar reads "1 alert to look at (F7)". F7 opens the dashboard, Tab ×4 to
# Show figures, Space: Checks lists the alert; Tab ×3 to its note box, a note, Tab, Space
# acknowledges it, the note and Owen kept.
#
# Screenshots: window-shots/alerts-cashier.png (no alert line for Cara),
# window-shots/alerts-owner.png (the line at the end of the device bar),
# window-shots/alerts-checks.png (the Checks section with the alert, its note typed),
# window-shots/alerts-acked.png.
source "$(dirname "$0")/common.bash"
write_config 'name = "Kafejnīca"
currency = "EUR"
country_code = "+371"'
printf '[alerts]\nopening_hours = ""\n' >> "$data/config.toml"   # the test may run at night
code=$(rg customer add --name "Līga Ozola" --phone "2612 3456" | json 'd["code"]')
rg staff add --name Cara --role cashier --pin 1234 --card "$code" >/dev/null
rg staff add --name Owen --role owner --pin 9876 >/dev/null
start_window
begin
typed "1234"
key Return
sleep 1
scan "$code"
typed "4.20"
key Return
until_json "the alert" 'len(d) == 1 and d[0]["staff"] == "Cara"' alerts
sleep 1
shot alerts-cashier
key ctrl+l
sleep 1
typed "9876"
key Return
sleep 2
shot alerts-owner
key F7
sleep 1
key Tab Tab Tab Tab space
sleep 2
key Tab Tab Tab
typed "Her own lunch"
sleep 1
shot alerts-checks
key Tab space
until_json "the acknowledgement" 'd[0]["note"] == "Her own lunch" and d[0]["acked_by"] == "Owen"' alerts --all
sleep 1
shot alerts-acked
echo "alert raised at the counter, acknowledged by the owner: $presses key presses, $(seconds) s"
grep -q "panicked" "$data/window.log" && fail "the window panicked"
echo "the owner saw and acknowledged the alert by keys; the cashier did not see it"
