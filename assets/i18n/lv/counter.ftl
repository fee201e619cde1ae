# Kases logs latviešu valodā.
language-name = Latviešu

## Joslas
settings = Iestatījumi
owner-dashboard = Īpašnieka pārskats (F7)
owner-dashboard-hint = Atkārtoti apmeklējumi, kohortas, punkti, ieteikumi, vērtējumi, pieteikumi
theme-light = Gaišais režīms
theme-dark = Tumšais režīms
sign-out = Iziet (Ctrl+L)
role-owner = īpašnieks
role-cashier = kasieris
printer-state = Printeris: { $state }
scanner-state = Skeneris: { $state }
scanner-state-last = Skeneris: { $state } — pēdējais skenējums { $code }
ready = Gatavs. Noskenējiet karti vai ierakstiet summu un nospiediet Enter.
staff-sign-in = Darbinieka pieteikšanās
staff-pin = Darbinieka PIN
sign-in = Pieteikties (Enter)

## Meklēšana un reģistrēšana
customer = Klients
find-label = Atrast klientu (F2): karte, tālrunis vai vārds
find-hint = noskenējiet karti vai rakstiet
find-result = { $name } — { $code } ({ $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
})
erased = (dzēsts)
find-many = Atbilst { $count } klienti: izvēlieties vienu vai rakstiet vairāk.
new-customer-button = Jauns klients (F3)
clear-customer = Notīrīt klientu (Esc)
new-customer = Jauns klients
name = Vārds
phone = Tālrunis
email = E-pasts
referral-code = Ieteikuma kods
enroll = Reģistrēt (Enter)
cancel = Atcelt (Esc)

## Pirkums
sale = Pirkums
amount = Summa
amount-keys = Summā var rakstīt tikai ciparus un decimālzīmi; klientu meklē ar F2.
record-sale-for = Reģistrēt pirkumu: { $name } (Enter)
record-sale = Reģistrēt pirkumu (Enter)
record-sale-hint = Reģistrē pirkumu un izdrukā lojalitātes čeku
anonymous-sale = Anonīms pirkums (F4)
anonymous-sale-hint = Bez klienta: čekā būs QR kods punktu saņemšanai
reprint = Drukāt pēdējo čeku vēlreiz (F9)
recent = Nesen

## Atmaksa
refund-by-receipt = Atmaksa pēc čeka
receipt-number = Čeka numurs
refund-amount = Atmaksas summa
refund-all = visa
owner-pin-above = Īpašnieka PIN (virs { $limit })
refund = Atmaksāt (Enter)
last-receipt = Pēdējais čeks (F8)
no-receipt-yet = Čeku vēl nav: ierakstiet uz čeka nodrukāto numuru.

## Klients ekrānā
no-customer = Nav klienta: noskenējiet viņa karti vai tālruni vai atrodiet viņu augstāk. Pirkumam bez klienta tiek drukāts QR kods punktu saņemšanai.
details-erased = (dati dzēsti)
card-and-referral = Karte { $code }   ·   Ieteikums { $referral }
points = { $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
}
progress-visits = { $remaining ->
    [zero] vēl { $remaining } apmeklējumu līdz: { $reward } (zīmogu karte)
    [one] vēl { $remaining } apmeklējums līdz: { $reward } (zīmogu karte)
   *[other] vēl { $remaining } apmeklējumi līdz: { $reward } (zīmogu karte)
}
progress-points = { $remaining ->
    [zero] vēl { $remaining } punktu līdz: { $reward }
    [one] vēl { $remaining } punkts līdz: { $reward }
   *[other] vēl { $remaining } punkti līdz: { $reward }
}
last-visit = Pēdējais apmeklējums { $when } · { $visits ->
    [zero] { $visits } apmeklējumu
    [one] { $visits } apmeklējums
   *[other] { $visits } apmeklējumi
}
rewards-now = Balvas, ko var saņemt tagad
print-card = Drukāt kartes lapiņu
print-card-hint = Viņa dalībnieka QR kods un ieteikuma kods, ko paturēt
adjust-points = Labot punktus
adjust-by = Punkti (+/-)
reason = Iemesls
adjust-owner-pin = Īpašnieka PIN labojumam
adjust = Labot
redeem = Izmantot: { $reward } ({ $how })
redeem-first = Izmantot: { $reward } ({ $how }, F5)
paid-voucher = kupons
visit-from-qr = Apmeklējums { $id } (no čeka QR koda)
visit-when = { $when } · čeks { $receipt }
points-earned = { $points ->
    [zero] nopelnīts { $points } punktu
    [one] nopelnīts { $points } punkts
   *[other] nopelnīti { $points } punkti
}
no-visit-tickets = Par šo apmeklējumu nav atbalsta pieteikumu.
visit-tickets = Pieteikumi par šo apmeklējumu
refund-this-visit = Atmaksāt šo apmeklējumu
identify-first = Vispirms atrodiet klientu (noskenējiet karti vai meklējiet ar F2).
no-reward-yet = { $name } vēl nevar saņemt nevienu balvu.

## Atbalsts
no-open-tickets = Nav atvērtu atbalsta pieteikumu.
open-tickets = Atvērti atbalsta pieteikumi: { $count }
ticket-about-visit = (apmeklējums V{ $visit })
resolve = Atrisināt #{ $id }
open-a-ticket = Atvērt atbalsta pieteikumu (F12)
what-went-wrong = Kas nogāja greizi
severity = Svarīgums
severity-minor = Neliels
severity-normal = Parasts
severity-urgent = Steidzams
reply-how = Kā klients vēlas saņemt atbildi
reply-in-store = Nākamreiz veikalā
reply-email = E-pasts
reply-sms = Īsziņa (SMS)
reply-phone = Zvans
reply-to = Adrese vai numurs (tukšs: kartē norādītais)
reply-to-ticket = Atbildēt uz #{ $id } ({ $how })
reply-text = Ko viņiem pateikt
send-reply = Sūtīt atbildi (#{ $id })
open-ticket = Atvērt pieteikumu
add-a-note = Pievienot piezīmi
note-for-staff = Piezīme visiem darbiniekiem
add-note = Pievienot piezīmi
timeline = Vēsture ({ $count })

## Čeka priekšskatījums
receipt-preview = Čeka priekšskatījums
receipt-next = Šeit parādīsies nākamā pirkuma čeks.
enlarge = Palielināt (F6)
receipt-preview-image = Čeka priekšskatījuma attēls
click-to-enlarge = Noklikšķiniet, lai palielinātu (F6)
last-receipt-title = Pēdējais čeks
receipt-large = Čeks, palielināts
close = Aizvērt (Esc)

## Iestatījumi
settings-ports = Porti ir šī datora USB printeri un seriālie porti; tīkla printeris ir tcp://ADRESE:9100; "virtual" drukā priekšskatījumā.
language = Valoda
printer-port = Printera ports
printer-profile = Printera profils
choose = izvēlēties
baud = Bodi (tukšs: pēc profila)
scanner-port = Skenera ports (tukšs: nav)
scanner-profile = Skenera profils
display-port = Pircēja displeja ports (tukšs: nav)
display-profile = Pircēja displeja profils
plug-in-mode = Starpnieka režīms: starp veikala kasi un printeri
plug-in-explained = Kase drukā kases portā; Regulars katram čekam pievieno lojalitātes bloku un izdrukā to augstāk norādītajā printera portā. Šeit atrastais klients tiek piesaistīts nākamajam kases čekam.
till-port = Kases ports
till-profile = Kases profils
save-settings = Saglabāt iestatījumus
test-print = Izmēģinājuma druka
not-a-baud = '{ $baud }' nav bodu ātrums: izmantojiet, piemēram, 9600 vai 38400, vai atstājiet tukšu
plug-needs-till = starpnieka režīmam vajag kases portu: portu, kurā kase drukā
settings-saved = Iestatījumi saglabāti: { $path }.
portal-status-off = Klientu lapas nedarbojas: { $error }
portal-status-serve = Klientu lapas: palaidiet `regulars serve`
enroll-language = Klienta valoda
enroll-language-phone = kā tālrunī
ticket-status-open = atvērts
ticket-status-waiting = gaida klienta atbildi
ticket-status-resolved = atrisināts
ticket-status-confirmed = klients apstiprinājis
ticket-channel-portal = čeka lapa
ticket-channel-rating = zems vērtējums
ticket-channel-counter = pie kases
ticket-channel-phone = tālruņa zvans
ticket-channel-email = e-pasts
timeline-enrolled = Pievienojās lojalitātes programmai
timeline-visit = Apmeklējums V{ $visit }: { $amount } (čeks { $receipt }), +{ $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
}
timeline-refunded = atmaksāts { $amount }
timeline-points = { $event } { $signed } { $count ->
    [zero] punktu
    [one] punkts
   *[other] punkti
}
points-event-redeem = Izmantota balva:
points-event-refund = Atmaksa:
points-event-referral = Ieteikuma bonuss:
points-event-adjust = Korekcija:
points-event-expire = Beidzies termiņš:
timeline-rating = Novērtēja apmeklējumu V{ $visit }: { $stars }/5
timeline-ticket = Atvērts pieprasījums #{ $ticket } ({ $channel })
timeline-about-visit = par apmeklējumu V{ $visit }
timeline-ticket-note = Piezīme pieprasījumam #{ $ticket }
timeline-ticket-waiting = Pieprasījums #{ $ticket } gaida klienta atbildi
timeline-ticket-resolved = Pieprasījums #{ $ticket } atrisināts
timeline-ticket-confirmed = Pieprasījumu #{ $ticket } klients apstiprinājis
timeline-ticket-reopened = Pieprasījums #{ $ticket } atvērts no jauna
timeline-ticket-open = Pieprasījums #{ $ticket } atkal atvērts
timeline-note = Piezīme
timeline-by = ({ $who })
timeline-approved = { $who }, apstiprināja { $owner }
backup-failed = Rezerves kopija neizdevās: { $problem }
backup-none = Rezerves kopijas vēl nav
backup-old = Pēdējā rezerves kopija pirms { $age }: dienas laikā nav nevienas
backup-ok = Rezerves kopija pirms { $age }
backup-hint = Rezerves kopijas tiek glabātas [backup] to, pārbaudītas un sakārtotas.
backup-hint-same-disk = Rezerves kopijas ir tikai šī datora diskā: failā config.toml iestatiet [backup] to uz USB disku vai tīkla mapi.
age-minutes = { $count } min
age-hours = { $count } h
age-days = { $count ->
    [zero] { $count } dienām
    [one] { $count } dienas
   *[other] { $count } dienām
}

chain-ok = Tīkls: sinhronizēts pirms { $age }, jānosūta { $to_send }
chain-offline = Bez savienojuma kopš { $since }, jānosūta { $to_send }
chain-waiting = Tīkls: pirmā sinhronizācija…
chain-hint = Šī kase dala klientus un punktus ar pārējām tīkla kasēm caur centrālo krātuvi. Pārdošana turpinās arī bez savienojuma; punktu izmantošanai tad ir bezsaistes atļauja.
slipping-hint = Pēdējoreiz šeit pirms { $weeks ->
        [zero] { $weeks } nedēļām
        [one] { $weeks } nedēļas
       *[other] { $weeks } nedēļām
    } — vērts sirsnīgi sagaidīt
slipping-hint-why = Šis pastāvīgais klients ir īpašnieka sarakstā ar klientiem, kas varētu aiziet (regulars insights).
tier-line = Līmenis { $tier }: punkti ×{ $multiplier }
tier-base = Līmenis { $tier }
tier-next = Vēl { $points } punkti 12 mēnešu laikā līdz līmenim { $tier }
enroll-birthday = Dzimšanas diena (MM-DD, tikai ja piekrīt)
slipping-offer = Pēdējoreiz šeit pirms { $weeks ->
        [zero] { $weeks } nedēļām
        [one] { $weeks } nedēļas
       *[other] { $weeks } nedēļām
    } — atgriešanās piedāvājums: { $reward }
timeline-message = { $kind } pa { $channel }: { $state }
timeline-consent-given = Piekrita balvu ziņām un piedāvājumiem pa { $channel } ({ $source })
timeline-consent-withdrawn = Vairs nekādu balvu ziņu vai piedāvājumu pa { $channel } ({ $source })
messages-ok = Ziņas: gaida { $waiting }
messages-failed = Ziņas: šonedēļ nenosūtītas { $failed }, gaida { $waiting }
messages-hint = Ziņas biedriem e-pastā un īsziņā. `regulars messages list` rāda katru ziņu un kāpēc tā netika nosūtīta; `regulars messages retry` to sūta vēlreiz.
ticket-overdue-reply = Nokavēts: pirmā atbilde bija jādod līdz { $when }
ticket-overdue-resolve = Nokavēts: atrisinājums bija jāpanāk līdz { $when }
share-now = Tikko saņemts { $reward }: īstais brīdis aicināt atvest draugu ar kodu { $code }
resolve-with = Atrisināt #{ $id } ar risinājumu…
kept-answers = Saglabātās atbildes šāda veida problēmai (izvēlieties):
kept-answer = { $body } (lietota { $uses } ×)
how-fixed = Kā tas tika atrisināts
keep-answer = Saglabāt kā atbildi problēmai “{ $problem }”
resolve-with-fix = Atrisināt #{ $id } ar šo risinājumu

## Par Regulars (F1), un ports, ko šis dators neļāva atvērt
about-button = Par programmu (F1)
about-version = Versija { $version }
about-what = Lojalitātes balvas veikala kasē: punkti, balvas un ieteikumi, čeki ar QR kodu, lapa katram apmeklējumam.
about-data = Veikala dati: { $path }
about-manual = Rokasgrāmata: terminālī “man regulars” (katrai komandai sava lapa: “man regulars-sale”).
about-guide = Pilns ceļvedis: { $path }
about-licence = Brīva programmatūra ar MIT licenci.
port-refused = Šis dators neļauj Regulars atvērt { $port }. Atvienojiet ierīci un pievienojiet to vēlreiz. Ja tas nepalīdz, kāds ar administratora tiesībām terminālī izpilda “sudo usermod -aG dialout { $user }”; pēc tam izrakstieties no datora un pierakstieties atkal
ticket-channel-chat = ziņa tērzēšanas lietotnē
ticket-customer-wrote = Klients rakstīja pēc atrisināšanas: “{ $text }”
ticket-customer-wrote-open = Klients rakstīja: “{ $text }”
