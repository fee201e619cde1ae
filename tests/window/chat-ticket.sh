#!/usr/bin/env bash
# A ticket answered in the member's own chat app, opened at the counter by keys alone: Ana
# linked Telegram from her visit page (her chat is in the shop's database), a Viber chat of hers
# has ended. Scanned in, F12 opens the ticket form with the keyboard in "What went wrong"; Tab
# walks the severity and the ways to reply (in the shop, email, SMS, call, then the chats she
# linked: Telegram only), Space picks Telegram, Tab and Space open the ticket. The ticket keeps
# her Telegram chat as its contact, so "is it sorted?" and staff's replies go there.
#
# Screenshot: window-shots/chat-ticket-form.png (look at it: the ticket form with "Telegram"
# picked among the ways to reply, no address box, no Viber).
source "$(dirname "$0")/common.bash"
write_config 'name = "Kafana Kod Ane"
currency = "RSD"
country_code = "+381"'
code=$(rg customer add --name "Ana Petrović" --phone "060 123 4567" | json 'd["code"]')
python3 - "$data/regulars.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO chat_links (customer_id, channel, chat, code, linked_at) VALUES (1, 'telegram', '5551', 'C1', 1700000000)")
c.execute("INSERT INTO chat_links (customer_id, channel, chat, code, linked_at, unlinked_at) VALUES (1, 'viber', 'v1', 'C2', 1700000000, 1700000100)")
c.commit()
PY
start_window
scan "$code"
begin
key F12
sleep 1
typed "Supa hladna"
key Tab Tab Tab Tab Tab Tab Tab Tab
key space
sleep 1
shot chat-ticket-form
key Tab space
until_json "the ticket answered on Telegram" 'len(d["tickets"]) == 1 and d["tickets"][0]["contact_via"] == "telegram"' ticket list
echo "chat ticket: $presses key presses, $(seconds) s"
contact=$(python3 -c "
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute('SELECT contact FROM tickets').fetchone()[0])" "$data/regulars.db")
[ "$contact" = 5551 ] || fail "the ticket's contact is '$contact', not her Telegram chat"
grep -q "panicked" "$data/window.log" && fail "the window panicked"
echo "a ticket answered in the member's Telegram chat was opened at the counter by keys alone"
