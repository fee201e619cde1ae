msg-hello-name = Zdravo, { $name },
msg-hello = Zdravo,
msg-reward-ready-subject = Vaša nagrada vas čeka: { $reward } – { $shop }
msg-reward-ready = Imate { $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}: dovoljno za „{ $reward }”. Sledeći put samo pokažite karticu na kasi.
msg-nearing-reward-subject = Skoro ste stigli: { $reward } – { $shop }
msg-nearing-reward = Imate { $points ->
    [one] { $points } poen
    [few] { $points } poena
   *[other] { $points } poena
}. Još { $remaining ->
    [one] { $remaining } poen
    [few] { $remaining } poena
   *[other] { $remaining } poena
} i „{ $reward }” je vaša.
msg-welcome-back-subject = Nedostajete nam – { $shop }
msg-welcome-back = Dugo se nismo videli! „{ $reward }” vas čeka do { $until }.
msg-birthday-subject = Srećan rođendan od { $shop }
msg-birthday = Srećan rođendan! „{ $reward }” vas čeka do { $until }.
msg-anniversary-subject = Hvala vam na još jednoj godini – { $shop }
msg-anniversary = Još jedna godina članstva: hvala vam! „{ $reward }” vas čeka do { $until }.
msg-ticket-resolved-subject = Da li je rešeno? Vaš zahtev – { $shop }
msg-ticket-resolved = Rešili smo vaš zahtev: „{ $summary }”. Da li je sada sve u redu? Recite nam na stranici posete, jednim dodirom: { $link }
msg-ticket-follow-up-subject = Da li je i dalje sve u redu? Vaš zahtev – { $shop }
msg-ticket-follow-up = Nismo čuli od vas o „{ $summary }”. Da li je rešeno? Potvrdite ili nam recite da nije, na stranici posete: { $link }
msg-ticket-reply-subject = O vašem zahtevu – { $shop }
msg-ticket-reply = { $reply } (O vašem zahtevu „{ $summary }”: { $link })
msg-sign-off = { $shop }
msg-unsubscribe = Ovo dobijate jer ste tražili vesti o nagradama i ponude. Da ih zaustavite, jedan klik: { $link }
msg-sms-stop = Odgovorite STOP da zaustavite poruke.
msg-stop-word = STOP
consent-email-wording = Želim vesti o nagradama i ponude od { $shop } e-poštom. Mogu da se odjavim u svakom trenutku.
consent-sms-wording = Želim vesti o nagradama i ponude od { $shop } SMS-om. U svakom trenutku mogu da odgovorim STOP.
unsub-title = Poruke od { $shop }
unsub-question-email = Zaustaviti vesti o nagradama i ponude e-poštom na { $address }?
unsub-question-sms = Zaustaviti vesti o nagradama i ponude SMS-om na { $address }?
unsub-button = Odjavi me
unsub-done-email = Gotovo: nema više vesti o nagradama ni ponuda e-poštom. Odgovori na vaše zahteve i dalje stižu.
unsub-done-sms = Gotovo: nema više vesti o nagradama ni ponuda SMS-om. Odgovori na vaše zahteve i dalje stižu.
unsub-already = Niste prijavljeni na ove poruke.
unsub-wording = Odjavljen preko veze u poruci od { $shop }.
sms-stop-wording = Odgovorio „{ $text }” na poruku od { $shop }.
message-kind-reward-ready = nagrada spremna
message-kind-nearing-reward = blizu nagrade
message-kind-welcome-back = dobrodošli nazad
message-kind-birthday = rođendan
message-kind-anniversary = godišnjica
message-kind-ticket-resolved = zahtev rešen
message-kind-ticket-follow-up = podsetnik za zahtev
message-kind-ticket-reply = odgovor osoblja
message-state-queued = čeka
message-state-sending = šalje se
message-state-sent = poslata
message-state-failed = neuspela
message-state-cancelled = nije poslata
message-state-unsure = nesigurno
message-channel-email = e-pošte
message-channel-sms = SMS-a
consent-source-counter = na kasi
consent-source-page = na stranici
consent-source-import = uvezeno
consent-source-staff = rekao osoblju
consent-source-unsubscribe = veza za odjavu
consent-source-sms_stop = poslao STOP
message-problem-unreachable = Ne može da se stigne do { $about }: ponovo kasnije
message-problem-tls = Bezbedna veza sa { $about } nije uspela
message-problem-no-starttls = { $about } ne nudi STARTTLS: podesite [email] tls = "tls" za port 465
message-problem-login = { $about } je odbio korisničko ime ili lozinku: proverite [email] username i password
message-problem-settings = Podešavanja ne mogu da se koriste: { $about }
message-problem-refused-sender = Server pošte je odbio pošiljaoca { $about }: proverite [email] from
message-problem-refused-recipient = Server pošte je odbio { $about } (vraćena poruka): proverite adresu
message-problem-refused-message = Server pošte je odbio poruku
message-problem-bad-address = { $about } nije adresa na koju poruka može da ode
message-problem-gateway = SMS kapija je odgovorila { $about }
message-problem-unsure = Veza je pukla pošto je server već imao poruku: možda je otišla, pa se sama ne šalje ponovo
message-problem-stopped = Kasa je stala dok je server imao poruku: možda je otišla, pa se sama ne šalje ponovo
message-problem-consent-withdrawn = Nije poslato: saglasnost povučena
message-problem-no-address = Nije poslato: kupac sada nema adresu za to
message-problem-erased = Nije poslato: kupac je obrisan
message-problem-no-contact = Nije poslato: kontakt zahteva je obrisan
message-problem-store = Nije poslato: predaja nije mogla da se zabeleži
consent-source-chat = u dopisivanju
consent-chat-wording = Želim vesti o nagradama, ponude i odgovore od { $shop } u aplikaciji { $app }. Dopisivanje mogu da prekinem u svakom trenutku.
msg-chat-stop = Bez ponuda ubuduće: { $link }
message-problem-token-refused = { $about } je odbio ključ: opozvan je ili pogrešno upisan, postavite novi u config.toml
message-problem-chat-ended = Nije poslato: kupac je prekinuo dopisivanje na { $about }
message-problem-opted-out = Nije poslato: kupac je isključio ponude na { $about }
message-problem-rate-limited = { $about } traži sporije slanje: pokušaće ponovo kasnije
message-problem-app-down = { $about } ne odgovara: pokušaće ponovo kasnije
message-problem-app-refused = { $about } je odbio poruku
message-problem-window-closed = { $about }: kupac je poslednji put pisao pre više od 24 sata, pa sme samo odobreni šablon: poruka čeka ili ide drugim kanalom
message-problem-no-template = { $about }: nema odobrenog šablona za ovu poruku na ovom jeziku (postavite [whatsapp.templates]): poruka čeka ili ide drugim kanalom
