portal-loyalty = Програм лојалности
portal-home-hint = Скенирајте QR код са рачуна да видите своје поене, оцените посету или затражите помоћ у вези са куповином.
portal-languages = Језик
portal-visit-title = Ваша посета: { $shop }
portal-hi = Здраво, { $name }!
portal-thanks-visit = Хвала на посети
portal-visit-on = Посета { $when } · рачун { $receipt }
portal-refunded = враћено { $amount }
portal-earned = За ову посету добили сте <strong>{ $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
}</strong>.
portal-balance = Стање: <strong>{ $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
}</strong>
portal-ready = Већ сада вас чека:
portal-done-rated = Хвала! Ваша оцена је сачувана.
portal-done-rated-low = Хвала што сте нам рекли. Жао нам је што није било боље: неко из радње ће вам се јавити.
portal-done-help = Ваш захтев је стигао у радњу. Јавићемо вам се на начин који сте изабрали.
portal-done-claimed = Готово: поени су на вашој картици.
portal-done-confirmed = Хвала на потврди. Драго нам је што је решено.
portal-done-reopened = Поново смо отворили ваш захтев и јавићемо вам се.
portal-done-language = Сачувано: радња ће вам писати на овом језику.
portal-claim = Преузмите поене
portal-claim-offer = Овај рачун доноси <strong>{ $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
}</strong>. Додајте их на картицу бројем телефона или имејлом; ако сте нови, упишите и име и постајете члан.
portal-contact = Број телефона или имејл
portal-first-name-new = Име (само ако сте нови)
portal-claim-button = { $points ->
    [one] Преузми { $points } поен
    [few] Преузми { $points } поена
   *[other] Преузми { $points } поена
}
portal-claim-too-old = Поени са рачуна могу се преузети { $days } дана после посете; овај рачун је старији.
portal-claim-refunded = Новац за ову куповину је враћен, па нема поена за преузимање.
portal-rate = Оцените посету
portal-rated = Оценили сте је са { $stars } од 5.
portal-how-was-it = Како је било? (од 1 до 5 звездица)
portal-stars = { $stars ->
    [one] { $stars } звездица
    [few] { $stars } звездице
   *[other] { $stars } звездица
}
portal-comment = Желите ли нешто да додате? (није обавезно)
portal-rate-change = Промени оцену
portal-rate-send = Пошаљи оцену
portal-rate-closed = Оцена се може променити у року од 7 дана.
portal-help = Помоћ у вези са овом куповином
portal-request = Захтев бр. { $id }
portal-status = Статус: { $status }
portal-resolved-ask = Радња је означила да је решено. Да ли јесте?
portal-resolved-yes = Да, решено је
portal-resolved-no = Не, проблем и даље постоји
portal-help-open = Нешто није у реду? Реците нам
portal-help-more = Питајте за нешто друго
portal-what-wrong = Шта није било у реду?
portal-tell-more = Реците нам више
portal-how-reply = Како да вам се јавимо?
portal-help-contact-member = Телефон или имејл (оставите празно за онај са картице)
portal-help-contact = Телефон или имејл
portal-help-send = Затражи помоћ
portal-card = Ваша картица
portal-card-hint = Следећи пут покажите ово на каси: ваш телефон је ваша картица лојалности.
portal-card-language = Језик порука из радње
portal-save = Сачувај
portal-invite = Позовите пријатеља
portal-invite-bonus = Ви добијате { $referrer } поена, а пријатељ { $friend } после прве посете.
portal-share = Поделите овај линк:
portal-join-title = Придружите се: { $shop }
portal-invited = { $friend } вас позива
portal-join-offer = Учланите се у наш програм лојалности и после прве куповине добијте <strong>{ $points } поена</strong> (а { $friend } добија { $referrer }).
portal-join-plain = Учланите се у наш програм лојалности: поени за сваку посету.
portal-first-name = Име
portal-join = Учлани се
portal-join-counter = Или се учланите на каси
portal-show-cashier = Покажите овај код касиру:
portal-welcome-title = Добро дошли: { $shop }
portal-welcome = Добро дошли, { $name }!
portal-member-now = Сада сте члан. Покажите овај код на каси при првој посети.
portal-screenshot = Направите снимак екрана: ово је ваша картица лојалности.
portal-qr-label = QR код: { $code }
status-open = отворен
status-waiting = чека ваш одговор
status-resolved = решено
status-confirmed = решено, потврдили сте
problem-missing = Нешто је недостајало
problem-wrong_item = Погрешан артикал
problem-quality = Квалитет није био добар
problem-charged = Наплаћен ми је погрешан износ
problem-service = Услуга
problem-other = Нешто друго
contact-via-phone = Телефонски позив
contact-via-email = Имејл
contact-via-sms = SMS порука
contact-via-in_store = Када следећи пут дођем у радњу
error-not-found = Није пронађено
error-not-found-text = Овај линк не води до рачуна. Поново скенирајте цео код са рачуна или питајте на каси.
error-expired = Образац је истекао
error-expired-text = Овај образац је истекао или није са ове странице. Вратите се, освежите страницу и пошаљите поново.
error-check = Проверите, молимо
error-try-again = Покушајте поново
error-busy-text = Систем радње је заузет. Покушајте поново за минут.
error-pick-stars = Изаберите од 1 до 5 звездица, па пошаљите оцену.
error-pick-problem = Изаберите шта није било у реду, па пошаљите поново.
error-pick-contact-via = Изаберите како да вам се радња јави.
error-need-contact = Додајте број телефона или имејл да би вам се радња јавила (или изаберите „Када следећи пут дођем у радњу”).
error-join-contact = Додајте број телефона или имејл, па се учланите.
error-join-taken = За тај број телефона или имејл већ постоји картица. Питајте на каси и пронаћи ћемо је.
error-already-claimed = Поени са овог рачуна су већ преузети.
error-claim-contact = Упишите број телефона или имејл своје картице (или онај са којим се учлањујете).
error-name = Упишите своје име (до 100 знакова).
error-phone = Тај број телефона не изгледа исправно: проверите цифре.
error-email = Та имејл адреса не изгледа исправно: проверите је.
error-too-many = Превише захтева са ове везе. Сачекајте минут и покушајте поново.
portal-messages = Поруке од продавнице
portal-birthday = Ваш рођендан (месец и дан), за изненађење тог дана – само ако желите
portal-birthday-example = ММ-ДД, нпр. 07-14
portal-birthday-kept = Продавница има ваш рођендан: тог дана вас чека изненађење.
portal-done-messages = Сачувано: продавница ће вам писати како сте изабрали.
# The front page's field for the code printed under a receipt's QR.
portal-code-label = Или укуцајте код испод QR кода
portal-code-open = Отвори мој рачун
# A link the chain signed for a sale that has not reached this server yet.
error-on-its-way = Ваш рачун је на путу
error-on-its-way-text = Радња још није послала ову посету овде. Покушајте поново за минут-два: веза на вашем рачуну је исправна.
contact-via-whatsapp = WhatsApp
contact-via-viber = Viber
contact-via-telegram = Telegram
contact-via-messenger = Messenger
portal-chats = Дописивање са продавницом
portal-chats-hint = Примајте вести о наградама и одговоре о посетама у апликацији коју већ користите. Један додир је повезује са вашом картицом.
portal-chat-link = Пишите нам у апликацији { $app }
portal-chat-linked = Повезано у апликацији { $app }
chat-link-prefill = Повежи моју картицу:
chat-welcome-linked = Ваша картица у { $shop } је повезана: вести о наградама и одговори стижу овде. Пишите нам кад год желите.
chat-welcome-refused = Ова веза је већ искоришћена или није од { $shop }: отворите поново страницу посете и додирните дугме.
