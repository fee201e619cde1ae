alert-kind-busy-card = Busy card
alert-kind-own-card = Staff member's own card
alert-kind-adjustments = Points by hand
alert-kind-refund-after-redeem = Refund after a reward
alert-kind-claims = Receipts claimed
alert-kind-split-sales = Split sales
alert-kind-after-hours = After hours
alert-kind-referral-burst = Many referrals
alert-found-busy-card = { $count } loyalty transactions on one card in a day (more than { $limit })
alert-found-own-card = { $staff } earned { $points } points on their own card from { $count ->
    [one] a sale they rang up
   *[other] { $count } sales they rang up
}
alert-found-adjustments = { $staff } added or removed points by hand { $count } times this week (more than { $limit })
alert-found-refund = a sale refunded after its points were spent on a reward: { $taken } of { $due } points taken back
alert-found-late-claim = a receipt claimed { $hours } hours after the sale (later than { $limit })
alert-found-many-claims = { $count } receipts claimed by one phone or email this week (more than { $limit })
alert-found-split = { $count } sales on one card within { $minutes } minutes, each just over a threshold
alert-found-after-hours = { $count ->
    [one] a loyalty transaction
   *[other] { $count } loyalty transactions
} outside opening hours
alert-found-referrals = { $count } friends referred by one member this week (more than { $limit })
alert-card = card { $code } ({ $name })
alert-staff = signed in: { $staff }
alert-events = behind it: { $events }
alert-acked = acknowledged { $when } by { $by }: { $note }
alerts-none = Nothing looks wrong: no open alerts.
alerts-none-all = No alerts yet.
alerts-count = { $count ->
    [one] One open alert.
   *[other] { $count } open alerts.
}
alert-acked-done = Alert #{ $id } acknowledged; the note stays with it.
alerts-email-subject = { $shop }: { $count ->
    [one] one new alert
   *[other] { $count } new alerts
}
alerts-email-intro = What the checks found since the last summary. Run `regulars alerts`, or open Figures → Checks in Regulars, to read and acknowledge them.
store-error-no-such-staff = There is no member of staff called { $name }: see `regulars staff list`.
store-error-no-such-alert = There is no alert #{ $id }: see `regulars alerts --all`.
store-error-ack-needs-note = Say in a note what you found (--note): the note stays with the alert.
store-error-already-acked = Alert #{ $id } was already acknowledged on { $when } by { $by }.
cli-by-unknown = { $name } is not on the staff list ({ $known }): name who rang up the sale as the list has them.
cli-staff-card = { $name }'s own card is { $code }: points it earns from sales they ring up will be an alert.
cli-staff-card-none = { $name } has no card of their own on record.
alerts-bar = { $count ->
    [one] 1 alert to look at
   *[other] { $count } alerts to look at
} (F7)
alerts-bar-hint = The checks found loyalty activity that does not add up: open the dashboard's Checks to read and acknowledge it.
checks-title = Checks: what does not add up
checks-none = Nothing looks wrong: no open alerts.
checks-open = Open alerts
checks-by-week = Alerts by week (raised in the range)
checks-by-staff = Alerts by staff member signed in
checks-week = Week of
checks-staff = Staff
checks-nobody = (nobody signed in)
checks-raised = Raised
checks-still-open = Still open
checks-when = When
checks-kind = Check
checks-what = What was found
checks-who = Card and staff
checks-note = Note for alert #{ $id }
checks-ack = Acknowledge
doing-ack = acknowledging the alert
checks-chain-hint = Each shop's owner acknowledges its alerts at that shop (`regulars alerts ack`); `regulars alerts --chain --all` lists them with their notes.
