//! Phones kept before the shop's national numbers were read with its country code.

use crate::domain::contact::normalize_phone;
use crate::store::{Result, Store};
use rusqlite::OptionalExtension;

impl Store {
    /// Phones kept as bare digits before the shop's national numbers were read with its country
    /// code (`26123456` in Riga) are brought to the international form they would be given now
    /// (`+37126123456`), so a number typed either way finds the same customer. Only numbers that
    /// are valid in the shop's country change, and never onto a phone another customer has.
    /// Done once per calling code (`phone_form`): phones given later already have this form.
    pub(in crate::store) fn renormalize_phones(&mut self) -> Result<()> {
        let Some(cc) = self.rules.country_code.clone() else {
            return Ok(());
        };
        let done: Option<String> = self
            .conn
            .query_row("SELECT country_code FROM phone_form", [], |r| r.get(0))
            .optional()?;
        if done.as_deref() == Some(cc.as_str()) {
            return Ok(());
        }
        // Digits sort after '+': the index finds the bare ones without reading the rest.
        let bare: Vec<(i64, String)> = self
            .conn
            .prepare("SELECT id, phone FROM customers WHERE phone >= '0' ORDER BY phone")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let changes: Vec<(i64, String)> = bare
            .into_iter()
            .filter_map(|(id, phone)| {
                let now = normalize_phone(&phone, Some(&cc)).ok()?;
                (now != phone && now.starts_with('+')).then_some((id, now))
            })
            .collect();
        self.write(|tx| {
            tx.tx.execute("DELETE FROM phone_form", [])?;
            tx.tx
                .execute("INSERT INTO phone_form (country_code) VALUES (?1)", [&cc])?;
            for (id, phone) in &changes {
                tx.tx.execute(
                    "UPDATE customers SET phone = ?2 WHERE id = ?1
                     AND NOT EXISTS (SELECT 1 FROM customers WHERE phone = ?2)",
                    (id, phone),
                )?;
            }
            Ok(())
        })
    }
}
