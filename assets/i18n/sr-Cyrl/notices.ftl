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
refunded-pending = Враћено { $amount } по рачуну { $receipt }: његови поени ({ $points }) биће одузети кад се централна база ланца јави (при следећој синхронизацији).
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
waiting-printed = { $count ->
    [one] Штампач је одштампао рачун који је чекао.
    [few] Штампач је одштампао { $count } рачуна која су чекала.
   *[other] Штампач је одштампао { $count } рачуна који су чекали.
}
not-a-date = '{ $text }' није датум: пишите ГГГГ-ММ-ДД
range-backwards = Период почиње после свог краја.
export-needs-figures = Прво прикажите бројке, па их извезите.
ticket-needs-customer = Прво пронађите купца (или скенирајте рачун), па отворите пријаву.
not-points = '{ $text }' није број поена: нпр. 20 или -15
figures-shown = Бројке за { $from } – { $to }.
figures-shown-to = Бројке ланца до { $to }.
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
doing-reply = при слању одговора
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
store-error-needs-connection = за искоришћење { $needed } поена потребна је веза са централном базом ланца; без везе ова каса данас може овом купцу да искористи још { $left }. Продаја се наставља.
store-error-unknown-receipt = нема продаје са бројем рачуна „{ $receipt }”: проверите број одштампан на рачуну
store-error-ambiguous-receipt = број рачуна „{ $receipt }” има продаја на више каса: унесите га као једно од { $choices }
store-error-refunded = рачун „{ $receipt }” је већ враћен у целости; нема шта да се врати
store-error-busy = базу података користи други програм; покушајте поново за тренутак
still-busy = { $doing }: други програм (резервна копија, друга каса) уписује у базу; покушавамо поново…
amount-error-empty = износ није унет: упишите износ, нпр. 12,50
amount-error-not-a-number = „{ $text }” није износ: цифре са једним децималним знаком, нпр. { $example }
amount-error-negative = „{ $text }” је негативан: износи су позитивни; за враћање новца користите поврат
amount-error-zero = износ је нула: продаја или поврат морају бити већи од нуле
amount-error-decimals = „{ $text }” има више децимала него што их има { $currency } ({ $allowed }): проверите износ
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
store-error-unknown-reward = награда '{ $id }' не постоји; награде су: { $available }
store-error-bad-receipt = број рачуна има од 1 до { $max } знакова за штампу: проверите шта је каса одштампала
store-error-refund-too-large = повраћај од { $requested } је већи од онога што је остало за повраћај на рачуну '{ $receipt }' ({ $refundable })
store-error-no-visit = посета V{ $visit } не постоји: проверите рачун
store-error-no-ticket = захтев #{ $ticket } не постоји: погледајте `regulars ticket list`
store-error-claimed = поени са овог рачуна су већ преузети
store-error-key-conflict = кључ '{ $key }' је већ употребљен за другу радњу: ништа није промењено
store-error-newer-schema = { $path } је записао новији Regulars (верзија шеме { $found }; овај зна до { $known }): инсталирајте новији Regulars; датотека није промењена
store-error-not-a-database = { $path } није база Regulars-а или је оштећена: вратите најновију датотеку из backups/ (видите `regulars backup`) или са --data наведите праву фасциклу
store-error-open = не може да се отвори { $path } ({ $reason }): проверите да фасцикла постоји и да смете да пишете у њу
report-error-write = не може да се запише { $path } ({ $reason }): проверите да фасцикла постоји и да има места
store-error-database = грешка базе ({ $reason }): ништа није промењено
store-error-referral-shape = '{ $code }' није код препоруке: код препоруке изгледа као REF-4KQ2M9X
store-error-text-too-long = { $field }: предугачко, највише { $max } знакова
store-error-text-control = { $field }: садржи контролне знакове; откуцајте поново као обичан текст
store-error-empty = { $field }: ништа није написано; напишите неколико речи
store-error-empty-description = укратко реците шта није у реду
store-error-empty-answer = реците шта је урађено да се поправи, па га сачувајте као одговор
text-field-description = опис
text-field-contact = контакт
text-field-note = белешка
text-field-answer = одговор
text-field-comment = коментар
store-error-adjust-points = исправци поена треба број поена различит од нуле, нпр. +20 или -15
store-error-adjust-reason = исправци поена треба разлог (--reason), нпр. "картица заборављена 3. маја"
store-error-adjust-actor = исправци поена треба име онога ко ју је направио (--by)
store-error-birthday = рођендан је месец и дан као MM-DD (14. јул је 07-14), а не '{ $text }'
store-error-severity = озбиљност је 1 (мала), 2 (обична) или 3 (хитна)
store-error-visit-not-theirs = посета V{ $visit } припада купцу { $owner }, а не { $given }
store-error-ticket-owner = захтеву треба купац или рачун коме припада
store-error-no-email = за одговор е-поштом треба адреса: картица је нема, па упишите коју да користимо
store-error-no-phone = за одговор SMS-ом или позивом треба број телефона: картица га нема, па упишите који да користимо
store-error-no-written-reply = купац је желео одговор у продавници или позивом: у белешку упишите шта је речено
store-error-ticket-move = захтев #{ $ticket } је { $from }; не може постати { $to }
store-error-no-answer = нема сачуваног одговора { $answer }: `regulars ticket answers` их набраја
store-error-stars = оцена је од 1 до 5 звездица: изаберите једну и пошаљите поново
store-error-rating-locked = ова посета је оцењена пре више од { $days } дана; оцена се више не може мењати
store-error-contact-needed = наведите број телефона или имејл свог чланства (или онај са којим се учлањујете)
store-error-name-to-join = ниједан члан још нема тај телефон или имејл: додајте своје име да бисте се учланили
store-error-consent-wording = сагласности требају тачне речи које су купцу приказане
store-error-erased = купац { $code } је обрисан: за њега се више ништа не може бележити
store-error-already-one = { $kept } и { $gone } су већ један купац
store-error-not-retryable = порука { $message } није неуспела ни несигурна: поново се могу слати само такве
store-error-other-till = ова база је каса '{ $this }' ланца; не може бити и '{ $asked }' (свака каса има своју фасциклу са подацима)
store-error-not-in-chain = ова каса се није придружила ланцу: подесите [central] у config.toml и покрените `regulars sync`
store-error-copy-of-lone-shop = то је резервна копија радње која се није придружила ланцу
store-error-copy-of-other-chain = то је резервна копија другог ланца (његова централна база није ова)
store-error-bulk-not-empty = демо историја попуњава само радњу без купаца и посета: наведите нову фасциклу са --data
store-error-no-program = радња још нема програм лојалности
store-error-staff-name = запосленом треба име
store-error-pin = PIN има од 4 до 8 цифара
store-error-pin-taken = други запослени има овај PIN: изаберите други
store-error-staff-taken = већ постоји запослени по имену { $name }
store-error-aggregates = власникове бројке се не слажу са продајом: покрените `regulars stats --rebuild`
store-error-damaged = подаци нису онакви какве их је записао Regulars ({ $reason }): ништа није промењено; вратите најновију резервну копију (видите `regulars backup`)
worker-no-printer = штампач није подешен: проверите профил штампача у подешавањима
worker-unknown-pin = тај ПИН није ничији: покушајте поново
worker-nothing-printed = још није одштампан ниједан рачун
worker-foreign-receipt = код овог рачуна није наш (или је оштећен)
worker-exported = { $count ->
    [one] Записана је { $count } CSV датотека у { $dir }.
    [few] Записане су { $count } CSV датотеке у { $dir }.
   *[other] Записано је { $count } CSV датотека у { $dir }.
}
worker-ticket-opened = Захтев #{ $ticket } је отворен.
worker-ticket-opened-visit = Захтев #{ $ticket } је отворен у вези са посетом V{ $visit }.
worker-note-added = Белешка је додата у историју.
worker-ticket-resolved = Захтев #{ $ticket } је решен; купац то може да потврди на страници свог рачуна.
worker-ticket-replied = Одговор на захтев #{ $ticket } је сачуван у његовој историји и послат купцу.
worker-refund-needs-owner = за повраћај изнад { $limit } потребан је ПИН власника: замолите власника да га упише у поље „ПИН власника”
worker-adjust-needs-owner = за исправку поена потребан је ПИН власника: замолите власника да га упише у поље „ПИН власника”
worker-figures-needs-owner = за бројке власника потребан је ПИН власника: замолите власника да га упише у поље „ПИН власника”
plug-till = Каса: { $event }
plug-state = режим прикључка: каса на { $till }, штампач на { $printer }
plug-off = режим прикључка искључен: { $error }
plug-prints = каса штампа у режиму прикључка
plug-printer-waits = режим прикључка: штампач није доступан, рачуни касе чекају
plug-needs-till-port = за режим прикључка потребан је порт касе: подесите га у подешавањима
plug-needs-real-printer = за режим прикључка у подешавањима треба порт правог штампача (не "virtual")
plug-anonymous = анонимно, са QR кодом за преузимање поена
plug-added = рачун { $receipt }: додат блок лојалности (посета { $visit }, { $who })
plug-added-again = рачун { $receipt }: додат блок лојалности (посета { $visit }, { $who }); поновна штампа, забележено једном
plug-unchanged = рачун је прослеђен без измена: { $why }
plug-printer-down = штампач није доступан ({ $error }); { $bytes } бајтова чека и биће послато када се врати
plug-printer-back = штампач се вратио: бајтови на чекању су послати
plug-till-down = страна касе: { $error }; поново се покушава
plug-no-total = на рачуну није пронађен укупан износ (проверите образац укупног износа у профилу касе)
plug-bad-total = укупан износ '{ $total }' није износ: { $error }
plug-not-recorded = посета није забележена: { $error }
plug-unread = купац није могао да се прочита: { $error }
scan-too-long = више од { $max } бајтова без краја: то није код (сметње на линији?)
scan-half-code = пола кода ({ $bytes } бајтова) без краја: скенирајте поново
scan-binary = бинарни подаци, а не код
scan-control = контролни знакови у коду: проверите подешавање суфикса скенера
scan-empty = празан код
scan-digit-count = { $digits } цифара није дужина бар-кода производа
scan-check-digit = { $symbology } са погрешном контролном цифром: скенирајте поново
scan-card-check = личи на код картице, али контролни знак није исправан: скенирајте поново
scan-not-ours = Regulars не познаје овај код
referral-pending = Препоручио { $name }: обоје добијају бонус ({ $friend } и { $referrer } поена) после прве одговарајуће куповине.
referral-rewarded = Прва куповина: дат је бонус за препоруку од { $friend } поена и { $referrer } поена за { $name }.
referral-refused = Препорука од { $name } је одбијена: { $why }. Забележена је да је власник прегледа.
referral-cap = Бонус за препоруку није дат: { $why }. Забележено је да власник прегледа.
referral-why-self_referral = нови купац има телефон или имејл онога ко препоручује; купац не може да препоручи сам себе
referral-why-existing_customer = купац је већ био купац (учлањен раније или је већ куповао); препоруке су за нове купце
referral-why-second_referrer = купца је неко већ препоручио; рачуна се само први
referral-why-cap_reached = онај ко препоручује достигао је највећи број награђених препорука за 30 дана
referral-status-pending = на чекању
referral-status-rewarded = награђена
referral-status-refused = одбијена
backup-error-damaged = резервна копија је оштећена и не може да се користи (SQLite каже: { $reason }); пробајте старију (`regulars backup list`)
backup-error-differs = копија не садржи оно што је било у бази: { $table } има { $copy } редова у копији и { $live } у бази; копија је одбачена
backup-error-checksum = { $path } није датотека која је сачувана: њен контролни збир се не слаже са оним поред ње (промењен или оштећен бајт); пробајте старију копију
backup-error-in-use = прозор касе, странице за купце или режим прикључка користе ову продавницу: затворите их, па поново вратите; ништа није промењено
backup-error-io = { $path }: { $reason }
backup-error-target-missing = фасцикле за резервне копије { $path } нема (да ли је диск прикључен, мрежна фасцикла доступна?); поново за 10 минута, продаја иде даље
backup-error-passphrase = ова лозинка не отвара резервну копију: проверите [backup] passphrase_file или REGULARS_BACKUP_PASSPHRASE
backup-error-needs-passphrase = { $path } је шифрована: подесите [backup] passphrase_file или REGULARS_BACKUP_PASSPHRASE да бисте је отворили

sync-error-not-configured = ова каса нема одељак [central] у config.toml: подесите url, shop_id и till_id (видите README, „A chain of shops”)
central-error-unreachable = централна база { $url } није доступна: { $reason }. Продаја се овде наставља и биће послата када база одговори.
central-error-newer = шема централне базе је верзија { $found }, новија него што овај Regulars зна ({ $known }): надоградите Regulars на овој каси
central-error-not-initialised = централна база { $url } још нема Regulars шему: једном покрените `regulars central init`
central-error-till-taken = база друге касе се већ синхронизује као каса „{ $till }” овог ланца: дајте овој каси сопствени till_id у config.toml. Продаја овде иде даље и све се чува.
central-error-refused = централна база је одбила: { $reason }
fit-error-no-repeats = Ниједан купац се још није вратио, па нема шта да се процени.
fit-error-not-converged = Процена се није смирила после { $steps } корака; остаје претходна.
fit-error-row = Ред { $line } табеле: { $why }
fit-error-column = Табела нема колону „{ $column }” (потребни су frequency, recency и T; monetary_value није обавезна).
fit-error-unreadable = Табела не може да се прочита: { $why }
fit-error-edge = Процена се није смирила: њен параметар { $parameter } је отишао ка нули или бесконачности (у историји премало чланова се враћа или одлази); остаје претходна.
error-birthday = Рођендан је месец и дан, као ММ-ДД: 14. јул је 07-14.

# A printer, scanner or till profile that could not be loaded.
profile-unknown = не постоји { $kind } профил „{ $id }”; профили су: { $available } (профили радње иду у { $dir })
profile-invalid = { $path } није исправан профил: { $reason }
store-error-no-chat = члан још није повезао { $app }: треба да притисне његово дугме на страници посете
store-error-link-code-used = овај код за повезивање је већ искоришћен: отворите страницу посете поново за нови
store-error-link-code-unknown = овај код за повезивање није ове продавнице: отворите страницу посете поново за нови
store-error-bad-rows = { $count } редова фајла је лоше: ништа није увезено
doing-paper-stamps = додавање печата с папирне картице
