# Pregled za vlasnika na srpskom (latinica).
dash-title = Pregled za vlasnika
dash-from = Od (GGGG-MM-DD)
dash-to = Do
dash-last-90 = Poslednjih 90 dana
dash-all-time = Sve vreme
dash-owner-pin = PIN vlasnika za brojke
dash-show = Prikaži brojke
dash-export = Izvezi CSV
dash-choose = Izaberite period i pritisnite Prikaži brojke.
dash-range = { $from } – { $to }
dash-row = { $name }: { $value }
dash-none = -
dash-repeat-rate = Udeo ponovnih poseta
dash-repeat-rate-value = { $rate } ({ $repeat } od { $visiting } članova koji su došli)
dash-visits = Posete
dash-visits-value = { $visits } ({ $members } članova, { $anonymous } bez kupca)
dash-median-days = Medijana dana između poseta
dash-average-spend = Prosečna potrošnja
dash-average-spend-value = članovi { $members }, bez kupca { $anonymous }
dash-points = Poeni
dash-points-value = dodeljeno { $issued }, iskorišćeno { $redeemed }, isteklo { $expired }; na stanju { $outstanding }
dash-redemption-rate = Udeo iskorišćenih
dash-referrals = Preporuke
dash-referrals-value = podeljeno kodova { $shared }, učlanjenih prijatelja { $enrolled }, prvi kupovinu obavilo { $rewarded } (oba nagrađena); čeka { $pending }; odbijeno { $refused }
dash-average-rating = Prosečna ocena
dash-rating-value = { $average } od 5 ({ $count ->
    [one] { $count } ocena
    [few] { $count } ocene
   *[other] { $count } ocena
})
dash-no-ratings = nema ocena
dash-tickets = Prijave
dash-tickets-value = otvoreno { $opened }, rešeno { $resolved }, sada otvoreno { $open }; medijana vremena rešavanja { $median }
dash-hours = { $hours } č
dash-weeks = Novi i ponovni članovi po nedeljama
dash-week = nedelja
dash-new-members = Novi članovi
dash-returning-members = Ponovni članovi
dash-weeks-table = Nedelje u tabeli
dash-week-starting = Početak nedelje
dash-new = Novi
dash-returning = Ponovni
dash-frequency = Učestalost poseta (članovi po broju poseta u periodu)
dash-members = Članovi
dash-frequency-table = Učestalost u tabeli
dash-frequency-row = { $visits } poseta
dash-cohorts = Zadržavanje kohorti (po mesecu prve posete)
dash-cohort = Kohorta
dash-cohort-so-far = { $figure } do sada
dash-cohort-so-far-hint = Ovaj mesec još nije prošao: broj obuhvata posete do kraja izabranog perioda, a ne ceo mesec.
dash-month-after = +{ $months } mes.
dash-top-spend = Najbolji kupci po potrošnji
dash-top-visits = Najbolji kupci po posetama
dash-erased = (obrisano)
dash-visit-count = { $visits ->
    [one] { $visits } poseta
    [few] { $visits } posete
   *[other] { $visits } poseta
}
dash-ratings = Ocene
dash-stars = { $stars ->
    [one] { $stars } zvezdica
    [few] { $stars } zvezdice
   *[other] { $stars } zvezdica
}
dash-stars-count = { $stars ->
    [one] { $stars } zvezdica
    [few] { $stars } zvezdice
   *[other] { $stars } zvezdica
}: { $count }
dash-refused = Odbijene preporuke
dash-scope = Podaci za:
dash-scope-till = Ovu kasu
dash-scope-all = Sve prodavnice
dash-chain-heading = Prodavnice lanca (iz centralne baze)
dash-chain-shop = Prodavnica
dash-chain-sales = Prodaja
dash-chain-refunds = Vraćeno
dash-chain-returning = Kupci koji se vraćaju
dash-chain-earned = Zarađeni poeni
dash-chain-redeemed = Iskorišćeni poeni
dash-chain-service = Novi članovi, ocene i prijave
dash-chain-resolved = Sada rešeno
dash-overdue = Zahtevi koji kasne
dash-overdue-value = { $count } sada posle roka za odgovor ili rešenje
dur-minutes = { $minutes } min
dur-hours = { $hours } č { $minutes } min
dur-days = { $days } d { $hours } č
dash-share = { $part } od { $whole } ({ $percent })
dash-share-few = { $part } od { $whole }
dash-few-note = { $value } (premalo za procenat)
dash-share-none = još nema
dash-support = Podrška: da li rešen problem vraća kupca?
dash-first-reply = Vreme do prvog odgovora
dash-first-reply-value = medijana { $median } · prijava: { $count } · još bez odgovora: { $unreplied }
dash-resolution = Vreme do rešenja
dash-resolution-value = medijana { $median } · rešenih prijava: { $count }
dash-outcomes = Rešene prijave
dash-outcomes-value = ukupno { $ever }: kupac potvrdio { $confirmed }; ponovo otvorene { $reopened }; ostale nepotvrđene { $unconfirmed }
dash-effort = Ponovljeni kontakti
dash-effort-value = ukupno { $contacts } ({ $per } po prijavi); prijave kojima je to trebalo: { $share }
dash-came-back = Vratili se u roku od { $days } dana
dash-came-back-value = posle potvrđenog rešenja { $confirmed }; posle drugih prijava { $other } (rešene do { $until })
dash-came-back-early = prerano za procenu: prijavi treba { $days } dana iza nje
dash-rated-visits = Ocenjene posete
dash-quiet = Ocene tihih članova i onih koji su se žalili
dash-quiet-value = nikad se nisu žalili: { $quiet }; žalili su se: { $complained }; anonimni: { $anonymous }
dash-waits = Čekanje po ozbiljnosti i kanalu (medijana · prijava)
dash-wait-cell = { $median } · { $count }
dash-by-staff = Ocene po zaposlenom u smeni (vidi samo vlasnik)
dash-staff = Zaposleni
dash-low-ratings = 3 zvezdice ili manje
dash-overdue-by-day = Prijave posle roka na kraju svakog dana
dash-overdue-none = U ovom periodu nema zahteva, pa nijedan nije zakasnio.
dash-day = dan
dash-referral-moment = Preporuke odmah posle nagrade
dash-referral-moment-value = { $after } u roku od { $days } dana pošto je preporučilac iskoristio nagradu; { $other } u drugo vreme
dur-span = { $from }–{ $to }
dur-over = preko { $from }
dash-common-problems = Najčešći problemi i njihova uobičajena rešenja (sve vreme)
dash-problem = Problem
dash-usual-fixes = Uobičajena rešenja
dash-fix = { $body } ({ $uses } ×)
dash-no-fixes = još nije korišćen nijedan sačuvan odgovor
dur-hours-only = { $hours } č
dur-days-only = { $days } d
