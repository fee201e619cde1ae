# Īpašnieka pārskats latviešu valodā.
dash-title = Īpašnieka pārskats
dash-from = No (GGGG-MM-DD)
dash-to = Līdz
dash-last-90 = Pēdējās 90 dienas
dash-all-time = Viss laiks
dash-owner-pin = Īpašnieka PIN skaitļiem
dash-show = Rādīt skaitļus
dash-export = Eksportēt CSV
dash-choose = Izvēlieties periodu un nospiediet Rādīt skaitļus.
dash-range = { $from } – { $to }
dash-row = { $name }: { $value }
dash-none = -
dash-repeat-rate = Atkārtoto apmeklējumu īpatsvars
dash-repeat-rate-value = { $rate } ({ $repeat } no { $visiting } dalībniekiem, kas apmeklēja)
dash-visits = Apmeklējumi
dash-visits-value = { $visits } ({ $members } dalībnieku, { $anonymous } anonīmi)
dash-median-days = Dienu mediāna starp apmeklējumiem
dash-average-spend = Vidējais pirkums
dash-average-spend-value = dalībnieki { $members }, anonīmi { $anonymous }
dash-points = Punkti
dash-points-value = piešķirti { $issued }, izmantoti { $redeemed }, noilguši { $expired }; atlikumā { $outstanding }
dash-redemption-rate = Izmantošanas īpatsvars
dash-referrals = Ieteikumi
dash-referrals-value = kodi nodoti { $shared }, draugi reģistrējušies { $enrolled }, pirmo pirkumu veikuši { $rewarded } (abi apbalvoti); gaida { $pending }; atteikti { $refused }
dash-average-rating = Vidējais vērtējums
dash-rating-value = { $average } no 5 ({ $count ->
    [zero] { $count } vērtējumu
    [one] { $count } vērtējums
   *[other] { $count } vērtējumi
})
dash-no-ratings = nav vērtējumu
dash-tickets = Pieteikumi
dash-tickets-value = atvērti { $opened }, atrisināti { $resolved }, tagad atvērti { $open }; atrisināšanas laika mediāna { $median }
dash-hours = { $hours } h
dash-weeks = Jauni un atkārtoti dalībnieki pa nedēļām
dash-week = nedēļa
dash-new-members = Jauni dalībnieki
dash-returning-members = Atkārtoti dalībnieki
dash-weeks-table = Nedēļas tabulā
dash-week-starting = Nedēļas sākums
dash-new = Jauni
dash-returning = Atkārtoti
dash-frequency = Apmeklējumu biežums (dalībnieki pēc apmeklējumu skaita periodā)
dash-members = Dalībnieki
dash-frequency-table = Biežums tabulā
dash-frequency-row = { $visits } apmeklējumi
dash-cohorts = Kohortu noturība (pēc pirmā apmeklējuma mēneša)
dash-cohort = Kohorta
dash-cohort-so-far = { $figure } līdz šim
dash-cohort-so-far-hint = Šis mēnesis vēl nav beidzies: skaitlis ietver apmeklējumus līdz izvēlētā perioda beigām, nevis visu mēnesi.
dash-month-after = +{ $months } mēn.
dash-top-spend = Labākie klienti pēc tēriņiem
dash-top-visits = Labākie klienti pēc apmeklējumiem
dash-erased = (dzēsts)
dash-visit-count = { $visits ->
    [zero] { $visits } apmeklējumu
    [one] { $visits } apmeklējums
   *[other] { $visits } apmeklējumi
}
dash-ratings = Vērtējumi
dash-stars = { $stars ->
    [zero] { $stars } zvaigžņu
    [one] { $stars } zvaigzne
   *[other] { $stars } zvaigznes
}
dash-stars-count = { $stars ->
    [zero] { $stars } zvaigžņu
    [one] { $stars } zvaigzne
   *[other] { $stars } zvaigznes
}: { $count }
dash-refused = Atteiktie ieteikumi
dash-scope = Rādītāji:
dash-scope-till = Šī kase
dash-scope-all = Visi veikali
dash-chain-heading = Ķēdes veikali (no centrālās krātuves)
dash-chain-shop = Veikals
dash-chain-sales = Pārdošana
dash-chain-refunds = Atmaksas
dash-chain-returning = Atgriezušies klienti
dash-chain-earned = Nopelnītie punkti
dash-chain-redeemed = Izmantotie punkti
dash-chain-service = Jauni dalībnieki, vērtējumi un pieteikumi
dash-chain-resolved = Tagad atrisināti
dash-overdue = Nokavēti pieprasījumi
dash-overdue-value = { $count } pašlaik pāri atbildes vai atrisinājuma termiņam
dur-minutes = { $minutes } min
dur-hours = { $hours } h { $minutes } min
dur-days = { $days } d. { $hours } h
dash-share = { $part } no { $whole } ({ $percent })
dash-share-few = { $part } no { $whole }
dash-few-note = { $value } (par maz procentiem)
dash-share-none = vēl nav
dash-support = Atbalsts: vai atrisināta problēma atved klientu atpakaļ?
dash-first-reply = Laiks līdz pirmajai atbildei
dash-first-reply-value = mediāna { $median } · pieteikumi: { $count } · vēl bez atbildes: { $unreplied }
dash-resolution = Laiks līdz atrisinājumam
dash-resolution-value = mediāna { $median } · atrisināti pieteikumi: { $count }
dash-outcomes = Atrisinātie pieteikumi
dash-outcomes-value = kopā { $ever }: klients apstiprināja { $confirmed }; atvērti no jauna { $reopened }; palika neapstiprināti { $unconfirmed }
dash-effort = Atkārtoti kontakti
dash-effort-value = kopā { $contacts } ({ $per } uz pieteikumu); pieteikumi, kuros tas bija vajadzīgs: { $share }
dash-came-back = Atgriezās { $days } dienu laikā
dash-came-back-value = pēc apstiprināta atrisinājuma { $confirmed }; pēc citiem pieteikumiem { $other } (atrisināti līdz { $until })
dash-came-back-early = vēl par agru: pieteikumam jābūt vismaz { $days } dienas vecam
dash-rated-visits = Novērtētie apmeklējumi
dash-quiet = Kluso dalībnieku un sūdzētāju vērtējumi
dash-quiet-value = nekad nesūdzējās: { $quiet }; sūdzējās: { $complained }; anonīmi: { $anonymous }
dash-waits = Gaidīšana pēc nopietnības un kanāla (mediāna · pieteikumi)
dash-wait-cell = { $median } · { $count }
dash-by-staff = Vērtējumi pēc dežurējošā darbinieka (redz tikai īpašnieks)
dash-staff = Darbinieks
dash-low-ratings = 3 zvaigznes vai mazāk
dash-overdue-by-day = Nokavētie pieteikumi katras dienas beigās
dash-overdue-none = Šajā periodā nav pieprasījumu, tātad neviens nav nokavēts.
dash-day = diena
dash-referral-moment = Ieteikumi tūlīt pēc balvas
dash-referral-moment-value = { $after } { $days } dienu laikā pēc tam, kad ieteicējs saņēma balvu; { $other } citā laikā
dur-span = { $from }–{ $to }
dur-over = vairāk nekā { $from }
dash-common-problems = Biežākās problēmas un to parastie risinājumi (viss laiks)
dash-problem = Problēma
dash-usual-fixes = Parastie risinājumi
dash-fix = { $body } ({ $uses } ×)
dash-no-fixes = saglabātas atbildes vēl nav lietotas
dur-hours-only = { $hours } h
dur-days-only = { $days } d.
