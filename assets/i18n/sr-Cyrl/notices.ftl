# Шта доња линија касе каже после сваког догађаја.
worker-stopped = Процес базе података је стао: поново покрените Regulars. Ништа није евидентирано.
scan-not-understood = Скенирање није разумљиво: { $reason }
scan-referral = Код препоруке { $code }: попуните податке новог купца и притисните Учлани.
scan-product = Бар-код производа ({ $symbology } { $gtin }): откуцајте га на каси.
scan-unknown = Непознат код '{ $code }': { $reason }
identify-customer-first = Прво пронађите купца (скенирајте картицу или га потражите).
sale-not-recorded = Продаја није евидентирана: { $error }
refund-not-made = Повраћај није урађен: { $error }
signed-out = Одјављени сте.
customer-identified = { $name } ({ $code })
customer-unnamed = Купац
enrolled = Учлањен { $name }: картица { $code }, код препоруке { $referral }.
sold = Продаја од { $amount } евидентирана за: { $name }, +{ $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
}, стање { $balance }.
sold-anonymous = Продаја без купца од { $amount } евидентирана; на рачуну је QR код за преузимање поена.
stamp-card-complete = Картица са печатима је пуна: награда је спремна.
redeemed = Искоришћено: { $reward } ({ $how }). Стање { $balance ->
    [one] { $balance } поен
    [few] { $balance } поена
   *[other] { $balance } поена
}.
refunded = Враћено { $amount } по рачуну { $receipt }: одузето { $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
}.
reprinting = Последњи рачун се поново штампа.
adjusted = Поени исправљени за { $change }: стање { $balance }.
signed-in = Пријављен: { $name } ({ $role }).
visit-opened = Посета { $id }, { $when }: { $amount }.
visit-opened-refunded = Посета { $id }, { $when }: { $amount }, враћено { $refunded }.
problem = Проблем ({ $doing }): { $error }
not-enrolled = Није учлањен: { $error }
receipt-not-printed = Рачун није одштампан: { $problem }. Сачуван је и одштампаће се кад штампач буде спреман.
not-a-date = '{ $text }' није датум: пишите ГГГГ-ММ-ДД
range-backwards = Период почиње после свог краја.
export-needs-figures = Прво прикажите бројке, па их извезите.
ticket-needs-customer = Прво пронађите купца (или скенирајте рачун), па отворите пријаву.
not-points = '{ $text }' није број поена: нпр. 20 или -15
figures-shown = Бројке за { $from } – { $to }.
