#!/usr/bin/env bash
# The settings screen in the real window, by keys (xdotool after windowfocus, no mouse), in a
# Latvian shop: F10 opens it, Ctrl+PageDown goes to "Points and rewards", a new reward
# ("Kūciņa", 30 points) is typed under the list and saved with Ctrl+S; the next receipt's
# progress line names it. Then "Messages": a wrong mail password is refused by the shop's mail
# server (aiosmtpd asking for a password) at "send me a test", its refusal said on screen and in
# the window's log, and nothing reaches the inbox; the right password sends the test. A wrong
# value (a backup interval of "often") is refused at its field and config.toml is untouched.
# Screenshots: window-shots/settings-*.png (look at them).
source "$(dirname "$0")/common.bash"
write_config 'name = "Kafejnīca Rīga"
currency = "EUR"
language = "lv"
country_code = "+371"'
port=$(free_port)
python3 tests/smtp_server.py --port "$port" --dir "$data/mail" --auth "kafejnica:pareiza-parole" >"$data/smtp.out" &
pids+=($!)
for _ in $(seq 50); do grep -q ready "$data/smtp.out" 2>/dev/null && break; sleep 0.2; done
grep -q ready "$data/smtp.out" || fail "the SMTP server (aiosmtpd) did not start"
cat >> "$data/config.toml" <<TOML
[email]
smtp = "smtp://127.0.0.1:$port"
tls = "none"
from = "loyalty@kafejnica.test"
TOML
code=$(rg customer add --name "Ilze Bērziņa" --phone "26123456" | json 'd["code"]')
start_window
said() { grep -F "settings: " "$data/window.log" | tail -1; }

# Points and rewards: the first reward's name has the cursor; three rows of (name, points,
# Retire) lead to the new reward's name.
begin
key F10
sleep 1
shot settings-shop
key ctrl+Next
sleep 1
key Tab Tab Tab Tab Tab Tab Tab Tab Tab
typed "Kūciņa"
key Tab
typed "30"
key Return
sleep 0.5
shot settings-rewards
if [ "${REGULARS_UPDATE_SCREENSHOTS:-}" = 1 ]; then
  convert "$shots/settings-rewards.png" -crop 1200x640+0+0 +repage assets/settings-lv.png
fi
key ctrl+s
sleep 2
grep -qF 'name = "Kūciņa"' "$data/config.toml" || fail "the reward was not saved: $(cat "$data/config.toml")"
echo "reward added in $(seconds) s with $presses key presses"

# A sale to Ilze: 5 points, and 25 to go to the new reward, the cheapest she cannot have yet.
key Escape
sleep 0.5
scan "$code"
typed "5"
key Return
until_json "the sale" 'd["customers"][0]["balance"] == 5' customer find 26123456
sleep 1
python3 - "$data/regulars.db" <<'PY' || fail "the receipt does not name the new reward"
import sqlite3, sys
text = sqlite3.connect(sys.argv[1]).execute(
    "SELECT text FROM print_jobs WHERE kind = 'receipt' ORDER BY id DESC LIMIT 1").fetchone()[0]
assert "Kūciņa" in text and "25" in text, text
PY

# Messages: four groups on; the mail server's address has the cursor; Tab, Tab to the user
# name, Tab to the password.
key F10
sleep 1
key ctrl+Next ctrl+Next ctrl+Next ctrl+Next
sleep 1
key Tab Tab
typed "kafejnica"
key Tab
typed "nepareiza"
# Past from, the SMS gateway's four fields and the two follow-up ones to "send a test to".
key Tab Tab Tab Tab Tab Tab Tab Tab
typed "ilze@kafejnica.test"
key Tab
key Return
for _ in $(seq 100); do said | grep -q "535" && break; sleep 0.2; done
shot settings-test-refused
said | grep -q "535" || fail "the mail server's refusal is not said: $(said)"
said | grep -qF "noraidīja lietotājvārdu vai paroli" || fail "the refusal is not in Latvian: $(said)"
[ -z "$(ls "$data/mail" 2>/dev/null)" ] || fail "a message arrived with the wrong password"
[ "$(head -1 "$data/smtp.pass")" = nepareiza ] || fail "the password was not kept in its file"
grep -qF 'password_file = "smtp.pass"' "$data/config.toml" || fail "config.toml does not name the password's file"
grep -qF 'nepareiza' "$data/config.toml" && fail "the password is in config.toml"

# The right one: Shift+Tab back to the password field (8 + 1 back), type it, and send again.
key shift+Tab shift+Tab shift+Tab shift+Tab shift+Tab shift+Tab shift+Tab shift+Tab shift+Tab
key ctrl+a
typed "pareiza-parole"
key Tab Tab Tab Tab Tab Tab Tab Tab Tab
key Return
for _ in $(seq 100); do [ -n "$(ls "$data/mail" 2>/dev/null)" ] && break; sleep 0.2; done
shot settings-test-sent
[ -n "$(ls "$data/mail" 2>/dev/null)" ] || fail "the test email did not arrive: $(said)"
grep -qF "Kafejnīca Rīga" "$data"/mail/* || fail "the test email does not name the shop"

# Backups: a wrong interval is refused at its field; nothing is written.
key ctrl+Next
sleep 1
key Tab
key ctrl+a
typed "bieži"
key ctrl+s
sleep 1
shot settings-refused
saved=$(cat "$data/config.toml")
said | grep -qF "15 minūtes" || fail "the wrong interval was not refused at its field: $(said)"
grep -qF 'bieži' "$data/config.toml" && fail "a refused value was written"
echo "settings: a reward added by keys is on the next receipt; the mail server's refusal and then a test email; a wrong value refused"
