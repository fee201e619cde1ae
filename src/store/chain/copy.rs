//! A page server's database copied to start a new one: checked to be a copy of this chain
//! that this program can read, then given the new server's own identity, so it syncs as
//! itself from where the copy left off.

use crate::store::{Result, SCHEMA_VERSION, StoreError};
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

/// Makes the database file at `path` (a copy of another page server of the chain whose
/// secret is `chain_secret`) the database of till `till_id` of shop `shop_id`, as the
/// `instance` that claimed that till id and was given `till_number` by the central store: no
/// contact yet, and an empty outbox: the copy's server sends its own events. Rows it wrote itself stay as written there:
/// when their events come from the central store they are known here by their ids.
pub fn adopt_copy(
    path: &Path,
    chain_secret: &str,
    (till_id, shop_id): (&str, &str),
    (instance, till_number): (&str, i32),
) -> Result<Adopted> {
    let damaged = |e: rusqlite::Error| StoreError::Damaged(e.to_string());
    let mut conn = Connection::open(path).map_err(|source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(damaged)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    let tx = conn.transaction()?;
    let state: Option<(Option<String>, i64)> = tx
        .query_row(
            "SELECT chain_secret, cursor FROM sync_state WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(damaged)?;
    let Some((Some(secret), cursor)) = state else {
        return Err(StoreError::NotInChain);
    };
    if secret != chain_secret {
        return Err(StoreError::Damaged(
            "the copy is of another chain".to_string(),
        ));
    }
    tx.execute(
        "UPDATE sync_state SET till_id = ?1, shop_id = ?2, instance = ?3,
                               till_number = ?4, applying = 0, last_contact = NULL,
                               offline_since = NULL, last_error = NULL, sent_through = 0
         WHERE id = 1",
        (till_id, shop_id, instance, till_number),
    )?;
    tx.execute("DELETE FROM outbox", [])?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{ShopRules, Store};

    fn chain_till(dir: &Path, secret: &str) -> Store {
        let rules = ShopRules {
            currency: crate::domain::money::Currency::from_code("EUR").unwrap(),
            country_code: None,
            targets: Default::default(),
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
        let refused = adopt_copy(&copy, "bb", ("pages-2", "pages"), ("i2", 7));
        assert!(
            matches!(refused, Err(StoreError::Damaged(_))),
            "{refused:?}"
        );
        assert!(outbox(&copy) > 0);
        let adopted = adopt_copy(&copy, "aa", ("pages-2", "pages"), ("i2", 7)).unwrap();
        assert_eq!((adopted.customers, adopted.visits), (1, 0));
        let (till, instance, number): (String, String, i64) = Connection::open(&copy)
            .unwrap()
            .query_row(
                "SELECT till_id, instance, till_number FROM sync_state",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(
            (till.as_str(), instance.as_str(), number),
            ("pages-2", "i2", 7)
        );
        assert_eq!(outbox(&copy), 0);
        // A database that never joined a chain is no copy of one.
        let lone = dir.path().join("lone.db");
        Connection::open(&lone)
            .unwrap()
            .execute_batch("CREATE TABLE sync_state (id INTEGER PRIMARY KEY, chain_secret TEXT, cursor INTEGER)")
            .unwrap();
        assert!(matches!(
            adopt_copy(&lone, "aa", ("pages-2", "pages"), ("i3", 8)),
            Err(StoreError::NotInChain)
        ));
    }
}
