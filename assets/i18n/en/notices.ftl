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
