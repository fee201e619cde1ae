//! The only place that touches PostgreSQL: the chain's central store.
//!
//! Tills push their outbox here and pull what other tills wrote (see DESIGN.md, "Many tills and
//! shops"). Each event is stored once under its global key: the insert is `ON CONFLICT DO
//! NOTHING`, a replay with the same content is answered `duplicate`, and the same key with
//! other content is refused, kept in `rejected` and never merged. Pushes take one transaction-
//! scoped lock so sequence numbers become visible in order: a till that has pulled up to `seq`
//! can never later find an event below it.

use crate::domain::chain::{Answer, OutboxEvent, RemoteEvent};
use postgres::Client;

mod alerts;
mod figures;
mod points;
mod shops;
mod tls;

pub use alerts::ChainAlert;
pub use figures::{ChainFigures, ShopFigures};
pub use points::{Hold, Reversal};
use points::{count_points, record_merges};
pub use shops::Directory;
use std::time::Duration;

/// Central schema migrations, in order; entry `i` upgrades version `i` to `i + 1`. Append only.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_events.sql"),
    include_str!("migrations/0002_balances.sql"),
    include_str!("migrations/0003_till_numbers.sql"),
    include_str!("migrations/0004_identity.sql"),
    include_str!("migrations/0005_shops.sql"),
];

/// The central schema version this build writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// The advisory lock every push holds until it commits.
const PUSH_LOCK: i64 = 0x5245_4755_4c41_5253; // "REGULARS"

/// How long connecting may take before the till carries on offline.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, thiserror::Error)]
pub enum CentralError {
    #[error("cannot reach the central store at {url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error(
        "the central store's schema is version {found}, newer than this Regulars knows ({known}): upgrade Regulars on this till"
    )]
    NewerSchema { found: i32, known: i32 },
    #[error(
        "the central store at {url} has no Regulars schema yet: run `regulars central init` once"
    )]
    NotInitialised { url: String },
    #[error(
        "another till's database already syncs as till '{till_id}' of this chain: give this till its own till_id in config.toml"
    )]
    TillTaken { till_id: String },
    #[error("the central store refused: {0}")]
    Database(String),
}

impl From<postgres::Error> for CentralError {
    fn from(e: postgres::Error) -> Self {
        CentralError::Database(match e.as_db_error() {
            Some(db) => db.message().to_string(),
            None => e.to_string(),
        })
    }
}

pub type Result<T, E = CentralError> = std::result::Result<T, E>;

/// A connection to the central store.
pub struct Central {
    client: Client,
}

impl Central {
    /// Connects to `url` (password from the URL or `PGPASSWORD`). Fails fast with
    /// [`CentralError::Unreachable`] when the network or the server is down.
    pub fn connect(url: &str) -> Result<Central> {
        let redacted = crate::config::redacted(url);
        let unreachable = |reason: String| CentralError::Unreachable {
            url: redacted.clone(),
            reason,
        };
        let (url, root_file) = tls::split_url(url);
        let mut config: postgres::Config = url
            .parse()
            .map_err(|e: postgres::Error| unreachable(e.to_string()))?;
        let tls = tls::connector(root_file.as_deref()).map_err(unreachable)?;
        // On one server the usual way in is PostgreSQL's Unix socket (`?host=/var/run/
        // postgresql`, peer authentication): no TLS there, and no host name to check.
        let socket_only = !config.get_hosts().is_empty()
            && config
                .get_hosts()
                .iter()
                .all(|h| matches!(h, postgres::config::Host::Unix(_)));
        if config.get_password().is_none()
            && let Ok(pw) = std::env::var("PGPASSWORD")
        {
            config.password(pw);
        }
        config.connect_timeout(CONNECT_TIMEOUT);
        config.application_name("regulars");
        // The whole connection, not only the TCP handshake, within the timeout: a server that
        // accepts and then says nothing must not hold the till (the attempt is left to end
        // on its own thread).
        let (sent, answer) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("central-connect".into())
            .spawn(move || {
                let connected = match socket_only {
                    true => config.connect(postgres::NoTls),
                    false => config.connect(tls),
                };
                let _ = sent.send(connected);
            })
            .map_err(|e| unreachable(e.to_string()))?;
        let connected = answer
            .recv_timeout(CONNECT_TIMEOUT + Duration::from_millis(500))
            .map_err(|_| {
                unreachable(format!(
                    "no answer within {} seconds",
                    CONNECT_TIMEOUT.as_secs()
                ))
            })?;
        let client = connected.map_err(|e| {
            unreachable(match e.as_db_error() {
                Some(db) => db.message().to_string(),
                None => std::error::Error::source(&e)
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| e.to_string()),
            })
        })?;
        Ok(Central { client })
    }

    /// The schema version of the central store (0: none yet).
    fn version(&mut self) -> Result<i32> {
        let exists: bool = self
            .client
            .query_one("SELECT to_regclass('regulars_schema') IS NOT NULL", &[])?
            .get(0);
        if !exists {
            return Ok(0);
        }
        let row = self
            .client
            .query_opt("SELECT version FROM regulars_schema", &[])?;
        Ok(row.map_or(0, |r| r.get(0)))
    }

    /// Creates or upgrades the central schema; a newer one is refused untouched. Returns the
    /// version before and after.
    pub fn init(&mut self) -> Result<(i32, i32)> {
        let mut tx = self.client.transaction()?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS regulars_schema (version INTEGER NOT NULL);
             LOCK TABLE regulars_schema IN EXCLUSIVE MODE;",
        )?;
        let before: i32 = tx
            .query_opt("SELECT version FROM regulars_schema", &[])?
            .map_or(0, |r| r.get(0));
        if before > SCHEMA_VERSION {
            return Err(CentralError::NewerSchema {
                found: before,
                known: SCHEMA_VERSION,
            });
        }
        for sql in &MIGRATIONS[before as usize..] {
            tx.batch_execute(sql)?;
        }
        let secret: String = (0..32)
            .map(|_| format!("{:02x}", rand::random::<u8>()))
            .collect();
        tx.execute(
            "INSERT INTO chain (secret) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM chain)",
            &[&secret],
        )?;
        tx.execute("DELETE FROM regulars_schema", &[])?;
        tx.execute(
            "INSERT INTO regulars_schema (version) VALUES ($1)",
            &[&SCHEMA_VERSION],
        )?;
        tx.commit()?;
        Ok((before, SCHEMA_VERSION))
    }

    /// Connects to `url` and checks its schema is this build's, before anything touches it.
    pub fn open(url: &str) -> Result<Central> {
        let mut c = Central::connect(url)?;
        c.check(url)?;
        Ok(c)
    }

    fn check(&mut self, url: &str) -> Result<()> {
        match self.version()? {
            0 => Err(CentralError::NotInitialised {
                url: crate::config::redacted(url),
            }),
            v if v > SCHEMA_VERSION => Err(CentralError::NewerSchema {
                found: v,
                known: SCHEMA_VERSION,
            }),
            v if v < SCHEMA_VERSION => Err(CentralError::Database(format!(
                "its schema is version {v}, older than this Regulars ({SCHEMA_VERSION}): run `regulars central init` to upgrade it"
            ))),
            _ => Ok(()),
        }
    }

    /// Stores a batch of one till's events in one transaction and answers for each.
    pub fn push(
        &mut self,
        shop_id: &str,
        till_id: &str,
        events: &[OutboxEvent],
    ) -> Result<Vec<(String, Answer)>> {
        let mut tx = self.client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&PUSH_LOCK])?;
        let keys: Vec<&str> = events.iter().map(|e| e.key.as_str()).collect();
        let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
        let ats: Vec<i64> = events.iter().map(|e| e.at).collect();
        let payloads: Vec<&str> = events.iter().map(|e| e.payload.as_str()).collect();
        let stored: std::collections::HashSet<String> = tx
            .query(
                "INSERT INTO events (key, shop_id, till_id, kind, at, payload)
                 SELECT k, $1, $2, kd, a, p
                 FROM unnest($3::text[], $4::text[], $5::bigint[], $6::text[])
                      WITH ORDINALITY AS t (k, kd, a, p, n)
                 ORDER BY n
                 ON CONFLICT (key) DO NOTHING RETURNING key",
                &[&shop_id, &till_id, &keys, &kinds, &ats, &payloads],
            )?
            .into_iter()
            .map(|r| r.get(0))
            .collect();
        let mut answers = Vec::with_capacity(events.len());
        let seen: Vec<&str> = keys
            .iter()
            .copied()
            .filter(|k| !stored.contains(*k))
            .collect();
        let before: std::collections::HashMap<String, String> = if seen.is_empty() {
            Default::default()
        } else {
            tx.query(
                "SELECT key, payload FROM events WHERE key = ANY($1)",
                &[&seen],
            )?
            .into_iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect()
        };
        record_merges(&mut tx, events, &stored)?;
        let new_points: Vec<&OutboxEvent> = events
            .iter()
            .filter(|e| e.kind == "points" && stored.contains(&e.key))
            .collect();
        count_points(&mut tx, &new_points, till_id)?;
        for e in events {
            let answer = if stored.contains(&e.key) {
                Answer::Stored
            } else if before.get(&e.key) == Some(&e.payload) {
                Answer::Duplicate
            } else {
                tx.execute(
                    "INSERT INTO rejected (key, till_id, payload) VALUES ($1, $2, $3)",
                    &[&e.key, &till_id, &e.payload],
                )?;
                Answer::Rejected
            };
            answers.push((e.key.clone(), answer));
        }
        tx.commit()?;
        Ok(answers)
    }

    /// Up to `limit` events other tills wrote after `cursor`, in order.
    pub fn pull(&mut self, till_id: &str, cursor: i64, limit: i64) -> Result<Vec<RemoteEvent>> {
        self.pull_where(
            "seq > $1 AND till_id <> $2 ORDER BY seq LIMIT $3",
            &[&cursor, &till_id, &limit],
        )
    }

    /// Up to `limit` events other tills wrote after `cursor` and up to `through`, in order,
    /// except those of `copied` (a till whose events through `through` a page server's copy
    /// of the chain holds already).
    pub fn pull_skipping(
        &mut self,
        till_id: &str,
        cursor: i64,
        (copied, through): (&str, i64),
        limit: i64,
    ) -> Result<Vec<RemoteEvent>> {
        self.pull_where(
            "seq > $1 AND seq <= $2 AND till_id <> $3 AND till_id <> $4 ORDER BY seq LIMIT $5",
            &[&cursor, &through, &till_id, &copied, &limit],
        )
    }

    /// The central store's position of the newest of these events of `till_id` (keys of
    /// events it sent), 0 for none.
    pub fn newest_of(&mut self, till_id: &str, keys: &[String]) -> Result<i64> {
        Ok(self
            .client
            .query_one(
                "SELECT COALESCE(MAX(seq), 0) FROM events WHERE till_id = $1 AND key = ANY($2)",
                &[&till_id, &keys],
            )?
            .get(0))
    }

    fn pull_where(
        &mut self,
        filter: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Vec<RemoteEvent>> {
        Ok(self
            .client
            .query(
                &format!(
                    "SELECT seq, key, till_id, kind, payload, shop_id FROM events WHERE {filter}"
                ),
                params,
            )?
            .into_iter()
            .map(|r| RemoteEvent {
                seq: r.get(0),
                key: r.get(1),
                till_id: r.get(2),
                kind: r.get(3),
                payload: r.get(4),
                shop_id: r.get(5),
            })
            .collect())
    }

    /// Records this till's contact, cursor and outbox for `sync status` at every till.
    pub fn report(&mut self, status: &TillReport) -> Result<()> {
        self.client.execute(
            "INSERT INTO tills (till_id, shop_id, last_contact, cursor, to_send, oldest_unsent)
             VALUES ($1, $2, now(), $3, $4, $5)
             ON CONFLICT (till_id) DO UPDATE SET shop_id = excluded.shop_id,
               last_contact = excluded.last_contact, cursor = excluded.cursor,
               to_send = excluded.to_send, oldest_unsent = excluded.oldest_unsent",
            &[
                &status.till_id,
                &status.shop_id,
                &status.cursor,
                &status.to_send,
                &status.oldest_unsent,
            ],
        )?;
        Ok(())
    }

    /// Every till the central store has heard from, with the newest event it holds.
    pub fn tills(&mut self) -> Result<(i64, Vec<TillReport>)> {
        let newest: i64 = self
            .client
            .query_one("SELECT COALESCE(MAX(seq), 0) FROM events", &[])?
            .get(0);
        let rows = self.client.query(
            "SELECT till_id, shop_id, EXTRACT(EPOCH FROM last_contact)::BIGINT, cursor, to_send,
                    oldest_unsent
             FROM tills ORDER BY shop_id, till_id",
            &[],
        )?;
        Ok((
            newest,
            rows.into_iter()
                .map(|r| TillReport {
                    till_id: r.get(0),
                    shop_id: r.get(1),
                    last_contact: r.get(2),
                    cursor: r.get(3),
                    to_send: r.get(4),
                    oldest_unsent: r.get(5),
                })
                .collect(),
        ))
    }

    /// The chain's secret for receipt QR codes (64 hex digits).
    pub fn chain_secret(&mut self) -> Result<String> {
        Ok(self
            .client
            .query_one("SELECT secret FROM chain", &[])?
            .get(0))
    }

    /// Events refused because their key was taken by other content.
    pub fn rejected_count(&mut self) -> Result<i64> {
        Ok(self
            .client
            .query_one("SELECT COUNT(*) FROM rejected", &[])?
            .get(0))
    }
}

impl Central {
    /// This till's number in the chain, handed out the first time it asks (the lowest free
    /// one); the same number ever after. The till's database `instance` that first asked owns
    /// the till id: another database asking as the same till is refused.
    pub fn claim_till(&mut self, till_id: &str, instance: &str) -> Result<i32> {
        for _ in 0..5 {
            let mut tx = self.client.transaction()?;
            if let Some(r) = tx.query_opt(
                "SELECT number, instance FROM till_numbers WHERE till_id = $1 FOR UPDATE",
                &[&till_id],
            )? {
                let (number, owner): (i32, Option<String>) = (r.get(0), r.get(1));
                match owner {
                    Some(owner) if owner != instance => {
                        return Err(CentralError::TillTaken {
                            till_id: till_id.to_string(),
                        });
                    }
                    Some(_) => return Ok(number),
                    None => {
                        tx.execute(
                            "UPDATE till_numbers SET instance = $2 WHERE till_id = $1",
                            &[&till_id, &instance],
                        )?;
                        tx.commit()?;
                        return Ok(number);
                    }
                }
            }
            let taken = tx.query_opt(
                "INSERT INTO till_numbers (till_id, number, instance)
                 SELECT $1, COALESCE(MAX(number), 0) + 1, $2 FROM till_numbers
                 ON CONFLICT DO NOTHING RETURNING number",
                &[&till_id, &instance],
            );
            match taken {
                Ok(Some(r)) => {
                    tx.commit()?;
                    return Ok(r.get(0));
                }
                // Another till took that number at the same moment: ask again.
                Ok(None) => continue,
                Err(e) if e.as_db_error().is_some_and(|d| d.constraint().is_some()) => {
                    return Err(CentralError::Database(
                        "the chain has 1023 tills, as many as its card codes can tell apart".into(),
                    ));
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(CentralError::Database(
            "could not hand out a till number; sync again".into(),
        ))
    }
}

/// A till as the central store last heard from it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TillReport {
    pub till_id: String,
    pub shop_id: String,
    /// Unix seconds (0 in a report being sent: the server's clock stamps it).
    pub last_contact: i64,
    pub cursor: i64,
    pub to_send: i64,
    pub oldest_unsent: Option<i64>,
}
