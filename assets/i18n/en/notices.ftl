# What the counter's bottom line says after each thing happens, in English.
worker-stopped = The database worker stopped: restart Regulars. Nothing was recorded.
scan-not-understood = Scan not understood: { $reason }
scan-referral = Referral code { $code }: fill in the new customer and press Enroll.
scan-product = Product barcode ({ $symbology } { $gtin }): ring it up on the till.
scan-unknown = Unknown code '{ $code }': { $reason }
identify-customer-first = Identify the customer first (scan their card or find them).
sale-not-recorded = Sale not recorded: { $error }
refund-not-made = Refund not made: { $error }
signed-out = Signed out.
customer-identified = { $name } ({ $code })
customer-unnamed = Customer
enrolled = Enrolled { $name }: card { $code }, referral code { $referral }.
sold = Sale of { $amount } recorded for { $name }: +{ $points ->
    [one] { $points } point
   *[other] { $points } points
}, balance { $balance }.
sold-anonymous = Anonymous sale of { $amount } recorded; the receipt has a claim QR.
stamp-card-complete = Stamp card complete: a reward is ready.
redeemed = Redeemed { $reward } ({ $how }). Balance { $balance ->
    [one] { $balance } point
   *[other] { $balance } points
}.
refunded-pending = Refunded { $amount } of receipt { $receipt }: its { $points } points come off once the chain's central store answers (the next sync).
refunded = Refunded { $amount } of receipt { $receipt }: { $points ->
    [one] { $points } point
   *[other] { $points } points
} taken back.
reprinting = Reprinting the last receipt.
adjusted = Points adjusted by { $change }: balance { $balance }.
signed-in = Signed in: { $name } ({ $role }).
visit-opened = Visit { $id } of { $when }: { $amount }.
visit-opened-refunded = Visit { $id } of { $when }: { $amount }, { $refunded } refunded.
problem = Problem { $doing }: { $error }
not-enrolled = Not enrolled: { $error }
receipt-not-printed = Receipt not printed: { $problem }. It is kept and prints when the printer is ready.
waiting-printed = { $count ->
    [one] The printer took the waiting receipt: it has printed.
   *[other] The printer took the { $count } waiting receipts: they have printed.
}
not-a-date = '{ $text }' is not a date: use YYYY-MM-DD
range-backwards = The range starts after it ends.
export-needs-figures = Show the figures first, then export them.
ticket-needs-customer = Identify the customer (or scan the receipt) first, then open the ticket.
not-points = '{ $text }' is not a number of points: e.g. 20 or -15
figures-shown = Figures from { $from } to { $to }.
figures-shown-to = The chain's figures up to { $to }.
# What the counter was doing when something went wrong ("Problem { $doing }: …").
doing-note = adding the note
doing-adjust = adjusting points
doing-enrol = enrolling
doing-find = finding the customer
doing-open-customer = opening the customer
doing-open-receipt = opening the receipt
doing-open-ticket = opening the ticket
doing-print-card = printing the card
doing-test-page = printing the test page
doing-support = reading support history
doing-figures = reading the figures
doing-sale = recording the sale
doing-redeem = redeeming
doing-refund = refunding
doing-reprint = reprinting
doing-resolve = resolving the ticket
doing-reply = sending the reply
doing-sign-in = signing in
doing-export = exporting the figures
# The store's refusals, with what to do.
store-error-typo = '{ $code }' has a typo: its check character does not match; read the code again
store-error-code-shape = '{ $code }' is not a customer code: a code has 7 letters and digits, like 4KQ2-M9X
store-error-email = '{ $email }' is not an email address: it needs one @ and a domain, like anna@example.com
store-error-phone = '{ $phone }' is not a phone number: use 6 to 15 digits, optionally starting with + and the country code
store-error-no-customer = no customer has the code { $code }: check the card, or find them by phone or name
store-error-no-referral = no customer has the referral code { $code }: check the code with the friend who gave it
store-error-name = a name is needed to enrol a customer (up to 100 characters)
store-error-duplicate-phone = the phone { $phone } is already enrolled as customer { $code }: use that card instead
store-error-duplicate-email = the email { $email } is already enrolled as customer { $code }: use that card instead
store-error-not-enough = not enough points: { $reward } needs { $needed } and the customer has { $balance }
store-error-needs-connection = redeeming { $needed } points needs the connection to the chain's central store; offline, this till may redeem { $left } more for this customer today. The sale goes on.
store-error-unknown-receipt = no sale has the receipt number '{ $receipt }': check the number printed on the receipt
store-error-ambiguous-receipt = more than one till's sale has the receipt number '{ $receipt }': type it as one of { $choices }
store-error-refunded = receipt '{ $receipt }' has already been refunded in full; nothing is left to refund
store-error-busy = the database is busy with another program; try again in a moment
still-busy = { $doing }: another program (a backup, another till) is writing to the database; trying again…
amount-error-empty = no amount given: type the amount, e.g. 12.50
amount-error-not-a-number = '{ $text }' is not an amount: use digits with one decimal separator, e.g. { $example }
amount-error-negative = '{ $text }' is negative: amounts are positive; to give money back use a refund
amount-error-zero = the amount is zero: a sale or refund needs an amount above zero
amount-error-decimals = '{ $text }' has more decimals than { $currency } has ({ $allowed }): check the amount
amount-error-too-large = '{ $text }' is larger than the largest amount accepted: check the amount
printer-cover-open = printer cover open: close it
printer-paper-out = printer out of paper: load a new roll
printer-error = printer error: switch it off and on
printer-offline = printer offline
printer-paper-low = paper low: have a roll ready
printer-ready = printer ready
printer-virtual = virtual printer ready
printer-on = printer on { $port }
printer-none = no receipts: { $problem }
printer-waiting = { $problem } — { $count ->
    [one] { $count } receipt waiting
   *[other] { $count } receipts waiting
}
scanner-connected = connected
scanner-retrying = { $fault }; retrying
scanner-waiting = waiting for { $port }
scanner-none = no scanner configured (type or paste codes in Find)
store-error-unknown-reward = there is no reward '{ $id }'; the rewards are: { $available }
store-error-bad-receipt = a receipt number is 1 to { $max } printable characters: check what the till printed
store-error-refund-too-large = a refund of { $requested } is more than is left to refund on receipt '{ $receipt }' ({ $refundable })
store-error-no-visit = there is no visit V{ $visit }: check the receipt
store-error-no-ticket = there is no ticket #{ $ticket }: see `regulars ticket list`
store-error-claimed = this receipt's points have already been claimed
store-error-key-conflict = the key '{ $key }' was already used for a different operation: nothing was changed
store-error-newer-schema = { $path } was written by a newer Regulars (schema version { $found }; this one knows up to { $known }): install the newer Regulars; the file was not changed
store-error-not-a-database = { $path } is not a Regulars database or is damaged: restore the latest file from backups/ (see `regulars backup`) or point --data at the right folder
store-error-open = cannot open { $path } ({ $reason }): check the folder exists and you may write to it
report-error-write = cannot write { $path } ({ $reason }): check the folder exists and has room
store-error-database = database error ({ $reason }): nothing was changed
store-error-referral-shape = '{ $code }' is not a referral code: a referral code looks like REF-4KQ2M9X
store-error-text-too-long = { $field } is too long: keep it under { $max } characters
store-error-text-control = { $field } contains control characters: type it again as plain text
store-error-empty = { $field } is empty: write a few words
store-error-empty-description = say in a few words what went wrong
store-error-empty-answer = say what was done to fix it, then keep it as an answer
text-field-description = the description
text-field-contact = the contact
text-field-note = the note
text-field-answer = the answer
text-field-comment = the comment
store-error-adjust-points = a points adjustment needs a number of points other than zero, e.g. +20 or -15
store-error-adjust-reason = a points adjustment needs a reason (--reason), e.g. "card forgotten on 3 May"
store-error-adjust-actor = a points adjustment needs the name of who made it (--by)
store-error-birthday = a birthday is the month and day as MM-DD (14 July is 07-14), not '{ $text }'
store-error-severity = severity is 1 (minor), 2 (normal) or 3 (urgent)
store-error-visit-not-theirs = visit V{ $visit } belongs to customer { $owner }, not { $given }
store-error-ticket-owner = a ticket needs a customer or a receipt to belong to
store-error-no-email = a reply by email needs an address: the card has none, so type the one to use
store-error-no-phone = a reply by SMS or a call needs a phone number: the card has none, so type the one to use
store-error-no-written-reply = the customer asked to hear back in the shop or by a call: note what was said instead
store-error-ticket-move = ticket #{ $ticket } is { $from }; it cannot become { $to }
store-error-no-answer = there is no kept answer { $answer }: `regulars ticket answers` lists them
store-error-stars = a rating is 1 to 5 stars: pick one and send it again
store-error-rating-locked = this visit was rated more than { $days } days ago; the rating can no longer be changed
store-error-contact-needed = give the phone number or email of your membership (or the one to join with)
store-error-name-to-join = no member has that phone or email yet: add your first name to join
store-error-consent-wording = consent needs the exact words the customer was shown
store-error-erased = customer { $code } was erased: nothing more can be recorded for them
store-error-already-one = { $kept } and { $gone } are already one customer
store-error-not-retryable = message { $message } is not failed or unsure: only those can be tried again
store-error-other-till = this database is till '{ $this }' of the chain; it cannot also be '{ $asked }' (give each till its own data folder)
store-error-not-in-chain = this till has not joined a chain: set [central] in config.toml and run `regulars sync`
store-error-copy-of-lone-shop = it is a backup of a shop that has not joined a chain
store-error-copy-of-other-chain = it is a backup of another chain (its central store is not this one)
store-error-bulk-not-empty = a demo history only fills a shop with no customers and no visits: give a new folder with --data
store-error-no-program = the shop has no loyalty programme yet
store-error-staff-name = a member of staff needs a name
store-error-pin = a PIN is 4 to 8 digits
store-error-pin-taken = another member of staff has this PIN: choose another
store-error-staff-taken = there is already a member of staff called { $name }
store-error-aggregates = the owner's figures disagree with the sales: run `regulars stats --rebuild`
store-error-damaged = the data is not as this Regulars wrote it ({ $reason }): nothing was changed; restore the latest backup (see `regulars backup`)
worker-no-printer = no printer is set up: check the printer profile in Settings
worker-unknown-pin = that PIN is not anyone's: try again
worker-nothing-printed = no receipt has been printed yet
worker-foreign-receipt = this receipt's code is not one of ours (or is damaged)
worker-exported = { $count ->
    [one] Wrote { $count } CSV file to { $dir }.
   *[other] Wrote { $count } CSV files to { $dir }.
}
worker-ticket-opened = Ticket #{ $ticket } opened.
worker-ticket-opened-visit = Ticket #{ $ticket } opened about visit V{ $visit }.
worker-note-added = Note added to the timeline.
worker-ticket-resolved = Ticket #{ $ticket } resolved; the customer can confirm it on their receipt page.
worker-ticket-replied = Reply to ticket #{ $ticket } kept in its history and sent to the customer.
worker-refund-needs-owner = refunds above { $limit } need the owner's PIN: ask the owner to type it in Owner PIN
worker-adjust-needs-owner = points adjustments need the owner's PIN: ask the owner to type it in Owner PIN
worker-figures-needs-owner = the owner's figures need the owner's PIN: ask the owner to type it in Owner PIN
plug-till = Till: { $event }
plug-state = plug-in mode: till on { $till }, printer on { $printer }
plug-off = plug-in mode off: { $error }
plug-prints = the till prints in plug-in mode
plug-printer-waits = plug-in mode: printer unavailable, the till's receipts wait
plug-needs-till-port = plug-in mode needs the till's port: set it in Settings
plug-needs-real-printer = plug-in mode needs the real printer's port in Settings (not "virtual")
plug-anonymous = anonymous, with a claim QR
plug-added = receipt { $receipt }: loyalty block added (visit { $visit }, { $who })
plug-added-again = receipt { $receipt }: loyalty block added (visit { $visit }, { $who }); a reprint, recorded once
plug-unchanged = receipt passed through unchanged: { $why }
plug-printer-down = printer unavailable ({ $error }); { $bytes } bytes wait and go out when it is back
plug-printer-back = printer back: the waiting bytes went out
plug-till-down = till side: { $error }; retrying
plug-no-total = no total found on the receipt (check the till profile's total pattern)
plug-bad-total = the total '{ $total }' is not an amount: { $error }
plug-not-recorded = the visit was not recorded: { $error }
plug-unread = the customer could not be read: { $error }
scan-too-long = more than { $max } bytes without an end: not a code (noise on the line?)
scan-half-code = half a code ({ $bytes } bytes) with no end: scan it again
scan-binary = binary data, not a code
scan-control = control characters in the code: check the scanner's suffix setting
scan-empty = an empty code
scan-digit-count = { $digits } digits is not a product barcode length
scan-check-digit = { $symbology } with a wrong check digit: scan it again
scan-card-check = looks like a card code but its check character is wrong: scan it again
scan-not-ours = not a code Regulars knows
referral-pending = Referred by { $name }: both get their bonus ({ $friend } and { $referrer } points) after the first qualifying purchase.
referral-rewarded = First purchase: referral bonus of { $friend } points given, and { $referrer } points to { $name }.
referral-refused = Referral by { $name } refused: { $why }. It is recorded for the owner to review.
referral-cap = Referral bonus not given: { $why }. It is recorded for the owner to review.
referral-why-self_referral = the new customer has the referrer's own phone or email; a customer cannot refer themselves
referral-why-existing_customer = the customer was already a customer (enrolled before, or has already bought); referrals are for new customers
referral-why-second_referrer = the customer was already referred by someone; only the first referrer counts
referral-why-cap_reached = the referrer has reached the most rewarded referrals allowed in 30 days
referral-status-pending = pending
referral-status-rewarded = rewarded
referral-status-refused = refused
backup-error-damaged = the backup is damaged and cannot be used (SQLite says: { $reason }); try an older one (`regulars backup list`)
backup-error-differs = the copy does not hold what the database held: { $table } has { $copy } rows in the copy and { $live } in the database; the copy was discarded
backup-error-checksum = { $path } is not the file that was backed up: its checksum does not match the one beside it (a changed or damaged byte); try an older backup
backup-error-in-use = the counter window, the customer pages or plug-in mode are using this shop: close them, then restore again; nothing was changed
backup-error-io = { $path }: { $reason }
backup-error-target-missing = the backup folder { $path } is not there (is the drive plugged in, the share reachable?); trying again in 10 minutes, selling goes on
backup-error-passphrase = the passphrase does not open this backup: check [backup] passphrase_file or REGULARS_BACKUP_PASSPHRASE
backup-error-needs-passphrase = { $path } is encrypted: set [backup] passphrase_file or REGULARS_BACKUP_PASSPHRASE to open it

sync-error-not-configured = this till has no [central] section in config.toml: set url, shop_id and till_id (see the README, "A chain of shops")
central-error-unreachable = cannot reach the central store at { $url }: { $reason }. Sales go on here and are sent once it answers.
central-error-newer = the central store's schema is version { $found }, newer than this Regulars knows ({ $known }): upgrade Regulars on this till
central-error-not-initialised = the central store at { $url } has no Regulars schema yet: run `regulars central init` once
central-error-till-taken = another till's database already syncs as till '{ $till }' of this chain: give this till its own till_id in config.toml. Sales go on here and are kept.
central-error-refused = the central store refused: { $reason }
fit-error-no-repeats = No customer has come back yet, so there is nothing to fit.
fit-error-not-converged = The fit did not settle after { $steps } steps; the previous fit stays in use.
fit-error-row = Line { $line } of the table: { $why }
fit-error-column = The table has no column “{ $column }” (it needs frequency, recency and T; monetary_value is optional).
fit-error-unreadable = The table could not be read: { $why }
fit-error-edge = The fit did not settle: its parameter { $parameter } ran off towards zero or infinity (the history shows too few members coming back or dropping away); the previous fit stays in use.
error-birthday = A birthday is the month and the day, as MM-DD: 14 July is 07-14.

# A printer, scanner or till profile that could not be loaded.
profile-unknown = there is no { $kind } profile "{ $id }"; the profiles are: { $available } (a shop's own go in { $dir })
profile-invalid = { $path } is not a valid profile: { $reason }
store-error-no-chat = the member has not linked { $app } yet: they press its button on their visit page
store-error-link-code-used = this link code was used already: open the visit page again for a new one
store-error-link-code-unknown = this link code is not one of this shop's: open the visit page again for a new one
store-error-bad-rows = { $count } rows of the file are bad: nothing was imported
doing-paper-stamps = adding stamps from a paper card
