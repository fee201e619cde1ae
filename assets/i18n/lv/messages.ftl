msg-hello-name = Sveiki, { $name }!
msg-hello = Sveiki!
msg-reward-ready-subject = Jūsu balva gaida: { $reward } – { $shop }
msg-reward-ready = Jums ir { $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
}: pietiek balvai “{ $reward }”. Nākamreiz vienkārši parādiet karti pie kases.
msg-nearing-reward-subject = Gandrīz klāt: { $reward } – { $shop }
msg-nearing-reward = Jums ir { $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
}. Vēl { $remaining ->
    [zero] { $remaining } punktu
    [one] { $remaining } punkts
   *[other] { $remaining } punkti
}, un balva “{ $reward }” ir jūsu.
msg-welcome-back-subject = Mums jūs pietrūkst – { $shop }
msg-welcome-back = Sen neesam tikušies! Balva “{ $reward }” jūs gaida līdz { $until }.
msg-birthday-subject = Daudz laimes dzimšanas dienā! – { $shop }
msg-birthday = Daudz laimes dzimšanas dienā! Balva “{ $reward }” jūs gaida līdz { $until }.
msg-anniversary-subject = Paldies par vēl vienu gadu kopā – { $shop }
msg-anniversary = Vēl viens gads programmā: paldies! Balva “{ $reward }” jūs gaida līdz { $until }.
msg-ticket-resolved-subject = Vai viss kārtībā? Jūsu pieprasījums – { $shop }
msg-ticket-resolved = Esam nokārtojuši jūsu pieprasījumu: “{ $summary }”. Vai tagad viss ir kārtībā? Lūdzu, pasakiet mums apmeklējuma lapā ar vienu pieskārienu: { $link }
msg-ticket-follow-up-subject = Vai joprojām viss kārtībā? Jūsu pieprasījums – { $shop }
msg-ticket-follow-up = Neesam saņēmuši atbildi par “{ $summary }”. Vai viss nokārtots? Apstipriniet to vai pasakiet, ka nav, apmeklējuma lapā: { $link }
msg-ticket-reply-subject = Par jūsu pieprasījumu – { $shop }
msg-ticket-reply = { $reply } (Par jūsu pieprasījumu “{ $summary }”: { $link })
msg-sign-off = { $shop }
msg-unsubscribe = Jūs to saņemat, jo pieteicāties balvu ziņām un piedāvājumiem. Lai tos atteiktu, viens klikšķis: { $link }
msg-sms-stop = Atbildiet STOP, lai atteiktos.
msg-stop-word = STOP
consent-email-wording = Vēlos saņemt balvu ziņas un piedāvājumus no { $shop } e-pastā. Varu atteikties jebkurā laikā.
consent-sms-wording = Vēlos saņemt balvu ziņas un piedāvājumus no { $shop } īsziņā. Jebkurā laikā varu atbildēt STOP.
unsub-title = Ziņas no { $shop }
unsub-question-email = Atteikties no balvu ziņām un piedāvājumiem e-pastā uz { $address }?
unsub-question-sms = Atteikties no balvu ziņām un piedāvājumiem īsziņā uz { $address }?
unsub-button = Atteikties
unsub-done-email = Gatavs: vairs nekādu balvu ziņu vai piedāvājumu e-pastā. Atbildes par jūsu pieprasījumiem jūs joprojām saņemsiet.
unsub-done-sms = Gatavs: vairs nekādu balvu ziņu vai piedāvājumu īsziņā. Atbildes par jūsu pieprasījumiem jūs joprojām saņemsiet.
unsub-already = Jūs neesat pieteicies šīm ziņām.
unsub-wording = Atteicās ar saiti ziņā no { $shop }.
sms-stop-wording = Atbildēja “{ $text }” uz { $shop } īsziņu.
message-kind-reward-ready = balva gatava
message-kind-nearing-reward = tuvu balvai
message-kind-welcome-back = laipni lūdzam atpakaļ
message-kind-birthday = dzimšanas diena
message-kind-anniversary = gadadiena
message-kind-ticket-resolved = pieprasījums nokārtots
message-kind-ticket-follow-up = atgādinājums par pieprasījumu
message-kind-ticket-reply = darbinieka atbilde
message-state-queued = gaida
message-state-sending = sūta
message-state-sent = nosūtīta
message-state-failed = neizdevās
message-state-cancelled = nenosūtīta
message-state-unsure = neskaidra
message-channel-email = e-pastu
message-channel-sms = īsziņu
consent-source-counter = pie kases
consent-source-page = lapā
consent-source-import = importēts
consent-source-staff = pateica darbiniekam
consent-source-unsubscribe = atteikšanās saite
consent-source-sms_stop = atbildēja STOP
message-problem-unreachable = Nevar sasniegt { $about }: mēģinās vēlreiz vēlāk
message-problem-tls = Drošais savienojums ar { $about } neizdevās
message-problem-no-starttls = { $about } nepiedāvā STARTTLS: iestatiet [email] tls = "tls" portam 465
message-problem-login = { $about } noraidīja lietotājvārdu vai paroli: pārbaudiet [email] username un password
message-problem-settings = Iestatījumus nevar izmantot: { $about }
message-problem-refused-sender = Pasta serveris noraidīja sūtītāju { $about }: pārbaudiet [email] from
message-problem-refused-recipient = Pasta serveris noraidīja { $about } (atteikums): pārbaudiet adresi
message-problem-refused-message = Pasta serveris noraidīja ziņu
message-problem-bad-address = { $about } nav adrese, uz kuru var sūtīt ziņu
message-problem-gateway = Īsziņu vārteja atbildēja { $about }
message-problem-unsure = Savienojums pārtrūka, kad serverim jau bija ziņa: tā varbūt ir nosūtīta, tāpēc pati vēlreiz netiek sūtīta
message-problem-stopped = Kase apstājās, kad serverim jau bija ziņa: tā varbūt ir nosūtīta, tāpēc pati vēlreiz netiek sūtīta
message-problem-consent-withdrawn = Nav nosūtīta: piekrišana atsaukta
message-problem-no-address = Nav nosūtīta: klientam tagad nav adreses
message-problem-erased = Nav nosūtīta: klients ir dzēsts
message-problem-no-contact = Nav nosūtīta: pieprasījuma kontakts ir dzēsts
message-problem-store = Nav nosūtīta: nodošanu nevarēja pierakstīt
consent-source-chat = sarakstē
consent-chat-wording = Vēlos saņemt balvu ziņas, piedāvājumus un atbildes no { $shop } lietotnē { $app }. Jebkurā laikā varu saraksti pārtraukt.
msg-chat-stop = Atteikties no piedāvājumiem: { $link }
message-problem-token-refused = { $about } noraidīja atslēgu: tā atsaukta vai kļūdaina, iestatiet jaunu config.toml
message-problem-chat-ended = Nav nosūtīta: klients pārtrauca saraksti { $about }
message-problem-opted-out = Nav nosūtīta: klients atteicās no piedāvājumiem { $about }
message-problem-rate-limited = { $about } lūdz sūtīt lēnāk: mēģinās vēlreiz vēlāk
message-problem-app-down = { $about } neatbild: mēģinās vēlreiz vēlāk
message-problem-app-refused = { $about } noraidīja ziņu
message-problem-window-closed = { $about }: klients pēdējo reizi rakstīja pirms vairāk nekā 24 stundām, tāpēc drīkst sūtīt tikai apstiprinātu veidni: ziņa gaida vai iet pa citu kanālu
message-problem-no-template = { $about }: šai ziņai šajā valodā nav apstiprinātas veidnes (iestatiet [whatsapp.templates]): ziņa gaida vai iet pa citu kanālu
