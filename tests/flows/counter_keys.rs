//! The counter by keyboard alone: every focus rule of `src/ui/focus.rs`, driven by key events
//! only (no field is found by its label), with the focused widget checked after each event.

use crate::counter_ui::{harness, last_notice, step_until};
use egui::Key;
use egui_kittest::Harness;
use regulars::ui::CounterApp;
use regulars::ui::focus::Field;

type H = Harness<'static, CounterApp>;

/// The field that has the cursor.
fn focused(h: &H) -> Option<Field> {
    regulars::ui::focus::focused(&h.ctx)
}

fn assert_focus(h: &H, field: Field, after: &str) {
    assert_eq!(
        focused(h),
        Some(field),
        "after {after} the cursor is in {field:?}"
    );
}

/// Types text as key presses would (egui gets typed characters as text events).
fn type_text(h: &mut H, text: &str) {
    h.event(egui::Event::Text(text.to_string()));
    h.run_steps(2);
}

fn key(h: &mut H, k: Key) {
    h.key_press(k);
    h.run_steps(2);
}

/// A card as the scanner thread delivers it: on the serial line, never as keys.
fn scan(h: &mut H, code: &str) {
    let what = regulars::devices::scanner::classify(code);
    h.state().counter.scan_typed(code, what);
}

fn add_customer(d: &std::path::Path, name: &str) -> String {
    crate::common::run_json(d, &["customer", "add", "--name", name])["code"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn amount_has_the_cursor_at_start_after_a_sale_a_scan_and_esc_and_keeps_a_half_typed_amount() {
    let dir = tempfile::tempdir().unwrap();
    let code = add_customer(dir.path(), "Aoife Byrne");
    let mut h = harness(dir.path());
    h.run_steps(3);
    assert_focus(&h, Field::Amount, "start");

    // Half an amount, then the card is scanned: the amount survives, the cursor stays.
    type_text(&mut h, "4");
    scan(&mut h, &code);
    step_until(&mut h, "the scanned card", |a| {
        a.counter.state().customer.is_some()
    });
    h.run_steps(2);
    assert_eq!(
        h.state().sale.amount,
        "4",
        "a half-typed amount survives a scan"
    );
    assert_focus(&h, Field::Amount, "a scan");
    type_text(&mut h, ".20");
    key(&mut h, Key::Enter);
    step_until(&mut h, "the sale", |a| {
        a.counter.state().sales_recorded == 1
    });
    h.run_steps(2);
    assert!(
        last_notice(&h).text.contains("Aoife Byrne"),
        "{:?}",
        last_notice(&h)
    );
    assert!(h.state().sale.amount.is_empty());
    assert_focus(&h, Field::Amount, "a sale");

    // Esc clears the customer; the next amount goes straight in.
    key(&mut h, Key::Escape);
    assert!(h.state().counter.state().customer.is_none());
    assert_focus(&h, Field::Amount, "Esc");
    type_text(&mut h, "2.50");
    assert_eq!(h.state().sale.amount, "2.50");
}

#[test]
fn amount_takes_digits_and_the_decimal_key_and_enter_with_nothing_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run_steps(3);
    key(&mut h, Key::Enter);
    h.run_steps(2);
    let n = last_notice(&h);
    assert!(!n.ok && n.text.contains("Sale not recorded"), "{n:?}");
    assert_eq!(h.state().counter.state().sales_recorded, 0);
    assert_focus(&h, Field::Amount, "Enter with no amount");
    type_text(&mut h, "3x,5-0");
    assert_eq!(
        h.state().sale.amount,
        "3,50",
        "only digits and the decimal key stay"
    );
    assert!(last_notice(&h).text.contains("digits and the decimal key"));
    key(&mut h, Key::Backspace);
    assert_eq!(h.state().sale.amount, "3,5");
    key(&mut h, Key::Enter);
    step_until(&mut h, "the sale", |a| {
        a.counter.state().sales_recorded == 1
    });
    assert!(
        last_notice(&h).text.contains("3.50"),
        "{:?}",
        last_notice(&h)
    );
}

#[test]
fn f3_opens_enrolment_in_name_tab_moves_on_and_enter_enrolls_or_sends_the_cursor_to_the_wrong_field()
 {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run_steps(3);
    key(&mut h, Key::F3);
    assert!(h.state().enroll.open);
    assert_focus(&h, Field::EnrollName, "F3");

    // Enter with no name: refused, the cursor stays in Name and the line says why.
    key(&mut h, Key::Enter);
    step_until(&mut h, "the refusal", |a| {
        a.counter.state().enroll_refused.is_some()
    });
    h.run_steps(2);
    assert!(
        last_notice(&h).text.contains("a name is needed"),
        "{:?}",
        last_notice(&h)
    );
    assert_focus(&h, Field::EnrollName, "a refusal for the name");

    type_text(&mut h, "Niamh Kelly");
    key(&mut h, Key::Tab);
    assert_focus(&h, Field::EnrollPhone, "Tab");
    type_text(&mut h, "12");
    key(&mut h, Key::Enter);
    step_until(&mut h, "the phone refusal", |a| {
        a.counter
            .state()
            .enroll_refused
            .is_some_and(|(_, n)| n == 2)
    });
    h.run_steps(2);
    assert_focus(&h, Field::EnrollPhone, "a refusal for the phone");
    assert_eq!(
        h.state().enroll.name,
        "Niamh Kelly",
        "nothing typed is lost"
    );
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::Tab);
    h.run_steps(2);
    assert_focus(&h, Field::EnrollName, "Shift-Tab");
    key(&mut h, Key::Tab);
    for _ in 0..2 {
        key(&mut h, Key::Backspace);
    }
    type_text(&mut h, "0871234567");
    key(&mut h, Key::Enter);
    step_until(&mut h, "the enrolment", |a| a.counter.state().enrolled == 1);
    h.run_steps(2);
    assert!(!h.state().enroll.open);
    assert_eq!(
        h.state()
            .counter
            .state()
            .customer
            .as_ref()
            .unwrap()
            .name
            .as_deref(),
        Some("Niamh Kelly")
    );
    assert_focus(&h, Field::Amount, "an enrolment");

    // Esc in the form closes it and sends the cursor home, keeping the customer.
    key(&mut h, Key::F3);
    type_text(&mut h, "Half");
    key(&mut h, Key::Escape);
    assert!(!h.state().enroll.open);
    assert!(h.state().counter.state().customer.is_some());
    assert_focus(&h, Field::Amount, "Esc in the form");
}

#[test]
fn f2_finds_and_enter_on_a_single_match_selects_the_customer() {
    let dir = tempfile::tempdir().unwrap();
    add_customer(dir.path(), "Siobhan Murphy");
    add_customer(dir.path(), "Sean Murphy");
    let mut h = harness(dir.path());
    h.run_steps(3);
    type_text(&mut h, "7");
    key(&mut h, Key::F2);
    assert_focus(&h, Field::Find, "F2");
    type_text(&mut h, "Murphy");
    step_until(&mut h, "two matches", |a| {
        a.counter.state().results.len() == 2
    });
    key(&mut h, Key::Enter);
    assert!(
        h.state().counter.state().customer.is_none(),
        "two matches: no guess"
    );
    assert_focus(&h, Field::Find, "Enter on two matches");
    assert!(last_notice(&h).text.contains("2 customers match"));
    for _ in 0.."Murphy".len() {
        h.key_press(Key::Backspace);
    }
    type_text(&mut h, "Siobhan");
    step_until(&mut h, "one match", |a| {
        a.counter.state().results.len() == 1
    });
    key(&mut h, Key::Enter);
    step_until(&mut h, "the customer", |a| {
        a.counter.state().customer.is_some()
    });
    h.run_steps(2);
    assert_focus(&h, Field::Amount, "a match selected");
    assert_eq!(
        h.state().sale.amount,
        "7",
        "an amount typed before identifying is kept"
    );
}

#[test]
fn f4_sells_anonymously_f5_redeems_the_first_reward_f8_refunds_the_last_receipt_f6_enlarges() {
    let dir = tempfile::tempdir().unwrap();
    let code = add_customer(dir.path(), "Liam Walsh");
    let mut h = harness(dir.path());
    h.run_steps(3);
    type_text(&mut h, "2.00");
    key(&mut h, Key::F4);
    step_until(&mut h, "the anonymous sale", |a| {
        a.counter.state().sales_recorded == 1
    });
    assert!(last_notice(&h).text.contains("claim QR"));
    assert_focus(&h, Field::Amount, "F4");

    scan(&mut h, &code);
    step_until(&mut h, "the card", |a| a.counter.state().customer.is_some());
    key(&mut h, Key::F5);
    h.run_steps(2);
    assert!(
        last_notice(&h).text.contains("no reward available"),
        "{:?}",
        last_notice(&h)
    );
    type_text(&mut h, "45.00");
    key(&mut h, Key::Enter);
    step_until(&mut h, "the sale", |a| {
        a.counter.state().sales_recorded == 2
    });
    key(&mut h, Key::F5);
    step_until(&mut h, "the redemption", |a| {
        a.counter
            .state()
            .customer
            .as_ref()
            .is_some_and(|c| c.balance == 5)
    });

    // F8, Enter: the whole last receipt is refunded.
    key(&mut h, Key::F8);
    assert_focus(&h, Field::RefundAmount, "F8");
    let last = h.state().counter.state().last_receipt.clone().unwrap();
    assert_eq!(h.state().refund.receipt, last);
    key(&mut h, Key::Enter);
    step_until(&mut h, "the refund", |a| {
        a.counter.state().refunds_recorded == 1
    });
    h.run_steps(2);
    assert!(
        last_notice(&h).text.contains("Refunded €45.00"),
        "{:?}",
        last_notice(&h)
    );
    assert_focus(&h, Field::Amount, "a refund");

    step_until(&mut h, "the receipt preview", |a| {
        a.counter.devices().receipt_image.is_some()
    });
    key(&mut h, Key::F6);
    assert!(h.state().preview.enlarged);
    key(&mut h, Key::Escape);
    assert!(!h.state().preview.enlarged);
    assert!(
        h.state().counter.state().customer.is_some(),
        "Esc closed the receipt only"
    );
    assert_focus(&h, Field::Amount, "closing the receipt");
}

/// A café in Riga (Latvian), its counter started.
fn riga_cafe() -> (tempfile::TempDir, H) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[shop]\nname = \"Kafejnīca Ķiploks\"\nlanguage = \"lv\"\n",
    )
    .unwrap();
    let mut h = harness(dir.path());
    h.run_steps(3);
    (dir, h)
}

#[test]
fn a_shop_in_riga_reads_latvian_and_types_its_decimal_comma() {
    use egui_kittest::kittest::Queryable;
    let (dir, mut h) = riga_cafe();
    h.get_by_label("Summa");
    h.get_by_label("Reģistrēt pirkumu (Enter)");
    // ICU4X puts a no-break space between the amount and the sign.
    h.get_by_label("Īpašnieka PIN (virs 20,00\u{a0}€)");
    assert_focus(&h, Field::Amount, "start");
    type_text(&mut h, "3,50");
    key(&mut h, Key::Enter);
    step_until(&mut h, "the sale", |a| {
        a.counter.state().sales_recorded == 1
    });
    let stats = crate::common::run_json(dir.path(), &["stats"]);
    assert_eq!(stats["visits"], 1);
    assert_eq!(stats["figures"]["anonymous_spend"], 350, "{stats}");
}

#[test]
fn a_shop_in_belgrade_is_told_what_went_wrong_in_serbian() {
    use regulars::services::errors::{amount_error, store_error};
    use regulars::store::StoreError;
    let sr = regulars::i18n::catalog().get("sr-Cyrl").unwrap();
    let no = store_error(sr, &StoreError::NoSuchCustomer("4KQ2-M9X".into()));
    assert_eq!(
        no,
        "нема купца са кодом 4KQ2-M9X: проверите картицу или тражите по телефону или имену"
    );
    let lv = regulars::i18n::catalog().get("lv").unwrap();
    let typed = regulars::domain::money::AmountError::NotANumber("3,5x".into());
    assert_eq!(
        amount_error(lv, &typed),
        "'3,5x' nav summa: cipari ar vienu decimālatdalītāju, piemēram, 12,50"
    );
    let rare = StoreError::BadReceipt(40);
    assert_eq!(
        store_error(sr, &rare),
        "број рачуна има од 1 до 40 знакова за штампу: проверите шта је каса одштампала"
    );
    // Every refusal has its own sentence: none reaches a Serbian shop in English.
    let empty = StoreError::EmptyText(regulars::domain::support::TextField::Note);
    assert_eq!(
        store_error(sr, &empty),
        "белешка: ништа није написано; напишите неколико речи"
    );
}

#[test]
fn f1_says_which_regulars_this_is_and_esc_gives_the_amount_back() {
    use egui_kittest::kittest::Queryable;
    let (dir, mut h) = riga_cafe();
    let version = format!("Versija {}", env!("CARGO_PKG_VERSION"));
    assert!(
        h.query_by_label(&version).is_none(),
        "About is closed at start"
    );
    key(&mut h, Key::F1);
    h.get_by_label(&version);
    let data = std::fs::canonicalize(dir.path()).unwrap();
    let folder = format!("Veikala dati: {}", data.display());
    assert!(
        h.query_by_label(&folder).is_some()
            || h.query_by_label(&format!("Veikala dati: {}", dir.path().display()))
                .is_some(),
        "the data folder is named"
    );
    h.get_by_label("Brīva programmatūra ar MIT licenci.");
    key(&mut h, Key::Escape);
    h.run_steps(2);
    assert!(h.query_by_label(&version).is_none(), "Esc closes About");
    assert_focus(&h, Field::Amount, "About closed");
    type_text(&mut h, "2,00");
    key(&mut h, Key::Enter);
    step_until(&mut h, "the sale after About", |a| {
        a.counter.state().sales_recorded == 1
    });
}
