#!/usr/bin/env bash
# Consent at the counter, by keys alone: a new member (F3) who agrees to reward news and
# offers by email — the cashier ticks the box with Space — and not by SMS. The words on the
# box are the words kept with the consent, with the time and "counter"; the member's first
# sale then queues a "reward ready" email and nothing by SMS.
#
# Screenshot: window-shots/consent-enrol.png (look at it: the enrolment form with the email
# box ticked under its sentence, the SMS box not).
source "$(dirname "$0")/common.bash"
write_config 'name = "Corner Coffee"
currency = "EUR"
country_code = "+353"'
cat >> "$data/config.toml" <<'TOML'
[email]
smtp = "smtp://127.0.0.1:9"
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
# Her first sale (amount, Enter) makes a reward ready: one email waits (no server here), no SMS.
focus
typed "45"
key Return
until_json "the queued email" 'len(d["messages"]) == 1 and d["messages"][0]["channel"] == "email"' messages list
echo "a new member agreed to email at the counter by keys; the words shown were kept; her first reward-ready email waits"
