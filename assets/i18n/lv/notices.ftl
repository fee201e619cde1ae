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
doing-note = pievienojot piezīmi
doing-adjust = labojot punktus
doing-enrol = pievienojot klientu
doing-find = meklējot klientu
doing-open-customer = atverot klientu
doing-open-receipt = atverot čeku
doing-open-ticket = atverot pieprasījumu
doing-print-card = drukājot karti
doing-test-page = drukājot izmēģinājuma lapu
doing-support = lasot atbalsta vēsturi
doing-figures = lasot rādītājus
doing-sale = reģistrējot pirkumu
doing-redeem = izmantojot balvu
doing-refund = atmaksājot
doing-reprint = drukājot atkārtoti
doing-resolve = atrisinot pieprasījumu
doing-sign-in = piesakoties
doing-export = eksportējot rādītājus
store-error-typo = '{ $code }' satur kļūdu: kontrolzīme nesakrīt; nolasiet kodu vēlreiz
store-error-code-shape = '{ $code }' nav klienta kods: kodā ir 7 burti un cipari, piemēram, 4KQ2-M9X
store-error-email = '{ $email }' nav e-pasta adrese: vajag vienu @ un domēnu, piemēram, anna@example.com
store-error-phone = '{ $phone }' nav tālruņa numurs: 6 līdz 15 cipari, var sākt ar + un valsts kodu
store-error-no-customer = nav klienta ar kodu { $code }: pārbaudiet karti vai meklējiet pēc tālruņa vai vārda
store-error-no-referral = nav klienta ar ieteikuma kodu { $code }: pārbaudiet kodu pie drauga, kas to iedeva
store-error-name = klienta pievienošanai vajag vārdu (līdz 100 zīmēm)
store-error-duplicate-phone = tālrunis { $phone } jau pieder klientam { $code }: izmantojiet to karti
store-error-duplicate-email = e-pasts { $email } jau pieder klientam { $code }: izmantojiet to karti
store-error-not-enough = nepietiek punktu: { $reward } maksā { $needed }, klientam ir { $balance }
store-error-unknown-receipt = nav pirkuma ar čeka numuru '{ $receipt }': pārbaudiet uz čeka drukāto numuru
store-error-refunded = čeks '{ $receipt }' jau ir pilnībā atmaksāts; vairs nav ko atmaksāt
store-error-busy = datubāzi aizņēmusi cita programma; mēģiniet pēc brīža vēlreiz
amount-error-empty = summa nav ievadīta: ierakstiet summu, piemēram, 12,50
amount-error-not-a-number = '{ $text }' nav summa: cipari ar vienu decimālatdalītāju, piemēram, { $example }
amount-error-negative = '{ $text }' ir negatīva: summas ir pozitīvas; naudas atdošanai izmantojiet atmaksu
amount-error-zero = summa ir nulle: pirkumam vai atmaksai vajag summu virs nulles
amount-error-decimals = '{ $text }' ir vairāk decimālzīmju, nekā valūtai: pārbaudiet summu
amount-error-too-large = '{ $text }' ir lielāka par lielāko pieļaujamo summu: pārbaudiet summu
printer-cover-open = printera vāks atvērts: aizveriet to
printer-paper-out = printerī beidzies papīrs: ielieciet jaunu rulli
printer-error = printera kļūda: izslēdziet un ieslēdziet to
printer-offline = printeris nav pieejams
printer-paper-low = papīrs beidzas: sagatavojiet rulli
printer-ready = printeris gatavs
printer-virtual = virtuālais printeris gatavs
printer-on = printeris: { $port }
printer-none = čeki netiek drukāti: { $problem }
printer-waiting = { $problem } — gaida čeki: { $count }
scanner-connected = pievienots
scanner-retrying = { $fault }; mēģina vēlreiz
scanner-waiting = gaida { $port }
scanner-none = skeneris nav iestatīts (ierakstiet vai ielīmējiet kodus meklēšanā)
