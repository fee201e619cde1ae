# Ang bintana ng kaha, sa Filipino.
language-name = Filipino

## Mga bar
settings = Mga setting
owner-dashboard = Dashboard ng may-ari (F7)
owner-dashboard-hint = Mga bumabalik, cohort, puntos, referral, rating, ticket
theme-light = Maliwanag na tema
theme-dark = Madilim na tema
sign-out = Mag-sign out (Ctrl+L)
role-owner = may-ari
role-cashier = kahero
printer-state = Printer: { $state }
scanner-state = Scanner: { $state }
scanner-state-last = Scanner: { $state } — huling scan { $code }
ready = Handa na. I-scan ang card, o i-type ang halaga at pindutin ang Enter.
staff-sign-in = Pag-sign in ng staff
staff-pin = PIN ng staff
sign-in = Mag-sign in (Enter)

## Paghahanap at pagpapa-miyembro
customer = Customer
find-label = Hanapin ang customer (F2): card, telepono o pangalan
find-hint = i-scan ang card o mag-type
find-result = { $name } — { $code } ({ $points } puntos)
erased = (binura)
find-many = { $count } customer ang tugma: pumili ng isa, o mag-type pa.
new-customer-button = Bagong customer (F3)
clear-customer = Alisin ang customer (Esc)
new-customer = Bagong customer
name = Pangalan
phone = Telepono
email = Email
referral-code = Referral code
enroll = Ipa-miyembro (Enter)
cancel = Kanselahin (Esc)

## Ang benta
sale = Benta
amount = Halaga
amount-keys = Mga numero at decimal point lang ang tinatanggap ng halaga; hanapin ang customer gamit ang F2.
record-sale-for = Itala ang benta para kay { $name } (Enter)
record-sale = Itala ang benta (Enter)
record-sale-hint = Itinatala ang benta at ipinapa-print ang resibo na may puntos
anonymous-sale = Benta na walang customer (F4)
anonymous-sale-hint = Walang customer: may QR ang resibo para makuha ang puntos
reprint = I-print muli ang huling resibo (F9)
recent = Kamakailan

## Refund
refund-by-receipt = Refund ayon sa resibo
receipt-number = Numero ng resibo
refund-amount = Halaga ng refund
refund-all = lahat
owner-pin-above = PIN ng may-ari (lampas { $limit })
refund = I-refund (Enter)
last-receipt = Huling resibo (F8)
no-receipt-yet = Wala pang resibo: i-type ang numerong naka-print sa resibo.

## Ang customer sa screen
no-customer = Walang customer: i-scan ang kanilang card o telepono, o hanapin sila sa itaas. Ang benta na walang customer ay may QR para makuha ang puntos.
details-erased = (binura ang detalye)
card-and-referral = Card { $code }   ·   Referral { $referral }
points = { $points } puntos
progress-visits = { $remaining } pang bisita bago ang { $reward } (stamp card)
progress-points = { $remaining } pang puntos bago ang { $reward }
last-visit = Huling bisita { $when } · { $visits ->
    [one] { $visits } bisita
   *[other] { $visits } na bisita
}
rewards-now = Mga reward na makukuha ngayon
print-card = I-print ang card slip
print-card-hint = Ang kanilang member QR at referral code, para itago
adjust-points = Ayusin ang puntos
adjust-by = Puntos (+/-)
reason = Dahilan
adjust-owner-pin = PIN ng may-ari para sa pag-aayos
adjust = Ayusin
redeem = Kunin ang { $reward } ({ $how })
redeem-first = Kunin ang { $reward } ({ $how }, F5)
paid-voucher = voucher
visit-from-qr = Bisita { $id } (mula sa QR ng resibo)
visit-when = { $when } · resibo { $receipt }
points-earned = { $points } puntos ang nakuha
no-visit-tickets = Walang support ticket tungkol sa bisitang ito.
visit-tickets = Mga ticket tungkol sa bisitang ito
refund-this-visit = I-refund ang bisitang ito
identify-first = Hanapin muna ang customer (i-scan ang card, o F2 para maghanap).
no-reward-yet = Wala pang reward na makukuha si { $name }.

## Suporta
no-open-tickets = Walang bukas na support ticket.
open-tickets = Mga bukas na support ticket: { $count }
ticket-about-visit = (bisita V{ $visit })
resolve = Lutasin ang #{ $id }
open-a-ticket = Magbukas ng support ticket (F12)
what-went-wrong = Ano ang naging problema
severity = Kalubhaan
severity-minor = Maliit
severity-normal = Karaniwan
severity-urgent = Apurahan
reply-how = Paano gustong makatanggap ng sagot
reply-in-store = Sa susunod na punta sa tindahan
reply-email = Email
reply-sms = Text message (SMS)
reply-phone = Tawag
reply-to = Address o numero (blangko: ang nasa card)
reply-to-ticket = Sagutin ang #{ $id } ({ $how })
reply-text = Ano ang sasabihin sa kanila
send-reply = Ipadala ang sagot (#{ $id })
open-ticket = Buksan ang ticket
add-a-note = Magdagdag ng tala
note-for-staff = Tala para sa lahat ng staff
add-note = Idagdag ang tala
timeline = Kasaysayan ({ $count })

## Silip sa resibo
receipt-preview = Silip sa resibo
receipt-next = Dito lalabas ang resibo ng susunod na benta.
enlarge = Palakihin (F6)
receipt-preview-image = Larawan ng silip sa resibo
click-to-enlarge = I-click para palakihin (F6)
last-receipt-title = Huling resibo
receipt-large = Resibo, malaki
close = Isara (Esc)

## Mga setting
settings-ports = Ang mga port ay mga USB printer at serial port ng computer na ito; ang network printer ay tcp://ADDRESS:9100; "virtual" ay nagpi-print sa silip.
language = Wika
printer-port = Port ng printer
printer-profile = Profile ng printer
choose = pumili
baud = Baud (walang laman: ayon sa profile)
scanner-port = Port ng scanner (walang laman: wala)
scanner-profile = Profile ng scanner
display-port = Port ng customer display (walang laman: wala)
display-profile = Profile ng customer display
plug-in-mode = Plug-in mode: sa pagitan ng kaha ng tindahan at ng printer
plug-in-explained = Nagpi-print ang kaha sa till port; idinadagdag ng Regulars ang bahagi ng puntos sa bawat resibo at ipinapa-print ito sa printer port sa itaas. Ang customer na nahanap dito ay ikakabit sa susunod na resibo ng kaha.
till-port = Port ng kaha
till-profile = Profile ng kaha
save-settings = I-save ang mga setting
test-print = Subukang mag-print
not-a-baud = Hindi baud rate ang '{ $baud }': gumamit ng hal. 9600 o 38400, o iwanang walang laman
plug-needs-till = kailangan ng plug-in mode ang till port: ang port kung saan nagpi-print ang kaha
settings-saved = Na-save ang mga setting sa { $path }.
portal-status-off = Patay ang mga pahina ng customer: { $error }
portal-status-serve = Mga pahina ng customer: patakbuhin ang `regulars serve`
enroll-language = Wika ng customer
enroll-language-phone = gaya ng sa telepono
ticket-status-open = bukas
ticket-status-waiting = hinihintay ang sagot ng customer
ticket-status-resolved = naayos na
ticket-status-confirmed = kinumpirma ng customer
ticket-channel-portal = pahina ng resibo
ticket-channel-rating = mababang rating
ticket-channel-counter = sa counter
ticket-channel-phone = tawag sa telepono
ticket-channel-email = email
timeline-enrolled = Sumali sa loyalty program
timeline-visit = Bisita V{ $visit }: { $amount } (resibo { $receipt }), +{ $points } puntos
timeline-refunded = { $amount } ang na-refund
timeline-points = { $event } { $signed } puntos
points-event-redeem = Kinuhang reward:
points-event-refund = Refund:
points-event-referral = Bonus sa referral:
points-event-adjust = Pag-aayos:
points-event-expire = Nag-expire:
timeline-rating = Ni-rate ang bisita V{ $visit }: { $stars }/5
timeline-ticket = Binuksan ang ticket #{ $ticket } ({ $channel })
timeline-about-visit = tungkol sa bisita V{ $visit }
timeline-ticket-note = Tala sa ticket #{ $ticket }
timeline-ticket-waiting = Ticket #{ $ticket }: hinihintay ang sagot ng customer
timeline-ticket-resolved = Naayos ang ticket #{ $ticket }
timeline-ticket-confirmed = Kinumpirma ng customer ang ticket #{ $ticket }
timeline-ticket-reopened = Muling binuksan ang ticket #{ $ticket }
timeline-ticket-open = Bukas muli ang ticket #{ $ticket }
timeline-note = Tala
timeline-by = (ni { $who })
timeline-approved = { $who }, inaprubahan ni { $owner }
backup-failed = Pumalya ang backup: { $problem }
backup-none = Wala pang backup
backup-old = Huling backup { $age } na ang nakalipas: wala sa loob ng isang araw
backup-ok = Na-backup { $age } na ang nakalipas
backup-hint = Napupunta ang mga backup sa [backup] to, sinuri at inayos.
backup-hint-same-disk = Nasa disk lang ng computer na ito ang mga backup: i-set ang [backup] to sa config.toml sa USB drive o network share.
age-minutes = { $count } min
age-hours = { $count } oras
age-days = { $count } araw

chain-ok = Chain: na-sync { $age } na ang nakalipas, { $to_send } ipapadala
chain-offline = Offline mula { $since }, { $to_send } ipapadala
chain-waiting = Chain: unang sync…
chain-hint = Nakikibahagi ang till na ito ng mga customer at puntos sa ibang till ng chain sa pamamagitan ng central store. Tuloy ang benta kahit hindi ito maabot; ang pag-redeem ay gagamit ng offline allowance.
slipping-hint = Huling narito { $weeks } linggo na ang nakalipas — sulit salubungin nang mainit
slipping-hint-why = Nasa listahan ng may-ari ang suking ito ng mga miyembrong maaaring hindi na bumalik (regulars insights).
tier-line = Antas na { $tier }: ×{ $multiplier } na puntos
tier-base = Antas na { $tier }
tier-next = { $points } pang puntos sa loob ng 12 buwan para sa { $tier }
enroll-birthday = Kaarawan (MM-DD, kung papayag lang)
slipping-offer = Huling narito { $weeks } linggo na ang nakalipas — alok sa pagbabalik: { $reward }
timeline-message = { $kind } sa { $channel }: { $state }
timeline-consent-given = Pumayag sa balita tungkol sa rewards at mga alok sa { $channel } ({ $source })
timeline-consent-withdrawn = Wala nang balita tungkol sa rewards o mga alok sa { $channel } ({ $source })
messages-ok = Mga mensahe: { $waiting } naghihintay
messages-failed = Mga mensahe: { $failed } hindi naipadala ngayong linggo, { $waiting } naghihintay
messages-hint = Mga mensahe sa mga miyembro sa email at SMS. Ipinapakita ng `regulars messages list` ang bawat isa at kung bakit hindi naipadala; ipinapadala ulit ng `regulars messages retry`.
ticket-overdue-reply = Lampas na: dapat may unang sagot bago { $when }
ticket-overdue-resolve = Lampas na: dapat naayos na bago { $when }
share-now = Kakakuha lang ng { $reward }: magandang pagkakataon para hilingin na magsama sila ng kaibigan gamit ang code na { $code }
resolve-with = Lutasin ang #{ $id } gamit ang ayos…
kept-answers = Mga naitagong sagot para sa ganitong problema (pumili):
kept-answer = { $body } (nagamit nang { $uses } ×)
how-fixed = Paano ito naayos
keep-answer = Itago bilang sagot para sa “{ $problem }”
resolve-with-fix = Lutasin ang #{ $id } gamit ang ayos na ito

## Tungkol sa Regulars (F1), at port na ayaw buksan ng computer na ito
about-button = Tungkol dito (F1)
about-version = Bersyon { $version }
about-what = Gantimpala sa katapatan para sa counter ng tindahan: puntos, gantimpala at referral, resibong may QR, pahina para sa bawat bisita.
about-data = Ang data ng tindahan: { $path }
about-manual = Ang manwal: “man regulars” sa terminal (may sariling pahina ang bawat utos: “man regulars-sale”).
about-guide = Ang buong gabay: { $path }
about-licence = Malayang software sa ilalim ng lisensiyang MIT.
port-refused = Hindi pinapayagan ng computer na ito na buksan ng Regulars ang { $port }. Hugutin ang device at isaksak muli. Kung ganito pa rin, ang may karapatang administrator ay magpapatakbo ng “sudo usermod -aG dialout { $user }” sa terminal; pagkatapos ay mag-sign out sa computer at mag-sign in muli
ticket-channel-chat = mensahe sa chat app
ticket-customer-wrote = Sumulat ang customer matapos itong maresolba: “{ $text }”
ticket-customer-wrote-open = Sumulat ang customer: “{ $text }”
