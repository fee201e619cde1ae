cli-points = { $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
}
cli-enrolled = Учлањен { $name }: картица { $code }, код за препоруку { $referral }, стање { cli-points }.
cli-customer = { $name }  картица { $code }  код за препоруку { $referral }
cli-erased = (подаци обрисани)
cli-phone = телефон  { $phone }
cli-email = имејл    { $email }
cli-balance = стање    { cli-points }
cli-visits = посете   { $visits }
cli-visits-last = посете   { $visits } (последња { $when })
cli-next = следеће   { $progress }
cli-reward-voucher = награда  { $reward } (картица са печатима, бесплатно)  [{ $id }]
cli-reward-points = награда  { $reward } ({ cli-points })  [{ $id }]
cli-enrolled-at = учлањен { $when }
cli-sale-duplicate = Рачун { $receipt } је већ евидентиран (посета { $visit }, { $amount }): ништа није промењено.
cli-sale-member = Продаја од { $amount } евидентирана (посета { $visit }) за { $code }: +{ cli-points }, стање { $balance }.
cli-stamp-complete = Картица са печатима је пуна: ваучер за награду је спреман.
cli-receipt-page = Страница рачуна: { $url }
cli-sale-anonymous = Анонимна продаја од { $amount } евидентирана (посета { $visit }). Страница рачуна: { $url }
cli-refunded = Враћено { $amount } са рачуна { $receipt }.
cli-refunded-full = Враћено { $amount } са рачуна { $receipt } (у целости).
cli-points-back = Одузето { cli-points }; стање { $balance }.
cli-points-spent = (Требало је { $due }; остатак је већ потрошен на награде.)
cli-points-pending = ({ $points } ће бити одузето кад се централна база ланца јави: то ће урадити следећа синхронизација.)
cli-printed = Рачун одштампан: { $file }
cli-printed-count = Одштампано рачуна: { $count }.
cli-not-printed = Рачун није одштампан: { $problem }. Сачуван је ({ $waiting } чека) и штампа се са `regulars print retry` када штампач буде спреман.
cli-stats-customers = Купци
cli-stats-sales = Продаја
cli-stats-sales-value = { $sales } (повраћаји { $refunds })
cli-stats-csv = Уписано CSV фајлова: { $count }, у { $dir }.
cli-nothing-to-print = Ништа не чека штампу.
cli-print-job = посао { $id } ({ $kind }, посета { $visit }) од { $when }: покушаја { $attempts }
cli-print-job-error = { $job }, последње: { $error }
cli-trying-again = { $waiting }; покушава поново…
cli-staff-added = Додат { $name } ({ $role }). Каса сада тражи PIN запосленог за пријаву.
cli-staff-none = Нема запослених: свако на каси може да продаје и враћа новац. Додајте их са `regulars staff add`.
cli-backup-exists = { $path } већ постоји: изаберите другу путању; ништа није преписано
cli-serving = Странице за купце на http://{ $addr } (рачуни воде на { $url }). Ctrl-C зауставља.
cli-api-on = Локални API на /api/v1/ (кључ из [portal] api_key).
cli-api-off = Локални API искључен: подесите [portal] api_key у config.toml да би га каса могла позвати.
cli-devices-state = Уређаји: штампач: { $printer }; скенер: { $scanner }.
cli-error = грешка: { $message }
cli-no-match = Ниједан купац не одговара '{ $text }'. Учланите га са `regulars customer add`.
cli-found-figures = { $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
}, { $visits ->
    [one] { $visits } посета
    [few] { $visits } посете
   *[other] { $visits } посета
}
cli-exported = Све што се чува о { $code } записано је у { $path }.
cli-note-added = Белешка је додата у историју купца { $code }.
cli-erase-confirm = брисањем { $code } заувек нестају име, телефон, имејл и белешке: потврдите са --yes
cli-erased-details = Лични подаци купца { $code } су обрисани. Посете и поени остају као анонимни бројеви.
cli-merged = Картица { $gone } је спојена са { $kept }: премештено је посета: { $visits }, поена: { $points }; { $kept } сада има поена: { $balance }. Картица { $gone } од сада налази { $kept }.
cli-duplicates-none = Ниједан купац не дели телефон или е-пошту са другим.
cli-duplicate-phone = { $a } ({ $a_name }) и { $b } ({ $b_name }) имају исти телефон: regulars customer merge { $a } { $b }
cli-duplicate-email = { $a } ({ $a_name }) и { $b } ({ $b_name }) имају исту е-пошту: regulars customer merge { $a } { $b }
cli-redeemed-voucher = { $reward } искоришћено са ваучером картице са печатима. Стање { $balance }.
cli-redeemed = { $reward } искоришћено за { cli-points }. Стање { $balance }.
cli-adjusted-already = Ова исправка је већ урађена (догађај { $event }): ништа није промењено. Стање { $balance }.
cli-points-added = Додато { cli-points } ({ $by }, { $reason }). Стање { $balance }.
cli-points-removed = Одузето { cli-points } ({ $by }, { $reason }). Стање { $balance }.
cli-no-referrals = Нема препорука.
cli-rebuild-matched = Збирови се слажу са изворним редовима: нема шта да се мења.
cli-rebuild-table = { $table }: { $rows ->
    [one] { $rows } ред
    [few] { $rows } реда
   *[other] { $rows } редова
}
cli-rebuild-done = Збирови су се разликовали од изворних редова и поново су израчунати ({ $tables }).
cli-not-a-date = { $option } '{ $text }' није датум: пишите ГГГГ-ММ-ДД, нпр. 2026-03-01
cli-range-backwards = --from мора бити истог дана или пре --to
cli-backing-up = прави се резервна копија
cli-bad-role = улога је cashier (благајник) или owner (власник)
cli-devices-ports = Серијски портови: { $ports }
cli-devices-usb = USB штампачи: { $ports }
cli-devices-no-ports = нису пронађени
cli-devices-printers = Профили штампача: { $profiles }
cli-devices-scanners = Профили скенера: { $profiles }
cli-devices-help = Подесите [printer] port/profile и [scanner] port/profile у config.toml; port = "virtual" користи уграђени виртуелни штампач.
cli-scan-no-port = нема порта скенера: наведите --port ПУТАЊА или подесите [scanner] port у config.toml
cli-scan-listening = Слуша се { $port } ({ $profile }); скенирајте нешто.
cli-scan-card = картица купца { $code }
cli-scan-receipt = QR рачуна (токен { $token })
cli-scan-referral = код за препоруку { $code }
cli-scan-product = производ { $symbology } { $gtin }
cli-scan-unknown = непознат код '{ $data }': { $reason }
cli-scan-rejected = одбијено: { $reason }
cli-plug-started = Режим прикључка: каса на { $till } ({ $profile }), штампач на { $printer }. Догађаји иду у { $log }. Заустављање: Ctrl-C.
cli-plug-card = скенирана картица { $code }: следећи рачун је тог купца
cli-ticket-opened = Захтев је отворен.
cli-ticket-resolved = Решено. Купац то може да потврди на страници свог рачуна.
cli-ticket-confirmed = Купац је потврдио.
cli-ticket-waiting = Чека се одговор купца.
cli-ticket-reopened = Поново отворено.
cli-ticket-noted = Белешка је додата уз захтев #{ $id }.
cli-ticket-replied = Одговор на захтев #{ $id } је сачуван у његовој историји и стављен у ред за купца (`regulars messages send` га шаље).
cli-ticket-none = Ниједан захтев не одговара.
cli-ticket-no-follow-up = Нема шта да се провери: сваки решени захтев је потврђен или је скорашњи.
cli-ticket-anonymous = анонимни рачун
cli-ticket-head = [{ $status }] приоритет { $priority } · хитност { $severity } · { $who } · { $channel }
cli-ticket-visit = посета V{ $visit }
cli-ticket-reply = одговор: { $via }
cli-ticket-bad-status = --status { $text }: користите open, waiting, resolved, confirmed или all
cli-ticket-bad-contact-via = --contact-via { $text }: користите phone, email, sms или in_store
cli-ticket-event-opened = отворен
cli-ticket-event-note = белешка
cli-ticket-event-waiting = чека одговор купца
cli-ticket-event-resolved = решен
cli-ticket-event-confirmed = купац потврдио
cli-ticket-event-reopened = поново отворен
cli-ticket-event-open = опет отворен
cli-made-private = Фасцикла са подацима { $path } била је отворена за друге кориснике овог рачунара: фасцикле ({ $folders }) и датотеке ({ $files }) сада су само ваше.
cli-backup-written = Резервна копија уписана у { $path } ({ $kb } KB) и проверена према бази: { $holds }.
cli-backup-holds = { $customers ->
    [one] { $customers } купац
    [few] { $customers } купца
   *[other] { $customers } купаца
}, { $visits ->
    [one] { $visits } посета
    [few] { $visits } посете
   *[other] { $visits } посета
}, { $newest }
cli-backup-newest = најновија продаја { $when }
cli-backup-no-sales = још нема продаје
cli-backup-none = У { $dir } нема резервних копија. Направите једну са `regulars backup`.
cli-backup-no-checksum = * поред ње нема контролног збира (копирана ручно?): `regulars backup verify` може да је провери само помоћу SQLite-а
cli-backup-good = { $path } је исправна резервна копија (контролни збир и провера SQLite-а): { $holds }.
cli-backup-good-unsummed = { $path } пролази проверу SQLite-а (поред ње нема контролног збира за поређење): { $holds }.
cli-restored = Враћено из { $path }: { $holds }. База каква је била сачувана је у { $kept }.
cli-backup-run = Резервна копија уписана у { $path } ({ $kb } KB), проверена: купаца { $customers }, посета { $visits }. Старије су сређене.
cli-backup-run-sealed = Шифрована резервна копија уписана у { $path } ({ $kb } KB), прочитана и проверена: купаца { $customers }, посета { $visits }. Старије су сређене.

## Ланац: централна база и синхронизација
cli-central-init = Централна база { $url } је спремна: верзија шеме { $version } (била је { $before }).
cli-sync-done = Синхронизовано. Послато: { $sent }; већ постоји: { $duplicates }; одбијено: { $rejected }. Примљено: { $received }. Још за слање: { $to_send }.
cli-sync-problems = Овде није могло тачно да се примени: { $problems } (видите `regulars sync status`).
cli-sync-this-till = Ова каса: { $till } (радња { $shop }). Последњи контакт: { $when }. За слање: { $to_send }. Одбијено: { $rejected }. Проблеми: { $problems }.
cli-sync-never = никад
cli-sync-offline = Без везе од { $since }: { $error }
cli-sync-not-joined = Ова каса још није синхронизована; `regulars sync` је укључује у ланац као { $till }.
cli-sync-chain = Касе ланца, како их је централна база последњи пут чула:
cli-sync-chain-till = { $till } ({ $shop }): последњи контакт { $when }; за слање: { $to_send }; заостаје: { $behind }
cli-sync-unreachable = Централна база сада није доступна ({ $error }): приказано је само стање ове касе.
cli-redeemed-offline = Искоришћено док централна база није доступна, из данашње дозволе ове касе за овог купца; остале радње ће то сазнати при следећој синхронизацији.
cli-stats-shop = { $shop }: посете { $visits }; продаја { $sales } (повраћаји { $refunds }); чланови који су дошли: { $members }, од њих више пута: { $returning }; поени додељени { $earned }, искоришћени { $redeemed }
cli-stats-shop-service = { $shop }: нови чланови { $new }; оцењене посете { $ratings }, просек { $average }; пријаве { $tickets }, сада решено { $resolved }
cli-stats-all-shops = Све радње (чланови се рачунају у свакој радњи у којој су били)
cli-fit-bgnbd = Поновне посете (BG/NBD), { $customers } купаца: r = { $r }, α = { $alpha }, a = { $a }, b = { $b } (лог-веродостојност { $ll })
cli-fit-gamma-gamma = Потрошња по посети (Gamma-Gamma), { $buyers } купаца који су се вратили: p = { $p }, q = { $q }, γ = { $v } (лог-веродостојност { $ll })
cli-fit-no-spend = Потрошња по посети: табела нема колону monetary_value, па су процењене само поновне посете.
cli-insights-refit = Поново процењено за { $members } чланова ({ $repeat } се вратило): { $slipping } вреди позвати.
cli-insights-models = Процењено моделима поновних посета и потрошње (BG/NBD, Gamma-Gamma) прилагођеним историји ове продавнице.
cli-insights-grid = Вратило се само { $repeat } чланова, а моделима треба { $needed }: процењено мрежом скорости и учесталости (одсутни више од двоструког уобичајеног размака, и бар месец дана).
cli-insights-none = Још нема процене: покрените „regulars insights refit”.
cli-insights-failed = Поновна процена од { $when } није успела: { $why } Списак је из претходне процене.
cli-insights-head = Ове недеље вреди позвати: { $count } / { $total } (процењено { $when })
cli-insights-row = { $who }: последњи пут овде пре { $days ->
        [one] { $days } дан
        [few] { $days } дана
       *[other] { $days } дана
    }, { $visits } посета, обично { $spend }; { $outlook }; { $stake } за 90 дана док долази
cli-insights-chance = и даље сталан купац: { $chance }%
cli-insights-chance-was = и даље сталан купац: { $chance }% (било { $was }%)
cli-insights-away = одсутан дуже него обично
cli-insights-tickets = отворене пријаве: { $tickets }
cli-birthday-set = { $code }: рођендан { $birthday } уписан, уз сагласност дату сада.
cli-birthday-cleared = { $code }: рођендан заборављен.
cli-occasions-given = Дато { $birthday } рођенданских и { $anniversary } годишњичких ваучера.
cli-messages-round = Послато: { $sent }. Поново касније: { $retrying }. Неуспело: { $failed }. Није послато (повучена сагласност, нема адресе): { $cancelled }. Несигурно: { $unsure }.
cli-messages-no-channel = Још ништа не може да се пошаље: подесите [email] smtp или [sms] url у config.toml. У реду чека: { $queued }.
cli-messages-head = Одлазне поруке: чека { $queued }, послато { $sent }, неуспело { $failed }, несигурно { $unsure }, није послато { $cancelled }
cli-messages-row = #{ $id } { $kind } преко { $channel } за { $who }: { $state } { $when } (покушаја: { $attempts })
cli-messages-next = следећи покушај { $when }
cli-messages-retried = Порука { $id } чека да буде поново послата.
cli-messages-stopped = STOP са { $phone }: нема више маркетиншких порука (чланова: { $count }).
cli-consent-given = { $code } је пристао на вести о наградама и понуде преко { $channel }: „{ $wording }”
cli-consent-withdrawn = { $code } више не добија вести о наградама ни понуде преко { $channel }.
cli-messages-problem = Порука { $id }: { $why }
cli-answers = { $count ->
    [0] Још нема сачуваних одговора: решите пријаву са --keep да сачувате њену белешку.
   *[other] Сачувани одговори ({ $count }), најкоришћенији прво:
}
cli-answer = #{ $id } · { $problem } · коришћен { $uses } × · { $body }
# serve --pages-only: the page server.
cli-pages-only = Сервер страница: странице рачуна ланца, ажуриране из централне базе сваке секунде. Овде нема продаје, уређаја, локалног API-ја ни порука.
cli-pages-only-needs-central = serve --pages-only служи странице ланца из његове централне базе: подесите [central] url, shop_id и till_id (сопствени ид касе, нпр. pages-1) у config.toml
cli-pages-only-private = ПАЖЊА: public_url овог сервера страница, { $url }, отвара се само на његовој мрежи (или на овом рачунару): касама ланца се јавља као место где се отварају њихове странице, а телефони другде не могу да га отворе. Подесите [portal] public_url на адресу на којој се овај сервер види са интернета.
cli-pages-copy-asking = Нови сервер страница: тражи се копија ланца од сервера страница на { $url }…
cli-pages-copy-arrived = Копија ланца: стигло { $done } MB од { $total } MB.
cli-pages-copy-failed = Нема копије ланца са { $url }: { $why }.
cli-pages-copied = Почело од копије ланца са { $url } ({ $mb } MB: { $customers } купаца, { $visits } посета); из централне базе стиже само оно што се догодило од тада.
cli-pages-copy-none = Нови сервер страница: ниједан други сервер страница није дао копију ланца, па се цела историја ланца чита из централне базе (око двадесет минута за десет милиона посета). Странице се отварају како стиже; рачун до ког се још није стигло каже да је на путу.
cli-pages-copy-quicker = Брже за први сервер страница ланца: зауставите га, па га покрените из резервне копије неке касе ланца (regulars serve --pages-only --start-from ДАТОТЕКА).
cli-pages-start-has-db = Овај сервер страница већ има своју базу ({ $path }): --start-from је само за празну фасциклу новог сервера страница. Ништа није промењено.
cli-pages-start-copying = Нови сервер страница: почиње од резервне копије { $file }…
cli-pages-start-copied = Резервна копија: копирано { $done } MB од { $total } MB.
cli-pages-started = Почело од резервне копије { $file } ({ $mb } MB: { $customers } купаца, { $visits } посета); из централне базе стиже само оно што се догодило од тада.
cli-pages-start-failed = Није могуће почети од резервне копије { $file }: { $why }. Ништа није промењено, а резервна копија је остала иста.
cli-setup-intro = Подешавање Regulars у { $path }. Enter прихвата предлог у заградама, "-" значи "нема"; сваки одговор се одмах чува.
cli-setup-done = Подешено. `regulars` отвара касу; `regulars serve` покреће странице без екрана.
cli-setup-one-or-two = Одговорите 1 или 2.
cli-setup-profile-unknown = '{ $profile }' није профил штампача: један од { $profiles }.
cli-messages-heard = Из дописивања: повезано { $linked }, у захтеве { $heard } (нових { $opened }), из непознатих разговора { $unknown }, одбијених кодова { $refused }, прекинуто { $ended }.
cli-messages-poll-problem = Није могуће преузети шта су купци написали: { $why }
cli-chat-linked = { $app }: повезано од { $since }
cli-chat-ended = { $app }: прекинуто { $since } ({ $why })
cli-messages-no-unknown = Нема порука из разговора који нису повезани са картицом.
cli-display-sent = Послато на дисплеј за купце на { $port } ({ $profile }).
cli-display-no-port = Дисплеј за купце није подешен ([display] port у config.toml, или --port): приказано само овде.
cli-display-failed = Дисплеј за купце није доступан: { $error }. Проверите кабл, напајање и [display] port.
cli-display-busy = Дисплеј за купце на { $port } користи други програм: каса већ приказује на њему. Затворите прозор (или зауставите regulars serve) да бисте пробали само дисплеј.
