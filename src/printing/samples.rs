//! The standard receipt of the benchmarks and tests, in each shipped language: three item
//! lines, a member's loyalty block and the visit QR, names in the shop's script.

use super::{ItemLine, SaleReceipt, loyalty_words, paper};
use crate::devices::receipt::Receipt;
use crate::i18n::Language;

/// A shop in a shipped language: tag, currency, shop, customer, reward, three items.
pub type StandardShop = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    [(&'static str, i64); 3],
);

/// One shop for each shipped language.
pub const STANDARD_SHOPS: [StandardShop; 6] = [
    (
        "en",
        "EUR",
        "Corner Café",
        "Zoë Byrne",
        "Free coffee",
        [
            ("Flat white", 350),
            ("Croissant", 280),
            ("Crème brûlée", 420),
        ],
    ),
    (
        "lv",
        "EUR",
        "Kafejnīca Ķiploks",
        "Jānis Bērziņš",
        "Bezmaksas kafija",
        [
            ("Kafija ar pienu", 350),
            ("Kruasāns", 280),
            ("Ķiploku maize", 420),
        ],
    ),
    (
        "sr-Cyrl",
        "RSD",
        "Кафана Ђерам",
        "Ђорђе Петровић",
        "Бесплатна кафа",
        [
            ("Домаћа кафа", 18_000),
            ("Кифла", 9_000),
            ("Ћевапи", 98_000),
        ],
    ),
    (
        "sr-Latn",
        "RSD",
        "Kafana Đeram",
        "Đorđe Petrović",
        "Besplatna kafa",
        [
            ("Domaća kafa", 18_000),
            ("Kifla", 9_000),
            ("Ćevapi", 98_000),
        ],
    ),
    (
        "fil",
        "PHP",
        "Kapihan ni Aling Nena",
        "Niño Dela Cruz",
        "Libreng kape",
        [
            ("Kapeng barako", 12_000),
            ("Pandesal", 3_500),
            ("Ensaymada", 8_500),
        ],
    ),
    (
        "te",
        "INR",
        "శ్రీ టిఫిన్స్",
        "శ్రీనివాస్ రావు",
        "ఉచిత కాఫీ",
        [("ఫిల్టర్ కాఫీ", 4_000), ("ఇడ్లీ", 6_000), ("మసాలా దోశ", 12_000)],
    ),
];

/// The standard receipt of the benchmarks in a shop's language: three item lines, a member's
/// loyalty block and the visit QR (`EXAMPLE_URL`), names in the shop's script.
pub fn standard_receipt(
    w: &Language,
    currency: crate::domain::money::Currency,
    shop_name: &str,
    customer: &str,
    reward: &str,
    items: &[(&str, i64)],
) -> Receipt {
    let amount = items.iter().map(|(_, a)| a).sum();
    let mut receipt = SaleReceipt {
        shop_name,
        currency,
        logo: None,
        number: "T-1042",
        amount,
        loyalty: Some(loyalty_words(
            w,
            Some(customer),
            10,
            52,
            vec![w.progress("visits", 2, reward)],
            "REF-0BZHK0N",
        )),
        url: crate::devices::receipt::EXAMPLE_URL,
        when: "2026-11-23 09:41",
        code: None,
    }
    .build(w);
    receipt.items = items
        .iter()
        .map(|(text, minor)| ItemLine {
            text: text.to_string(),
            amount: paper(w.amount(*minor, currency)),
        })
        .collect();
    receipt
}

/// The standard receipt of one of [`STANDARD_SHOPS`].
pub fn standard_shop_receipt(shop: &StandardShop) -> Receipt {
    let (tag, currency, name, customer, reward, items) = shop;
    let w = crate::i18n::catalog()
        .get(tag)
        .expect("the standard shops speak shipped languages");
    let currency = crate::domain::money::Currency::from_code(currency).expect("a known currency");
    standard_receipt(w, currency, name, customer, reward, items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::profile::PrinterProfile;

    /// The goals: a Manila receipt at most 1.3 times the English one's bytes, a Hyderabad one
    /// at most 8,000 bytes, on a printer with user-defined characters.
    #[test]
    fn receipts_in_every_script_go_at_text_speed() {
        let profile = PrinterProfile::load("generic-80mm").unwrap();
        let bytes = |tag: &str| {
            let shop = STANDARD_SHOPS.iter().find(|s| s.0 == tag).unwrap();
            standard_shop_receipt(shop).encode(&profile).len()
        };
        let (en, fil, te) = (bytes("en"), bytes("fil"), bytes("te"));
        eprintln!("en {en}, fil {fil}, te {te}");
        assert!(
            fil * 10 <= en * 13,
            "Manila {fil} bytes against English {en}"
        );
        assert!(te <= 8_000, "Hyderabad {te} bytes");
    }
}
