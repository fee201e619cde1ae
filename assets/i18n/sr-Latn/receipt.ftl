receipt-no = Br. { $number }
receipt-total = UKUPNO
receipt-purchase = Kupovina
receipt-thanks = Hvala, { $name }!
receipt-friend = prijatelju
receipt-points-visit = Bodovi za ovu posetu
receipt-balance = Vaše stanje bodova
receipt-refer = Dovedite prijatelja: dajte mu svoj kod
receipt-qr-member = Skenirajte: vaša poseta, bodovi, ocena, pomoć
receipt-qr-claim = Skenirajte da preuzmete bodove za ovu posetu
receipt-footer = Hvala što ste ponovo došli!
card-welcome = Dobro došli, { $name }!
card-title = Vaša kartica lojalnosti
card-points = { $points ->
    [one] { $points } bod
    [few] { $points } boda
   *[other] { $points } bodova
}
card-caption = Kartica { $code }: pokažite je na kasi
card-both-points = Oboje dobijate bodove posle njegove prve posete.
test-title = Probna štampa
test-on = { $printer } na { $port }
test-settings = { $columns } znakova u redu, { $baud } Bd, kodna strana { $page }
test-caption = Ako se ovaj kod skenira, štampanje QR koda radi
test-letters = Slova: đ ž ć č dž lj nj š €
# The dinar as Serbian receipts write it (CLDR gives the ISO code).
currency-symbol-RSD = din.
