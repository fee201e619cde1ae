# Receipts, card slips and the test page, in the shop's language. Lines are short: a 58 mm
# printer has 32 characters per line (longer text wraps).
receipt-no = No. { $number }
receipt-total = TOTAL
receipt-purchase = Purchase
receipt-thanks = Thank you, { $name }!
# Said to a member whose name is not on file.
receipt-friend = friend
receipt-points-visit = Points this visit
receipt-balance = Your balance
receipt-refer = Bring a friend: give them your code
receipt-qr-member = Scan: your visit, points, rate it, get help
receipt-qr-claim = Scan to claim your points for this visit
receipt-footer = Thank you for coming back!
card-welcome = Welcome, { $name }!
card-title = Your loyalty card
card-points = { $points ->
    [one] { $points } point
   *[other] { $points } points
}
card-caption = Card { $code }: show this at the counter
card-both-points = You both get points after their first visit.
test-title = Test print
test-on = { $printer } on { $port }
test-settings = { $columns } columns, { $baud } baud, code page { $page }
test-caption = If this code scans, QR printing works
test-letters = Letters: café crème €
receipt-tier = Your tier: { $tier }
receipt-refer-reward = Enjoy your { $reward }! Bring a friend: give them your code
# Under the QR: the code that opens the same page when the QR will not scan.
receipt-code = Or type { $code } at { $site }
