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
refunded-pending = Atmaksāts { $amount } no čeka { $receipt }: tā punkti ({ $points }) tiks noņemti, kad atbildēs ķēdes centrālā krātuve (nākamajā sinhronizācijā).
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
waiting-printed = { $count ->
    [zero] Printeris izdrukāja { $count } gaidošos čekus.
    [one] Printeris izdrukāja gaidošo čeku.
   *[other] Printeris izdrukāja { $count } gaidošos čekus.
}
not-a-date = '{ $text }' nav datums: rakstiet GGGG-MM-DD
range-backwards = Periods sākas pēc tā beigām.
export-needs-figures = Vispirms parādiet skaitļus, tad eksportējiet tos.
ticket-needs-customer = Vispirms atrodiet klientu (vai noskenējiet čeku), tad atveriet pieteikumu.
not-points = '{ $text }' nav punktu skaits: piemēram, 20 vai -15
figures-shown = Skaitļi par { $from } – { $to }.
figures-shown-to = Ķēdes skaitļi līdz { $to }.
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
doing-reply = sūtot atbildi
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
store-error-needs-connection = lai izmantotu { $needed } punktus, vajadzīgs savienojums ar tīkla centrālo krātuvi; bez savienojuma šī kase šodien šim klientam var izmantot vēl { $left }. Pirkumu var turpināt.
store-error-unknown-receipt = nav pirkuma ar čeka numuru '{ $receipt }': pārbaudiet uz čeka drukāto numuru
store-error-ambiguous-receipt = čeka numurs '{ $receipt }' ir vairāku kasu pirkumiem: ievadiet to kā vienu no { $choices }
store-error-refunded = čeks '{ $receipt }' jau ir pilnībā atmaksāts; vairs nav ko atmaksāt
store-error-busy = datubāzi aizņēmusi cita programma; mēģiniet pēc brīža vēlreiz
still-busy = { $doing }: datubāzē raksta cita programma (rezerves kopija, cita kase); mēģinām vēlreiz…
amount-error-empty = summa nav ievadīta: ierakstiet summu, piemēram, 12,50
amount-error-not-a-number = '{ $text }' nav summa: cipari ar vienu decimālatdalītāju, piemēram, { $example }
amount-error-negative = '{ $text }' ir negatīva: summas ir pozitīvas; naudas atdošanai izmantojiet atmaksu
amount-error-zero = summa ir nulle: pirkumam vai atmaksai vajag summu virs nulles
amount-error-decimals = '{ $text }' ir vairāk decimālzīmju, nekā ir valūtai { $currency } ({ $allowed }): pārbaudiet summu
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
store-error-unknown-reward = balvas '{ $id }' nav; balvas ir: { $available }
store-error-bad-receipt = čeka numurā ir no 1 līdz { $max } drukājamām zīmēm: pārbaudiet, ko izdrukāja kase
store-error-refund-too-large = atmaksa { $requested } ir lielāka par čekā '{ $receipt }' atlikušo atmaksājamo summu ({ $refundable })
store-error-no-visit = apmeklējuma V{ $visit } nav: pārbaudiet čeku
store-error-no-ticket = pieprasījuma #{ $ticket } nav: skatiet `regulars ticket list`
store-error-claimed = šī čeka punkti jau ir saņemti
store-error-key-conflict = atslēga '{ $key }' jau izmantota citai darbībai: nekas netika mainīts
store-error-newer-schema = { $path } ierakstījusi jaunāka Regulars versija (shēmas versija { $found }; šī zina līdz { $known }): uzstādiet jaunāko Regulars; fails netika mainīts
store-error-not-a-database = { $path } nav Regulars datubāze vai ir bojāta: atjaunojiet jaunāko failu no backups/ (skatiet `regulars backup`) vai norādiet ar --data pareizo mapi
store-error-open = nevar atvērt { $path } ({ $reason }): pārbaudiet, vai mape pastāv un vai tajā drīkst rakstīt
report-error-write = nevar ierakstīt { $path } ({ $reason }): pārbaudiet, vai mape pastāv un tajā ir vieta
store-error-database = datubāzes kļūda ({ $reason }): nekas netika mainīts
store-error-referral-shape = '{ $code }' nav ieteikuma kods: ieteikuma kods izskatās šādi: REF-4KQ2M9X
store-error-text-too-long = { $field } ir par garu: ne vairāk kā { $max } zīmes
store-error-text-control = { $field } satur vadības zīmes: ierakstiet to vēlreiz kā vienkāršu tekstu
store-error-empty = { $field }: nekas nav uzrakstīts; uzrakstiet dažus vārdus
store-error-empty-description = dažos vārdos pastāstiet, kas nogāja greizi
store-error-empty-answer = pastāstiet, kas tika izdarīts, lai to labotu, tad saglabājiet kā atbildi
text-field-description = apraksts
text-field-contact = kontakts
text-field-note = piezīme
text-field-answer = atbilde
text-field-comment = komentārs
store-error-adjust-points = punktu korekcijai vajag punktu skaitu, kas nav nulle, piemēram, +20 vai -15
store-error-adjust-reason = punktu korekcijai vajag iemeslu (--reason), piemēram, "karte aizmirsta 3. maijā"
store-error-adjust-actor = punktu korekcijai vajag tās veicēja vārdu (--by)
store-error-birthday = dzimšanas diena ir mēnesis un diena formā MM-DD (14. jūlijs ir 07-14), nevis '{ $text }'
store-error-severity = svarīgums ir 1 (neliels), 2 (parasts) vai 3 (steidzams)
store-error-visit-not-theirs = apmeklējums V{ $visit } pieder klientam { $owner }, nevis { $given }
store-error-ticket-owner = pieprasījumam vajag klientu vai čeku, kam tas pieder
store-error-no-email = atbildei e-pastā vajag adresi: kartē tās nav, tāpēc ierakstiet izmantojamo
store-error-no-phone = atbildei ar SMS vai zvanu vajag tālruņa numuru: kartē tā nav, tāpēc ierakstiet izmantojamo
store-error-no-written-reply = klients vēlējās atbildi veikalā vai pa tālruni: pierakstiet piezīmē, kas tika teikts
store-error-ticket-move = pieprasījums #{ $ticket } ir { $from }; tas nevar kļūt { $to }
store-error-no-answer = saglabātas atbildes { $answer } nav: `regulars ticket answers` tās uzskaita
store-error-stars = vērtējums ir no 1 līdz 5 zvaigznēm: izvēlieties vienu un nosūtiet vēlreiz
store-error-rating-locked = šis apmeklējums novērtēts pirms vairāk nekā { $days } dienām; vērtējumu vairs nevar mainīt
store-error-contact-needed = norādiet savas dalības tālruņa numuru vai e-pastu (vai to, ar kuru pievienoties)
store-error-name-to-join = nevienam dalībniekam vēl nav šī tālruņa vai e-pasta: pievienojiet savu vārdu, lai pievienotos
store-error-consent-wording = piekrišanai vajag precīzus vārdus, kas tika parādīti klientam
store-error-erased = klients { $code } ir dzēsts: par viņu vairs neko nevar ierakstīt
store-error-already-one = { $kept } un { $gone } jau ir viens klients
store-error-not-retryable = ziņa { $message } nav neizdevusies vai neskaidra: atkārtot var tikai tādas
store-error-other-till = šī datubāze ir tīkla kase '{ $this }'; tā nevar būt arī '{ $asked }' (katrai kasei sava datu mape)
store-error-not-in-chain = šī kase nav pievienojusies tīklam: iestatiet [central] failā config.toml un palaidiet `regulars sync`
store-error-copy-of-lone-shop = tā ir rezerves kopija veikalam, kas nav pievienojies tīklam
store-error-copy-of-other-chain = tā ir cita tīkla rezerves kopija (tā centrālā krātuve nav šī)
store-error-bulk-not-empty = demonstrācijas vēsture aizpilda tikai veikalu bez klientiem un apmeklējumiem: norādiet jaunu mapi ar --data
store-error-no-program = veikalam vēl nav lojalitātes programmas
store-error-staff-name = darbiniekam vajag vārdu
store-error-pin = PIN ir no 4 līdz 8 cipariem
store-error-pin-taken = citam darbiniekam ir šis PIN: izvēlieties citu
store-error-staff-taken = darbinieks vārdā { $name } jau ir
store-error-aggregates = īpašnieka rādītāji nesakrīt ar pirkumiem: palaidiet `regulars stats --rebuild`
store-error-damaged = dati nav tādi, kādus tos rakstīja Regulars ({ $reason }): nekas netika mainīts; atjaunojiet jaunāko rezerves kopiju (skatiet `regulars backup`)
worker-no-printer = printeris nav iestatīts: pārbaudiet printera profilu iestatījumos
worker-unknown-pin = šis PIN nepieder nevienam: mēģiniet vēlreiz
worker-nothing-printed = neviens čeks vēl nav izdrukāts
worker-foreign-receipt = šī čeka kods nav mūsējais (vai ir bojāts)
worker-exported = { $count ->
    [zero] Ierakstīti { $count } CSV faili mapē { $dir }.
    [one] Ierakstīts { $count } CSV fails mapē { $dir }.
   *[other] Ierakstīti { $count } CSV faili mapē { $dir }.
}
worker-ticket-opened = Pieprasījums #{ $ticket } atvērts.
worker-ticket-opened-visit = Pieprasījums #{ $ticket } atvērts par apmeklējumu V{ $visit }.
worker-note-added = Piezīme pievienota vēsturei.
worker-ticket-resolved = Pieprasījums #{ $ticket } atrisināts; klients to var apstiprināt savā čeka lapā.
worker-ticket-replied = Atbilde uz pieprasījumu #{ $ticket } saglabāta tā vēsturē un nosūtīta klientam.
worker-refund-needs-owner = atmaksām virs { $limit } vajag īpašnieka PIN: lūdziet īpašniekam to ierakstīt laukā “Īpašnieka PIN”
worker-adjust-needs-owner = punktu korekcijām vajag īpašnieka PIN: lūdziet īpašniekam to ierakstīt laukā “Īpašnieka PIN”
worker-figures-needs-owner = īpašnieka rādītājiem vajag īpašnieka PIN: lūdziet īpašniekam to ierakstīt laukā “Īpašnieka PIN”
plug-till = Kase: { $event }
plug-state = spraudņa režīms: kase pie { $till }, printeris pie { $printer }
plug-off = spraudņa režīms izslēgts: { $error }
plug-prints = kase drukā spraudņa režīmā
plug-printer-waits = spraudņa režīms: printeris nav pieejams, kases čeki gaida
plug-needs-till-port = spraudņa režīmam vajag kases portu: iestatiet to iestatījumos
plug-needs-real-printer = spraudņa režīmam iestatījumos vajag īstā printera portu (nevis "virtual")
plug-anonymous = anonīms, ar QR punktu saņemšanai
plug-added = čeks { $receipt }: pievienots lojalitātes bloks (apmeklējums { $visit }, { $who })
plug-added-again = čeks { $receipt }: pievienots lojalitātes bloks (apmeklējums { $visit }, { $who }); atkārtota druka, reģistrēta vienreiz
plug-unchanged = čeks nodots bez izmaiņām: { $why }
plug-printer-down = printeris nav pieejams ({ $error }); { $bytes } baiti gaida un tiks nosūtīti, kad tas atgriezīsies
plug-printer-back = printeris atkal pieejams: gaidošie baiti nosūtīti
plug-till-down = kases puse: { $error }; mēģina vēlreiz
plug-no-total = čekā nav atrasta kopsumma (pārbaudiet kases profila kopsummas paraugu)
plug-bad-total = kopsumma '{ $total }' nav summa: { $error }
plug-not-recorded = apmeklējums netika reģistrēts: { $error }
plug-unread = klientu neizdevās nolasīt: { $error }
scan-too-long = vairāk nekā { $max } baiti bez beigām: tas nav kods (traucējumi līnijā?)
scan-half-code = puse koda ({ $bytes } baiti) bez beigām: skenējiet vēlreiz
scan-binary = binārie dati, nevis kods
scan-control = kodā ir vadības rakstzīmes: pārbaudiet skenera sufiksa iestatījumu
scan-empty = tukšs kods
scan-digit-count = { $digits } cipari nav preces svītrkoda garums
scan-check-digit = { $symbology } ar nepareizu kontrolciparu: skenējiet vēlreiz
scan-card-check = izskatās pēc kartes koda, bet kontrolzīme nav pareiza: skenējiet vēlreiz
scan-not-ours = Regulars šo kodu nepazīst
referral-pending = Ieteicis { $name }: abi saņems bonusu ({ $friend } un { $referrer } punkti) pēc pirmā atbilstošā pirkuma.
referral-rewarded = Pirmais pirkums: piešķirts ieteikuma bonuss { $friend } punkti, un { $referrer } punkti klientam { $name }.
referral-refused = { $name } ieteikums noraidīts: { $why }. Tas saglabāts īpašnieka pārskatīšanai.
referral-cap = Ieteikuma bonuss netika piešķirts: { $why }. Tas saglabāts īpašnieka pārskatīšanai.
referral-why-self_referral = jaunajam klientam ir ieteicēja paša tālrunis vai e-pasts; klients nevar ieteikt pats sevi
referral-why-existing_customer = klients jau bija klients (pievienots agrāk vai jau pircis); ieteikumi ir jauniem klientiem
referral-why-second_referrer = klientu jau kāds ieteica; skaitās tikai pirmais ieteicējs
referral-why-cap_reached = ieteicējs sasniedzis 30 dienās atļauto apbalvoto ieteikumu skaitu
referral-status-pending = gaida
referral-status-rewarded = apbalvots
referral-status-refused = noraidīts
backup-error-damaged = rezerves kopija ir bojāta un nav izmantojama (SQLite saka: { $reason }); mēģiniet vecāku (`regulars backup list`)
backup-error-differs = kopijā nav tā, kas bija datubāzē: { $table } kopijā ir { $copy } rindas, datubāzē { $live }; kopija izmesta
backup-error-checksum = { $path } nav tas fails, kas tika saglabāts: tā kontrolsumma nesakrīt ar blakus esošo (mainīts vai bojāts baits); mēģiniet vecāku kopiju
backup-error-in-use = kases logs, klientu lapas vai spraudņa režīms izmanto šo veikalu: aizveriet tos un atjaunojiet vēlreiz; nekas netika mainīts
backup-error-io = { $path }: { $reason }
backup-error-target-missing = rezerves kopiju mapes { $path } nav (vai disks pievienots, tīkla mape sasniedzama?); vēlreiz pēc 10 minūtēm, pārdošana turpinās
backup-error-passphrase = šī parole neatver rezerves kopiju: pārbaudiet [backup] passphrase_file vai REGULARS_BACKUP_PASSPHRASE
backup-error-needs-passphrase = { $path } ir šifrēta: iestatiet [backup] passphrase_file vai REGULARS_BACKUP_PASSPHRASE, lai to atvērtu

sync-error-not-configured = šai kasei config.toml nav sadaļas [central]: iestatiet url, shop_id un till_id (skatiet README, „A chain of shops”)
central-error-unreachable = nevar sasniegt centrālo krātuvi { $url }: { $reason }. Pārdošana šeit turpinās un tiks nosūtīta, kad tā atbildēs.
central-error-newer = centrālās krātuves shēmas versija ir { $found }, jaunāka nekā šī Regulars zina ({ $known }): atjauniniet Regulars šajā kasē
central-error-not-initialised = centrālajā krātuvē { $url } vēl nav Regulars shēmas: vienreiz palaidiet `regulars central init`
central-error-till-taken = citas kases datubāze jau sinhronizējas kā šīs ķēdes kase '{ $till }': piešķiriet šai kasei savu till_id failā config.toml. Pārdošana šeit turpinās, un viss tiek saglabāts.
central-error-refused = centrālā krātuve atteica: { $reason }
fit-error-no-repeats = Neviens klients vēl nav atgriezies, tāpēc nav ko aprēķināt.
fit-error-not-converged = Aprēķins nenostabilizējās pēc { $steps } soļiem; paliek spēkā iepriekšējais.
fit-error-row = Tabulas { $line }. rinda: { $why }
fit-error-column = Tabulā nav kolonnas “{ $column }” (vajag frequency, recency un T; monetary_value nav obligāta).
fit-error-unreadable = Tabulu nevarēja nolasīt: { $why }
fit-error-edge = Aprēķins nenostabilizējās: tā parametrs { $parameter } aizgāja uz nulli vai bezgalību (vēsturē par maz dalībnieku atgriežas vai aiziet); paliek spēkā iepriekšējais.
error-birthday = Dzimšanas diena ir mēnesis un diena formā MM-DD: 14. jūlijs ir 07-14.

# A printer, scanner or till profile that could not be loaded.
profile-unknown = nav { $kind } profila "{ $id }"; ir šādi profili: { $available } (veikala paša profili glabājas { $dir })
profile-invalid = { $path } nav derīgs profils: { $reason }
store-error-no-chat = klients vēl nav piesaistījis { $app }: jānospiež tās poga apmeklējuma lapā
store-error-link-code-used = šis piesaistes kods jau izmantots: atveriet apmeklējuma lapu vēlreiz, lai saņemtu jaunu
store-error-link-code-unknown = šis piesaistes kods nav šī veikala: atveriet apmeklējuma lapu vēlreiz, lai saņemtu jaunu
store-error-bad-rows = { $count } faila rindas ir kļūdainas: nekas nav importēts
doing-paper-stamps = pievienojot zīmogus no papīra kartes
