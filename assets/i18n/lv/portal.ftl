portal-loyalty = Lojalitātes programma
portal-home-hint = Noskenējiet QR kodu uz čeka, lai redzētu savus punktus, novērtētu apmeklējumu vai lūgtu palīdzību saistībā ar pirkumu.
portal-languages = Valoda
portal-visit-title = Jūsu apmeklējums: { $shop }
portal-hi = Sveiki, { $name }!
portal-thanks-visit = Paldies par apmeklējumu
portal-visit-on = Apmeklējums { $when } · čeks { $receipt }
portal-refunded = atmaksāti { $amount }
portal-earned = Par šo apmeklējumu jūs nopelnījāt <strong>{ $points ->
    [zero] { $points } punktu
    [one] { $points } punktu
   *[other] { $points } punktus
}</strong>.
portal-balance = Atlikums: <strong>{ $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
}</strong>
portal-ready = Jau tagad jums pieejams:
portal-done-rated = Paldies! Jūsu vērtējums ir saglabāts.
portal-done-rated-low = Paldies, ka pastāstījāt. Mums žēl, ka nebija labāk: kāds no veikala ar jums sazināsies.
portal-done-help = Jūsu pieprasījums ir nodots veikalam. Atbildi saņemsiet tā, kā izvēlējāties.
portal-done-claimed = Gatavs: punkti ir jūsu kartē.
portal-done-confirmed = Paldies par apstiprinājumu. Priecājamies, ka viss ir kārtībā.
portal-done-reopened = Mēs atkal atvērām jūsu pieprasījumu un sazināsimies ar jums.
portal-done-language = Saglabāts: veikals jums rakstīs šajā valodā.
portal-claim = Saņemt punktus
portal-claim-offer = Par šo čeku pienākas <strong>{ $points ->
    [zero] { $points } punktu
    [one] { $points } punkts
   *[other] { $points } punkti
}</strong>. Pievienojiet tos savai kartei ar tālruņa numuru vai e-pastu; ja esat jauns, ierakstiet arī vārdu, un esat klāt.
portal-contact = Tālruņa numurs vai e-pasts
portal-first-name-new = Vārds (tikai ja esat jauns)
portal-claim-button = { $points ->
    [zero] Saņemt { $points } punktu
    [one] Saņemt { $points } punktu
   *[other] Saņemt { $points } punktus
}
portal-claim-too-old = Punktus par čeku var saņemt { $days } dienas pēc apmeklējuma; šis čeks ir vecāks.
portal-claim-refunded = Par šo pirkumu nauda ir atmaksāta, tāpēc punktu nav.
portal-rate = Novērtējiet apmeklējumu
portal-rated = Jūs novērtējāt ar { $stars } no 5.
portal-how-was-it = Kā jums patika? (1 līdz 5 zvaigznes)
portal-stars = { $stars ->
    [zero] { $stars } zvaigžņu
    [one] { $stars } zvaigzne
   *[other] { $stars } zvaigznes
}
portal-comment = Vai vēlaties ko piebilst? (nav obligāti)
portal-rate-change = Mainīt vērtējumu
portal-rate-send = Nosūtīt vērtējumu
portal-rate-closed = Vērtējumu var mainīt 7 dienas.
portal-help = Palīdzība saistībā ar pirkumu
portal-request = Pieprasījums Nr. { $id }
portal-status = Statuss: { $status }
portal-resolved-ask = Veikals atzīmēja, ka problēma ir atrisināta. Vai tiešām?
portal-resolved-yes = Jā, viss kārtībā
portal-resolved-no = Nē, problēma joprojām ir
portal-help-open = Kaut kas nav kārtībā? Pastāstiet mums
portal-help-more = Jautāt par ko citu
portal-what-wrong = Kas nogāja greizi?
portal-tell-more = Pastāstiet sīkāk
portal-how-reply = Kā ar jums sazināties?
portal-help-contact-member = Tālrunis vai e-pasts (atstājiet tukšu, lai izmantotu kartē norādīto)
portal-help-contact = Tālrunis vai e-pasts
portal-help-send = Lūgt palīdzību
portal-card = Jūsu karte
portal-card-hint = Nākamreiz parādiet šo pie kases: jūsu tālrunis ir jūsu lojalitātes karte.
portal-card-language = Valoda, kurā veikals jums raksta
portal-save = Saglabāt
portal-invite = Uzaiciniet draugu
portal-invite-bonus = Jūs saņemsiet { $referrer } punktus un jūsu draugs { $friend } punktus pēc pirmā apmeklējuma.
portal-share = Dalieties ar šo saiti:
portal-join-title = Pievienojieties: { $shop }
portal-invited = { $friend } jūs uzaicina
portal-join-offer = Pievienojieties mūsu lojalitātes programmai un pēc pirmā pirkuma saņemiet <strong>{ $points } punktus</strong> (un { $friend } saņems { $referrer }).
portal-join-plain = Pievienojieties mūsu lojalitātes programmai: punkti par katru apmeklējumu.
portal-first-name = Vārds
portal-join = Pievienoties
portal-join-counter = Vai pievienojieties pie kases
portal-show-cashier = Parādiet šo kodu kasierim:
portal-welcome-title = Laipni lūdzam: { $shop }
portal-welcome = Laipni lūdzam, { $name }!
portal-member-now = Jūs esat dalībnieks. Pirmajā apmeklējumā parādiet šo kodu pie kases.
portal-screenshot = Saglabājiet ekrānuzņēmumu: tā ir jūsu lojalitātes karte.
portal-qr-label = QR kods: { $code }
status-open = atvērts
status-waiting = gaida jūsu atbildi
status-resolved = atrisināts
status-confirmed = atrisināts, jūs apstiprinājāt
problem-missing = Kaut kā trūka
problem-wrong_item = Nepareiza prece
problem-quality = Kvalitāte nebija laba
problem-charged = Man aprēķināja nepareizu summu
problem-service = Apkalpošana
problem-other = Kas cits
contact-via-phone = Tālruņa zvans
contact-via-email = E-pasts
contact-via-sms = Īsziņa (SMS)
contact-via-in_store = Kad nākamreiz būšu veikalā
error-not-found = Nav atrasts
error-not-found-text = Šī saite neved uz čeku. Noskenējiet visu čeka kodu vēlreiz vai pajautājiet pie kases.
error-expired = Veidlapa novecojusi
error-expired-text = Šī veidlapa ir novecojusi vai nav no šīs lapas. Atgriezieties, pārlādējiet lapu un nosūtiet vēlreiz.
error-check = Lūdzu, pārbaudiet
error-try-again = Mēģiniet vēlreiz
error-busy-text = Veikala sistēma ir aizņemta. Lūdzu, mēģiniet vēlreiz pēc minūtes.
error-pick-stars = Izvēlieties 1 līdz 5 zvaigznes un tad nosūtiet vērtējumu.
error-pick-problem = Izvēlieties, kas nogāja greizi, un nosūtiet vēlreiz.
error-pick-contact-via = Izvēlieties, kā veikals ar jums sazināsies.
error-need-contact = Pievienojiet tālruņa numuru vai e-pastu, lai veikals varētu ar jums sazināties (vai izvēlieties “Kad nākamreiz būšu veikalā”).
error-join-contact = Pievienojiet savu tālruņa numuru vai e-pastu un tad pievienojieties.
error-join-taken = Šim tālruņa numuram vai e-pastam jau ir karte. Pajautājiet pie kases, un mēs to atradīsim.
error-already-claimed = Punkti par šo čeku jau ir saņemti.
error-claim-contact = Norādiet savas kartes tālruņa numuru vai e-pastu (vai to, ar kuru pievienoties).
error-name = Ierakstiet savu vārdu (līdz 100 zīmēm).
error-phone = Šis tālruņa numurs neizskatās pareizs: pārbaudiet ciparus.
error-email = Šī e-pasta adrese neizskatās pareiza: pārbaudiet to.
error-too-many = Pārāk daudz pieprasījumu no šī savienojuma. Lūdzu, pagaidiet minūti un mēģiniet vēlreiz.
portal-messages = Ziņas no veikala
portal-birthday = Jūsu dzimšanas diena (mēnesis un diena) – pārsteigumam svētku dienā, ja vēlaties
portal-birthday-example = MM-DD, piem., 07-14
portal-birthday-kept = Veikalam ir jūsu dzimšanas diena: svētku dienā jūs gaida pārsteigums.
portal-done-messages = Saglabāts: veikals jums rakstīs, kā izvēlējāties.
# The front page's field for the code printed under a receipt's QR.
portal-code-label = Vai ierakstiet kodu, kas ir zem QR
portal-code-open = Atvērt manu čeku
# A link the chain signed for a sale that has not reached this server yet.
error-on-its-way = Jūsu čeks ir ceļā
error-on-its-way-text = Veikals šo apmeklējumu šeit vēl nav nosūtījis. Mēģiniet vēlreiz pēc minūtes vai divām: saite uz jūsu čeka ir pareiza.
contact-via-whatsapp = WhatsApp
contact-via-viber = Viber
contact-via-telegram = Telegram
contact-via-messenger = Messenger
portal-chats = Sarakste ar veikalu
portal-chats-hint = Saņemiet balvu ziņas un atbildes par apmeklējumiem lietotnē, ko jau lietojat. Viens pieskāriens to piesaista jūsu kartei.
portal-chat-link = Rakstiet mums lietotnē { $app }
portal-chat-linked = Piesaistīts lietotnē { $app }
chat-link-prefill = Piesaistīt manu karti:
chat-welcome-linked = Jūsu { $shop } karte ir piesaistīta: balvu ziņas un atbildes nāks šeit. Rakstiet mums jebkurā laikā.
chat-welcome-refused = Šī saite jau izmantota vai nav { $shop }: atveriet apmeklējuma lapu vēlreiz un pieskarieties pogai.
