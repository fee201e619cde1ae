# Ko kases apakšējā rinda saka pēc katra notikuma.
worker-stopped = Datubāzes process apstājās: restartējiet Regulars. Nekas netika reģistrēts.
scan-not-understood = Skenējums nav saprotams: { $reason }
scan-referral = Ieteikuma kods { $code }: aizpildiet jaunā klienta datus un nospiediet Reģistrēt.
scan-product = Preces svītrkods ({ $symbology } { $gtin }): ievadiet to kasē.
scan-unknown = Nezināms kods '{ $code }': { $reason }
identify-customer-first = Vispirms atrodiet klientu (noskenējiet karti vai meklējiet).
sale-not-recorded = Pirkums nav reģistrēts: { $error }
refund-not-made = Atmaksa nav veikta: { $error }
signed-out = Izrakstījāties.
customer-identified = { $name } ({ $code })
customer-unnamed = Klients
enrolled = Reģistrēts { $name }: karte { $code }, ieteikuma kods { $referral }.
sold = Pirkums { $amount } reģistrēts: { $name }, +{ $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
}, atlikums { $balance }.
sold-anonymous = Anonīms pirkums { $amount } reģistrēts; čekā ir QR kods punktu saņemšanai.
stamp-card-complete = Zīmogu karte pilna: balva ir gatava.
redeemed = Izmantots: { $reward } ({ $how }). Atlikums { $balance ->
    [zero] { $balance } punktu
    [one] { $balance } punkts
   *[other] { $balance } punkti
}.
refunded = Atmaksāts { $amount } no čeka { $receipt }: atņemti { $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
}.
reprinting = Pēdējais čeks tiek drukāts vēlreiz.
adjusted = Punkti laboti par { $change }: atlikums { $balance }.
signed-in = Pieteicies: { $name } ({ $role }).
visit-opened = Apmeklējums { $id }, { $when }: { $amount }.
visit-opened-refunded = Apmeklējums { $id }, { $when }: { $amount }, atmaksāts { $refunded }.
problem = Problēma ({ $doing }): { $error }
not-enrolled = Nav reģistrēts: { $error }
receipt-not-printed = Čeks nav izdrukāts: { $problem }. Tas ir saglabāts un izdrukāsies, kad printeris būs gatavs.
not-a-date = '{ $text }' nav datums: rakstiet GGGG-MM-DD
range-backwards = Periods sākas pēc tā beigām.
export-needs-figures = Vispirms parādiet skaitļus, tad eksportējiet tos.
ticket-needs-customer = Vispirms atrodiet klientu (vai noskenējiet čeku), tad atveriet pieteikumu.
not-points = '{ $text }' nav punktu skaits: piemēram, 20 vai -15
figures-shown = Skaitļi par { $from } – { $to }.
