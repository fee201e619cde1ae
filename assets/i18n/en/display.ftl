# The customer display (a 2×20 pole display and the tablet screen). Each screen has a long
# wording and shorter ones: the pole display uses the first that fits its 20 characters.
display-idle = Welcome to { $shop }
display-idle-short = Welcome!
display-idle-more = Ask about our rewards
display-idle-more-short = Ask about rewards
display-hello = Welcome back, { $name }
display-hello-short = Hello, { $name }
display-points = { $balance ->
    [one] { $balance } point
   *[other] { $balance } points
}
display-points-next = { display-points }, { $remaining } to { $reward }
display-points-next-short = { $balance } pts, { $remaining } to { $reward }
display-visits-next = { $remaining ->
    [one] 1 more visit to { $reward }
   *[other] { $remaining } more visits to { $reward }
}
display-visits-next-short = { $remaining ->
    [one] 1 more visit
   *[other] { $remaining } visits to go
}
display-ready = Reward ready: { $reward }
display-ready-short = Ready: { $reward }
display-sale = { $amount }, +{ $points } points
display-sale-short = { $amount } +{ $points } pts
display-now = Now { display-points }
display-anonymous = Scan the receipt to collect { $points ->
    [one] 1 point
   *[other] { $points } points
}
display-anonymous-short = Receipt QR: +{ $points } pts
display-test = Regulars display test
display-test-short = Display test
display-test-letters = 0123456789 ABC abc €
display-join = Join on your phone
display-join-help = Scan the code with your phone's camera, give your first name and phone or email: the counter sees you at once.
display-join-title = Join { $shop }
display-joined = You are a member now. Show this screen at the counter if asked.
display-join-closed = This join code has been used. Scan the code on the counter's screen again.
display-joined-later = A customer joined on the tablet (card { $code }): open them with that code once this customer is served.
display-outside-title = Only in the shop
display-outside = The customer display opens only on the shop's own network.
display-none = No customer display
display-on = Customer display on { $port }
display-showing = Customer display shows the sale
display-not-there = not answering on { $port }: is it plugged in and switched on?
display-lost = Customer display: { $fault } (trying again)
display-unusable = Customer display off: { $problem }
display-tablet = Tablet screen: { $url }
