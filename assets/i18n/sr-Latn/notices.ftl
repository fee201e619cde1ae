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
refunded-pending = Vraćeno { $amount } po računu { $receipt }: njegovi poeni ({ $points }) biće oduzeti kad se centralna baza lanca javi (pri sledećoj sinhronizaciji).
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
waiting-printed = { $count ->
    [one] Štampač je odštampao račun koji je čekao.
    [few] Štampač je odštampao { $count } računa koja su čekala.
   *[other] Štampač je odštampao { $count } računa koji su čekali.
}
not-a-date = '{ $text }' nije datum: pišite GGGG-MM-DD
range-backwards = Period počinje posle svog kraja.
export-needs-figures = Prvo prikažite brojke, pa ih izvezite.
ticket-needs-customer = Prvo pronađite kupca (ili skenirajte račun), pa otvorite prijavu.
not-points = '{ $text }' nije broj poena: npr. 20 ili -15
figures-shown = Brojke za { $from } – { $to }.
figures-shown-to = Brojke lanca do { $to }.
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
doing-reply = pri slanju odgovora
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
store-error-needs-connection = za iskorišćenje { $needed } poena potrebna je veza sa centralnom bazom lanca; bez veze ova kasa danas može ovom kupcu da iskoristi još { $left }. Prodaja se nastavlja.
store-error-unknown-receipt = nema prodaje sa brojem računa „{ $receipt }”: proverite broj odštampan na računu
store-error-ambiguous-receipt = broj računa „{ $receipt }” ima prodaja na više kasa: unesite ga kao jedno od { $choices }
store-error-refunded = račun „{ $receipt }” je već vraćen u celosti; nema šta da se vrati
store-error-busy = bazu podataka koristi drugi program; pokušajte ponovo za trenutak
still-busy = { $doing }: drugi program (rezervna kopija, druga kasa) upisuje u bazu; pokušavamo ponovo…
amount-error-empty = iznos nije unet: upišite iznos, npr. 12,50
amount-error-not-a-number = „{ $text }” nije iznos: cifre sa jednim decimalnim znakom, npr. { $example }
amount-error-negative = „{ $text }” je negativan: iznosi su pozitivni; za vraćanje novca koristite povrat
amount-error-zero = iznos je nula: prodaja ili povrat moraju biti veći od nule
amount-error-decimals = „{ $text }” ima više decimala nego što ih ima { $currency } ({ $allowed }): proverite iznos
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
store-error-unknown-reward = nagrada '{ $id }' ne postoji; nagrade su: { $available }
store-error-bad-receipt = broj računa ima od 1 do { $max } znakova za štampu: proverite šta je kasa odštampala
store-error-refund-too-large = povraćaj od { $requested } je veći od onoga što je ostalo za povraćaj na računu '{ $receipt }' ({ $refundable })
store-error-no-visit = poseta V{ $visit } ne postoji: proverite račun
store-error-no-ticket = zahtev #{ $ticket } ne postoji: pogledajte `regulars ticket list`
store-error-claimed = poeni sa ovog računa su već preuzeti
store-error-key-conflict = ključ '{ $key }' je već upotrebljen za drugu radnju: ništa nije promenjeno
store-error-newer-schema = { $path } je zapisao noviji Regulars (verzija šeme { $found }; ovaj zna do { $known }): instalirajte noviji Regulars; datoteka nije promenjena
store-error-not-a-database = { $path } nije baza Regulars-a ili je oštećena: vratite najnoviju datoteku iz backups/ (vidite `regulars backup`) ili sa --data navedite pravu fasciklu
store-error-open = ne može da se otvori { $path } ({ $reason }): proverite da fascikla postoji i da smete da pišete u nju
report-error-write = ne može da se zapiše { $path } ({ $reason }): proverite da fascikla postoji i da ima mesta
store-error-database = greška baze ({ $reason }): ništa nije promenjeno
store-error-referral-shape = '{ $code }' nije kod preporuke: kod preporuke izgleda kao REF-4KQ2M9X
store-error-text-too-long = { $field }: predugačko, najviše { $max } znakova
store-error-text-control = { $field }: sadrži kontrolne znakove; otkucajte ponovo kao običan tekst
store-error-empty = { $field }: ništa nije napisano; napišite nekoliko reči
store-error-empty-description = ukratko recite šta nije u redu
store-error-empty-answer = recite šta je urađeno da se popravi, pa ga sačuvajte kao odgovor
text-field-description = opis
text-field-contact = kontakt
text-field-note = beleška
text-field-answer = odgovor
text-field-comment = komentar
store-error-adjust-points = ispravci poena treba broj poena različit od nule, npr. +20 ili -15
store-error-adjust-reason = ispravci poena treba razlog (--reason), npr. "kartica zaboravljena 3. maja"
store-error-adjust-actor = ispravci poena treba ime onoga ko ju je napravio (--by)
store-error-birthday = rođendan je mesec i dan kao MM-DD (14. jul je 07-14), a ne '{ $text }'
store-error-severity = ozbiljnost je 1 (mala), 2 (obična) ili 3 (hitna)
store-error-visit-not-theirs = poseta V{ $visit } pripada kupcu { $owner }, a ne { $given }
store-error-ticket-owner = zahtevu treba kupac ili račun kome pripada
store-error-no-email = za odgovor e-poštom treba adresa: kartica je nema, pa upišite koju da koristimo
store-error-no-phone = za odgovor SMS-om ili pozivom treba broj telefona: kartica ga nema, pa upišite koji da koristimo
store-error-no-written-reply = kupac je želeo odgovor u prodavnici ili pozivom: u belešku upišite šta je rečeno
store-error-ticket-move = zahtev #{ $ticket } je { $from }; ne može postati { $to }
store-error-no-answer = nema sačuvanog odgovora { $answer }: `regulars ticket answers` ih nabraja
store-error-stars = ocena je od 1 do 5 zvezdica: izaberite jednu i pošaljite ponovo
store-error-rating-locked = ova poseta je ocenjena pre više od { $days } dana; ocena se više ne može menjati
store-error-contact-needed = navedite broj telefona ili imejl svog članstva (ili onaj sa kojim se učlanjujete)
store-error-name-to-join = nijedan član još nema taj telefon ili imejl: dodajte svoje ime da biste se učlanili
store-error-consent-wording = saglasnosti trebaju tačne reči koje su kupcu prikazane
store-error-erased = kupac { $code } je obrisan: za njega se više ništa ne može beležiti
store-error-already-one = { $kept } i { $gone } su već jedan kupac
store-error-not-retryable = poruka { $message } nije neuspela ni nesigurna: ponovo se mogu slati samo takve
store-error-other-till = ova baza je kasa '{ $this }' lanca; ne može biti i '{ $asked }' (svaka kasa ima svoju fasciklu sa podacima)
store-error-not-in-chain = ova kasa se nije pridružila lancu: podesite [central] u config.toml i pokrenite `regulars sync`
store-error-copy-of-lone-shop = to je rezervna kopija radnje koja se nije pridružila lancu
store-error-copy-of-other-chain = to je rezervna kopija drugog lanca (njegova centralna baza nije ova)
store-error-bulk-not-empty = demo istorija popunjava samo radnju bez kupaca i poseta: navedite novu fasciklu sa --data
store-error-no-program = radnja još nema program lojalnosti
store-error-staff-name = zaposlenom treba ime
store-error-pin = PIN ima od 4 do 8 cifara
store-error-pin-taken = drugi zaposleni ima ovaj PIN: izaberite drugi
store-error-staff-taken = već postoji zaposleni po imenu { $name }
store-error-aggregates = vlasnikove brojke se ne slažu sa prodajom: pokrenite `regulars stats --rebuild`
store-error-damaged = podaci nisu onakvi kakve ih je zapisao Regulars ({ $reason }): ništa nije promenjeno; vratite najnoviju rezervnu kopiju (vidite `regulars backup`)
worker-no-printer = štampač nije podešen: proverite profil štampača u podešavanjima
worker-unknown-pin = taj PIN nije ničiji: pokušajte ponovo
worker-nothing-printed = još nije odštampan nijedan račun
worker-foreign-receipt = kod ovog računa nije naš (ili je oštećen)
worker-exported = { $count ->
    [one] Zapisana je { $count } CSV datoteka u { $dir }.
    [few] Zapisane su { $count } CSV datoteke u { $dir }.
   *[other] Zapisano je { $count } CSV datoteka u { $dir }.
}
worker-ticket-opened = Zahtev #{ $ticket } je otvoren.
worker-ticket-opened-visit = Zahtev #{ $ticket } je otvoren u vezi sa posetom V{ $visit }.
worker-note-added = Beleška je dodata u istoriju.
worker-ticket-resolved = Zahtev #{ $ticket } je rešen; kupac to može da potvrdi na stranici svog računa.
worker-ticket-replied = Odgovor na zahtev #{ $ticket } je sačuvan u njegovoj istoriji i poslat kupcu.
worker-refund-needs-owner = za povraćaj iznad { $limit } potreban je PIN vlasnika: zamolite vlasnika da ga upiše u polje „PIN vlasnika”
worker-adjust-needs-owner = za ispravku poena potreban je PIN vlasnika: zamolite vlasnika da ga upiše u polje „PIN vlasnika”
worker-figures-needs-owner = za brojke vlasnika potreban je PIN vlasnika: zamolite vlasnika da ga upiše u polje „PIN vlasnika”
plug-till = Kasa: { $event }
plug-state = režim priključka: kasa na { $till }, štampač na { $printer }
plug-off = režim priključka isključen: { $error }
plug-prints = kasa štampa u režimu priključka
plug-printer-waits = režim priključka: štampač nije dostupan, računi kase čekaju
plug-needs-till-port = za režim priključka potreban je port kase: podesite ga u podešavanjima
plug-needs-real-printer = za režim priključka u podešavanjima treba port pravog štampača (ne "virtual")
plug-anonymous = anonimno, sa QR kodom za preuzimanje poena
plug-added = račun { $receipt }: dodat blok lojalnosti (poseta { $visit }, { $who })
plug-added-again = račun { $receipt }: dodat blok lojalnosti (poseta { $visit }, { $who }); ponovna štampa, zabeleženo jednom
plug-unchanged = račun je prosleđen bez izmena: { $why }
plug-printer-down = štampač nije dostupan ({ $error }); { $bytes } bajtova čeka i biće poslato kada se vrati
plug-printer-back = štampač se vratio: bajtovi na čekanju su poslati
plug-till-down = strana kase: { $error }; ponovo se pokušava
plug-no-total = na računu nije pronađen ukupan iznos (proverite obrazac ukupnog iznosa u profilu kase)
plug-bad-total = ukupan iznos '{ $total }' nije iznos: { $error }
plug-not-recorded = poseta nije zabeležena: { $error }
plug-unread = kupac nije mogao da se pročita: { $error }
scan-too-long = više od { $max } bajtova bez kraja: to nije kod (smetnje na liniji?)
scan-half-code = pola koda ({ $bytes } bajtova) bez kraja: skenirajte ponovo
scan-binary = binarni podaci, a ne kod
scan-control = kontrolni znakovi u kodu: proverite podešavanje sufiksa skenera
scan-empty = prazan kod
scan-digit-count = { $digits } cifara nije dužina bar-koda proizvoda
scan-check-digit = { $symbology } sa pogrešnom kontrolnom cifrom: skenirajte ponovo
scan-card-check = liči na kod kartice, ali kontrolni znak nije ispravan: skenirajte ponovo
scan-not-ours = Regulars ne poznaje ovaj kod
referral-pending = Preporučio { $name }: oboje dobijaju bonus ({ $friend } i { $referrer } poena) posle prve odgovarajuće kupovine.
referral-rewarded = Prva kupovina: dat je bonus za preporuku od { $friend } poena i { $referrer } poena za { $name }.
referral-refused = Preporuka od { $name } je odbijena: { $why }. Zabeležena je da je vlasnik pregleda.
referral-cap = Bonus za preporuku nije dat: { $why }. Zabeleženo je da vlasnik pregleda.
referral-why-self_referral = novi kupac ima telefon ili imejl onoga ko preporučuje; kupac ne može da preporuči sam sebe
referral-why-existing_customer = kupac je već bio kupac (učlanjen ranije ili je već kupovao); preporuke su za nove kupce
referral-why-second_referrer = kupca je neko već preporučio; računa se samo prvi
referral-why-cap_reached = onaj ko preporučuje dostigao je najveći broj nagrađenih preporuka za 30 dana
referral-status-pending = na čekanju
referral-status-rewarded = nagrađena
referral-status-refused = odbijena
backup-error-damaged = rezervna kopija je oštećena i ne može da se koristi (SQLite kaže: { $reason }); probajte stariju (`regulars backup list`)
backup-error-differs = kopija ne sadrži ono što je bilo u bazi: { $table } ima { $copy } redova u kopiji i { $live } u bazi; kopija je odbačena
backup-error-checksum = { $path } nije datoteka koja je sačuvana: njen kontrolni zbir se ne slaže sa onim pored nje (promenjen ili oštećen bajt); probajte stariju kopiju
backup-error-in-use = prozor kase, stranice za kupce ili režim priključka koriste ovu prodavnicu: zatvorite ih, pa ponovo vratite; ništa nije promenjeno
backup-error-io = { $path }: { $reason }
backup-error-target-missing = fascikle za rezervne kopije { $path } nema (da li je disk priključen, mrežna fascikla dostupna?); ponovo za 10 minuta, prodaja ide dalje
backup-error-passphrase = ova lozinka ne otvara rezervnu kopiju: proverite [backup] passphrase_file ili REGULARS_BACKUP_PASSPHRASE
backup-error-needs-passphrase = { $path } je šifrovana: podesite [backup] passphrase_file ili REGULARS_BACKUP_PASSPHRASE da biste je otvorili

sync-error-not-configured = ova kasa nema odeljak [central] u config.toml: podesite url, shop_id i till_id (vidite README, „A chain of shops”)
central-error-unreachable = centralna baza { $url } nije dostupna: { $reason }. Prodaja se ovde nastavlja i biće poslata kada baza odgovori.
central-error-newer = šema centralne baze je verzija { $found }, novija nego što ovaj Regulars zna ({ $known }): nadogradite Regulars na ovoj kasi
central-error-not-initialised = centralna baza { $url } još nema Regulars šemu: jednom pokrenite `regulars central init`
central-error-till-taken = baza druge kase se već sinhronizuje kao kasa „{ $till }” ovog lanca: dajte ovoj kasi sopstveni till_id u config.toml. Prodaja ovde ide dalje i sve se čuva.
central-error-refused = centralna baza je odbila: { $reason }
fit-error-no-repeats = Nijedan kupac se još nije vratio, pa nema šta da se proceni.
fit-error-not-converged = Procena se nije smirila posle { $steps } koraka; ostaje prethodna.
fit-error-row = Red { $line } tabele: { $why }
fit-error-column = Tabela nema kolonu „{ $column }” (potrebni su frequency, recency i T; monetary_value nije obavezna).
fit-error-unreadable = Tabela ne može da se pročita: { $why }
fit-error-edge = Procena se nije smirila: njen parametar { $parameter } je otišao ka nuli ili beskonačnosti (u istoriji premalo članova se vraća ili odlazi); ostaje prethodna.
error-birthday = Rođendan je mesec i dan, kao MM-DD: 14. jul je 07-14.

# A printer, scanner or till profile that could not be loaded.
profile-unknown = ne postoji { $kind } profil „{ $id }”; profili su: { $available } (profili radnje idu u { $dir })
profile-invalid = { $path } nije ispravan profil: { $reason }
store-error-no-chat = član još nije povezao { $app }: treba da pritisne njegovo dugme na stranici posete
store-error-link-code-used = ovaj kod za povezivanje je već iskorišćen: otvorite stranicu posete ponovo za novi
store-error-link-code-unknown = ovaj kod za povezivanje nije ove prodavnice: otvorite stranicu posete ponovo za novi
store-error-bad-rows = { $count } redova fajla je loše: ništa nije uvezeno
doing-paper-stamps = dodavanje pečata s papirne kartice
