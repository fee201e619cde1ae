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
not-a-date = '{ $text }' is not a date: use YYYY-MM-DD
range-backwards = The range starts after it ends.
export-needs-figures = Show the figures first, then export them.
ticket-needs-customer = Identify the customer (or scan the receipt) first, then open the ticket.
not-points = '{ $text }' is not a number of points: e.g. 20 or -15
figures-shown = Figures from { $from } to { $to }.
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
store-error-unknown-receipt = no sale has the receipt number '{ $receipt }': check the number printed on the receipt
store-error-refunded = receipt '{ $receipt }' has already been refunded in full; nothing is left to refund
store-error-busy = the database is busy with another program; try again in a moment
amount-error-empty = no amount given: type the amount, e.g. 12.50
amount-error-not-a-number = '{ $text }' is not an amount: use digits with one decimal separator, e.g. { $example }
amount-error-negative = '{ $text }' is negative: amounts are positive; to give money back use a refund
amount-error-zero = the amount is zero: a sale or refund needs an amount above zero
amount-error-decimals = '{ $text }' has more decimals than the currency has: check the amount
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
