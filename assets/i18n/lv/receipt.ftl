receipt-no = Nr. { $number }
receipt-total = KOPĀ
receipt-purchase = Pirkums
receipt-thanks = Paldies, { $name }!
receipt-friend = draugs
receipt-points-visit = Punkti par šo apmeklējumu
receipt-balance = Jūsu punktu atlikums
receipt-refer = Atvediet draugu: iedodiet viņam savu kodu
receipt-qr-member = Noskenējiet: jūsu apmeklējums, punkti, vērtējums, palīdzība
receipt-qr-claim = Noskenējiet, lai saņemtu punktus par šo apmeklējumu
receipt-footer = Paldies, ka atkal iegriezāties!
card-welcome = Laipni lūdzam, { $name }!
card-title = Jūsu lojalitātes karte
card-points = { $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
}
card-caption = Karte { $code }: uzrādiet to pie kases
card-both-points = Jūs abi saņemsiet punktus pēc drauga pirmā apmeklējuma.
test-title = Izmēģinājuma izdruka
test-on = { $printer }, ports { $port }
test-settings = { $columns } zīmes rindā, { $baud } bodi, kodu lapa { $page }
test-caption = Ja šo kodu var noskenēt, QR drukāšana darbojas
test-letters = Burti: ā č ē ģ ī ķ ļ ņ š ū ž €
receipt-tier = Jūsu līmenis: { $tier }
receipt-refer-reward = { $reward } ir jūsu! Atvediet draugu: iedodiet viņam savu kodu
# Under the QR: the code that opens the same page when the QR will not scan.
receipt-code = Vai ierakstiet { $code } adresē { $site }
