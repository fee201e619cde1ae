cli-points = { $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}
cli-enrolled = Učlanjen { $name }: kartica { $code }, kod za preporuku { $referral }, stanje { cli-points }.
cli-customer = { $name }  kartica { $code }  kod za preporuku { $referral }
cli-erased = (podaci obrisani)
cli-phone = telefon  { $phone }
cli-email = imejl    { $email }
cli-balance = stanje    { cli-points }
cli-visits = posete   { $visits }
cli-visits-last = posete   { $visits } (poslednja { $when })
cli-next = sledeće   { $progress }
cli-reward-voucher = nagrada  { $reward } (kartica sa pečatima, besplatno)  [{ $id }]
cli-reward-points = nagrada  { $reward } ({ cli-points })  [{ $id }]
cli-enrolled-at = učlanjen { $when }
cli-sale-duplicate = Račun { $receipt } je već evidentiran (poseta { $visit }, { $amount }): ništa nije promenjeno.
cli-sale-member = Prodaja od { $amount } evidentirana (poseta { $visit }) za { $code }: +{ cli-points }, stanje { $balance }.
cli-stamp-complete = Kartica sa pečatima je puna: vaučer za nagradu je spreman.
cli-receipt-page = Stranica računa: { $url }
cli-sale-anonymous = Anonimna prodaja od { $amount } evidentirana (poseta { $visit }). Stranica računa: { $url }
cli-refunded = Vraćeno { $amount } sa računa { $receipt }.
cli-refunded-full = Vraćeno { $amount } sa računa { $receipt } (u celosti).
cli-points-back = Oduzeto { cli-points }; stanje { $balance }.
cli-points-spent = (Trebalo je { $due }; ostatak je već potrošen na nagrade.)
cli-points-pending = ({ $points } će biti oduzeto kad se centralna baza lanca javi: to će uraditi sledeća sinhronizacija.)
cli-printed = Račun odštampan: { $file }
cli-printed-count = Odštampano računa: { $count }.
cli-not-printed = Račun nije odštampan: { $problem }. Sačuvan je ({ $waiting } čeka) i štampa se sa `regulars print retry` kada štampač bude spreman.
cli-stats-customers = Kupci
cli-stats-sales = Prodaja
cli-stats-sales-value = { $sales } (povraćaji { $refunds })
cli-stats-csv = Upisano CSV fajlova: { $count }, u { $dir }.
cli-nothing-to-print = Ništa ne čeka štampu.
cli-print-job = posao { $id } ({ $kind }, poseta { $visit }) od { $when }: pokušaja { $attempts }
cli-print-job-error = { $job }, poslednje: { $error }
cli-trying-again = { $waiting }; pokušava ponovo…
cli-staff-added = Dodat { $name } ({ $role }). Kasa sada traži PIN zaposlenog za prijavu.
cli-staff-none = Nema zaposlenih: svako na kasi može da prodaje i vraća novac. Dodajte ih sa `regulars staff add`.
cli-backup-exists = { $path } već postoji: izaberite drugu putanju; ništa nije prepisano
cli-serving = Stranice za kupce na http://{ $addr } (računi vode na { $url }). Ctrl-C zaustavlja.
cli-api-on = Lokalni API na /api/v1/ (ključ iz [portal] api_key).
cli-api-off = Lokalni API isključen: podesite [portal] api_key u config.toml da bi ga kasa mogla pozvati.
cli-devices-state = Uređaji: štampač: { $printer }; skener: { $scanner }.
cli-error = greška: { $message }
cli-no-match = Nijedan kupac ne odgovara '{ $text }'. Učlanite ga sa `regulars customer add`.
cli-found-figures = { $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}, { $visits ->
    [one] { $visits } poseta
    [few] { $visits } posete
   *[other] { $visits } poseta
}
cli-exported = Sve što se čuva o { $code } zapisano je u { $path }.
cli-note-added = Beleška je dodata u istoriju kupca { $code }.
cli-erase-confirm = brisanjem { $code } zauvek nestaju ime, telefon, imejl i beleške: potvrdite sa --yes
cli-erased-details = Lični podaci kupca { $code } su obrisani. Posete i poeni ostaju kao anonimni brojevi.
cli-merged = Kartica { $gone } je spojena sa { $kept }: premešteno je poseta: { $visits }, poena: { $points }; { $kept } sada ima poena: { $balance }. Kartica { $gone } od sada nalazi { $kept }.
cli-duplicates-none = Nijedan kupac ne deli telefon ili e-poštu sa drugim.
cli-duplicate-phone = { $a } ({ $a_name }) i { $b } ({ $b_name }) imaju isti telefon: regulars customer merge { $a } { $b }
cli-duplicate-email = { $a } ({ $a_name }) i { $b } ({ $b_name }) imaju istu e-poštu: regulars customer merge { $a } { $b }
cli-redeemed-voucher = { $reward } iskorišćeno sa vaučerom kartice sa pečatima. Stanje { $balance }.
cli-redeemed = { $reward } iskorišćeno za { cli-points }. Stanje { $balance }.
cli-adjusted-already = Ova ispravka je već urađena (događaj { $event }): ništa nije promenjeno. Stanje { $balance }.
cli-points-added = Dodato { cli-points } ({ $by }, { $reason }). Stanje { $balance }.
cli-points-removed = Oduzeto { cli-points } ({ $by }, { $reason }). Stanje { $balance }.
cli-no-referrals = Nema preporuka.
cli-rebuild-matched = Zbirovi se slažu sa izvornim redovima: nema šta da se menja.
cli-rebuild-table = { $table }: { $rows ->
    [one] { $rows } red
    [few] { $rows } reda
   *[other] { $rows } redova
}
cli-rebuild-done = Zbirovi su se razlikovali od izvornih redova i ponovo su izračunati ({ $tables }).
cli-not-a-date = { $option } '{ $text }' nije datum: pišite GGGG-MM-DD, npr. 2026-03-01
cli-range-backwards = --from mora biti istog dana ili pre --to
cli-backing-up = pravi se rezervna kopija
cli-bad-role = uloga je cashier (blagajnik) ili owner (vlasnik)
cli-devices-ports = Serijski portovi: { $ports }
cli-devices-usb = USB štampači: { $ports }
cli-devices-no-ports = nisu pronađeni
cli-devices-printers = Profili štampača: { $profiles }
cli-devices-scanners = Profili skenera: { $profiles }
cli-devices-help = Podesite [printer] port/profile i [scanner] port/profile u config.toml; port = "virtual" koristi ugrađeni virtuelni štampač.
cli-scan-no-port = nema porta skenera: navedite --port PUTANJA ili podesite [scanner] port u config.toml
cli-scan-listening = Sluša se { $port } ({ $profile }); skenirajte nešto.
cli-scan-card = kartica kupca { $code }
cli-scan-receipt = QR računa (token { $token })
cli-scan-referral = kod za preporuku { $code }
cli-scan-product = proizvod { $symbology } { $gtin }
cli-scan-unknown = nepoznat kod '{ $data }': { $reason }
cli-scan-rejected = odbijeno: { $reason }
cli-plug-started = Režim priključka: kasa na { $till } ({ $profile }), štampač na { $printer }. Događaji idu u { $log }. Zaustavljanje: Ctrl-C.
cli-plug-card = skenirana kartica { $code }: sledeći račun je tog kupca
cli-ticket-opened = Zahtev je otvoren.
cli-ticket-resolved = Rešeno. Kupac to može da potvrdi na stranici svog računa.
cli-ticket-confirmed = Kupac je potvrdio.
cli-ticket-waiting = Čeka se odgovor kupca.
cli-ticket-reopened = Ponovo otvoreno.
cli-ticket-noted = Beleška je dodata uz zahtev #{ $id }.
cli-ticket-replied = Odgovor na zahtev #{ $id } je sačuvan u njegovoj istoriji i stavljen u red za kupca (`regulars messages send` ga šalje).
cli-ticket-none = Nijedan zahtev ne odgovara.
cli-ticket-no-follow-up = Nema šta da se proveri: svaki rešeni zahtev je potvrđen ili je skorašnji.
cli-ticket-anonymous = anonimni račun
cli-ticket-head = [{ $status }] prioritet { $priority } · hitnost { $severity } · { $who } · { $channel }
cli-ticket-visit = poseta V{ $visit }
cli-ticket-reply = odgovor: { $via }
cli-ticket-bad-status = --status { $text }: koristite open, waiting, resolved, confirmed ili all
cli-ticket-bad-contact-via = --contact-via { $text }: koristite phone, email, sms ili in_store
cli-ticket-event-opened = otvoren
cli-ticket-event-note = beleška
cli-ticket-event-waiting = čeka odgovor kupca
cli-ticket-event-resolved = rešen
cli-ticket-event-confirmed = kupac potvrdio
cli-ticket-event-reopened = ponovo otvoren
cli-ticket-event-open = opet otvoren
cli-made-private = Fascikla sa podacima { $path } bila je otvorena za druge korisnike ovog računara: fascikle ({ $folders }) i datoteke ({ $files }) sada su samo vaše.
cli-backup-written = Rezervna kopija upisana u { $path } ({ $kb } KB) i proverena prema bazi: { $holds }.
cli-backup-holds = { $customers ->
    [one] { $customers } kupac
    [few] { $customers } kupca
   *[other] { $customers } kupaca
}, { $visits ->
    [one] { $visits } poseta
    [few] { $visits } posete
   *[other] { $visits } poseta
}, { $newest }
cli-backup-newest = najnovija prodaja { $when }
cli-backup-no-sales = još nema prodaje
cli-backup-none = U { $dir } nema rezervnih kopija. Napravite jednu sa `regulars backup`.
cli-backup-no-checksum = * pored nje nema kontrolnog zbira (kopirana ručno?): `regulars backup verify` može da je proveri samo pomoću SQLite-a
cli-backup-good = { $path } je ispravna rezervna kopija (kontrolni zbir i provera SQLite-a): { $holds }.
cli-backup-good-unsummed = { $path } prolazi proveru SQLite-a (pored nje nema kontrolnog zbira za poređenje): { $holds }.
cli-restored = Vraćeno iz { $path }: { $holds }. Baza kakva je bila sačuvana je u { $kept }.
cli-backup-run = Rezervna kopija upisana u { $path } ({ $kb } KB), proverena: kupaca { $customers }, poseta { $visits }. Starije su sređene.
cli-backup-run-sealed = Šifrovana rezervna kopija upisana u { $path } ({ $kb } KB), pročitana i proverena: kupaca { $customers }, poseta { $visits }. Starije su sređene.

## Lanac: centralna baza i sinhronizacija
cli-central-init = Centralna baza { $url } je spremna: verzija šeme { $version } (bila je { $before }).
cli-sync-done = Sinhronizovano. Poslato: { $sent }; već postoji: { $duplicates }; odbijeno: { $rejected }. Primljeno: { $received }. Još za slanje: { $to_send }.
cli-sync-problems = Ovde nije moglo tačno da se primeni: { $problems } (vidite `regulars sync status`).
cli-sync-this-till = Ova kasa: { $till } (radnja { $shop }). Poslednji kontakt: { $when }. Za slanje: { $to_send }. Odbijeno: { $rejected }. Problemi: { $problems }.
cli-sync-never = nikad
cli-sync-offline = Bez veze od { $since }: { $error }
cli-sync-not-joined = Ova kasa još nije sinhronizovana; `regulars sync` je uključuje u lanac kao { $till }.
cli-sync-chain = Kase lanca, kako ih je centralna baza poslednji put čula:
cli-sync-chain-till = { $till } ({ $shop }): poslednji kontakt { $when }; za slanje: { $to_send }; zaostaje: { $behind }
cli-sync-unreachable = Centralna baza sada nije dostupna ({ $error }): prikazano je samo stanje ove kase.
cli-redeemed-offline = Iskorišćeno dok centralna baza nije dostupna, iz današnje dozvole ove kase za ovog kupca; ostale radnje će to saznati pri sledećoj sinhronizaciji.
cli-stats-shop = { $shop }: posete { $visits }; prodaja { $sales } (povraćaji { $refunds }); članovi koji su došli: { $members }, od njih više puta: { $returning }; poeni dodeljeni { $earned }, iskorišćeni { $redeemed }
cli-stats-shop-service = { $shop }: novi članovi { $new }; ocenjene posete { $ratings }, prosek { $average }; prijave { $tickets }, sada rešeno { $resolved }
cli-stats-all-shops = Sve radnje (članovi se računaju u svakoj radnji u kojoj su bili)
cli-fit-bgnbd = Ponovne posete (BG/NBD), { $customers } kupaca: r = { $r }, α = { $alpha }, a = { $a }, b = { $b } (log-verodostojnost { $ll })
cli-fit-gamma-gamma = Potrošnja po poseti (Gamma-Gamma), { $buyers } kupaca koji su se vratili: p = { $p }, q = { $q }, γ = { $v } (log-verodostojnost { $ll })
cli-fit-no-spend = Potrošnja po poseti: tabela nema kolonu monetary_value, pa su procenjene samo ponovne posete.
cli-insights-refit = Ponovo procenjeno za { $members } članova ({ $repeat } se vratilo): { $slipping } vredi pozvati.
cli-insights-models = Procenjeno modelima ponovnih poseta i potrošnje (BG/NBD, Gamma-Gamma) prilagođenim istoriji ove prodavnice.
cli-insights-grid = Vratilo se samo { $repeat } članova, a modelima treba { $needed }: procenjeno mrežom skorosti i učestalosti (odsutni više od dvostrukog uobičajenog razmaka, i bar mesec dana).
cli-insights-none = Još nema procene: pokrenite „regulars insights refit”.
cli-insights-failed = Ponovna procena od { $when } nije uspela: { $why } Spisak je iz prethodne procene.
cli-insights-head = Ove nedelje vredi pozvati: { $count } / { $total } (procenjeno { $when })
cli-insights-row = { $who }: poslednji put ovde pre { $days ->
        [one] { $days } dan
        [few] { $days } dana
       *[other] { $days } dana
    }, { $visits } poseta, obično { $spend }; { $outlook }; { $stake } za 90 dana dok dolazi
cli-insights-chance = i dalje stalan kupac: { $chance }%
cli-insights-chance-was = i dalje stalan kupac: { $chance }% (bilo { $was }%)
cli-insights-away = odsutan duže nego obično
cli-insights-tickets = otvorene prijave: { $tickets }
cli-birthday-set = { $code }: rođendan { $birthday } upisan, uz saglasnost datu sada.
cli-birthday-cleared = { $code }: rođendan zaboravljen.
cli-occasions-given = Dato { $birthday } rođendanskih i { $anniversary } godišnjičkih vaučera.
cli-messages-round = Poslato: { $sent }. Ponovo kasnije: { $retrying }. Neuspelo: { $failed }. Nije poslato (povučena saglasnost, nema adrese): { $cancelled }. Nesigurno: { $unsure }.
cli-messages-no-channel = Još ništa ne može da se pošalje: podesite [email] smtp ili [sms] url u config.toml. U redu čeka: { $queued }.
cli-messages-head = Odlazne poruke: čeka { $queued }, poslato { $sent }, neuspelo { $failed }, nesigurno { $unsure }, nije poslato { $cancelled }
cli-messages-row = #{ $id } { $kind } preko { $channel } za { $who }: { $state } { $when } (pokušaja: { $attempts })
cli-messages-next = sledeći pokušaj { $when }
cli-messages-retried = Poruka { $id } čeka da bude ponovo poslata.
cli-messages-stopped = STOP sa { $phone }: nema više marketinških poruka (članova: { $count }).
cli-consent-given = { $code } je pristao na vesti o nagradama i ponude preko { $channel }: „{ $wording }”
cli-consent-withdrawn = { $code } više ne dobija vesti o nagradama ni ponude preko { $channel }.
cli-messages-problem = Poruka { $id }: { $why }
cli-answers = { $count ->
    [0] Još nema sačuvanih odgovora: rešite prijavu sa --keep da sačuvate njenu belešku.
   *[other] Sačuvani odgovori ({ $count }), najkorišćeniji prvo:
}
cli-answer = #{ $id } · { $problem } · korišćen { $uses } × · { $body }
# serve --pages-only: the page server.
cli-pages-only = Server stranica: stranice računa lanca, ažurirane iz centralne baze svake sekunde. Ovde nema prodaje, uređaja, lokalnog API-ja ni poruka.
cli-pages-only-needs-central = serve --pages-only služi stranice lanca iz njegove centralne baze: podesite [central] url, shop_id i till_id (sopstveni id kase, npr. pages-1) u config.toml
cli-pages-only-private = PAŽNJA: public_url ovog servera stranica, { $url }, otvara se samo na njegovoj mreži (ili na ovom računaru): kasama lanca se javlja kao mesto gde se otvaraju njihove stranice, a telefoni drugde ne mogu da ga otvore. Podesite [portal] public_url na adresu na kojoj se ovaj server vidi sa interneta.
cli-pages-copy-asking = Novi server stranica: traži se kopija lanca od servera stranica na { $url }…
cli-pages-copy-arrived = Kopija lanca: stiglo { $done } MB od { $total } MB.
cli-pages-copy-failed = Nema kopije lanca sa { $url }: { $why }.
cli-pages-copied = Počelo od kopije lanca sa { $url } ({ $mb } MB: { $customers } kupaca, { $visits } poseta); iz centralne baze stiže samo ono što se dogodilo od tada.
cli-pages-copy-none = Novi server stranica: nijedan drugi server stranica nije dao kopiju lanca, pa se cela istorija lanca čita iz centralne baze (oko dvadeset minuta za deset miliona poseta). Stranice se otvaraju kako stiže; račun do kog se još nije stiglo kaže da je na putu.
cli-pages-copy-quicker = Brže za prvi server stranica lanca: zaustavite ga, pa ga pokrenite iz rezervne kopije neke kase lanca (regulars serve --pages-only --start-from DATOTEKA).
cli-pages-start-has-db = Ovaj server stranica već ima svoju bazu ({ $path }): --start-from je samo za praznu fasciklu novog servera stranica. Ništa nije promenjeno.
cli-pages-start-copying = Novi server stranica: počinje od rezervne kopije { $file }…
cli-pages-start-copied = Rezervna kopija: kopirano { $done } MB od { $total } MB.
cli-pages-started = Počelo od rezervne kopije { $file } ({ $mb } MB: { $customers } kupaca, { $visits } poseta); iz centralne baze stiže samo ono što se dogodilo od tada.
cli-pages-start-failed = Nije moguće početi od rezervne kopije { $file }: { $why }. Ništa nije promenjeno, a rezervna kopija je ostala ista.
cli-setup-intro = Podešavanje Regulars u { $path }. Enter prihvata predlog u zagradama, "-" znači "nema"; svaki odgovor se odmah čuva.
cli-setup-done = Podešeno. `regulars` otvara kasu; `regulars serve` pokreće stranice bez ekrana.
cli-setup-one-or-two = Odgovorite 1 ili 2.
cli-setup-profile-unknown = '{ $profile }' nije profil štampača: jedan od { $profiles }.
cli-messages-heard = Iz dopisivanja: povezano { $linked }, u zahteve { $heard } (novih { $opened }), iz nepoznatih razgovora { $unknown }, odbijenih kodova { $refused }, prekinuto { $ended }.
cli-messages-poll-problem = Nije moguće preuzeti šta su kupci napisali: { $why }
cli-chat-linked = { $app }: povezano od { $since }
cli-chat-ended = { $app }: prekinuto { $since } ({ $why })
cli-messages-no-unknown = Nema poruka iz razgovora koji nisu povezani sa karticom.
cli-display-sent = Poslato na displej za kupce na { $port } ({ $profile }).
cli-display-no-port = Displej za kupce nije podešen ([display] port u config.toml, ili --port): prikazano samo ovde.
cli-display-failed = Displej za kupce nije dostupan: { $error }. Proverite kabl, napajanje i [display] port.
cli-display-busy = Displej za kupce na { $port } koristi drugi program: kasa već prikazuje na njemu. Zatvorite prozor (ili zaustavite regulars serve) da biste probali samo displej.
