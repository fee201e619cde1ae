# Преглед за власника на српском (ћирилица).
dash-title = Преглед за власника
dash-from = Од (ГГГГ-ММ-ДД)
dash-to = До
dash-last-90 = Последњих 90 дана
dash-all-time = Све време
dash-owner-pin = ПИН власника за бројке
dash-show = Прикажи бројке
dash-export = Извези CSV
dash-choose = Изаберите период и притисните Прикажи бројке.
dash-range = { $from } – { $to }
dash-row = { $name }: { $value }
dash-none = -
dash-repeat-rate = Удео поновних посета
dash-repeat-rate-value = { $rate } ({ $repeat } од { $visiting } чланова који су дошли)
dash-visits = Посете
dash-visits-value = { $visits } ({ $members } чланова, { $anonymous } без купца)
dash-median-days = Медијана дана између посета
dash-average-spend = Просечна потрошња
dash-average-spend-value = чланови { $members }, без купца { $anonymous }
dash-points = Поени
dash-points-value = додељено { $issued }, искоришћено { $redeemed }, истекло { $expired }; на стању { $outstanding }
dash-redemption-rate = Удео искоришћених
dash-referrals = Препоруке
dash-referrals-value = подељено кодова { $shared }, учлањених пријатеља { $enrolled }, први куповину обавило { $rewarded } (оба награђена); чека { $pending }; одбијено { $refused }
dash-average-rating = Просечна оцена
dash-rating-value = { $average } од 5 ({ $count ->
    [one] { $count } оцена
    [few] { $count } оцене
   *[other] { $count } оцена
})
dash-no-ratings = нема оцена
dash-tickets = Пријаве
dash-tickets-value = отворено { $opened }, решено { $resolved }, сада отворено { $open }; медијана времена решавања { $median }
dash-hours = { $hours } ч
dash-weeks = Нови и поновни чланови по недељама
dash-week = недеља
dash-new-members = Нови чланови
dash-returning-members = Поновни чланови
dash-weeks-table = Недеље у табели
dash-week-starting = Почетак недеље
dash-new = Нови
dash-returning = Поновни
dash-frequency = Учесталост посета (чланови по броју посета у периоду)
dash-members = Чланови
dash-frequency-table = Учесталост у табели
dash-frequency-row = { $visits } посета
dash-cohorts = Задржавање кохорти (по месецу прве посете)
dash-cohort = Кохорта
dash-cohort-so-far = { $figure } до сада
dash-cohort-so-far-hint = Овај месец још није прошао: број обухвата посете до краја изабраног периода, а не цео месец.
dash-month-after = +{ $months } мес.
dash-top-spend = Најбољи купци по потрошњи
dash-top-visits = Најбољи купци по посетама
dash-erased = (обрисано)
dash-visit-count = { $visits ->
    [one] { $visits } посета
    [few] { $visits } посете
   *[other] { $visits } посета
}
dash-ratings = Оцене
dash-stars = { $stars ->
    [one] { $stars } звездица
    [few] { $stars } звездице
   *[other] { $stars } звездица
}
dash-stars-count = { $stars ->
    [one] { $stars } звездица
    [few] { $stars } звездице
   *[other] { $stars } звездица
}: { $count }
dash-refused = Одбијене препоруке
dash-scope = Подаци за:
dash-scope-till = Ову касу
dash-scope-all = Све продавнице
dash-chain-heading = Продавнице ланца (из централне базе)
dash-chain-shop = Продавница
dash-chain-sales = Продаја
dash-chain-refunds = Враћено
dash-chain-returning = Купци који се враћају
dash-chain-earned = Зарађени поени
dash-chain-redeemed = Искоришћени поени
dash-chain-service = Нови чланови, оцене и пријаве
dash-chain-resolved = Сада решено
dash-overdue = Захтеви који касне
dash-overdue-value = { $count } сада после рока за одговор или решење
dur-minutes = { $minutes } мин
dur-hours = { $hours } ч { $minutes } мин
dur-days = { $days } д { $hours } ч
dash-share = { $part } од { $whole } ({ $percent })
dash-share-few = { $part } од { $whole }
dash-few-note = { $value } (премало за проценат)
dash-share-none = још нема
dash-support = Подршка: да ли решен проблем враћа купца?
dash-first-reply = Време до првог одговора
dash-first-reply-value = медијана { $median } · пријава: { $count } · још без одговора: { $unreplied }
dash-resolution = Време до решења
dash-resolution-value = медијана { $median } · решених пријава: { $count }
dash-outcomes = Решене пријаве
dash-outcomes-value = укупно { $ever }: купац потврдио { $confirmed }; поново отворене { $reopened }; остале непотврђене { $unconfirmed }
dash-effort = Поновљени контакти
dash-effort-value = укупно { $contacts } ({ $per } по пријави); пријаве којима је то требало: { $share }
dash-came-back = Вратили се у року од { $days } дана
dash-came-back-value = после потврђеног решења { $confirmed }; после других пријава { $other } (решене до { $until })
dash-came-back-early = прерано за процену: пријави треба { $days } дана иза ње
dash-rated-visits = Оцењене посете
dash-quiet = Оцене тихих чланова и оних који су се жалили
dash-quiet-value = никад се нису жалили: { $quiet }; жалили су се: { $complained }; анонимни: { $anonymous }
dash-waits = Чекање по озбиљности и каналу (медијана · пријава)
dash-wait-cell = { $median } · { $count }
dash-by-staff = Оцене по запосленом у смени (види само власник)
dash-staff = Запослени
dash-low-ratings = 3 звездице или мање
dash-overdue-by-day = Пријаве после рока на крају сваког дана
dash-overdue-none = У овом периоду нема захтева, па ниједан није закаснио.
dash-day = дан
dash-referral-moment = Препоруке одмах после награде
dash-referral-moment-value = { $after } у року од { $days } дана пошто је препоручилац искористио награду; { $other } у друго време
dur-span = { $from }–{ $to }
dur-over = преко { $from }
dash-common-problems = Најчешћи проблеми и њихова уобичајена решења (све време)
dash-problem = Проблем
dash-usual-fixes = Уобичајена решења
dash-fix = { $body } ({ $uses } ×)
dash-no-fixes = још није коришћен ниједан сачуван одговор
dur-hours-only = { $hours } ч
dur-days-only = { $days } д
