display-idle = Добро дошли у { $shop }
display-idle-short = Добро дошли!
display-idle-more = Питајте за награде
display-idle-more-short = Питајте за награде
display-hello = Добро дошли, { $name }
display-hello-short = Здраво, { $name }
display-points = { $balance ->
    [one] { $balance } поен
    [few] { $balance } поена
   *[other] { $balance } поена
}
display-points-next = { display-points }, још { $remaining } до { $reward }
display-points-next-short = { $balance } п, још { $remaining }: { $reward }
display-visits-next = Још { $remaining } посете до { $reward }
display-visits-next-short = Још { $remaining } посете
display-ready = Награда спремна: { $reward }
display-ready-short = Спремно: { $reward }
display-sale = { $amount }, +{ $points } поена
display-sale-short = { $amount } +{ $points } п
display-now = Сада { display-points }
display-anonymous = Скенирајте рачун и узмите { $points } поена
display-anonymous-short = QR рачуна: +{ $points } п
display-test = Regulars тест дисплеја
display-test-short = Тест дисплеја
display-test-letters = ЂЈЉЊЋЏ ђјљњћџ 0123
display-join = Учланите се телефоном
display-join-help = Скенирајте код камером телефона, упишите име и телефон или имејл: каса вас одмах види.
display-join-title = Учланите се: { $shop }
display-joined = Сада сте члан. Ако затраже, покажите овај екран на каси.
display-join-closed = Овај код је већ искоришћен. Скенирајте поново код са екрана касе.
display-joined-later = Купац се учланио на таблету (картица { $code }): отворите га тим кодом кад услужите овог купца.
display-outside-title = Само у радњи
display-outside = Дисплеј за купце отвара се само на мрежи радње.
display-none = Нема дисплеја за купце
display-on = Дисплеј за купце на { $port }
display-showing = Дисплеј за купце приказује куповину
display-not-there = не одговара на { $port }: да ли је прикључен и укључен?
display-lost = Дисплеј за купце: { $fault } (поновни покушај)
display-unusable = Дисплеј за купце искључен: { $problem }
display-tablet = Екран таблета: { $url }
