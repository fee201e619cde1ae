#!/usr/bin/env bash
# A backup put back from the window (Settings → Backups), by keys: the window lets go of the
# shop, restores it (the shop as it was kept beside it), opens the counter again on the
# restored shop and says so; the counter sells on. A customer enrolled after the backup is
# gone; one enrolled before is there.
# Screenshots: window-shots/restore-sure.png (the warning before the second press) and
# restore-done.png (the counter again, the bottom line saying what was restored).
source "$(dirname "$0")/common.bash"
write_config 'name = "Corner Coffee"
currency = "EUR"'
before=$(rg customer add --name "Aoife Kelly" --phone "0861230001" | json 'd["code"]')
backup=$(rg backup | json 'd["path"]')
rg customer add --name "Later Customer" --phone "0861230002" >/dev/null
start_window
# Backups is the sixth group; its first field has the cursor. Six fields and "back up now"
# lead to the file to restore from.
focus
key F10
sleep 1
key ctrl+Next ctrl+Next ctrl+Next ctrl+Next ctrl+Next
sleep 1
key Tab Tab Tab Tab Tab Tab Tab
typed "$backup"
shot restore-typed
key Tab
key Return
sleep 1
shot restore-sure
[ -z "$(ls "$data"/regulars-before-restore-*.db 2>/dev/null)" ] || fail "restored at the first press"
key Return
for _ in $(seq 60); do ls "$data"/regulars-before-restore-*.db >/dev/null 2>&1 && break; sleep 0.5; done
ls "$data"/regulars-before-restore-*.db >/dev/null 2>&1 || fail "nothing was restored: $(tail -5 "$data/window.log")"
sleep 2
shot restore-done
[ "$(rg customer find 0861230002 | json 'len(d["customers"])')" = 0 ] || fail "the customer enrolled after the backup is still there"
# The counter sells on, on the restored shop.
focus
scan "$before"
typed "4.20"
key Return
until_json "a sale after the restore" 'd["customers"][0]["balance"] == 4' customer find 0861230001
echo "a backup was put back from the window's settings; the counter sold on"
