//! The one definition of the visit and points aggregates: which row of which table a visit or
//! a points event adds to, and how each column folds. Everything else is derived from it: the
//! upsert a sale, refund or claim runs in its own transaction, the member refold after a merge,
//! `stats --rebuild` (and the tests' check after every write), and the bulk loader's tables.

use crate::domain::ledger::EventKind;
use crate::store::{Result, StoreError};
use hashbrown::HashMap;

/// Seconds in a day: aggregates are by UTC day number.
pub const DAY: i64 = 86_400;

/// How a column folds the values of the rows that fall on the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fold {
    Sum,
    Min,
    Max,
}

impl Fold {
    fn apply(self, kept: i64, new: i64) -> i64 {
        match self {
            Fold::Sum => kept + new,
            Fold::Min => kept.min(new),
            Fold::Max => kept.max(new),
        }
    }

    /// The column's part of an upsert's `DO UPDATE SET`: added, or kept (`Min`/`Max` while
    /// a row's part is taken away before being added back).
    fn set(self, col: &str, taking: bool) -> String {
        match (self, taking) {
            (Fold::Sum, _) => format!("{col} = {col} + excluded.{col}"),
            (_, true) => format!("{col} = {col}"),
            (Fold::Min, false) => format!("{col} = MIN({col}, excluded.{col})"),
            (Fold::Max, false) => format!("{col} = MAX({col}, excluded.{col})"),
        }
    }
}

/// A key column: a number, or the kind of a points event (stored as its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyColumn {
    Int(&'static str),
    Kind(&'static str),
}

impl KeyColumn {
    fn name(self) -> &'static str {
        match self {
            KeyColumn::Int(n) | KeyColumn::Kind(n) => n,
        }
    }
}

/// What a table sums: this till's own visits, or its points events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Visits,
    Points,
}

/// An aggregate table: its key columns and its value columns with their folds.
#[derive(Debug)]
pub(crate) struct Table {
    pub name: &'static str,
    keys: &'static [KeyColumn],
    values: &'static [(&'static str, Fold)],
    source: Source,
}

/// A row's key in a table (unused places are 0; a kind is its place in [`KINDS`]).
pub(crate) type Key = [i64; 2];
/// A row's values, in the table's column order (unused places are 0).
pub(crate) type Values = [i64; 5];

/// Per UTC day: visits and spend, members' and anonymous; refunds count on the sale's day.
pub(crate) static DAYS: Table = Table {
    name: "agg_days",
    keys: &[KeyColumn::Int("day")],
    values: &[
        ("visits", Fold::Sum),
        ("member_visits", Fold::Sum),
        ("member_spend", Fold::Sum),
        ("anon_spend", Fold::Sum),
        ("refunded", Fold::Sum),
    ],
    source: Source::Visits,
};

/// Per member and day they visited.
pub(crate) static CUSTOMER_DAYS: Table = Table {
    name: "agg_customer_days",
    keys: &[KeyColumn::Int("customer_id"), KeyColumn::Int("day")],
    values: &[("visits", Fold::Sum), ("spend", Fold::Sum)],
    source: Source::Visits,
};

/// Per member, over their whole history.
pub(crate) static CUSTOMERS: Table = Table {
    name: "agg_customers",
    keys: &[KeyColumn::Int("customer_id")],
    values: &[
        ("first_day", Fold::Min),
        ("last_day", Fold::Max),
        ("visits", Fold::Sum),
        ("spend", Fold::Sum),
        ("refunded", Fold::Sum),
    ],
    source: Source::Visits,
};

/// Points by day and kind of event.
pub(crate) static POINTS_DAYS: Table = Table {
    name: "agg_points_days",
    keys: &[KeyColumn::Int("day"), KeyColumn::Kind("kind")],
    values: &[("points", Fold::Sum)],
    source: Source::Points,
};

/// Every table defined here, in the order they are checked and written.
pub(crate) static TABLES: [&Table; 4] = [&DAYS, &CUSTOMER_DAYS, &CUSTOMERS, &POINTS_DAYS];

/// The kinds of points events, by their place in a [`Key`].
const KINDS: [EventKind; 7] = [
    EventKind::Earn,
    EventKind::Redeem,
    EventKind::Refund,
    EventKind::Referral,
    EventKind::Adjust,
    EventKind::Expire,
    EventKind::Opening,
];

fn kind_place(kind: EventKind) -> i64 {
    KINDS
        .iter()
        .position(|k| *k == kind)
        .expect("every kind listed") as i64
}

/// One row's part in one table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Part {
    pub table: &'static Table,
    pub key: Key,
    pub values: Values,
}

/// A visit as the figures count it (the caller leaves out another till's visits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Visit {
    pub at: i64,
    pub amount: i64,
    pub customer: Option<i64>,
    pub refunded: i64,
}

impl Visit {
    /// What a visit adds to the visit aggregates: the definition of those figures.
    pub(crate) fn parts(&self) -> impl Iterator<Item = Part> {
        let day = self.at / DAY;
        let (amount, refunded) = (self.amount, self.refunded);
        let member = self.customer.is_some() as i64;
        let all = Part {
            table: &DAYS,
            key: [day, 0],
            values: [1, member, member * amount, (1 - member) * amount, refunded],
        };
        let member_parts = self.customer.map(|id| {
            [
                Part {
                    table: &CUSTOMER_DAYS,
                    key: [id, day],
                    values: [1, amount, 0, 0, 0],
                },
                Part {
                    table: &CUSTOMERS,
                    key: [id, 0],
                    values: [day, day, 1, amount, refunded],
                },
            ]
        });
        std::iter::once(all).chain(member_parts.into_iter().flatten())
    }
}

/// A points event as the figures count it (the caller leaves out another till's events).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Points {
    pub at: i64,
    pub kind: EventKind,
    pub points: i64,
}

impl Points {
    /// What a points event adds to the points aggregates: the definition of those figures.
    pub(crate) fn parts(&self) -> impl Iterator<Item = Part> {
        std::iter::once(Part {
            table: &POINTS_DAYS,
            key: [self.at / DAY, kind_place(self.kind)],
            values: [self.points, 0, 0, 0, 0],
        })
    }
}

impl Table {
    fn columns(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys
            .iter()
            .map(|k| k.name())
            .chain(self.values.iter().map(|(c, _)| *c))
    }

    /// `INSERT INTO table (columns) VALUES (?1, …)`.
    pub(crate) fn insert_sql(&self) -> String {
        let cols: Vec<_> = self.columns().collect();
        let marks: Vec<_> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
        format!(
            "INSERT INTO {} ({}) VALUES ({})",
            self.name,
            cols.join(", "),
            marks.join(", ")
        )
    }

    /// The insert that folds a part into the kept row (`taking`: a part taken away, its sums
    /// given negated, before the same row's part is added back).
    fn upsert_sql(&self, taking: bool) -> String {
        let keys: Vec<_> = self.keys.iter().map(|k| k.name()).collect();
        let sets: Vec<_> = self
            .values
            .iter()
            .map(|(c, fold)| fold.set(c, taking))
            .collect();
        format!(
            "{} ON CONFLICT ({}) DO UPDATE SET {}",
            self.insert_sql(),
            keys.join(", "),
            sets.join(", ")
        )
    }

    /// Binds a key and values to an insert made by [`Table::insert_sql`].
    fn bind(&self, stmt: &mut rusqlite::Statement<'_>, key: &Key, values: &Values) -> Result<()> {
        for (i, k) in self.keys.iter().enumerate() {
            match k {
                KeyColumn::Int(_) => stmt.raw_bind_parameter(i + 1, key[i])?,
                KeyColumn::Kind(_) => {
                    stmt.raw_bind_parameter(i + 1, KINDS[key[i] as usize].as_str())?
                }
            }
        }
        for (j, v) in values.iter().take(self.values.len()).enumerate() {
            stmt.raw_bind_parameter(self.keys.len() + j + 1, *v)?;
        }
        Ok(())
    }

    /// The table's rows as kept, by key.
    pub(crate) fn read(&self, conn: &rusqlite::Connection) -> Result<Accumulator> {
        let cols: Vec<_> = self.columns().collect();
        let mut stmt = conn.prepare(&format!("SELECT {} FROM {}", cols.join(", "), self.name))?;
        let mut rows = stmt.query([])?;
        let mut out = Accumulator::default();
        while let Some(r) = rows.next()? {
            let mut key = [0; 2];
            for (i, k) in self.keys.iter().enumerate() {
                key[i] = match k {
                    KeyColumn::Int(_) => r.get(i)?,
                    KeyColumn::Kind(_) => {
                        let name: String = r.get(i)?;
                        let kind = KINDS.iter().position(|k| k.as_str() == name);
                        kind.ok_or_else(|| {
                            StoreError::Damaged(format!("{}: unknown kind {name:?}", self.name))
                        })? as i64
                    }
                };
            }
            let mut values = [0; 5];
            for (j, v) in values.iter_mut().take(self.values.len()).enumerate() {
                *v = r.get(self.keys.len() + j)?;
            }
            out.rows.insert(key, values);
        }
        Ok(out)
    }

    /// The raw rows this table sums, read as the figures count them (this till's own), each
    /// folded into `acc` (`only_customer`: one member's visits).
    pub(crate) fn fold_raw(
        &self,
        conn: &rusqlite::Connection,
        only_customer: Option<i64>,
        acc: &mut Accumulator,
    ) -> Result<()> {
        match self.source {
            Source::Visits => {
                let mut stmt = conn.prepare_cached(
                    "SELECT at, amount, customer_id, refunded FROM visits
                     WHERE origin IS NULL AND (?1 IS NULL OR customer_id = ?1)",
                )?;
                let mut rows = stmt.query([only_customer])?;
                while let Some(r) = rows.next()? {
                    let v = Visit {
                        at: r.get(0)?,
                        amount: r.get(1)?,
                        customer: r.get(2)?,
                        refunded: r.get(3)?,
                    };
                    acc.add_parts(v.parts().filter(|p| p.table.name == self.name));
                }
            }
            Source::Points => {
                let mut stmt = conn.prepare_cached(
                    "SELECT at, kind, points FROM points_events WHERE origin IS NULL",
                )?;
                let mut rows = stmt.query([])?;
                while let Some(r) = rows.next()? {
                    let name: String = r.get(1)?;
                    let kind = KINDS
                        .into_iter()
                        .find(|k| k.as_str() == name)
                        .ok_or_else(|| {
                            StoreError::Damaged(format!("points_events: unknown kind {name:?}"))
                        })?;
                    let p = Points {
                        at: r.get(0)?,
                        kind,
                        points: r.get(2)?,
                    };
                    acc.add_parts(p.parts().filter(|p| p.table.name == self.name));
                }
            }
        }
        Ok(())
    }
}

/// Rows of one table folded in memory, by key.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Accumulator {
    rows: HashMap<Key, Values, foldhash::fast::RandomState>,
}

impl Accumulator {
    /// Folds parts (all of one table) in, column by column as the table says.
    pub(crate) fn add_parts(&mut self, parts: impl Iterator<Item = Part>) {
        for p in parts {
            match self.rows.entry(p.key) {
                hashbrown::hash_map::Entry::Occupied(mut kept) => {
                    let kept = kept.get_mut();
                    for (j, (_, fold)) in p.table.values.iter().enumerate() {
                        kept[j] = fold.apply(kept[j], p.values[j]);
                    }
                }
                hashbrown::hash_map::Entry::Vacant(slot) => {
                    slot.insert(p.values);
                }
            }
        }
    }

    /// Rows in one and not the other, either way.
    pub(crate) fn differences(&self, other: &Accumulator) -> i64 {
        let missing = |a: &Accumulator, b: &Accumulator| {
            a.rows
                .iter()
                .filter(|(k, v)| b.rows.get(*k) != Some(*v))
                .count() as i64
        };
        missing(self, other) + missing(other, self)
    }

    /// Writes the rows into `table` in key order (which lets SQLite append).
    pub(crate) fn write(self, conn: &rusqlite::Connection, table: &Table) -> Result<()> {
        let mut rows: Vec<_> = self.rows.into_iter().collect();
        rows.sort_unstable_by_key(|(k, _)| *k);
        let mut stmt = conn.prepare(&table.insert_sql())?;
        for (key, values) in &rows {
            table.bind(&mut stmt, key, values)?;
            stmt.raw_execute()?;
        }
        Ok(())
    }
}

/// A table's upsert, made once per process (a sale runs three).
fn upsert_of(table: &Table, taking: bool) -> &'static str {
    static MADE: std::sync::LazyLock<Vec<(&'static str, [String; 2])>> =
        std::sync::LazyLock::new(|| {
            TABLES
                .iter()
                .map(|t| (t.name, [t.upsert_sql(false), t.upsert_sql(true)]))
                .collect()
        });
    let (_, sql) = MADE
        .iter()
        .find(|(name, _)| *name == table.name)
        .expect("a table of the definition");
    &sql[taking as usize]
}

/// Folds parts into the kept tables in one transaction: added, or (`taking`) taken away.
pub(crate) fn upsert(
    conn: &rusqlite::Connection,
    parts: impl Iterator<Item = Part>,
    taking: bool,
) -> Result<()> {
    for mut p in parts {
        let mut stmt = conn.prepare_cached(upsert_of(p.table, taking))?;
        if taking {
            for (j, (_, fold)) in p.table.values.iter().enumerate() {
                if *fold == Fold::Sum {
                    p.values[j] = -p.values[j];
                }
            }
        }
        p.table.bind(&mut stmt, &p.key, &p.values)?;
        stmt.raw_execute()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_members_visit_adds_to_the_day_the_member_day_and_the_member() {
        let v = Visit {
            at: 3 * DAY + 5,
            amount: 1250,
            customer: Some(7),
            refunded: 200,
        };
        let parts: Vec<_> = v.parts().collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(
            (parts[0].key, parts[0].values),
            ([3, 0], [1, 1, 1250, 0, 200])
        );
        assert_eq!(
            (parts[1].key, parts[1].values),
            ([7, 3], [1, 1250, 0, 0, 0])
        );
        assert_eq!(
            (parts[2].key, parts[2].values),
            ([7, 0], [3, 3, 1, 1250, 200])
        );
    }

    #[test]
    fn an_anonymous_visit_adds_to_the_day_only() {
        let v = Visit {
            at: DAY - 1,
            amount: 900,
            customer: None,
            refunded: 0,
        };
        let parts: Vec<_> = v.parts().collect();
        assert_eq!(parts.len(), 1);
        assert_eq!((parts[0].key, parts[0].values), ([0, 0], [1, 0, 0, 900, 0]));
    }

    #[test]
    fn folding_keeps_the_first_and_last_day_and_sums_the_rest() {
        let mut acc = Accumulator::default();
        for (day, amount) in [(5, 100), (2, 50), (9, 10)] {
            let v = Visit {
                at: day * DAY,
                amount,
                customer: Some(1),
                refunded: 0,
            };
            acc.add_parts(v.parts().filter(|p| p.table.name == CUSTOMERS.name));
        }
        assert_eq!(acc.rows[&[1, 0]], [2, 9, 3, 160, 0]);
    }

    #[test]
    fn upserts_name_every_column_with_its_fold() {
        assert_eq!(
            CUSTOMERS.upsert_sql(false),
            "INSERT INTO agg_customers (customer_id, first_day, last_day, visits, spend, refunded) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (customer_id) DO UPDATE SET \
             first_day = MIN(first_day, excluded.first_day), \
             last_day = MAX(last_day, excluded.last_day), visits = visits + excluded.visits, \
             spend = spend + excluded.spend, refunded = refunded + excluded.refunded"
        );
        assert!(CUSTOMERS.upsert_sql(true).contains("first_day = first_day"));
    }
}
