# Šta donja linija kase kaže posle svakog događaja.
worker-stopped = Proces baze podataka je stao: ponovo pokrenite Regulars. Ništa nije evidentirano.
scan-not-understood = Skeniranje nije razumljivo: { $reason }
scan-referral = Kod preporuke { $code }: popunite podatke novog kupca i pritisnite Učlani.
scan-product = Bar-kod proizvoda ({ $symbology } { $gtin }): otkucajte ga na kasi.
scan-unknown = Nepoznat kod '{ $code }': { $reason }
identify-customer-first = Prvo pronađite kupca (skenirajte karticu ili ga potražite).
sale-not-recorded = Prodaja nije evidentirana: { $error }
refund-not-made = Povraćaj nije urađen: { $error }
signed-out = Odjavljeni ste.
customer-identified = { $name } ({ $code })
customer-unnamed = Kupac
enrolled = Učlanjen { $name }: kartica { $code }, kod preporuke { $referral }.
sold = Prodaja od { $amount } evidentirana za: { $name }, +{ $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}, stanje { $balance }.
sold-anonymous = Prodaja bez kupca od { $amount } evidentirana; na računu je QR kod za preuzimanje poena.
stamp-card-complete = Kartica sa pečatima je puna: nagrada je spremna.
redeemed = Iskorišćeno: { $reward } ({ $how }). Stanje { $balance ->
    [one] { $balance } poen
    [few] { $balance } poena
   *[other] { $balance } poena
}.
refunded = Vraćeno { $amount } po računu { $receipt }: oduzeto { $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}.
reprinting = Poslednji račun se ponovo štampa.
adjusted = Poeni ispravljeni za { $change }: stanje { $balance }.
signed-in = Prijavljen: { $name } ({ $role }).
visit-opened = Poseta { $id }, { $when }: { $amount }.
visit-opened-refunded = Poseta { $id }, { $when }: { $amount }, vraćeno { $refunded }.
problem = Problem ({ $doing }): { $error }
not-enrolled = Nije učlanjen: { $error }
receipt-not-printed = Račun nije odštampan: { $problem }. Sačuvan je i odštampaće se kad štampač bude spreman.
not-a-date = '{ $text }' nije datum: pišite GGGG-MM-DD
range-backwards = Period počinje posle svog kraja.
export-needs-figures = Prvo prikažite brojke, pa ih izvezite.
ticket-needs-customer = Prvo pronađite kupca (ili skenirajte račun), pa otvorite prijavu.
not-points = '{ $text }' nije broj poena: npr. 20 ili -15
figures-shown = Brojke za { $from } – { $to }.
doing-note = pri dodavanju beleške
doing-adjust = pri ispravci poena
doing-enrol = pri učlanjivanju
doing-find = pri traženju kupca
doing-open-customer = pri otvaranju kupca
doing-open-receipt = pri otvaranju računa
doing-open-ticket = pri otvaranju zahteva
doing-print-card = pri štampanju kartice
doing-test-page = pri štampanju probne stranice
doing-support = pri čitanju istorije podrške
doing-figures = pri čitanju pokazatelja
doing-sale = pri evidentiranju prodaje
doing-redeem = pri iskorišćavanju nagrade
doing-refund = pri povratu novca
doing-reprint = pri ponovnom štampanju
doing-resolve = pri rešavanju zahteva
doing-sign-in = pri prijavi
doing-export = pri izvozu pokazatelja
store-error-typo = „{ $code }” ima grešku: kontrolni znak se ne slaže; pročitajte kod ponovo
store-error-code-shape = „{ $code }” nije kod kupca: kod ima 7 slova i cifara, npr. 4KQ2-M9X
store-error-email = „{ $email }” nije imejl adresa: treba jedno @ i domen, npr. ana@example.com
store-error-phone = „{ $phone }” nije broj telefona: 6 do 15 cifara, može početi sa + i pozivnim brojem
store-error-no-customer = nema kupca sa kodom { $code }: proverite karticu ili tražite po telefonu ili imenu
store-error-no-referral = nema kupca sa kodom za preporuku { $code }: proverite kod sa prijateljem koji ga je dao
store-error-name = za učlanjenje je potrebno ime (do 100 znakova)
store-error-duplicate-phone = telefon { $phone } već ima kupac { $code }: koristite tu karticu
store-error-duplicate-email = imejl { $email } već ima kupac { $code }: koristite tu karticu
store-error-not-enough = nema dovoljno poena: { $reward } košta { $needed }, a kupac ima { $balance }
store-error-unknown-receipt = nema prodaje sa brojem računa „{ $receipt }”: proverite broj odštampan na računu
store-error-refunded = račun „{ $receipt }” je već vraćen u celosti; nema šta da se vrati
store-error-busy = bazu podataka koristi drugi program; pokušajte ponovo za trenutak
amount-error-empty = iznos nije unet: upišite iznos, npr. 12,50
amount-error-not-a-number = „{ $text }” nije iznos: cifre sa jednim decimalnim znakom, npr. { $example }
amount-error-negative = „{ $text }” je negativan: iznosi su pozitivni; za vraćanje novca koristite povrat
amount-error-zero = iznos je nula: prodaja ili povrat moraju biti veći od nule
amount-error-decimals = „{ $text }” ima više decimala nego valuta: proverite iznos
amount-error-too-large = „{ $text }” je veći od najvećeg dozvoljenog iznosa: proverite iznos
printer-cover-open = poklopac štampača je otvoren: zatvorite ga
printer-paper-out = štampaču je nestalo papira: stavite novu rolnu
printer-error = greška štampača: isključite ga i uključite
printer-offline = štampač nije dostupan
printer-paper-low = papir pri kraju: pripremite rolnu
printer-ready = štampač spreman
printer-virtual = virtuelni štampač spreman
printer-on = štampač na { $port }
printer-none = nema računa: { $problem }
printer-waiting = { $problem } — računa na čekanju: { $count }
scanner-connected = povezan
scanner-retrying = { $fault }; ponovo pokušava
scanner-waiting = čeka { $port }
scanner-none = skener nije podešen (ukucajte ili nalepite kodove u pretragu)
