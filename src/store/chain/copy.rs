//! A copy of another database of the chain (another page server's, or a till's backup) made
//! a new page server's: checked to be of this chain and readable by this program (an older
//! one is brought up to date), then given the new server's own identity, so it syncs as itself
//! from where the copy left off, without reading again what the copied one sent.

use crate::store::{Result, StoreError, migrate};
use rusqlite::{Connection, OptionalExtension};
use std::path::Path;

/// What a received copy holds, once it is the new server's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adopted {
    /// The central store's last event in the copy: the new server syncs on from here.
    pub cursor: i64,
    pub customers: i64,
    pub visits: i64,
}

/// Whose a copy is: the till (or page server) that made it, and the keys of the last events
/// it sent that the central store answered, newest first (by which the central store tells
/// how far its events are in the copy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub till_id: String,
    pub sent: Vec<String>,
}

/// How many of the last answered events name where the copied till's events end.
const LAST_SENT: i64 = 50;

fn open(path: &Path) -> Result<Connection> {
    let mut conn = Connection::open(path).map_err(|source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    migrate(&mut conn, path)?;
    Ok(conn)
}

/// Whose the copy at `path` is (brought to this build's schema first; a newer one is
/// refused), provided it is a copy of the chain whose secret is `chain_secret`.
pub fn copy_origin(path: &Path, chain_secret: &str) -> Result<Origin> {
    let conn = open(path)?;
    let damaged = |e: rusqlite::Error| StoreError::Damaged(e.to_string());
    let state: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT till_id, chain_secret FROM sync_state WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(damaged)?;
    let Some((till_id, Some(secret))) = state else {
        return Err(StoreError::CopyOfLoneShop);
    };
    if secret != chain_secret {
        return Err(StoreError::CopyOfOtherChain);
    }
    // Rows whose events were not sent yet are known by the global ids a copy gives them
    // (`freeze_outbox`); a copy made otherwise (an older Regulars) would take them for new
    // when their events arrive.
    let unnamed: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM outbox
                        WHERE seq > (SELECT sent_through FROM sync_state) AND payload IS NULL)",
        [],
        |r| r.get(0),
    )?;
    if unnamed {
        return Err(StoreError::Damaged(
            "its till had events not sent yet that the backup does not name: make a new backup \
             after the till's next sync"
                .to_string(),
        ));
    }
    let sent = conn
        .prepare(
            "SELECT key FROM outbox
             WHERE seq <= (SELECT sent_through FROM sync_state) AND answer IN ('stored', 'duplicate')
             ORDER BY seq DESC LIMIT ?1",
        )?
        .query_map([LAST_SENT], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Origin { till_id, sent })
}

/// Makes the database file at `path` (a copy of the chain, see [`copy_origin`]) the database
/// of till `till_id` of shop `shop_id`, as the `instance` that claimed that till id and was
/// given `till_number` by the central store: no contact yet, nothing to print, and an empty
/// outbox (the copied till sends its own events). The events the copied till sent up to the
/// central store's `copied_through` are not read again; rows it wrote itself stay as written,
/// and when their later events come from the central store they are known here by their ids.
pub fn adopt_copy(
    path: &Path,
    (till_id, shop_id): (&str, &str),
    (instance, till_number): (&str, i32),
    copied_through: i64,
) -> Result<Adopted> {
    let mut conn = open(path)?;
    let tx = conn.transaction()?;
    let cursor: i64 = tx
        .query_row("SELECT cursor FROM sync_state WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or(StoreError::NotInChain)?;
    copied_rows_as_the_chains(&tx)?;
    tx.execute(
        "UPDATE sync_state SET copied_till = till_id, copied_through = ?5,
                               till_id = ?1, shop_id = ?2, instance = ?3,
                               till_number = ?4, applying = 0, last_contact = NULL,
                               offline_since = NULL, last_error = NULL, sent_through = 0
         WHERE id = 1",
        (till_id, shop_id, instance, till_number, copied_through),
    )?;
    tx.execute("DELETE FROM outbox", [])?;
    tx.execute("DELETE FROM print_jobs", [])?;
    let count = |table: &str| -> Result<i64> {
        Ok(tx.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?)
    };
    let adopted = Adopted {
        cursor,
        customers: count("customers")?,
        visits: count("visits")?,
    };
    tx.commit()?;
    Ok(adopted)
}

/// The tables of rows a till writes itself, `origin` empty there; every other till of the
/// chain holds them with the till they came from in `origin`.
const OWN_ROWS: [&str; 8] = [
    "customers",
    "visits",
    "refunds",
    "points_events",
    "redemptions",
    "tickets",
    "ticket_events",
    "customer_notes",
];

/// The copied till's own rows made what they are at every other till of the chain, as if its
/// events had been applied here: from that till, its visits named by their receipts' tokens
/// and numbers, and the till known to be of its shop. The new server then never takes them
/// for its own (it sends no event of them, and its own till number names none of them).
fn copied_rows_as_the_chains(tx: &rusqlite::Transaction) -> Result<()> {
    let (till, shop, number): (String, String, Option<i64>) = tx.query_row(
        "SELECT till_id, shop_id, till_number FROM sync_state WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    // Changes made while applying are no events of this server's.
    tx.execute("UPDATE sync_state SET applying = 1", [])?;
    tx.execute(
        "UPDATE visits SET origin_receipt = COALESCE(origin_receipt, receipt_no, 'V' || id),
                           origin_token = CASE WHEN ?1 IS NOT NULL AND id < 1073741824
                                               THEN (?1 << 30) | id END
         WHERE origin IS NULL",
        [number],
    )?;
    for table in OWN_ROWS {
        tx.execute(
            &format!("UPDATE {table} SET origin = ?1 WHERE origin IS NULL"),
            [&till],
        )?;
    }
    tx.execute(
        "INSERT OR REPLACE INTO chain_tills (till_id, shop_id) VALUES (?1, ?2)",
        [&till, &shop],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{ShopRules, Store};

    fn chain_till(dir: &Path, secret: &str) -> Store {
        let rules = ShopRules {
            currency: crate::domain::money::Currency::from_code("EUR").unwrap(),
            country_code: None,
            targets: Default::default(),
            checks: Default::default(),
        };
        let mut s = Store::open(&dir.join("regulars.db"), rules).unwrap();
        s.ensure_program(&crate::domain::program::Program::default(), 0)
            .unwrap();
        s.write(|t| t.chain().join_chain("pages-1", "pages"))
            .unwrap();
        s.write(|t| t.counter().set_chain_secret(secret)).unwrap();
        let anna = crate::store::NewCustomer {
            name: "Anna".into(),
            ..Default::default()
        };
        s.enroll(&anna, 100, &mut rand::random::<u64>).unwrap();
        s
    }

    #[test]
    fn a_copy_becomes_the_new_servers_own_and_only_of_its_chain() {
        let dir = tempfile::tempdir().unwrap();
        let store = chain_till(dir.path(), "aa");
        let raw = dir.path().join("raw.db");
        Connection::open(dir.path().join("regulars.db"))
            .unwrap()
            .execute("VACUUM INTO ?1", [raw.to_str().unwrap()])
            .unwrap();
        let copy = dir.path().join("copy.db");
        store.copy_to(&copy, |_, _| {}).unwrap();
        let outbox = |p: &Path| -> i64 {
            Connection::open(p)
                .unwrap()
                .query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get(0))
                .unwrap()
        };
        assert!(outbox(&copy) > 0);
        // Another chain's copy is refused and left as it was.
        let refused = copy_origin(&copy, "bb");
        assert!(
            matches!(refused, Err(StoreError::CopyOfOtherChain)),
            "{refused:?}"
        );
        assert!(outbox(&copy) > 0);
        let origin = copy_origin(&copy, "aa").unwrap();
        assert_eq!(origin.till_id, "pages-1");
        let adopted = adopt_copy(&copy, ("pages-2", "pages"), ("i2", 7), 41).unwrap();
        assert_eq!((adopted.customers, adopted.visits), (1, 0));
        let (till, instance, number, copied): (String, String, i64, (String, i64)) =
            Connection::open(&copy)
                .unwrap()
                .query_row(
                    "SELECT till_id, instance, till_number, copied_till, copied_through
                     FROM sync_state",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, (r.get(3)?, r.get(4)?))),
                )
                .unwrap();
        assert_eq!(
            (till.as_str(), instance.as_str(), number),
            ("pages-2", "i2", 7)
        );
        assert_eq!(copied, ("pages-1".to_string(), 41));
        assert_eq!(outbox(&copy), 0);
        // A copy made without naming the events not sent yet (SQLite's own) is refused.
        assert!(matches!(
            copy_origin(&raw, "aa"),
            Err(StoreError::Damaged(_))
        ));
        // A shop's database that never joined a chain is no copy of one.
        let lone = dir.path().join("lone.db");
        drop(Store::open(&lone, store.rules().clone()).unwrap());
        assert!(matches!(
            copy_origin(&lone, "aa"),
            Err(StoreError::CopyOfLoneShop)
        ));
    }
}
