# The command line's human output (--json stays language-neutral).
cli-points = { $points ->
    [one] { $points } point
   *[other] { $points } points
}
cli-enrolled = Enrolled { $name }: card { $code }, referral code { $referral }, balance { cli-points }.
cli-customer = { $name }  card { $code }  referral code { $referral }
cli-erased = (details erased)
cli-phone = phone    { $phone }
cli-email = email    { $email }
cli-balance = balance  { cli-points }
cli-visits = visits   { $visits }
cli-visits-last = visits   { $visits } (last { $when })
cli-next = next     { $progress }
cli-reward-voucher = reward   { $reward } (stamp card, free)  [{ $id }]
cli-reward-points = reward   { $reward } ({ cli-points })  [{ $id }]
cli-enrolled-at = enrolled { $when }
cli-sale-duplicate = Receipt { $receipt } was already recorded (visit { $visit }, { $amount }): nothing changed.
cli-sale-member = Sale of { $amount } recorded (visit { $visit }) for { $code }: +{ cli-points }, balance { $balance }.
cli-stamp-complete = Stamp card complete: a reward voucher is ready.
cli-receipt-page = Receipt page: { $url }
cli-sale-anonymous = Anonymous sale of { $amount } recorded (visit { $visit }). Receipt page: { $url }
cli-refunded = Refunded { $amount } of receipt { $receipt }.
cli-refunded-full = Refunded { $amount } of receipt { $receipt } (in full).
cli-points-back = { cli-points } taken back; balance { $balance }.
cli-points-spent = ({ $due } were due; the rest had already been spent on rewards.)
cli-printed = Receipt printed: { $file }
cli-printed-count = { $count ->
    [one] { $count } receipt printed.
   *[other] { $count } receipts printed.
}
cli-not-printed = Receipt not printed: { $problem }. It is kept ({ $waiting } waiting) and prints with `regulars print retry` once the printer is ready.
cli-stats-customers = Customers
cli-stats-sales = Sales
cli-stats-sales-value = { $sales } (refunds { $refunds })
cli-stats-csv = Wrote { $count } CSV files to { $dir }.
cli-nothing-to-print = Nothing waiting to print.
cli-print-job = job { $id } ({ $kind }, visit { $visit }) from { $when }: { $attempts ->
    [one] { $attempts } attempt
   *[other] { $attempts } attempts
}
cli-print-job-error = { $job }, last: { $error }
cli-trying-again = { $waiting }; trying again…
cli-staff-added = Added { $name } ({ $role }). The counter now asks for a staff PIN to sign in.
cli-staff-none = No staff: anyone at the counter may sell and refund. Add them with `regulars staff add`.
cli-backup-exists = { $path } already exists: choose another path; nothing was overwritten
cli-backup-written = Backup written to { $path } ({ $kb } KB).
cli-serving = Customer pages on http://{ $addr } (receipts link to { $url }). Press Ctrl-C to stop.
cli-api-on = Local API at /api/v1/ (key from [portal] api_key).
cli-api-off = Local API off: set [portal] api_key in config.toml to let a till call it.
cli-devices-state = Devices: printer: { $printer }; scanner: { $scanner }.
