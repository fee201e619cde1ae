display-idle = Laipni lūdzam { $shop }
display-idle-short = Laipni lūdzam!
display-idle-more = Jautājiet par balvām
display-idle-more-short = Jautājiet par balvām
display-hello = Sveiki atkal, { $name }
display-hello-short = Sveiki, { $name }
display-points = { $balance ->
    [zero] { $balance } punktu
    [one] { $balance } punkts
   *[other] { $balance } punkti
}
display-points-next = { display-points }, vēl { $remaining } līdz { $reward }
display-points-next-short = { $balance } p., vēl { $remaining }: { $reward }
display-visits-next = Vēl { $remaining } apmeklējumi līdz { $reward }
display-visits-next-short = Vēl { $remaining } apmeklējumi
display-ready = Balva gatava: { $reward }
display-ready-short = Gatava: { $reward }
display-sale = { $amount }, +{ $points } punkti
display-sale-short = { $amount } +{ $points } p.
display-now = Tagad { display-points }
display-anonymous = Noskenējiet čeku un saņemiet { $points } punktus
display-anonymous-short = Čeka QR: +{ $points } p.
display-test = Regulars displeja tests
display-test-short = Displeja tests
display-test-letters = ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž
display-join = Pievienojieties ar tālruni
display-join-help = Noskenējiet kodu ar tālruņa kameru, ierakstiet vārdu un tālruni vai e-pastu: kase jūs redzēs uzreiz.
display-join-title = Pievienoties: { $shop }
display-joined = Tagad esat biedrs. Ja jautā, parādiet šo ekrānu pie kases.
display-join-closed = Šis kods jau izmantots. Noskenējiet kodu uz kases ekrāna vēlreiz.
display-joined-later = Pircējs pievienojās planšetē (karte { $code }): atveriet to ar šo kodu, kad šis pircējs apkalpots.
display-outside-title = Tikai veikalā
display-outside = Pircēja displejs atveras tikai veikala tīklā.
display-none = Nav pircēja displeja
display-on = Pircēja displejs: { $port }
display-showing = Pircēja displejs rāda pirkumu
display-not-there = neatbild portā { $port }: vai tas ir pievienots un ieslēgts?
display-lost = Pircēja displejs: { $fault } (mēģina vēlreiz)
display-unusable = Pircēja displejs izslēgts: { $problem }
display-tablet = Planšetes ekrāns: { $url }
