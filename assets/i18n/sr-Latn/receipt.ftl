receipt-no = Br. { $number }
receipt-total = UKUPNO
receipt-purchase = Kupovina
receipt-thanks = Hvala, { $name }!
receipt-friend = prijatelju
receipt-points-visit = Poeni za ovu posetu
receipt-balance = Vaše stanje poena
receipt-refer = Dovedite prijatelja: dajte mu svoj kod
receipt-qr-member = Skenirajte: vaša poseta, poeni, ocena, pomoć
receipt-qr-claim = Skenirajte da preuzmete poene za ovu posetu
receipt-footer = Hvala što ste ponovo došli!
card-welcome = Dobro došli, { $name }!
card-title = Vaša kartica lojalnosti
card-points = { $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}
card-caption = Kartica { $code }: pokažite je na kasi
card-both-points = Oboje dobijate poene posle njegove prve posete.
test-title = Probna štampa
test-on = { $printer } na { $port }
test-settings = { $columns } znakova u redu, { $baud } Bd, kodna strana { $page }
test-caption = Ako se ovaj kod skenira, štampanje QR koda radi
test-letters = Slova: đ ž ć č dž lj nj š €
# The dinar as Serbian receipts write it (CLDR gives the ISO code).
currency-symbol-RSD = din.
receipt-tier = Vaš nivo: { $tier }
receipt-refer-reward = { $reward } je vaš! Dovedite prijatelja: dajte mu svoj kod
# Under the QR: the code that opens the same page when the QR will not scan.
receipt-code = Ili ukucajte { $code } na { $site }
