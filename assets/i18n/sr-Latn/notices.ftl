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
