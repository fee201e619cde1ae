msg-hello-name = Здраво, { $name },
msg-hello = Здраво,
msg-reward-ready-subject = Ваша награда вас чека: { $reward } – { $shop }
msg-reward-ready = Имате { $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
}: довољно за „{ $reward }”. Следећи пут само покажите картицу на каси.
msg-nearing-reward-subject = Скоро сте стигли: { $reward } – { $shop }
msg-nearing-reward = Имате { $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
}. Још { $remaining ->
    [one] { $remaining } поен
    [few] { $remaining } поена
   *[other] { $remaining } поена
} и „{ $reward }” је ваша.
msg-welcome-back-subject = Недостајете нам – { $shop }
msg-welcome-back = Дуго се нисмо видели! „{ $reward }” вас чека до { $until }.
msg-birthday-subject = Срећан рођендан од { $shop }
msg-birthday = Срећан рођендан! „{ $reward }” вас чека до { $until }.
msg-anniversary-subject = Хвала вам на још једној години – { $shop }
msg-anniversary = Још једна година чланства: хвала вам! „{ $reward }” вас чека до { $until }.
msg-ticket-resolved-subject = Да ли је решено? Ваш захтев – { $shop }
msg-ticket-resolved = Решили смо ваш захтев: „{ $summary }”. Да ли је сада све у реду? Реците нам на страници посете, једним додиром: { $link }
msg-ticket-follow-up-subject = Да ли је и даље све у реду? Ваш захтев – { $shop }
msg-ticket-follow-up = Нисмо чули од вас о „{ $summary }”. Да ли је решено? Потврдите или нам реците да није, на страници посете: { $link }
msg-ticket-reply-subject = О вашем захтеву – { $shop }
msg-ticket-reply = { $reply } (О вашем захтеву „{ $summary }”: { $link })
msg-sign-off = { $shop }
msg-unsubscribe = Ово добијате јер сте тражили вести о наградама и понуде. Да их зауставите, један клик: { $link }
msg-sms-stop = Одговорите STOP да зауставите поруке.
msg-stop-word = СТОП
consent-email-wording = Желим вести о наградама и понуде од { $shop } е-поштом. Могу да се одјавим у сваком тренутку.
consent-sms-wording = Желим вести о наградама и понуде од { $shop } SMS-ом. У сваком тренутку могу да одговорим STOP.
unsub-title = Поруке од { $shop }
unsub-question-email = Зауставити вести о наградама и понуде е-поштом на { $address }?
unsub-question-sms = Зауставити вести о наградама и понуде SMS-ом на { $address }?
unsub-button = Одјави ме
unsub-done-email = Готово: нема више вести о наградама ни понуда е-поштом. Одговори на ваше захтеве и даље стижу.
unsub-done-sms = Готово: нема више вести о наградама ни понуда SMS-ом. Одговори на ваше захтеве и даље стижу.
unsub-already = Нисте пријављени на ове поруке.
unsub-wording = Одјављен преко везе у поруци од { $shop }.
sms-stop-wording = Одговорио „{ $text }” на поруку од { $shop }.
message-kind-reward-ready = награда спремна
message-kind-nearing-reward = близу награде
message-kind-welcome-back = добродошли назад
message-kind-birthday = рођендан
message-kind-anniversary = годишњица
message-kind-ticket-resolved = захтев решен
message-kind-ticket-follow-up = подсетник за захтев
message-kind-ticket-reply = одговор особља
message-state-queued = чека
message-state-sending = шаље се
message-state-sent = послата
message-state-failed = неуспела
message-state-cancelled = није послата
message-state-unsure = несигурно
message-channel-email = е-поште
message-channel-sms = SMS-а
consent-source-counter = на каси
consent-source-page = на страници
consent-source-import = увезено
consent-source-staff = рекао особљу
consent-source-unsubscribe = веза за одјаву
consent-source-sms_stop = послао STOP
message-problem-unreachable = Не може да се стигне до { $about }: поново касније
message-problem-tls = Безбедна веза са { $about } није успела
message-problem-no-starttls = { $about } не нуди STARTTLS: подесите [email] tls = "tls" за порт 465
message-problem-login = { $about } је одбио корисничко име или лозинку: проверите [email] username и password
message-problem-settings = Подешавања не могу да се користе: { $about }
message-problem-refused-sender = Сервер поште је одбио пошиљаоца { $about }: проверите [email] from
message-problem-refused-recipient = Сервер поште је одбио { $about } (враћена порука): проверите адресу
message-problem-refused-message = Сервер поште је одбио поруку
message-problem-bad-address = { $about } није адреса на коју порука може да оде
message-problem-gateway = SMS капија је одговорила { $about }
message-problem-unsure = Веза је пукла пошто је сервер већ имао поруку: можда је отишла, па се сама не шаље поново
message-problem-stopped = Каса је стала док је сервер имао поруку: можда је отишла, па се сама не шаље поново
message-problem-consent-withdrawn = Није послато: сагласност повучена
message-problem-no-address = Није послато: купац сада нема адресу за то
message-problem-erased = Није послато: купац је обрисан
message-problem-no-contact = Није послато: контакт захтева је обрисан
message-problem-store = Није послато: предаја није могла да се забележи
consent-source-chat = у дописивању
consent-chat-wording = Желим вести о наградама, понуде и одговоре од { $shop } у апликацији { $app }. Дописивање могу да прекинем у сваком тренутку.
msg-chat-stop = Без понуда убудуће: { $link }
message-problem-token-refused = { $about } је одбио кључ: опозван је или погрешно уписан, поставите нови у config.toml
message-problem-chat-ended = Није послато: купац је прекинуо дописивање на { $about }
message-problem-opted-out = Није послато: купац је искључио понуде на { $about }
message-problem-rate-limited = { $about } тражи спорије слање: покушаће поново касније
message-problem-app-down = { $about } не одговара: покушаће поново касније
message-problem-app-refused = { $about } је одбио поруку
message-problem-window-closed = { $about }: купац је последњи пут писао пре више од 24 сата, па сме само одобрени шаблон: порука чека или иде другим каналом
message-problem-no-template = { $about }: нема одобреног шаблона за ову поруку на овом језику (поставите [whatsapp.templates]): порука чека или иде другим каналом
