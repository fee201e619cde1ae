# Prozor kase na srpskom (latinica).
language-name = Srpski (latinica)

## Trake
settings = Podešavanja
owner-dashboard = Pregled za vlasnika (F7)
owner-dashboard-hint = Ponovne posete, kohorte, poeni, preporuke, ocene, prijave
theme-light = Svetla tema
theme-dark = Tamna tema
sign-out = Odjava (Ctrl+L)
role-owner = vlasnik
role-cashier = kasir
printer-state = Štampač: { $state }
scanner-state = Skener: { $state }
scanner-state-last = Skener: { $state } — poslednje skeniranje { $code }
ready = Spremno. Skenirajte karticu ili otkucajte iznos i pritisnite Enter.
staff-sign-in = Prijava zaposlenog
staff-pin = PIN zaposlenog
sign-in = Prijavi se (Enter)

## Traženje i učlanjenje
customer = Kupac
find-label = Pronađi kupca (F2): kartica, telefon ili ime
find-hint = skenirajte karticu ili kucajte
find-result = { $name } — { $code } ({ $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
})
erased = (obrisano)
find-many = Odgovara { $count } kupaca: izaberite jednog ili kucajte dalje.
new-customer-button = Novi kupac (F3)
clear-customer = Ukloni kupca (Esc)
new-customer = Novi kupac
name = Ime
phone = Telefon
email = Imejl
referral-code = Kod preporuke
enroll = Učlani (Enter)
cancel = Otkaži (Esc)

## Prodaja
sale = Prodaja
amount = Iznos
amount-keys = U iznos se unose samo cifre i decimalni znak; kupca tražite sa F2.
record-sale-for = Evidentiraj prodaju za: { $name } (Enter)
record-sale = Evidentiraj prodaju (Enter)
record-sale-hint = Evidentira prodaju i štampa račun sa poenima
anonymous-sale = Prodaja bez kupca (F4)
anonymous-sale-hint = Bez kupca: na računu je QR kod za preuzimanje poena
reprint = Ponovo odštampaj poslednji račun (F9)
recent = Nedavno

## Povraćaj
refund-by-receipt = Povraćaj po računu
receipt-number = Broj računa
refund-amount = Iznos povraćaja
refund-all = ceo
owner-pin-above = PIN vlasnika (iznad { $limit })
refund = Vrati novac (Enter)
last-receipt = Poslednji račun (F8)
no-receipt-yet = Još nema računa: otkucajte broj odštampan na računu.

## Kupac na ekranu
no-customer = Nema kupca: skenirajte njegovu karticu ili telefon, ili ga pronađite iznad. Prodaja bez kupca štampa QR kod za preuzimanje poena.
details-erased = (podaci obrisani)
card-and-referral = Kartica { $code }   ·   Preporuka { $referral }
points = { $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}
progress-visits = { $remaining ->
    [one] još { $remaining } poseta do: { $reward } (kartica sa pečatima)
    [few] još { $remaining } posete do: { $reward } (kartica sa pečatima)
   *[other] još { $remaining } poseta do: { $reward } (kartica sa pečatima)
}
progress-points = { $remaining ->
    [one] još { $remaining } poen do: { $reward }
    [few] još { $remaining } poena do: { $reward }
   *[other] još { $remaining } poena do: { $reward }
}
last-visit = Poslednja poseta { $when } · { $visits ->
    [one] { $visits } poseta
    [few] { $visits } posete
   *[other] { $visits } poseta
}
rewards-now = Nagrade koje može da uzme sada
print-card = Odštampaj listić kartice
print-card-hint = Njegov QR kod člana i kod preporuke, da ih sačuva
adjust-points = Ispravi poene
adjust-by = Poeni (+/-)
reason = Razlog
adjust-owner-pin = PIN vlasnika za ispravku
adjust = Ispravi
redeem = Iskoristi: { $reward } ({ $how })
redeem-first = Iskoristi: { $reward } ({ $how }, F5)
paid-voucher = vaučer
visit-from-qr = Poseta { $id } (sa QR koda računa)
visit-when = { $when } · račun { $receipt }
points-earned = { $points ->
    [one] zarađen { $points } poen
    [few] zarađena { $points } poena
   *[other] zarađeno { $points } poena
}
no-visit-tickets = Nema prijava podrške za ovu posetu.
visit-tickets = Prijave za ovu posetu
refund-this-visit = Vrati novac za ovu posetu
identify-first = Prvo pronađite kupca (skenirajte karticu ili F2 za traženje).
no-reward-yet = { $name } još nema nagradu koju može da uzme.

## Podrška
no-open-tickets = Nema otvorenih prijava podrške.
open-tickets = Otvorene prijave podrške: { $count }
ticket-about-visit = (poseta V{ $visit })
resolve = Reši #{ $id }
open-a-ticket = Otvori prijavu podrške (F12)
what-went-wrong = Šta nije bilo u redu
severity = Hitnost
severity-minor = Mala
severity-normal = Uobičajena
severity-urgent = Hitno
reply-how = Kako kupac želi odgovor
reply-in-store = Sledeći put u prodavnici
reply-email = E-pošta
reply-sms = SMS poruka
reply-phone = Poziv
reply-to = Adresa ili broj (prazno: onaj sa kartice)
reply-to-ticket = Odgovori na #{ $id } ({ $how })
reply-text = Šta da im kažemo
send-reply = Pošalji odgovor (#{ $id })
open-ticket = Otvori prijavu
add-a-note = Dodaj belešku
note-for-staff = Beleška za sve zaposlene
add-note = Dodaj belešku
timeline = Istorija ({ $count })

## Pregled računa
receipt-preview = Pregled računa
receipt-next = Ovde će se pojaviti račun sledeće prodaje.
enlarge = Uvećaj (F6)
receipt-preview-image = Slika pregleda računa
click-to-enlarge = Kliknite za uvećanje (F6)
last-receipt-title = Poslednji račun
receipt-large = Račun, uvećan
close = Zatvori (Esc)

## Podešavanja
settings-ports = Portovi su USB štampači i serijski portovi ovog računara; mrežni štampač je tcp://ADRESA:9100; "virtual" štampa u pregled.
language = Jezik
printer-port = Port štampača
printer-profile = Profil štampača
choose = izaberi
baud = Bod (prazno: po profilu)
scanner-port = Port skenera (prazno: nema)
scanner-profile = Profil skenera
display-port = Port displeja za kupce (prazno: nema)
display-profile = Profil displeja za kupce
plug-in-mode = Posrednički režim: između kase prodavnice i štampača
plug-in-explained = Kasa štampa na port kase; Regulars svakom računu dodaje blok sa poenima i štampa ga na port štampača iznad. Kupac pronađen ovde vezuje se za sledeći račun kase.
till-port = Port kase
till-profile = Profil kase
save-settings = Sačuvaj podešavanja
test-print = Probna štampa
not-a-baud = '{ $baud }' nije brzina u bodima: upotrebite npr. 9600 ili 38400, ili ostavite prazno
plug-needs-till = posrednički režim traži port kase: port na koji kasa štampa
settings-saved = Podešavanja su sačuvana u { $path }.
portal-status-off = Stranice za kupce ne rade: { $error }
portal-status-serve = Stranice za kupce: pokrenite `regulars serve`
enroll-language = Jezik kupca
enroll-language-phone = kao na telefonu
ticket-status-open = otvoren
ticket-status-waiting = čeka odgovor kupca
ticket-status-resolved = rešen
ticket-status-confirmed = kupac potvrdio
ticket-channel-portal = stranica računa
ticket-channel-rating = niska ocena
ticket-channel-counter = na kasi
ticket-channel-phone = telefonski poziv
ticket-channel-email = imejl
timeline-enrolled = Učlanio se u program lojalnosti
timeline-visit = Poseta V{ $visit }: { $amount } (račun { $receipt }), +{ $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}
timeline-refunded = vraćeno { $amount }
timeline-points = { $event } { $signed } { $count ->
    [one] poen
    [few] poena
   *[other] poena
}
points-event-redeem = Iskorišćena nagrada:
points-event-refund = Povraćaj:
points-event-referral = Bonus za preporuku:
points-event-adjust = Ispravka:
points-event-expire = Isteklo:
timeline-rating = Ocenio posetu V{ $visit }: { $stars }/5
timeline-ticket = Otvoren zahtev #{ $ticket } ({ $channel })
timeline-about-visit = u vezi sa posetom V{ $visit }
timeline-ticket-note = Beleška uz zahtev #{ $ticket }
timeline-ticket-waiting = Zahtev #{ $ticket } čeka odgovor kupca
timeline-ticket-resolved = Zahtev #{ $ticket } rešen
timeline-ticket-confirmed = Kupac potvrdio zahtev #{ $ticket }
timeline-ticket-reopened = Zahtev #{ $ticket } ponovo otvoren
timeline-ticket-open = Zahtev #{ $ticket } opet otvoren
timeline-note = Beleška
timeline-by = ({ $who })
timeline-approved = { $who }, odobrio-la { $owner }
backup-failed = Rezervna kopija nije uspela: { $problem }
backup-none = Još nema rezervne kopije
backup-old = Poslednja rezervna kopija pre { $age }: nijedna u poslednjih dan
backup-ok = Rezervna kopija pre { $age }
backup-hint = Rezervne kopije idu u [backup] to, proverene i sređene.
backup-hint-same-disk = Rezervne kopije su samo na disku ovog računara: u config.toml podesite [backup] to na USB disk ili mrežnu fasciklu.
age-minutes = { $count } min
age-hours = { $count } č
age-days = { $count ->
    [one] { $count } dan
   *[other] { $count } dana
}

chain-ok = Lanac: sinhronizovano pre { $age }, za slanje { $to_send }
chain-offline = Bez veze od { $since }, za slanje { $to_send }
chain-waiting = Lanac: prva sinhronizacija…
chain-hint = Ova kasa deli kupce i poene sa ostalim kasama lanca preko centralne baze. Prodaja se nastavlja i bez veze; poeni se tada koriste iz dozvole za rad bez veze.
slipping-hint = Poslednji put ovde pre { $weeks ->
        [one] { $weeks } nedelje
        [few] { $weeks } nedelje
       *[other] { $weeks } nedelja
    } — vredi ga toplo dočekati
slipping-hint-why = Ovaj stalni kupac je na vlasnikovom spisku članova koji bi mogli da odu (regulars insights).
tier-line = Nivo { $tier }: poeni ×{ $multiplier }
tier-base = Nivo { $tier }
tier-next = Još { $points } poena u 12 meseci do nivoa { $tier }
enroll-birthday = Rođendan (MM-DD, samo ako pristane)
slipping-offer = Poslednji put ovde pre { $weeks ->
        [one] { $weeks } nedelje
        [few] { $weeks } nedelje
       *[other] { $weeks } nedelja
    } — ponuda dobrodošlice: { $reward }
timeline-message = { $kind } preko { $channel }: { $state }
timeline-consent-given = Pristao na vesti o nagradama i ponude preko { $channel } ({ $source })
timeline-consent-withdrawn = Nema više vesti o nagradama ni ponuda preko { $channel } ({ $source })
messages-ok = Poruke: čeka { $waiting }
messages-failed = Poruke: ove nedelje neposlato { $failed }, čeka { $waiting }
messages-hint = Poruke članovima e-poštom i SMS-om. `regulars messages list` prikazuje svaku i zašto nije otišla; `regulars messages retry` je šalje ponovo.
ticket-overdue-reply = Kasni: prvi odgovor je trebalo dati do { $when }
ticket-overdue-resolve = Kasni: rešenje je trebalo da bude do { $when }
share-now = Nagrada { $reward } je upravo iskorišćena: dobar trenutak da zamolite kupca da dovede prijatelja sa kodom { $code }
resolve-with = Reši #{ $id } rešenjem…
kept-answers = Sačuvani odgovori za ovu vrstu problema (izaberite):
kept-answer = { $body } (korišćen { $uses } ×)
how-fixed = Kako je rešeno
keep-answer = Sačuvaj kao odgovor za „{ $problem }”
resolve-with-fix = Reši #{ $id } ovim rešenjem

## O programu Regulars (F1) i port koji računar nije dao da se otvori
about-button = O programu (F1)
about-version = Verzija { $version }
about-what = Nagrade za vernost na kasi: poeni, nagrade i preporuke, računi sa QR kodom, stranica za svaku posetu.
about-data = Podaci prodavnice: { $path }
about-manual = Uputstvo: „man regulars“ u terminalu (svaka komanda ima svoju stranu: „man regulars-sale“).
about-guide = Ceo vodič: { $path }
about-licence = Slobodan softver pod MIT licencom.
port-refused = Ovaj računar ne dozvoljava programu Regulars da otvori { $port }. Isključite uređaj i ponovo ga uključite. Ako poruka ostane, neko sa administratorskim pravima u terminalu pokreće „sudo usermod -aG dialout { $user }“; zatim se odjavite sa računara i ponovo prijavite
ticket-channel-chat = poruka u aplikaciji za dopisivanje
ticket-customer-wrote = Kupac je pisao nakon rešavanja: „{ $text }”
ticket-customer-wrote-open = Kupac je napisao: „{ $text }”
