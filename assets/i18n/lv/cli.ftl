cli-points = { $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
}
cli-enrolled = Pievienots { $name }: karte { $code }, ieteikuma kods { $referral }, atlikums { cli-points }.
cli-customer = { $name }  karte { $code }  ieteikuma kods { $referral }
cli-erased = (dati dzēsti)
cli-phone = tālrunis   { $phone }
cli-email = e-pasts    { $email }
cli-balance = atlikums   { cli-points }
cli-visits = apmeklējumi { $visits }
cli-visits-last = apmeklējumi { $visits } (pēdējais { $when })
cli-next = nākamais   { $progress }
cli-reward-voucher = balva      { $reward } (zīmogu karte, bez maksas)  [{ $id }]
cli-reward-points = balva      { $reward } ({ cli-points })  [{ $id }]
cli-enrolled-at = pievienots { $when }
cli-sale-duplicate = Čeks { $receipt } jau ir reģistrēts (apmeklējums { $visit }, { $amount }): nekas nav mainīts.
cli-sale-member = Pirkums { $amount } reģistrēts (apmeklējums { $visit }) klientam { $code }: +{ cli-points }, atlikums { $balance }.
cli-stamp-complete = Zīmogu karte pilna: balvas kupons ir gatavs.
cli-receipt-page = Čeka lapa: { $url }
cli-sale-anonymous = Anonīms pirkums { $amount } reģistrēts (apmeklējums { $visit }). Čeka lapa: { $url }
cli-refunded = Atmaksāti { $amount } no čeka { $receipt }.
cli-refunded-full = Atmaksāti { $amount } no čeka { $receipt } (pilnībā).
cli-points-back = Noņemti { cli-points }; atlikums { $balance }.
cli-points-spent = (Pienācās { $due }; pārējie jau bija iztērēti balvām.)
cli-points-pending = ({ $points } tiks noņemti, kad atbildēs ķēdes centrālā krātuve: to izdarīs nākamā sinhronizācija.)
cli-printed = Čeks izdrukāts: { $file }
cli-printed-count = Izdrukāti čeki: { $count }.
cli-not-printed = Čeks nav izdrukāts: { $problem }. Tas ir saglabāts (gaida: { $waiting }) un tiks izdrukāts ar `regulars print retry`, kad printeris būs gatavs.
cli-stats-customers = Klienti
cli-stats-sales = Pārdošana
cli-stats-sales-value = { $sales } (atmaksas { $refunds })
cli-stats-csv = CSV faili ({ $count }) ierakstīti mapē { $dir }.
cli-nothing-to-print = Nekas negaida drukāšanu.
cli-print-job = darbs { $id } ({ $kind }, apmeklējums { $visit }) no { $when }: mēģinājumi { $attempts }
cli-print-job-error = { $job }, pēdējā kļūda: { $error }
cli-trying-again = { $waiting }; mēģina vēlreiz…
cli-staff-added = Pievienots { $name } ({ $role }). Kase tagad prasa darbinieka PIN, lai pieteiktos.
cli-staff-none = Nav darbinieku: ikviens pie kases var pārdot un atmaksāt. Pievienojiet tos ar `regulars staff add`.
cli-backup-exists = { $path } jau pastāv: izvēlieties citu ceļu; nekas netika pārrakstīts
cli-serving = Klientu lapas: http://{ $addr } (čeki ved uz { $url }). Apturēt: Ctrl-C.
cli-api-on = Lokālais API: /api/v1/ (atslēga no [portal] api_key).
cli-api-off = Lokālais API izslēgts: iestatiet [portal] api_key failā config.toml, lai kase to varētu izsaukt.
cli-devices-state = Ierīces: printeris: { $printer }; skeneris: { $scanner }.
cli-error = kļūda: { $message }
cli-no-match = Neviens klients neatbilst '{ $text }'. Pievienojiet to ar `regulars customer add`.
cli-found-figures = { $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
}, { $visits ->
    [zero] { $visits } apmeklējumu
    [one] { $visits } apmeklējums
   *[other] { $visits } apmeklējumi
}
cli-exported = Viss par { $code } glabātais ierakstīts failā { $path }.
cli-note-added = Piezīme pievienota { $code } vēsturei.
cli-erase-confirm = dzēšot { $code }, vārds, tālrunis, e-pasts un piezīmes tiek izdzēsti uz visiem laikiem: apstipriniet ar --yes
cli-erased-details = { $code } personas dati izdzēsti. Apmeklējumi un punkti paliek kā anonīmi skaitļi.
cli-merged = Karte { $gone } apvienota ar { $kept }: pārcelti { $visits } apmeklējumi un { $points } punkti; { $kept } tagad ir { $balance } punkti. Karte { $gone } turpmāk atrod { $kept }.
cli-duplicates-none = Nevienam klientam nav kopīga tālruņa vai e-pasta.
cli-duplicate-phone = { $a } ({ $a_name }) un { $b } ({ $b_name }) ir viens tālrunis: regulars customer merge { $a } { $b }
cli-duplicate-email = { $a } ({ $a_name }) un { $b } ({ $b_name }) ir viens e-pasts: regulars customer merge { $a } { $b }
cli-redeemed-voucher = { $reward } izmantota ar zīmogu kartes kuponu. Atlikums { $balance }.
cli-redeemed = { $reward } izmantota par { cli-points }. Atlikums { $balance }.
cli-adjusted-already = Šī korekcija jau bija veikta (notikums { $event }): nekas netika mainīts. Atlikums { $balance }.
cli-points-added = Pievienoti { cli-points } ({ $by }, { $reason }). Atlikums { $balance }.
cli-points-removed = Noņemti { cli-points } ({ $by }, { $reason }). Atlikums { $balance }.
cli-no-referrals = Ieteikumu nav.
cli-rebuild-matched = Apkopojumi sakrita ar sākotnējiem ierakstiem: nav ko mainīt.
cli-rebuild-table = { $table }: { $rows ->
    [zero] { $rows } rindu
    [one] { $rows } rinda
   *[other] { $rows } rindas
}
cli-rebuild-done = Apkopojumi atšķīrās no sākotnējiem ierakstiem un tika pārrēķināti ({ $tables }).
cli-not-a-date = { $option } '{ $text }' nav datums: rakstiet GGGG-MM-DD, piemēram, 2026-03-01
cli-range-backwards = --from jābūt tajā pašā dienā vai pirms --to
cli-backing-up = veido rezerves kopiju
cli-bad-role = loma ir cashier (kasieris) vai owner (īpašnieks)
cli-devices-ports = Seriālie porti: { $ports }
cli-devices-usb = USB printeri: { $ports }
cli-devices-no-ports = nav atrasti
cli-devices-printers = Printeru profili: { $profiles }
cli-devices-scanners = Skeneru profili: { $profiles }
cli-devices-help = Iestatiet [printer] port/profile un [scanner] port/profile failā config.toml; port = "virtual" izmanto iebūvēto virtuālo printeri.
cli-scan-no-port = nav skenera porta: norādiet --port CEĻŠ vai iestatiet [scanner] port failā config.toml
cli-scan-listening = Klausās { $port } ({ $profile }); noskenējiet kaut ko.
cli-scan-card = klienta karte { $code }
cli-scan-receipt = čeka QR (marķieris { $token })
cli-scan-referral = ieteikuma kods { $code }
cli-scan-product = prece { $symbology } { $gtin }
cli-scan-unknown = nezināms kods '{ $data }': { $reason }
cli-scan-rejected = noraidīts: { $reason }
cli-plug-started = Spraudņa režīms: kase pie { $till } ({ $profile }), printeris pie { $printer }. Notikumi tiek rakstīti { $log }. Apturēt: Ctrl-C.
cli-plug-card = noskenēta karte { $code }: nākamais čeks ir šī klienta
cli-ticket-opened = Pieprasījums atvērts.
cli-ticket-resolved = Atrisināts. Klients to var apstiprināt savā čeka lapā.
cli-ticket-confirmed = Klients apstiprinājis.
cli-ticket-waiting = Gaida klienta atbildi.
cli-ticket-reopened = Atvērts no jauna.
cli-ticket-noted = Piezīme pievienota pieprasījumam #{ $id }.
cli-ticket-replied = Atbilde uz pieprasījumu #{ $id } saglabāta tā vēsturē un ielikta klienta sūtāmo ziņu rindā (`regulars messages send` to nosūta).
cli-ticket-none = Neviens pieprasījums neatbilst.
cli-ticket-no-follow-up = Nav ko pārbaudīt: katrs atrisinātais pieprasījums ir apstiprināts vai nesens.
cli-ticket-anonymous = anonīms čeks
cli-ticket-head = [{ $status }] prioritāte { $priority } · svarīgums { $severity } · { $who } · { $channel }
cli-ticket-visit = apmeklējums V{ $visit }
cli-ticket-reply = atbildēt: { $via }
cli-ticket-bad-status = --status { $text }: izmantojiet open, waiting, resolved, confirmed vai all
cli-ticket-bad-contact-via = --contact-via { $text }: izmantojiet phone, email, sms vai in_store
cli-ticket-event-opened = atvērts
cli-ticket-event-note = piezīme
cli-ticket-event-waiting = gaida klienta atbildi
cli-ticket-event-resolved = atrisināts
cli-ticket-event-confirmed = klients apstiprinājis
cli-ticket-event-reopened = atvērts no jauna
cli-ticket-event-open = atkal atvērts
cli-made-private = Datu mape { $path } bija pieejama citiem šī datora lietotājiem: tagad mapes ({ $folders }) un faili ({ $files }) ir tikai jūsu.
cli-backup-written = Rezerves kopija ierakstīta: { $path } ({ $kb } KB) un pārbaudīta pret datubāzi: { $holds }.
cli-backup-holds = klienti: { $customers }, apmeklējumi: { $visits }, { $newest }
cli-backup-newest = jaunākais pirkums { $when }
cli-backup-no-sales = pirkumu vēl nav
cli-backup-none = Mapē { $dir } nav rezerves kopiju. Izveidojiet to ar `regulars backup`.
cli-backup-no-checksum = * blakus nav kontrolsummas (kopēts ar roku?): `regulars backup verify` to var pārbaudīt tikai ar SQLite
cli-backup-good = { $path } ir laba rezerves kopija (kontrolsumma un SQLite pārbaude): { $holds }.
cli-backup-good-unsummed = { $path } iztur SQLite pārbaudi (blakus nav kontrolsummas, ar ko salīdzināt): { $holds }.
cli-restored = Atjaunots no { $path }: { $holds }. Iepriekšējā datubāze saglabāta: { $kept }.
cli-backup-run = Rezerves kopija ierakstīta: { $path } ({ $kb } KB), pārbaudīta: klienti { $customers }, apmeklējumi { $visits }. Vecākās sakārtotas.
cli-backup-run-sealed = Šifrēta rezerves kopija ierakstīta: { $path } ({ $kb } KB), nolasīta un pārbaudīta: klienti { $customers }, apmeklējumi { $visits }. Vecākās sakārtotas.

## Tīkls: centrālā krātuve un sinhronizācija
cli-central-init = Centrālā krātuve { $url } ir gatava: shēmas versija { $version } (bija { $before }).
cli-sync-done = Sinhronizēts. Nosūtīti: { $sent }; jau bija: { $duplicates }; atteikti: { $rejected }. Saņemti: { $received }. Vēl jānosūta: { $to_send }.
cli-sync-problems = Šeit nevarēja precīzi piemērot: { $problems } (skatiet `regulars sync status`).
cli-sync-this-till = Šī kase: { $till } (veikals { $shop }). Pēdējais savienojums: { $when }. Jānosūta: { $to_send }. Atteikti: { $rejected }. Problēmas: { $problems }.
cli-sync-never = nekad
cli-sync-offline = Bez savienojuma kopš { $since }: { $error }
cli-sync-not-joined = Šī kase vēl nav sinhronizēta; `regulars sync` pievienos to tīklam kā { $till }.
cli-sync-chain = Tīkla kases, kā centrālā krātuve tās pēdējoreiz dzirdēja:
cli-sync-chain-till = { $till } ({ $shop }): pēdējais savienojums { $when }; jānosūta: { $to_send }; atpaliek: { $behind }
cli-sync-unreachable = Centrālā krātuve tagad nav sasniedzama ({ $error }): redzams tikai šīs kases skats.
cli-redeemed-offline = Izmantots bez savienojuma ar centrālo krātuvi, no šīs kases šodienas atļaujas šim klientam; pārējie veikali par to uzzinās nākamajā sinhronizācijā.
cli-stats-shop = { $shop }: apmeklējumi { $visits }; pārdošana { $sales } (atmaksas { $refunds }); klienti, kas nāca: { $members }, no tiem vairāk nekā reizi: { $returning }; punkti piešķirti { $earned }, izmantoti { $redeemed }
cli-stats-shop-service = { $shop }: jauni dalībnieki { $new }; novērtēti apmeklējumi { $ratings }, vidēji { $average }; pieteikumi { $tickets }, tagad atrisināti { $resolved }
cli-stats-all-shops = Visi veikali (klienti skaitīti katrā veikalā, kurā viņi bija)
cli-fit-bgnbd = Atkārtoti apmeklējumi (BG/NBD), { $customers } klienti: r = { $r }, α = { $alpha }, a = { $a }, b = { $b } (log-ticamība { $ll })
cli-fit-gamma-gamma = Tēriņi apmeklējumā (Gamma-Gamma), { $buyers } atkārtoti pircēji: p = { $p }, q = { $q }, γ = { $v } (log-ticamība { $ll })
cli-fit-no-spend = Tēriņi apmeklējumā: tabulā nav kolonnas monetary_value, tāpēc aprēķināti tikai atkārtotie apmeklējumi.
cli-insights-refit = Pārrēķināts { $members } dalībniekiem ({ $repeat } atgriezās): { $slipping } vērts piezvanīt.
cli-insights-models = Novērtēts ar atkārtoto apmeklējumu un tēriņu modeļiem (BG/NBD, Gamma-Gamma), kas pielāgoti šī veikala vēsturei.
cli-insights-grid = Atgriezušies tikai { $repeat } dalībnieki, bet modeļiem vajag { $needed }: novērtēts ar nesenuma un biežuma režģi (prom vairāk nekā divreiz ilgāk par ierasto starplaiku un vismaz mēnesi).
cli-insights-none = Vēl nav aprēķina: palaidiet “regulars insights refit”.
cli-insights-failed = Pārrēķins { $when } neizdevās: { $why } Saraksts ir no iepriekšējā aprēķina.
cli-insights-head = Šonedēļ vērts piezvanīt: { $count } / { $total } (aprēķināts { $when })
cli-insights-row = { $who }: pēdējoreiz šeit pirms { $days ->
        [zero] { $days } dienām
        [one] { $days } dienas
       *[other] { $days } dienām
    }, { $visits } apmeklējumi, parasti { $spend }; { $outlook }; { $stake } 90 dienās, kamēr nāk
cli-insights-chance = joprojām pastāvīgs klients: { $chance }%
cli-insights-chance-was = joprojām pastāvīgs klients: { $chance }% (bija { $was }%)
cli-insights-away = prom ilgāk nekā parasti
cli-insights-tickets = atvērti pieteikumi: { $tickets }
cli-birthday-set = { $code }: dzimšanas diena { $birthday } ierakstīta ar klienta piekrišanu tagad.
cli-birthday-cleared = { $code }: dzimšanas diena aizmirsta.
cli-occasions-given = Izsniegti { $birthday } dzimšanas dienas un { $anniversary } gadadienas kuponi.
cli-messages-round = Nosūtītas: { $sent }. Mēģinās vēlreiz: { $retrying }. Neizdevās: { $failed }. Nenosūtītas (atsaukta piekrišana, nav adreses): { $cancelled }. Neskaidras: { $unsure }.
cli-messages-no-channel = Vēl neko nevar nosūtīt: iestatiet [email] smtp vai [sms] url failā config.toml. Izsūtnē gaida: { $queued }.
cli-messages-head = Izsūtne: gaida { $queued }, nosūtītas { $sent }, neizdevās { $failed }, neskaidras { $unsure }, nenosūtītas { $cancelled }
cli-messages-row = #{ $id } { $kind } pa { $channel } uz { $who }: { $state } { $when } (mēģinājumi: { $attempts })
cli-messages-next = nākamais mēģinājums { $when }
cli-messages-retried = Ziņa { $id } gaida atkārtotu sūtīšanu.
cli-messages-stopped = STOP no { $phone }: vairs nekādu mārketinga īsziņu (biedri: { $count }).
cli-consent-given = { $code } piekrita balvu ziņām un piedāvājumiem pa { $channel }: “{ $wording }”
cli-consent-withdrawn = { $code } vairs nesaņems balvu ziņas un piedāvājumus pa { $channel }.
cli-messages-problem = Ziņa { $id }: { $why }
cli-answers = { $count ->
    [0] Vēl nav saglabātu atbilžu: atrisiniet pieteikumu ar --keep, lai saglabātu tā piezīmi.
   *[other] Saglabātās atbildes ({ $count }), biežāk lietotās vispirms:
}
cli-answer = #{ $id } · { $problem } · lietota { $uses } × · { $body }
# serve --pages-only: the page server.
cli-pages-only = Lapu serveris: ķēdes čeku lapas, katru sekundi atjauninātas no centrālās krātuves. Šeit nav pārdošanas, ierīču, lokālā API vai ziņu.
cli-pages-only-needs-central = serve --pages-only rāda ķēdes lapas no tās centrālās krātuves: config.toml iestatiet [central] url, shop_id un till_id (savu kases id, piemēram, pages-1)
cli-pages-only-private = UZMANĪBU: šī lapu servera public_url, { $url }, atveras tikai tā tīklā (vai šajā datorā): ķēdes kasēm to nosauc kā vietu, kur atveras to lapas, bet citur telefoni to neatvērs. Iestatiet [portal] public_url uz adresi, kurā šis serveris sasniedzams no interneta.
cli-pages-copy-asking = Jauns lapu serveris: lūdz ķēdes lapu serverim { $url } tā ķēdes kopiju…
cli-pages-copy-arrived = Ķēdes kopija: saņemti { $done } MB no { $total } MB.
cli-pages-copy-failed = No { $url } ķēdes kopija netika saņemta: { $why }.
cli-pages-copied = Sākts no ķēdes kopijas no { $url } ({ $mb } MB: { $customers } klienti, { $visits } apmeklējumi); no centrālās krātuves nāk tikai tas, kas noticis kopš tā laika.
cli-pages-copy-none = Jauns lapu serveris: neviens cits lapu serveris nedeva ķēdes kopiju, tāpēc visa ķēdes vēsture tiek lasīta no centrālās krātuves (apmēram divdesmit minūtes desmit miljoniem apmeklējumu). Lapas atveras, tiklīdz dati pienāk; čeks, līdz kuram vēl nav tikts, saka, ka tas ir ceļā.
cli-pages-copy-quicker = Ātrāk ķēdes pirmajam lapu serverim: apturiet to un palaidiet no kādas ķēdes kases rezerves kopijas (regulars serve --pages-only --start-from FAILS).
cli-pages-start-has-db = Šim lapu serverim jau ir sava datubāze ({ $path }): --start-from ir tikai jauna lapu servera tukšai mapei. Nekas netika mainīts.
cli-pages-start-copying = Jauns lapu serveris: sāk no rezerves kopijas { $file }…
cli-pages-start-copied = Rezerves kopija: nokopēti { $done } MB no { $total } MB.
cli-pages-started = Sākts no rezerves kopijas { $file } ({ $mb } MB: { $customers } klienti, { $visits } apmeklējumi); no centrālās krātuves nāk tikai tas, kas noticis kopš tā laika.
cli-pages-start-failed = Nevarēja sākt no rezerves kopijas { $file }: { $why }. Nekas netika mainīts, un rezerves kopija ir tāda pati.
cli-setup-intro = Regulars iestatīšana mapē { $path }. Enter pieņem ieteikumu iekavās, "-" nozīmē "nav"; katra atbilde tiek saglabāta uzreiz.
cli-setup-done = Iestatīts. `regulars` atver kasi; `regulars serve` darbina lapas bez ekrāna.
cli-setup-one-or-two = Atbildiet 1 vai 2.
cli-setup-profile-unknown = '{ $profile }' nav printera profils: viens no { $profiles }.
cli-messages-heard = No sarakstēm: piesaistītas { $linked }, pieprasījumos { $heard } (jauni { $opened }), no nezināmām sarakstēm { $unknown }, noraidīti kodi { $refused }, pārtrauktas { $ended }.
cli-messages-poll-problem = Neizdevās saņemt klientu rakstīto: { $why }
cli-chat-linked = { $app }: piesaistīts kopš { $since }
cli-chat-ended = { $app }: pārtraukts { $since } ({ $why })
cli-messages-no-unknown = Nav ziņu no sarakstēm, kas nav piesaistītas kartei.
cli-display-sent = Nosūtīts uz pircēja displeju { $port } ({ $profile }).
cli-display-no-port = Pircēja displejs nav iestatīts ([display] port failā config.toml vai --port): parādīts tikai šeit.
cli-display-failed = Pircēja displejs nav sasniedzams: { $error }. Pārbaudiet kabeli, barošanu un [display] port.
cli-display-busy = Pircēja displeju { $port } izmanto cita programma: kase jau rāda uz tā. Aizveriet logu (vai apturiet regulars serve), lai pārbaudītu displeju atsevišķi.
