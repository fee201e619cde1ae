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
