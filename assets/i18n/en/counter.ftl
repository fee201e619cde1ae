# The counter window, in English. Every locale has the same ids; what one lacks falls back here.
language-name = English

## The bars
settings = Settings
owner-dashboard = Owner dashboard (F7)
owner-dashboard-hint = Repeat visits, cohorts, points, referrals, ratings, tickets
theme-light = Light theme
theme-dark = Dark theme
sign-out = Sign out (Ctrl+L)
role-owner = owner
role-cashier = cashier
printer-state = Printer: { $state }
scanner-state = Scanner: { $state }
scanner-state-last = Scanner: { $state } — last scan { $code }
ready = Ready. Scan a card, or type an amount and press Enter.
staff-sign-in = Staff sign-in
staff-pin = Staff PIN
sign-in = Sign in (Enter)

## Finding and enrolling
customer = Customer
find-label = Find customer (F2): card, phone or name
find-hint = scan a card or type
find-result = { $name } — { $code } ({ $points ->
    [one] { $points } point
   *[other] { $points } points
})
erased = (erased)
find-many = { $count } customers match: pick one, or type more.
new-customer-button = New customer (F3)
clear-customer = Clear customer (Esc)
new-customer = New customer
name = Name
phone = Phone
email = Email
referral-code = Referral code
enroll = Enroll (Enter)
cancel = Cancel (Esc)

## The sale
sale = Sale
amount = Amount
amount-keys = The amount takes digits and the decimal key only; a customer is found with F2.
record-sale-for = Record sale for { $name } (Enter)
record-sale = Record sale (Enter)
record-sale-hint = Records the sale and prints the loyalty receipt
anonymous-sale = Anonymous sale (F4)
anonymous-sale-hint = No customer: the receipt carries a claim QR
reprint = Reprint last receipt (F9)
recent = Recent

## Refunds
refund-by-receipt = Refund by receipt
receipt-number = Receipt number
refund-amount = Refund amount
refund-all = all
owner-pin-above = Owner PIN (above { $limit })
refund = Refund (Enter)
last-receipt = Last receipt (F8)
no-receipt-yet = No receipt yet: type the number printed on the receipt.

## The customer on screen
no-customer = No customer: scan their card or phone, or find them above. A sale without a customer prints a claim QR.
details-erased = (details erased)
card-and-referral = Card { $code }   ·   Referral { $referral }
points = { $points ->
    [one] { $points } point
   *[other] { $points } points
}
progress-visits = { $remaining ->
    [one] 1 more visit to { $reward } (stamp card)
   *[other] { $remaining } more visits to { $reward } (stamp card)
}
progress-points = { $remaining ->
    [one] 1 more point to { $reward }
   *[other] { $remaining } more points to { $reward }
}
last-visit = Last visit { $when } · { $visits ->
    [one] { $visits } visit
   *[other] { $visits } visits
}
rewards-now = Rewards available now
print-card = Print card slip
print-card-hint = Their member QR and referral code, to keep
adjust-points = Adjust points
adjust-by = Points (+/-)
reason = Reason
adjust-owner-pin = Owner PIN for the adjustment
adjust = Adjust
redeem = Redeem { $reward } ({ $how })
redeem-first = Redeem { $reward } ({ $how }, F5)
paid-voucher = voucher
visit-from-qr = Visit { $id } (from its receipt QR)
visit-when = { $when } · receipt { $receipt }
points-earned = { $points ->
    [one] { $points } point earned
   *[other] { $points } points earned
}
no-visit-tickets = No support tickets about this visit.
visit-tickets = Tickets about this visit
refund-this-visit = Refund this visit
identify-first = Identify the customer first (scan their card, or F2 to find them).
no-reward-yet = { $name } has no reward available yet.

## Support
no-open-tickets = No open support tickets.
open-tickets = Open support tickets: { $count }
ticket-about-visit = (visit V{ $visit })
resolve = Resolve #{ $id }
open-a-ticket = Open a support ticket (F12)
what-went-wrong = What went wrong
severity = Severity
severity-minor = Minor
severity-normal = Normal
severity-urgent = Urgent
reply-how = How they want to hear back
reply-in-store = Next time in the shop
reply-email = Email
reply-sms = Text message (SMS)
reply-phone = A call
reply-to = Address or number (empty: the one on the card)
reply-to-ticket = Reply to #{ $id } ({ $how })
reply-text = What to tell them
send-reply = Send reply (#{ $id })
open-ticket = Open ticket
add-a-note = Add a note
note-for-staff = Note for all staff
add-note = Add note
timeline = Timeline ({ $count })

## The receipt preview
receipt-preview = Receipt preview
receipt-next = The receipt of the next sale appears here.
enlarge = Enlarge (F6)
receipt-preview-image = Receipt preview image
click-to-enlarge = Click to enlarge (F6)
last-receipt-title = Last receipt
receipt-large = Receipt, large
close = Close (Esc)

## Settings
settings-ports = Ports come from this computer's USB printers and serial ports; a network printer is tcp://ADDRESS:9100; "virtual" prints to the preview.
language = Language
printer-port = Printer port
printer-profile = Printer profile
choose = choose
baud = Baud (empty: the profile's)
scanner-port = Scanner port (empty: none)
scanner-profile = Scanner profile
display-port = Customer display port (empty: none)
display-profile = Customer display profile
plug-in-mode = Plug-in mode: sit between the shop's till and the printer
plug-in-explained = The till prints into the till port; Regulars adds the loyalty block to each receipt and prints it on the printer port above. A customer identified here is attached to the till's next receipt.
till-port = Till port
till-profile = Till profile
save-settings = Save settings
test-print = Test print
not-a-baud = '{ $baud }' is not a baud rate: use e.g. 9600 or 38400, or leave it empty
plug-needs-till = plug-in mode needs the till port: the port the till prints into
settings-saved = Settings saved to { $path }.
portal-status-off = Customer pages off: { $error }
portal-status-serve = Customer pages: run `regulars serve`
enroll-language = Their language
enroll-language-phone = their phone’s
ticket-status-open = open
ticket-status-waiting = waiting on the customer
ticket-status-resolved = resolved
ticket-status-confirmed = confirmed by the customer
ticket-channel-portal = receipt page
ticket-channel-rating = low rating
ticket-channel-counter = at the counter
ticket-channel-phone = phone call
ticket-channel-email = email
timeline-enrolled = Joined the loyalty programme
timeline-visit = Visit V{ $visit }: { $amount } (receipt { $receipt }), +{ $points ->
    [one] { $points } point
   *[other] { $points } points
}
timeline-refunded = { $amount } refunded
timeline-points = { $event } { $signed } { $count ->
    [one] point
   *[other] points
}
points-event-redeem = Reward taken:
points-event-refund = Refund:
points-event-referral = Referral bonus:
points-event-adjust = Adjustment:
points-event-expire = Expired:
timeline-rating = Rated visit V{ $visit } { $stars }/5
timeline-ticket = Ticket #{ $ticket } opened ({ $channel })
timeline-about-visit = about visit V{ $visit }
timeline-ticket-note = Note on ticket #{ $ticket }
timeline-ticket-waiting = Ticket #{ $ticket } waiting on the customer
timeline-ticket-resolved = Ticket #{ $ticket } resolved
timeline-ticket-confirmed = Ticket #{ $ticket } confirmed by the customer
timeline-ticket-reopened = Ticket #{ $ticket } reopened
timeline-ticket-open = Ticket #{ $ticket } open again
timeline-note = Note
timeline-by = (by { $who })
timeline-approved = { $who }, approved by { $owner }
backup-failed = Backup failed: { $problem }
backup-none = No backup yet
backup-old = Last backup { $age } ago: none within a day
backup-ok = Backed up { $age } ago
backup-hint = Backups go to [backup] to, checked and rotated.
backup-hint-same-disk = Backups are on this computer's disk only: set [backup] to in config.toml to a USB drive or network share.
age-minutes = { $count } min
age-hours = { $count } h
age-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

chain-ok = Chain: synced { $age } ago, { $to_send } to send
chain-offline = Offline since { $since }, { $to_send } to send
chain-waiting = Chain: first sync…
chain-hint = This till shares customers and points with the chain's other tills through the central store. Sales go on when it cannot be reached; redeeming then uses the offline allowance.
slipping-hint = Last here { $weeks ->
        [one] a week
       *[other] { $weeks } weeks
    } ago — worth a warm welcome back
slipping-hint-why = This regular is on the owner’s list of members who may be slipping away (regulars insights).
tier-line = { $tier } tier: ×{ $multiplier } points
tier-base = { $tier } tier
tier-next = { $points ->
        [one] 1 more point
       *[other] { $points } more points
    } earned within 12 months to { $tier }
enroll-birthday = Birthday (MM-DD, only if they agree)
slipping-offer = Last here { $weeks ->
        [one] a week
       *[other] { $weeks } weeks
    } ago — welcome back offer: { $reward }
timeline-message = { $kind } by { $channel }: { $state }
timeline-consent-given = Agreed to reward news and offers by { $channel } ({ $source })
timeline-consent-withdrawn = No more reward news or offers by { $channel } ({ $source })
messages-ok = Messages: { $waiting } waiting
messages-failed = Messages: { $failed } not sent this week, { $waiting } waiting
messages-hint = Messages to members by email and SMS. `regulars messages list` shows each one, why it did not go, and `regulars messages retry` sends it again.
ticket-overdue-reply = Overdue: the first reply was due { $when }
ticket-overdue-resolve = Overdue: the resolution was due { $when }
share-now = Just redeemed { $reward }: a good moment to ask them to bring a friend with their code { $code }
resolve-with = Resolve #{ $id } with a fix…
kept-answers = Kept answers for this kind of problem (pick one):
kept-answer = { $body } (used { $uses } ×)
how-fixed = How it was fixed
keep-answer = Keep as an answer for “{ $problem }”
resolve-with-fix = Resolve #{ $id } with this fix

## About Regulars (F1), and a port this computer would not open
about-button = About (F1)
about-version = Version { $version }
about-what = Loyalty rewards for the shop counter: points, rewards and referrals, QR receipts, a page for every visit.
about-data = The shop's data: { $path }
about-manual = The manual: “man regulars” in a terminal (every command has its page: “man regulars-sale”).
about-guide = The full guide: { $path }
about-licence = Free software under the MIT licence.
port-refused = This computer does not let Regulars open { $port }. Unplug the device and plug it in again. If this stays, someone with administrator rights runs “sudo usermod -aG dialout { $user }” in a terminal; then sign out of the computer and in again
ticket-channel-chat = a message in a chat app
ticket-customer-wrote = The customer wrote after it was resolved: “{ $text }”
ticket-customer-wrote-open = The customer wrote: “{ $text }”
