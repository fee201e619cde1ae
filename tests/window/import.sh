#!/usr/bin/env bash
# Settings → Import customers in the real window, by keys: F10, Ctrl+PageUp to "Import
# customers" (the cursor is in the file's box), the path of a spreadsheet's CSV (three good
# rows, one with a phone that is not one), Tab ×4 to "Check the file", Space: the dry run's
# table shows the bad row first, in the error colour, with its line and what is wrong, and
# nothing is imported yet. Tab, Space ticks "Leave the bad rows out", Tab, Space imports the
# three others with their balances and stamps, once.
#
# Screenshots: window-shots/import-checked.png (look at it: the table with line 3 in red,
# "'12ab' is not a phone number"), window-shots/import-done.png.
source "$(dirname "$0")/common.bash"
write_config 'name = "Kafejnīca"
currency = "EUR"
country_code = "+371"'
printf 'name,phone,email,points,stamps\nLiga Ozola,2612 3456,liga@example.lv,120,3\nBen,12ab,,5,\nJanis,2612 3457,,40,\nAna,2612 3458,,,9\n' > "$data/customers.csv"
start_window
begin
key F10
sleep 1
key ctrl+Prior
sleep 1
typed "$data/customers.csv"
key Tab Tab Tab Tab space
sleep 2
shot import-checked
n=$(rg customer find 2612 | json 'len(d["customers"])')
[ "$n" = 0 ] || fail "the dry run imported $n customers"
key Tab space Tab space
until_json "the import" 'len(d["customers"]) == 1 and d["customers"][0]["balance"] == 120 and d["customers"][0]["stamps"] == 3' customer find 26123456
shot import-done
echo "import from Settings: $presses key presses, $(seconds) s"
n=$(python3 -c "
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM customers').fetchone()[0])" "$data/regulars.db")
[ "$n" = 3 ] || fail "$n customers imported, not 3"
grep -q "panicked" "$data/window.log" && fail "the window panicked"
echo "customers were imported from the window's Settings by keys, the bad row shown and left out"
