# Прозор касе на српском (ћирилица).
language-name = Српски (ћирилица)

## Траке
settings = Подешавања
owner-dashboard = Преглед за власника (F7)
owner-dashboard-hint = Поновне посете, кохорте, поени, препоруке, оцене, пријаве
theme-light = Светла тема
theme-dark = Тамна тема
sign-out = Одјава (Ctrl+L)
role-owner = власник
role-cashier = касир
printer-state = Штампач: { $state }
scanner-state = Скенер: { $state }
scanner-state-last = Скенер: { $state } — последње скенирање { $code }
ready = Спремно. Скенирајте картицу или откуцајте износ и притисните Enter.
staff-sign-in = Пријава запосленог
staff-pin = ПИН запосленог
sign-in = Пријави се (Enter)

## Тражење и учлањење
customer = Купац
find-label = Пронађи купца (F2): картица, телефон или име
find-hint = скенирајте картицу или куцајте
find-result = { $name } — { $code } ({ $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
})
erased = (обрисано)
find-many = Одговара { $count } купаца: изаберите једног или куцајте даље.
new-customer-button = Нови купац (F3)
clear-customer = Уклони купца (Esc)
new-customer = Нови купац
name = Име
phone = Телефон
email = Имејл
referral-code = Код препоруке
enroll = Учлани (Enter)
cancel = Откажи (Esc)

## Продаја
sale = Продаја
amount = Износ
amount-keys = У износ се уносе само цифре и децимални знак; купца тражите са F2.
record-sale-for = Евидентирај продају за: { $name } (Enter)
record-sale = Евидентирај продају (Enter)
record-sale-hint = Евидентира продају и штампа рачун са поенима
anonymous-sale = Продаја без купца (F4)
anonymous-sale-hint = Без купца: на рачуну је QR код за преузимање поена
reprint = Поново одштампај последњи рачун (F9)
recent = Недавно

## Повраћај
refund-by-receipt = Повраћај по рачуну
receipt-number = Број рачуна
refund-amount = Износ повраћаја
refund-all = цео
owner-pin-above = ПИН власника (изнад { $limit })
refund = Врати новац (Enter)
last-receipt = Последњи рачун (F8)
no-receipt-yet = Још нема рачуна: откуцајте број одштампан на рачуну.

## Купац на екрану
no-customer = Нема купца: скенирајте његову картицу или телефон, или га пронађите изнад. Продаја без купца штампа QR код за преузимање поена.
details-erased = (подаци обрисани)
card-and-referral = Картица { $code }   ·   Препорука { $referral }
points = { $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
}
progress-visits = { $remaining ->
    [one] још { $remaining } посета до: { $reward } (картица са печатима)
    [few] још { $remaining } посете до: { $reward } (картица са печатима)
   *[other] још { $remaining } посета до: { $reward } (картица са печатима)
}
progress-points = { $remaining ->
    [one] још { $remaining } поен до: { $reward }
    [few] још { $remaining } поена до: { $reward }
   *[other] још { $remaining } поена до: { $reward }
}
last-visit = Последња посета { $when } · { $visits ->
    [one] { $visits } посета
    [few] { $visits } посете
   *[other] { $visits } посета
}
rewards-now = Награде које може да узме сада
print-card = Одштампај листић картице
print-card-hint = Његов QR код члана и код препоруке, да их сачува
adjust-points = Исправи поене
adjust-by = Поени (+/-)
reason = Разлог
adjust-owner-pin = ПИН власника за исправку
adjust = Исправи
redeem = Искористи: { $reward } ({ $how })
redeem-first = Искористи: { $reward } ({ $how }, F5)
paid-voucher = ваучер
visit-from-qr = Посета { $id } (са QR кода рачуна)
visit-when = { $when } · рачун { $receipt }
points-earned = { $points ->
    [one] зарађен { $points } поен
    [few] зарађена { $points } поена
   *[other] зарађено { $points } поена
}
no-visit-tickets = Нема пријава подршке за ову посету.
visit-tickets = Пријаве за ову посету
refund-this-visit = Врати новац за ову посету
identify-first = Прво пронађите купца (скенирајте картицу или F2 за тражење).
no-reward-yet = { $name } још нема награду коју може да узме.

## Подршка
no-open-tickets = Нема отворених пријава подршке.
open-tickets = Отворене пријаве подршке: { $count }
ticket-about-visit = (посета V{ $visit })
resolve = Реши #{ $id }
open-a-ticket = Отвори пријаву подршке (F12)
what-went-wrong = Шта није било у реду
severity = Хитност
severity-minor = Мала
severity-normal = Уобичајена
severity-urgent = Хитно
reply-how = Како купац жели одговор
reply-in-store = Следећи пут у продавници
reply-email = Е-пошта
reply-sms = SMS порука
reply-phone = Позив
reply-to = Адреса или број (празно: онај са картице)
reply-to-ticket = Одговори на #{ $id } ({ $how })
reply-text = Шта да им кажемо
send-reply = Пошаљи одговор (#{ $id })
open-ticket = Отвори пријаву
add-a-note = Додај белешку
note-for-staff = Белешка за све запослене
add-note = Додај белешку
timeline = Историја ({ $count })

## Преглед рачуна
receipt-preview = Преглед рачуна
receipt-next = Овде ће се појавити рачун следеће продаје.
enlarge = Увећај (F6)
receipt-preview-image = Слика прегледа рачуна
click-to-enlarge = Кликните за увећање (F6)
last-receipt-title = Последњи рачун
receipt-large = Рачун, увећан
close = Затвори (Esc)

## Подешавања
settings-ports = Портови су USB штампачи и серијски портови овог рачунара; мрежни штампач је tcp://АДРЕСА:9100; "virtual" штампа у преглед.
language = Језик
printer-port = Порт штампача
printer-profile = Профил штампача
choose = изабери
baud = Бод (празно: по профилу)
scanner-port = Порт скенера (празно: нема)
scanner-profile = Профил скенера
display-port = Порт дисплеја за купце (празно: нема)
display-profile = Профил дисплеја за купце
plug-in-mode = Посреднички режим: између касе продавнице и штампача
plug-in-explained = Каса штампа на порт касе; Regulars сваком рачуну додаје блок са поенима и штампа га на порт штампача изнад. Купац пронађен овде везује се за следећи рачун касе.
till-port = Порт касе
till-profile = Профил касе
save-settings = Сачувај подешавања
test-print = Пробна штампа
not-a-baud = '{ $baud }' није брзина у бодима: употребите нпр. 9600 или 38400, или оставите празно
plug-needs-till = посреднички режим тражи порт касе: порт на који каса штампа
settings-saved = Подешавања су сачувана у { $path }.
portal-status-off = Странице за купце не раде: { $error }
portal-status-serve = Странице за купце: покрените `regulars serve`
enroll-language = Језик купца
enroll-language-phone = као на телефону
ticket-status-open = отворен
ticket-status-waiting = чека одговор купца
ticket-status-resolved = решен
ticket-status-confirmed = купац потврдио
ticket-channel-portal = страница рачуна
ticket-channel-rating = ниска оцена
ticket-channel-counter = на каси
ticket-channel-phone = телефонски позив
ticket-channel-email = имејл
timeline-enrolled = Учланио се у програм лојалности
timeline-visit = Посета V{ $visit }: { $amount } (рачун { $receipt }), +{ $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
}
timeline-refunded = враћено { $amount }
timeline-points = { $event } { $signed } { $count ->
    [one] поен
    [few] поена
   *[other] поена
}
points-event-redeem = Искоришћена награда:
points-event-refund = Повраћај:
points-event-referral = Бонус за препоруку:
points-event-adjust = Исправка:
points-event-expire = Истекло:
timeline-rating = Оценио посету V{ $visit }: { $stars }/5
timeline-ticket = Отворен захтев #{ $ticket } ({ $channel })
timeline-about-visit = у вези са посетом V{ $visit }
timeline-ticket-note = Белешка уз захтев #{ $ticket }
timeline-ticket-waiting = Захтев #{ $ticket } чека одговор купца
timeline-ticket-resolved = Захтев #{ $ticket } решен
timeline-ticket-confirmed = Купац потврдио захтев #{ $ticket }
timeline-ticket-reopened = Захтев #{ $ticket } поново отворен
timeline-ticket-open = Захтев #{ $ticket } опет отворен
timeline-note = Белешка
timeline-by = ({ $who })
timeline-approved = { $who }, одобрио-ла { $owner }
backup-failed = Резервна копија није успела: { $problem }
backup-none = Још нема резервне копије
backup-old = Последња резервна копија пре { $age }: ниједна у последњих дан
backup-ok = Резервна копија пре { $age }
backup-hint = Резервне копије иду у [backup] to, проверене и сређене.
backup-hint-same-disk = Резервне копије су само на диску овог рачунара: у config.toml подесите [backup] to на USB диск или мрежну фасциклу.
age-minutes = { $count } мин
age-hours = { $count } ч
age-days = { $count ->
    [one] { $count } дан
   *[other] { $count } дана
}

chain-ok = Ланац: синхронизовано пре { $age }, за слање { $to_send }
chain-offline = Без везе од { $since }, за слање { $to_send }
chain-waiting = Ланац: прва синхронизација…
chain-hint = Ова каса дели купце и поене са осталим касама ланца преко централне базе. Продаја се наставља и без везе; поени се тада користе из дозволе за рад без везе.
slipping-hint = Последњи пут овде пре { $weeks ->
        [one] { $weeks } недеље
        [few] { $weeks } недеље
       *[other] { $weeks } недеља
    } — вреди га топло дочекати
slipping-hint-why = Овај стални купац је на власниковом списку чланова који би могли да оду (regulars insights).
tier-line = Ниво { $tier }: поени ×{ $multiplier }
tier-base = Ниво { $tier }
tier-next = Још { $points } поена у 12 месеци до нивоа { $tier }
enroll-birthday = Рођендан (ММ-ДД, само ако пристане)
slipping-offer = Последњи пут овде пре { $weeks ->
        [one] { $weeks } недеље
        [few] { $weeks } недеље
       *[other] { $weeks } недеља
    } — понуда добродошлице: { $reward }
timeline-message = { $kind } преко { $channel }: { $state }
timeline-consent-given = Пристао на вести о наградама и понуде преко { $channel } ({ $source })
timeline-consent-withdrawn = Нема више вести о наградама ни понуда преко { $channel } ({ $source })
messages-ok = Поруке: чека { $waiting }
messages-failed = Поруке: ове недеље непослато { $failed }, чека { $waiting }
messages-hint = Поруке члановима е-поштом и SMS-ом. `regulars messages list` приказује сваку и зашто није отишла; `regulars messages retry` је шаље поново.
ticket-overdue-reply = Касни: први одговор је требало дати до { $when }
ticket-overdue-resolve = Касни: решење је требало да буде до { $when }
share-now = Награда { $reward } је управо искоришћена: добар тренутак да замолите купца да доведе пријатеља са кодом { $code }
resolve-with = Реши #{ $id } решењем…
kept-answers = Сачувани одговори за ову врсту проблема (изаберите):
kept-answer = { $body } (коришћен { $uses } ×)
how-fixed = Како је решено
keep-answer = Сачувај као одговор за „{ $problem }”
resolve-with-fix = Реши #{ $id } овим решењем

## О програму Regulars (F1) и порт који рачунар није дао да се отвори
about-button = О програму (F1)
about-version = Верзија { $version }
about-what = Награде за верност на каси: поени, награде и препоруке, рачуни са QR кодом, страница за сваку посету.
about-data = Подаци продавнице: { $path }
about-manual = Упутство: „man regulars“ у терминалу (свака команда има своју страну: „man regulars-sale“).
about-guide = Цео водич: { $path }
about-licence = Слободан софтвер под MIT лиценцом.
port-refused = Овај рачунар не дозвољава програму Regulars да отвори { $port }. Искључите уређај и поново га укључите. Ако порука остане, неко са администраторским правима у терминалу покреће „sudo usermod -aG dialout { $user }“; затим се одјавите са рачунара и поново пријавите
ticket-channel-chat = порука у апликацији за дописивање
ticket-customer-wrote = Купац је писао након решавања: „{ $text }”
ticket-customer-wrote-open = Купац је написао: „{ $text }”
