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
doing-note = при додавању белешке
doing-adjust = при исправци поена
doing-enrol = при учлањивању
doing-find = при тражењу купца
doing-open-customer = при отварању купца
doing-open-receipt = при отварању рачуна
doing-open-ticket = при отварању захтева
doing-print-card = при штампању картице
doing-test-page = при штампању пробне странице
doing-support = при читању историје подршке
doing-figures = при читању показатеља
doing-sale = при евидентирању продаје
doing-redeem = при искоришћавању награде
doing-refund = при поврату новца
doing-reprint = при поновном штампању
doing-resolve = при решавању захтева
doing-sign-in = при пријави
doing-export = при извозу показатеља
store-error-typo = „{ $code }” има грешку: контролни знак се не слаже; прочитајте код поново
store-error-code-shape = „{ $code }” није код купца: код има 7 слова и цифара, нпр. 4KQ2-M9X
store-error-email = „{ $email }” није имејл адреса: треба једно @ и домен, нпр. ana@example.com
store-error-phone = „{ $phone }” није број телефона: 6 до 15 цифара, може почети са + и позивним бројем
store-error-no-customer = нема купца са кодом { $code }: проверите картицу или тражите по телефону или имену
store-error-no-referral = нема купца са кодом за препоруку { $code }: проверите код са пријатељем који га је дао
store-error-name = за учлањење је потребно име (до 100 знакова)
store-error-duplicate-phone = телефон { $phone } већ има купац { $code }: користите ту картицу
store-error-duplicate-email = имејл { $email } већ има купац { $code }: користите ту картицу
store-error-not-enough = нема довољно поена: { $reward } кошта { $needed }, а купац има { $balance }
store-error-unknown-receipt = нема продаје са бројем рачуна „{ $receipt }”: проверите број одштампан на рачуну
store-error-refunded = рачун „{ $receipt }” је већ враћен у целости; нема шта да се врати
store-error-busy = базу података користи други програм; покушајте поново за тренутак
amount-error-empty = износ није унет: упишите износ, нпр. 12,50
amount-error-not-a-number = „{ $text }” није износ: цифре са једним децималним знаком, нпр. { $example }
amount-error-negative = „{ $text }” је негативан: износи су позитивни; за враћање новца користите поврат
amount-error-zero = износ је нула: продаја или поврат морају бити већи од нуле
amount-error-decimals = „{ $text }” има више децимала него валута: проверите износ
amount-error-too-large = „{ $text }” је већи од највећег дозвољеног износа: проверите износ
printer-cover-open = поклопац штампача је отворен: затворите га
printer-paper-out = штампачу је нестало папира: ставите нову ролну
printer-error = грешка штампача: искључите га и укључите
printer-offline = штампач није доступан
printer-paper-low = папир при крају: припремите ролну
printer-ready = штампач спреман
printer-virtual = виртуелни штампач спреман
printer-on = штампач на { $port }
printer-none = нема рачуна: { $problem }
printer-waiting = { $problem } — рачуна на чекању: { $count }
scanner-connected = повезан
scanner-retrying = { $fault }; поново покушава
scanner-waiting = чека { $port }
scanner-none = скенер није подешен (укуцајте или налепите кодове у претрагу)
