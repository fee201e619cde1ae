display-idle = Dobro došli u { $shop }
display-idle-short = Dobro došli!
display-idle-more = Pitajte za nagrade
display-idle-more-short = Pitajte za nagrade
display-hello = Dobro došli, { $name }
display-hello-short = Zdravo, { $name }
display-points = { $balance ->
    [one] { $balance } poen
    [few] { $balance } poena
   *[other] { $balance } poena
}
display-points-next = { display-points }, još { $remaining } do { $reward }
display-points-next-short = { $balance } p, još { $remaining }: { $reward }
display-visits-next = Još { $remaining } posete do { $reward }
display-visits-next-short = Još { $remaining } posete
display-ready = Nagrada spremna: { $reward }
display-ready-short = Spremno: { $reward }
display-sale = { $amount }, +{ $points } poena
display-sale-short = { $amount } +{ $points } p
display-now = Sada { display-points }
display-anonymous = Skenirajte račun i uzmite { $points } poena
display-anonymous-short = QR računa: +{ $points } p
display-test = Regulars test displeja
display-test-short = Test displeja
display-test-letters = ČĆĐŠŽ čćđšž 0123456789
display-join = Učlanite se telefonom
display-join-help = Skenirajte kod kamerom telefona, upišite ime i telefon ili imejl: kasa vas odmah vidi.
display-join-title = Učlanite se: { $shop }
display-joined = Sada ste član. Ako zatraže, pokažite ovaj ekran na kasi.
display-join-closed = Ovaj kod je već iskorišćen. Skenirajte ponovo kod sa ekrana kase.
display-joined-later = Kupac se učlanio na tabletu (kartica { $code }): otvorite ga tim kodom kad uslužite ovog kupca.
display-outside-title = Samo u radnji
display-outside = Displej za kupce otvara se samo na mreži radnje.
display-none = Nema displeja za kupce
display-on = Displej za kupce na { $port }
display-showing = Displej za kupce prikazuje kupovinu
display-not-there = ne odgovara na { $port }: da li je priključen i uključen?
display-lost = Displej za kupce: { $fault } (ponovni pokušaj)
display-unusable = Displej za kupce isključen: { $problem }
display-tablet = Ekran tableta: { $url }
