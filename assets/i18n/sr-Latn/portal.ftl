portal-loyalty = Program lojalnosti
portal-home-hint = Skenirajte QR kod sa računa da vidite svoje poene, ocenite posetu ili zatražite pomoć u vezi sa kupovinom.
portal-languages = Jezik
portal-visit-title = Vaša poseta: { $shop }
portal-hi = Zdravo, { $name }!
portal-thanks-visit = Hvala na poseti
portal-visit-on = Poseta { $when } · račun { $receipt }
portal-refunded = vraćeno { $amount }
portal-earned = Za ovu posetu dobili ste <strong>{ $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}</strong>.
portal-balance = Stanje: <strong>{ $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}</strong>
portal-ready = Već sada vas čeka:
portal-done-rated = Hvala! Vaša ocena je sačuvana.
portal-done-rated-low = Hvala što ste nam rekli. Žao nam je što nije bilo bolje: neko iz radnje će vam se javiti.
portal-done-help = Vaš zahtev je stigao u radnju. Javićemo vam se na način koji ste izabrali.
portal-done-claimed = Gotovo: poeni su na vašoj kartici.
portal-done-confirmed = Hvala na potvrdi. Drago nam je što je rešeno.
portal-done-reopened = Ponovo smo otvorili vaš zahtev i javićemo vam se.
portal-done-language = Sačuvano: radnja će vam pisati na ovom jeziku.
portal-claim = Preuzmite poene
portal-claim-offer = Ovaj račun donosi <strong>{ $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}</strong>. Dodajte ih na karticu brojem telefona ili imejlom; ako ste novi, upišite i ime i postajete član.
portal-contact = Broj telefona ili imejl
portal-first-name-new = Ime (samo ako ste novi)
portal-claim-button = { $points ->
    [one] Preuzmi { $points } poen
    [few] Preuzmi { $points } poena
   *[other] Preuzmi { $points } poena
}
portal-claim-too-old = Poeni sa računa mogu se preuzeti { $days } dana posle posete; ovaj račun je stariji.
portal-claim-refunded = Novac za ovu kupovinu je vraćen, pa nema poena za preuzimanje.
portal-rate = Ocenite posetu
portal-rated = Ocenili ste je sa { $stars } od 5.
portal-how-was-it = Kako je bilo? (od 1 do 5 zvezdica)
portal-stars = { $stars ->
    [one] { $stars } zvezdica
    [few] { $stars } zvezdice
   *[other] { $stars } zvezdica
}
portal-comment = Želite li nešto da dodate? (nije obavezno)
portal-rate-change = Promeni ocenu
portal-rate-send = Pošalji ocenu
portal-rate-closed = Ocena se može promeniti u roku od 7 dana.
portal-help = Pomoć u vezi sa ovom kupovinom
portal-request = Zahtev br. { $id }
portal-status = Status: { $status }
portal-resolved-ask = Radnja je označila da je rešeno. Da li jeste?
portal-resolved-yes = Da, rešeno je
portal-resolved-no = Ne, problem i dalje postoji
portal-help-open = Nešto nije u redu? Recite nam
portal-help-more = Pitajte za nešto drugo
portal-what-wrong = Šta nije bilo u redu?
portal-tell-more = Recite nam više
portal-how-reply = Kako da vam se javimo?
portal-help-contact-member = Telefon ili imejl (ostavite prazno za onaj sa kartice)
portal-help-contact = Telefon ili imejl
portal-help-send = Zatraži pomoć
portal-card = Vaša kartica
portal-card-hint = Sledeći put pokažite ovo na kasi: vaš telefon je vaša kartica lojalnosti.
portal-card-language = Jezik poruka iz radnje
portal-save = Sačuvaj
portal-invite = Pozovite prijatelja
portal-invite-bonus = Vi dobijate { $referrer } poena, a prijatelj { $friend } posle prve posete.
portal-share = Podelite ovaj link:
portal-join-title = Pridružite se: { $shop }
portal-invited = { $friend } vas poziva
portal-join-offer = Učlanite se u naš program lojalnosti i posle prve kupovine dobijte <strong>{ $points } poena</strong> (a { $friend } dobija { $referrer }).
portal-join-plain = Učlanite se u naš program lojalnosti: poeni za svaku posetu.
portal-first-name = Ime
portal-join = Učlani se
portal-join-counter = Ili se učlanite na kasi
portal-show-cashier = Pokažite ovaj kod kasiru:
portal-welcome-title = Dobro došli: { $shop }
portal-welcome = Dobro došli, { $name }!
portal-member-now = Sada ste član. Pokažite ovaj kod na kasi pri prvoj poseti.
portal-screenshot = Napravite snimak ekrana: ovo je vaša kartica lojalnosti.
portal-qr-label = QR kod: { $code }
status-open = otvoren
status-waiting = čeka vaš odgovor
status-resolved = rešeno
status-confirmed = rešeno, potvrdili ste
problem-missing = Nešto je nedostajalo
problem-wrong_item = Pogrešan artikal
problem-quality = Kvalitet nije bio dobar
problem-charged = Naplaćen mi je pogrešan iznos
problem-service = Usluga
problem-other = Nešto drugo
contact-via-phone = Telefonski poziv
contact-via-email = Imejl
contact-via-sms = SMS poruka
contact-via-in_store = Kada sledeći put dođem u radnju
error-not-found = Nije pronađeno
error-not-found-text = Ovaj link ne vodi do računa. Ponovo skenirajte ceo kod sa računa ili pitajte na kasi.
error-expired = Obrazac je istekao
error-expired-text = Ovaj obrazac je istekao ili nije sa ove stranice. Vratite se, osvežite stranicu i pošaljite ponovo.
error-check = Proverite, molimo
error-try-again = Pokušajte ponovo
error-busy-text = Sistem radnje je zauzet. Pokušajte ponovo za minut.
error-pick-stars = Izaberite od 1 do 5 zvezdica, pa pošaljite ocenu.
error-pick-problem = Izaberite šta nije bilo u redu, pa pošaljite ponovo.
error-pick-contact-via = Izaberite kako da vam se radnja javi.
error-need-contact = Dodajte broj telefona ili imejl da bi vam se radnja javila (ili izaberite „Kada sledeći put dođem u radnju”).
error-join-contact = Dodajte broj telefona ili imejl, pa se učlanite.
error-join-taken = Za taj broj telefona ili imejl već postoji kartica. Pitajte na kasi i pronaći ćemo je.
error-already-claimed = Poeni sa ovog računa su već preuzeti.
error-claim-contact = Upišite broj telefona ili imejl svoje kartice (ili onaj sa kojim se učlanjujete).
error-name = Upišite svoje ime (do 100 znakova).
error-phone = Taj broj telefona ne izgleda ispravno: proverite cifre.
error-email = Ta imejl adresa ne izgleda ispravno: proverite je.
error-too-many = Previše zahteva sa ove veze. Sačekajte minut i pokušajte ponovo.
portal-messages = Poruke od prodavnice
portal-birthday = Vaš rođendan (mesec i dan), za iznenađenje tog dana – samo ako želite
portal-birthday-example = MM-DD, npr. 07-14
portal-birthday-kept = Prodavnica ima vaš rođendan: tog dana vas čeka iznenađenje.
portal-done-messages = Sačuvano: prodavnica će vam pisati kako ste izabrali.
# The front page's field for the code printed under a receipt's QR.
portal-code-label = Ili ukucajte kod ispod QR koda
portal-code-open = Otvori moj račun
# A link the chain signed for a sale that has not reached this server yet.
error-on-its-way = Vaš račun je na putu
error-on-its-way-text = Radnja još nije poslala ovu posetu ovde. Pokušajte ponovo za minut-dva: veza na vašem računu je ispravna.
contact-via-whatsapp = WhatsApp
contact-via-viber = Viber
contact-via-telegram = Telegram
contact-via-messenger = Messenger
portal-chats = Dopisivanje sa prodavnicom
portal-chats-hint = Primajte vesti o nagradama i odgovore o posetama u aplikaciji koju već koristite. Jedan dodir je povezuje sa vašom karticom.
portal-chat-link = Pišite nam u aplikaciji { $app }
portal-chat-linked = Povezano u aplikaciji { $app }
chat-link-prefill = Poveži moju karticu:
chat-welcome-linked = Vaša kartica u { $shop } je povezana: vesti o nagradama i odgovori stižu ovde. Pišite nam kad god želite.
chat-welcome-refused = Ova veza je već iskorišćena ili nije od { $shop }: otvorite ponovo stranicu posete i dodirnite dugme.
