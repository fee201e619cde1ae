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
cli-points-pending = ({ $points } to take back once the chain's central store answers: the next sync does it.)
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
cli-serving = Customer pages on http://{ $addr } (receipts link to { $url }). Press Ctrl-C to stop.
cli-api-on = Local API at /api/v1/ (key from [portal] api_key).
cli-api-off = Local API off: set [portal] api_key in config.toml to let a till call it.
cli-devices-state = Devices: printer: { $printer }; scanner: { $scanner }.
cli-error = error: { $message }
cli-no-match = No customer matches '{ $text }'. Enrol them with `regulars customer add`.
cli-found-figures = { $points ->
    [one] { $points } point
   *[other] { $points } points
}, { $visits ->
    [one] { $visits } visit
   *[other] { $visits } visits
}
cli-exported = Wrote everything held about { $code } to { $path }.
cli-note-added = Note added to { $code }'s timeline.
cli-erase-confirm = erasing { $code } removes their name, phone, email and notes for good: add --yes to confirm
cli-erased-details = Erased the personal details of { $code }. Visits and points stay as anonymous numbers.
cli-merged = Merged card { $gone } into { $kept }: { $visits } visits and { $points } points moved; { $kept } now has { $balance } points. Card { $gone } finds { $kept } from now on.
cli-duplicates-none = No customers share a phone or email.
cli-duplicate-phone = { $a } ({ $a_name }) and { $b } ({ $b_name }) have the same phone: regulars customer merge { $a } { $b }
cli-duplicate-email = { $a } ({ $a_name }) and { $b } ({ $b_name }) have the same email: regulars customer merge { $a } { $b }
cli-redeemed-voucher = Redeemed { $reward } with the stamp card voucher. Balance { $balance }.
cli-redeemed = Redeemed { $reward } for { cli-points }. Balance { $balance }.
cli-adjusted-already = This adjustment was already made (event { $event }): nothing changed. Balance { $balance }.
cli-points-added = Added { cli-points } by { $by } ({ $reason }). Balance { $balance }.
cli-points-removed = Removed { cli-points } by { $by } ({ $reason }). Balance { $balance }.
cli-no-referrals = No referrals.
cli-rebuild-matched = The aggregates matched the raw rows: nothing to change.
cli-rebuild-table = { $table }: { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
}
cli-rebuild-done = The aggregates differed from the raw rows and were rebuilt ({ $tables }).
cli-not-a-date = { $option } '{ $text }' is not a date: use YYYY-MM-DD, e.g. 2026-03-01
cli-range-backwards = --from must be on or before --to
cli-backing-up = backing up
cli-bad-role = the role is cashier or owner
cli-devices-ports = Serial ports: { $ports }
cli-devices-usb = USB printers: { $ports }
cli-devices-no-ports = none found
cli-devices-printers = Printer profiles: { $profiles }
cli-devices-scanners = Scanner profiles: { $profiles }
cli-devices-help = Set [printer] port/profile and [scanner] port/profile in config.toml; port = "virtual" uses the built-in virtual printer.
cli-scan-no-port = no scanner port: pass --port PATH or set [scanner] port in config.toml
cli-scan-listening = Listening to { $port } ({ $profile }); scan something.
cli-scan-card = customer card { $code }
cli-scan-receipt = receipt QR (token { $token })
cli-scan-referral = referral code { $code }
cli-scan-product = product { $symbology } { $gtin }
cli-scan-unknown = unknown code '{ $data }': { $reason }
cli-scan-rejected = rejected: { $reason }
cli-plug-started = Plug-in mode: till at { $till } ({ $profile }), printer at { $printer }. Events go to { $log }. Ctrl-C stops.
cli-plug-card = card { $code } scanned: the next receipt is theirs
cli-ticket-opened = Ticket opened.
cli-ticket-resolved = Resolved. The customer can confirm it on their receipt page.
cli-ticket-confirmed = Confirmed by the customer.
cli-ticket-waiting = Waiting on the customer.
cli-ticket-reopened = Reopened.
cli-ticket-noted = Note added to ticket #{ $id }.
cli-ticket-replied = Reply to ticket #{ $id } kept in its history and queued to the customer (`regulars messages send` sends it).
cli-ticket-none = No tickets match.
cli-ticket-no-follow-up = Nothing to follow up: every resolved ticket has been confirmed or is recent.
cli-ticket-anonymous = anonymous receipt
cli-ticket-head = [{ $status }] priority { $priority } · severity { $severity } · { $who } · { $channel }
cli-ticket-visit = visit V{ $visit }
cli-ticket-reply = reply by { $via }
cli-ticket-bad-status = --status { $text }: use open, waiting, resolved, confirmed or all
cli-ticket-bad-contact-via = --contact-via { $text }: use phone, email, sms or in_store
cli-ticket-event-opened = opened
cli-ticket-event-note = note
cli-ticket-event-waiting = waiting on the customer
cli-ticket-event-resolved = resolved
cli-ticket-event-confirmed = confirmed by the customer
cli-ticket-event-reopened = reopened
cli-ticket-event-open = open again
cli-made-private = The data folder { $path } was open to other users of this computer: { $folders ->
    [one] { $folders } folder
   *[other] { $folders } folders
} and { $files ->
    [one] { $files } file
   *[other] { $files } files
} are now yours alone.
cli-backup-written = Backup written to { $path } ({ $kb } KB) and checked against the database: { $holds }.
cli-backup-holds = { $customers ->
    [one] { $customers } customer
   *[other] { $customers } customers
}, { $visits ->
    [one] { $visits } visit
   *[other] { $visits } visits
}, { $newest }
cli-backup-newest = the newest sale { $when }
cli-backup-no-sales = no sales yet
cli-backup-none = No backups in { $dir }. Make one with `regulars backup`.
cli-backup-no-checksum = * no checksum beside it (copied by hand?): `regulars backup verify` can check it with SQLite only
cli-backup-good = { $path } is a good backup (checksum and SQLite's check): { $holds }.
cli-backup-good-unsummed = { $path } passes SQLite's check (there is no checksum beside it to compare): { $holds }.
cli-restored = Restored { $path }: { $holds }. The database as it was is kept at { $kept }.
cli-backup-run = Backup written to { $path } ({ $kb } KB), checked: { $customers } customers, { $visits } visits. Older ones rotated.
cli-backup-run-sealed = Encrypted backup written to { $path } ({ $kb } KB), read back and checked: { $customers } customers, { $visits } visits. Older ones rotated.

## The chain: central store and sync
cli-central-init = Central store { $url } is ready: schema version { $version } (it was { $before }).
cli-sync-done = Sync done. Sent: { $sent }; already there: { $duplicates }; refused: { $rejected }. Received: { $received }. Still to send: { $to_send }.
cli-sync-problems = Could not be applied exactly here: { $problems } (see `regulars sync status`).
cli-sync-this-till = This till: { $till } (shop { $shop }). Last contact: { $when }. To send: { $to_send }. Refused: { $rejected }. Problems: { $problems }.
cli-sync-never = never
cli-sync-offline = Offline since { $since }: { $error }
cli-sync-not-joined = This till has not synced yet; `regulars sync` joins it to the chain as { $till }.
cli-sync-chain = Tills of the chain, as the central store last heard from them:
cli-sync-chain-till = { $till } ({ $shop }): last contact { $when }; to send: { $to_send }; behind: { $behind }
cli-sync-unreachable = The central store cannot be reached now ({ $error }): only this till's view is shown.
cli-redeemed-offline = Redeemed while the central store cannot be reached, from this till's allowance for the customer today; the other shops learn of it at the next sync.
cli-stats-shop = { $shop }: visits { $visits }; sales { $sales } (refunds { $refunds }); members who came { $members }, of them more than once { $returning }; points earned { $earned }, redeemed { $redeemed }
cli-stats-shop-service = { $shop }: new members { $new }; rated visits { $ratings }, average { $average }; tickets { $tickets }, resolved now { $resolved }
cli-stats-all-shops = All shops (members are counted in each shop they visited)
cli-fit-bgnbd = Repeat visits (BG/NBD) on { $customers } customers: r = { $r }, α = { $alpha }, a = { $a }, b = { $b } (log-likelihood { $ll })
cli-fit-gamma-gamma = Spend per visit (Gamma-Gamma) on { $buyers } repeat buyers: p = { $p }, q = { $q }, γ = { $v } (log-likelihood { $ll })
cli-fit-no-spend = Spend per visit: the table has no monetary_value column, so only repeat visits were fitted.
cli-insights-refit = Refitted on { $members } members ({ $repeat } came back): { $slipping } worth a call.
cli-insights-models = Scored with the models of repeat visits and spend (BG/NBD, Gamma-Gamma) fitted to this shop’s history.
cli-insights-grid = Only { $repeat } members have come back and the models need { $needed }: scored with a recency/frequency grid instead (away more than twice their usual gap, and a month at least).
cli-insights-none = No fit yet: run “regulars insights refit”.
cli-insights-failed = The refit of { $when } failed: { $why } The list is from the fit before.
cli-insights-head = Worth a call this week: { $count } / { $total } (fitted { $when })
cli-insights-row = { $who }: last here { $days ->
        [one] 1 day
       *[other] { $days } days
    } ago, { $visits } visits, usually { $spend }; { $outlook }; { $stake } in 90 days while a regular
cli-insights-chance = still a regular: { $chance }%
cli-insights-chance-was = still a regular: { $chance }% (was { $was }%)
cli-insights-away = away longer than usual
cli-insights-tickets = open tickets: { $tickets }
cli-birthday-set = { $code }: birthday { $birthday } recorded, with their consent now.
cli-birthday-cleared = { $code }: birthday forgotten.
cli-occasions-given = Gave { $birthday } birthday and { $anniversary } anniversary vouchers.
cli-messages-round = Sent: { $sent }. To try again later: { $retrying }. Failed: { $failed }. Not sent (consent withdrawn, no address): { $cancelled }. Unsure: { $unsure }.
cli-messages-no-channel = Nothing can be sent yet: set [email] smtp or [sms] url in config.toml. { $queued ->
    [one] { $queued } message waits
   *[other] { $queued } messages wait
} in the outbox.
cli-messages-head = Outbox: { $queued } waiting, { $sent } sent, { $failed } failed, { $unsure } unsure, { $cancelled } not sent
cli-messages-row = #{ $id } { $kind } by { $channel } to { $who }: { $state } { $when } (tries: { $attempts })
cli-messages-next = next try { $when }
cli-messages-retried = Message { $id } waits to be sent again.
cli-messages-stopped = STOP from { $phone }: { $count ->
    [one] { $count } member gets
   *[other] { $count } members get
} no more marketing texts.
cli-consent-given = { $code } agreed to reward news and offers by { $channel }: “{ $wording }”
cli-consent-withdrawn = { $code } gets no more reward news or offers by { $channel }.
cli-messages-problem = Message { $id }: { $why }
cli-answers = { $count ->
    [0] No kept answers yet: resolve a ticket with --keep to keep its note as one.
    [one] One kept answer:
   *[other] { $count } kept answers, most used first:
}
cli-answer = #{ $id } · { $problem } · used { $uses } × · { $body }
# serve --pages-only: the page server.
cli-pages-only = Page server: the chain's receipt pages, kept current from its central store every second. No sales, devices, local API or messages here.
cli-pages-only-needs-central = serve --pages-only serves a chain's pages from its central store: set [central] url, shop_id and till_id (a till id of its own, such as pages-1) in config.toml
cli-pages-only-private = WARNING: this page server's public_url, { $url }, opens only on its own network (or this computer): the chain's tills are told it as where their pages open, and phones elsewhere cannot open it. Set [portal] public_url to the address this server is reached at from the internet.
cli-pages-copy-asking = A new page server: asking the chain's page server at { $url } for its copy of the chain…
cli-pages-copy-arrived = Copy of the chain: { $done } MB of { $total } MB arrived.
cli-pages-copy-failed = No copy of the chain from { $url }: { $why }.
cli-pages-copied = Started from the copy of the chain at { $url } ({ $mb } MB: { $customers } customers, { $visits } visits); only what happened since comes from the central store.
cli-pages-copy-none = A new page server: no other page server gave a copy of the chain, so the chain's whole history is read from the central store (about twenty minutes for ten million visits). Pages open as it arrives; a receipt not reached yet says it is on its way.
cli-pages-copy-quicker = Quicker for the chain's first page server: stop it, then start it from a backup of one of the chain's tills (regulars serve --pages-only --start-from FILE).
cli-pages-start-has-db = This page server has its database already ({ $path }): --start-from is only for a new page server's empty folder. Nothing was changed.
cli-pages-start-copying = A new page server: starting from the backup { $file }…
cli-pages-start-copied = Backup: { $done } MB of { $total } MB copied.
cli-pages-started = Started from the backup { $file } ({ $mb } MB: { $customers } customers, { $visits } visits); only what happened since comes from the central store.
cli-pages-start-failed = Could not start from the backup { $file }: { $why }. Nothing was changed, and the backup is as it was.
cli-setup-intro = Setting up Regulars in { $path }. Enter takes the suggestion in brackets, "-" answers none; each answer is saved at once.
cli-setup-done = Set up. `regulars` opens the counter; `regulars serve` runs the pages without a screen.
cli-setup-one-or-two = Answer 1 or 2.
cli-setup-profile-unknown = '{ $profile }' is not a printer profile: one of { $profiles }.
cli-messages-heard = From the chats: { $linked } linked, { $heard } into tickets ({ $opened } new), { $unknown } from unknown chats, { $refused } link codes refused, { $ended } ended.
cli-messages-poll-problem = Could not fetch what customers wrote: { $why }
cli-chat-linked = { $app }: linked since { $since }
cli-chat-ended = { $app }: ended { $since } ({ $why })
cli-messages-no-unknown = No messages from chats linked to no card.
cli-display-sent = Sent to the customer display on { $port } ({ $profile }).
cli-display-no-port = No customer display is set ([display] port in config.toml, or --port): shown here only.
cli-display-failed = The customer display cannot be reached: { $error }. Check its cable and power, and [display] port.
cli-display-busy = The customer display on { $port } is in use by another program: the counter shows on it already. Close the window (or stop regulars serve) to try the display alone.
