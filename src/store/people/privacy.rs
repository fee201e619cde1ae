//! A customer's rights over what is held about them: everything as JSON (a data-access
//! request) and erasure of the personal details, keeping the anonymous numbers.

use crate::domain::code::CustomerCode;
use crate::store::Result;

impl super::Room<'_, '_> {
    /// Everything held about a customer, as JSON: the answer to a data-access request.
    pub fn export_customer(&self, code_text: &str) -> Result<serde_json::Value> {
        let code = CustomerCode::parse(code_text)?;
        let row = self.customer_by_code(&code)?;
        let id = row.id;
        let section = |sql: &str| rows_as_json(&self.tx, sql, id);
        Ok(serde_json::json!({
            "customer": section("SELECT * FROM customers WHERE id = ?1")?.pop(),
            "visits": section("SELECT * FROM visits WHERE customer_id = ?1 ORDER BY at")?,
            "points_events": section("SELECT * FROM points_events WHERE customer_id = ?1 ORDER BY id")?,
            "refunds": section("SELECT r.* FROM refunds r JOIN visits v ON v.id = r.visit_id WHERE v.customer_id = ?1 ORDER BY r.id")?,
            "redemptions": section("SELECT * FROM redemptions WHERE customer_id = ?1 ORDER BY id")?,
            "vouchers": section("SELECT * FROM vouchers WHERE customer_id = ?1 ORDER BY id")?,
            "referrals_made": section("SELECT * FROM referrals WHERE referrer_id = ?1 ORDER BY id")?,
            "referred_by": section("SELECT * FROM referrals WHERE friend_id = ?1 ORDER BY id")?,
            "ratings": section("SELECT r.* FROM ratings r JOIN visits v ON v.id = r.visit_id WHERE v.customer_id = ?1 ORDER BY r.visit_id")?,
            "insights": section("SELECT * FROM insights_scores WHERE customer_id = ?1")?.pop(),
            "tickets": section("SELECT * FROM tickets WHERE customer_id = ?1 ORDER BY id")?,
            "ticket_events": section("SELECT e.* FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE t.customer_id = ?1 ORDER BY e.id")?,
            "notes": section("SELECT * FROM customer_notes WHERE customer_id = ?1 ORDER BY id")?,
            "consents": section("SELECT channel, given, at, source, wording, language, actor FROM consents WHERE customer_id = ?1 ORDER BY id")?,
            "messages": section("SELECT id, kind, channel, state, created_at, state_at, sent_at, sent_to, language, subject, body, last_error FROM messages WHERE customer_id = ?1 ORDER BY id")?,
            "chat_links": section("SELECT channel, chat, linked_at, unlinked_at, unlinked_why, last_heard_at FROM chat_links WHERE customer_id = ?1 ORDER BY id")?,
            "chat_messages": section("SELECT channel, platform_id, at, text, ticket_id FROM chat_inbound WHERE customer_id = ?1 ORDER BY id")?,
        }))
    }

    /// Erases a customer's personal details (name, phone, email, notes, language, and what they wrote in
    /// ratings and tickets) and keeps the anonymous numbers, so the ledger and the shop's
    /// figures stay whole. Returns the code erased.
    pub fn erase_customer(&self, code_text: &str, now: i64) -> Result<String> {
        let code = CustomerCode::parse(code_text)?;
        let row = self.customer_by_code(&code)?;
        self.erase_customer_id(row.id, now)?;
        Ok(row.display_code())
    }

    /// `tx.people().erase_customer` by row id; also for an erasure another till of the chain made.
    pub(in crate::store) fn erase_customer_id(&self, id: i64, now: i64) -> Result<()> {
        self.tx.execute(
            "UPDATE customers SET name = NULL, phone = NULL, email = NULL, notes = NULL,
             language = NULL, birthday = NULL, birthday_consent_at = NULL, birthday_source = NULL, erased_at = COALESCE(erased_at, ?2) WHERE id = ?1",
            (id, now),
        )?;
        self.tx
            .execute("DELETE FROM customer_notes WHERE customer_id = ?1", [id])?;
        self.tx
            .execute("DELETE FROM insights_scores WHERE customer_id = ?1", [id])?;
        // Messages hold addresses and words about the person; consents too.
        self.tx
            .execute("DELETE FROM messages WHERE customer_id = ?1", [id])?;
        self.tx
            .execute("DELETE FROM consents WHERE customer_id = ?1", [id])?;
        // Their chats end, and the chats' ids and words go.
        self.messages().end_chats_of(id, now)?;
        self.tx.execute(
            "UPDATE ratings SET comment = NULL
             WHERE visit_id IN (SELECT id FROM visits WHERE customer_id = ?1)",
            [id],
        )?;
        self.tx.execute(
            "UPDATE tickets SET summary = '(erased)', contact = NULL WHERE customer_id = ?1",
            [id],
        )?;
        self.tx.execute(
            "UPDATE ticket_events SET body = NULL
             WHERE ticket_id IN (SELECT id FROM tickets WHERE customer_id = ?1)",
            [id],
        )?;
        Ok(())
    }
}

/// Reads every row of `sql` (one `?1` parameter) as JSON objects keyed by column name.
fn rows_as_json(
    conn: &rusqlite::Connection,
    sql: &str,
    param: i64,
) -> Result<Vec<serde_json::Value>> {
    use rusqlite::types::ValueRef;
    let mut stmt = conn.prepare(sql)?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let mut rows = stmt.query([param])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut obj = serde_json::Map::new();
        for (i, name) in names.iter().enumerate() {
            let v = match r.get_ref(i)? {
                ValueRef::Null => serde_json::Value::Null,
                ValueRef::Integer(n) => n.into(),
                ValueRef::Real(f) => f.into(),
                ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
                ValueRef::Blob(b) => b
                    .iter()
                    .map(|x| format!("{x:02x}"))
                    .collect::<String>()
                    .into(),
            };
            obj.insert(name.clone(), v);
        }
        out.push(serde_json::Value::Object(obj));
    }
    Ok(out)
}
