#!/usr/bin/env bash
# Consent at the counter, by keys alone: a new member (F3) who agrees to reward news and
# offers by email — the cashier ticks the box with Space — and not by SMS. The words on the
# box are the words kept with the consent, with the time and "counter"; the member's first
# sale then queues a "reward ready" email and nothing by SMS.
#
# The shop's mail server (aiosmtpd) refuses her address (a bounce): the device bar says in
# red that a message did not go.
#
# Then she phones about a wrong charge (an urgent ticket, opened five hours ago, no reply
# yet: past its four-hour target): scanned in again, the support panel marks it overdue.
#
# Screenshots: window-shots/consent-enrol.png (look at it: the enrolment form with the email
# box ticked under its sentence, the SMS box not) and consent-bar.png (the device bar:
# "Messages: 1 not sent this week, 0 waiting" in red) and overdue-ticket.png (the open
# ticket with "Overdue: the first reply was due …" in red).
source "$(dirname "$0")/common.bash"
write_config 'name = "Corner Coffee"
currency = "EUR"
country_code = "+353"'
port=$(free_port)
python3 tests/smtp_server.py --port "$port" --dir "$data/mail" --refuse aoife@example.ie >"$data/smtp.out" &
pids+=($!)
for _ in $(seq 50); do grep -q ready "$data/smtp.out" 2>/dev/null && break; sleep 0.2; done
grep -q ready "$data/smtp.out" || fail "the SMTP server (aiosmtpd) did not start"
cat >> "$data/config.toml" <<TOML
[support]
reply_within = { minor = "2d", normal = "1d", urgent = "4h" }
[email]
smtp = "smtp://127.0.0.1:$port"
tls = "none"
from = "loyalty@corner.test"
TOML
start_window
# F3, name, Tab, phone, Tab, email, Tab to the email box, Space, Tab past the SMS box and the
# referral code to the birthday field, Enter.
focus
key F3
typed "Aoife Kelly"
key Tab
typed "0861230001"
key Tab
typed "aoife@example.ie"
key Tab space
key Tab Tab Tab
sleep 1
shot consent-enrol
key Return
until_json "the enrolment" '[c["name"] for c in d["customers"]] == ["Aoife Kelly"]' customer find 0861230001
code=$(rg customer find 0861230001 | json 'd["customers"][0]["code"]')
consents=$(rg customer export "$code" | json 'd["consents"]')
python3 - "$consents" <<'PY' || fail "the consent was not kept as shown: $consents"
import ast, sys
c = ast.literal_eval(sys.argv[1])
assert len(c) == 1, c
assert c[0]["channel"] == "email" and c[0]["given"] == 1 and c[0]["source"] == "counter", c
assert c[0]["wording"] == "I would like reward news and offers from Corner Coffee by email. I can unsubscribe at any time.", c
PY
# Her first sale (amount, Enter) makes a reward ready: one email, no SMS; the window's sender
# hands it to the server, which refuses the address.
focus
typed "45"
key Return
until_json "the refused email" 'len(d["messages"]) == 1 and d["messages"][0]["channel"] == "email" and d["messages"][0]["state"] == "failed"' messages list
sleep 12
shot consent-bar
# The overdue ticket, opened five hours ago (the command run with its clock put back).
REGULARS_CLOCK_OFFSET=-18000 rg ticket add --customer "$code" --summary "Charged twice" --severity 3 >/dev/null
[ "$(rg ticket list --overdue | json 'd["tickets"][0]["overdue"]')" = reply ] || fail "the ticket is not overdue"
focus
key Escape
scan "$code"
sleep 2
shot overdue-ticket
echo "a new member agreed to email at the counter by keys; the words shown were kept; her reward-ready email was refused and the bar says so; her overdue ticket is marked"
