//! Staff: added from the command line, recognised at the counter by their PIN.

use crate::domain::staff::{Role, check_pin, hash_pin, pin_matches};
use crate::store::error::is_unique_violation;
use crate::store::{Result, Store, StoreError};
use serde::Serialize;

/// A member of staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Staff {
    pub id: i64,
    pub name: String,
    pub role: Role,
    /// Their own loyalty card's code, when they have one on record (see `staff card`).
    pub card: Option<String>,
}

impl super::Room<'_, '_> {
    /// Adds a member of staff. `salt` is fresh randomness from the caller.
    pub fn add_staff(
        &self,
        name: &str,
        role: Role,
        pin: &str,
        salt: [u8; 16],
        now: i64,
    ) -> Result<Staff> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::StaffNameNeeded);
        }
        check_pin(pin).map_err(|_| StoreError::BadPin)?;
        if self.staff_by_pin(pin)?.is_some() {
            return Err(StoreError::PinTaken);
        }
        self.tx
            .execute(
                "INSERT INTO staff (name, role, pin_salt, pin_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                (name, role.as_str(), &salt[..], &hash_pin(&salt, pin)[..], now),
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    StoreError::StaffNameTaken(name.to_string())
                } else {
                    e.into()
                }
            })?;
        Ok(Staff {
            id: self.tx.last_insert_rowid(),
            name: name.to_string(),
            role,
            card: None,
        })
    }

    /// Who has this PIN, if anyone.
    pub fn staff_by_pin(&self, pin: &str) -> Result<Option<Staff>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id, name, role, pin_salt, pin_hash FROM staff ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Vec<u8>>(3)?,
                r.get::<_, Vec<u8>>(4)?,
            ))
        })?;
        let mut found = None;
        // Every row is checked, so the time taken does not tell whose PIN it was.
        for row in rows {
            let (id, name, role, salt, hash) = row?;
            if pin_matches(&salt, &hash, pin) && found.is_none() {
                found = Some(Staff {
                    id,
                    name,
                    role: Role::parse(&role).unwrap_or(Role::Cashier),
                    card: None,
                });
            }
        }
        Ok(found)
    }

    /// Gives a member of staff a new PIN (no one else's). `salt` is fresh randomness.
    pub fn set_staff_pin(&self, id: i64, pin: &str, salt: [u8; 16]) -> Result<()> {
        check_pin(pin).map_err(|_| StoreError::BadPin)?;
        if self.staff_by_pin(pin)?.is_some_and(|s| s.id != id) {
            return Err(StoreError::PinTaken);
        }
        self.tx.execute(
            "UPDATE staff SET pin_salt = ?2, pin_hash = ?3 WHERE id = ?1",
            (id, &salt[..], &hash_pin(&salt, pin)[..]),
        )?;
        Ok(())
    }

    /// Takes a member of staff off the list: their PIN no longer signs in. What they did
    /// stays recorded under their name.
    pub fn remove_staff(&self, id: i64) -> Result<()> {
        self.tx.execute("DELETE FROM staff WHERE id = ?1", [id])?;
        Ok(())
    }

    /// All staff, by name.
    pub fn staff(&self) -> Result<Vec<Staff>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.id, s.name, s.role, c.code FROM staff s
                 LEFT JOIN customers c ON c.id = s.card_id ORDER BY s.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Staff {
                id: r.get(0)?,
                name: r.get(1)?,
                role: Role::parse(&r.get::<_, String>(2)?).unwrap_or(Role::Cashier),
                card: r
                    .get::<_, Option<String>>(3)?
                    .map(crate::store::people::customers::display_code),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// All staff.
    pub fn staff(&mut self) -> Result<Vec<Staff>> {
        self.read(|tx| tx.counter().staff())
    }
}
