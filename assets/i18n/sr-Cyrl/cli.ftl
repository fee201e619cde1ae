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
cli-backup-written = Резервна копија уписана у { $path } ({ $kb } KB).
cli-serving = Странице за купце на http://{ $addr } (рачуни воде на { $url }). Ctrl-C зауставља.
cli-api-on = Локални API на /api/v1/ (кључ из [portal] api_key).
cli-api-off = Локални API искључен: подесите [portal] api_key у config.toml да би га каса могла позвати.
cli-devices-state = Уређаји: штампач: { $printer }; скенер: { $scanner }.
