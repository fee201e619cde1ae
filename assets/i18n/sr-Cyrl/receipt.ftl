receipt-no = Бр. { $number }
receipt-total = УКУПНО
receipt-purchase = Куповина
receipt-thanks = Хвала, { $name }!
receipt-friend = пријатељу
receipt-points-visit = Поени за ову посету
receipt-balance = Ваше стање поена
receipt-refer = Доведите пријатеља: дајте му свој код
receipt-qr-member = Скенирајте: ваша посета, поени, оцена, помоћ
receipt-qr-claim = Скенирајте да преузмете поене за ову посету
receipt-footer = Хвала што сте поново дошли!
card-welcome = Добро дошли, { $name }!
card-title = Ваша картица лојалности
card-points = { $points ->
    [one] { $points } поен
    [few] { $points } поена
   *[other] { $points } поена
}
card-caption = Картица { $code }: покажите је на каси
card-both-points = Обоје добијате поене после његове прве посете.
test-title = Пробна штампа
test-on = { $printer } на { $port }
test-settings = { $columns } знакова у реду, { $baud } Bd, кодна страна { $page }
test-caption = Ако се овај код скенира, штампање QR кода ради
test-letters = Слова: ђ ж ћ ч џ љ њ ш €
# The dinar as Serbian receipts write it (CLDR gives the ISO code).
currency-symbol-RSD = дин.
receipt-tier = Ваш ниво: { $tier }
receipt-refer-reward = { $reward } је ваш! Доведите пријатеља: дајте му свој код
# Under the QR: the code that opens the same page when the QR will not scan.
receipt-code = Или укуцајте { $code } на { $site }
