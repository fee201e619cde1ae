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

mod tls;
use std::time::Duration;

/// Central schema migrations, in order; entry `i` upgrades version `i` to `i + 1`. Append only.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_events.sql"),
    include_str!("migrations/0002_balances.sql"),
    include_str!("migrations/0003_till_numbers.sql"),
    include_str!("migrations/0004_identity.sql"),
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
                let _ = sent.send(config.connect(tls));
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
        count_points(&mut tx, &new_points)?;
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
        Ok(self
            .client
            .query(
                "SELECT seq, key, till_id, kind, payload FROM events
                 WHERE seq > $1 AND till_id <> $2 ORDER BY seq LIMIT $3",
                &[&cursor, &till_id, &limit],
            )?
            .into_iter()
            .map(|r| RemoteEvent {
                seq: r.get(0),
                key: r.get(1),
                till_id: r.get(2),
                kind: r.get(3),
                payload: r.get(4),
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

/// Records the merges among newly stored customer events (a card that names the customer it
/// was merged into) and moves each gone card's chain balance to the kept customer.
fn record_merges(
    tx: &mut postgres::Transaction<'_>,
    events: &[OutboxEvent],
    stored: &std::collections::HashSet<String>,
) -> Result<()> {
    #[derive(serde::Deserialize)]
    struct Customer {
        gid: String,
        merged_into: Option<String>,
    }
    for e in events {
        if e.kind != "customer" || !stored.contains(&e.key) {
            continue;
        }
        let Ok(Customer {
            gid,
            merged_into: Some(kept),
        }) = serde_json::from_str(&e.payload)
        else {
            continue;
        };
        // The two cards' customers become one, counted under the smaller id: whatever order
        // merges arrive in, each customer ends up counted once, in one place.
        let (a, b) = (resolve(tx, &gid)?, resolve(tx, &kept)?);
        if a == b {
            continue;
        }
        let (kept, gid) = if a < b { (a, b) } else { (b, a) };
        tx.execute(
            "INSERT INTO merges (gone, kept) VALUES ($1, $2)",
            &[&gid, &kept],
        )?;
        tx.execute(
            "UPDATE merges SET kept = $2 WHERE kept = $1",
            &[&gid, &kept],
        )?;
        tx.execute(
            "INSERT INTO balances (customer, points)
             SELECT $2, COALESCE((SELECT points FROM balances WHERE customer = $1), 0)
             ON CONFLICT (customer) DO UPDATE SET points = balances.points + excluded.points",
            &[&gid, &kept],
        )?;
        tx.execute("DELETE FROM balances WHERE customer = $1", &[&gid])?;
    }
    Ok(())
}

/// The customer a card is now: itself, or the one it was merged into.
fn resolve(tx: &mut postgres::Transaction<'_>, gid: &str) -> Result<String> {
    Ok(tx
        .query_opt("SELECT kept FROM merges WHERE gone = $1", &[&gid])?
        .map_or_else(|| gid.to_string(), |r| r.get(0)))
}

/// Adds newly stored points events to their customers' chain balances (a merged card's to
/// the customer it became), all in a few statements, except the spends of redemptions whose
/// hold already took the points.
fn count_points(tx: &mut postgres::Transaction<'_>, events: &[&OutboxEvent]) -> Result<()> {
    #[derive(serde::Deserialize)]
    struct Points {
        customer: String,
        points: i64,
        hold: Option<String>,
    }
    let parsed: Vec<Points> = events
        .iter()
        .filter_map(|e| serde_json::from_str(&e.payload).ok())
        .collect();
    let holds: Vec<&str> = parsed.iter().filter_map(|p| p.hold.as_deref()).collect();
    let held: std::collections::HashSet<String> = if holds.is_empty() {
        Default::default()
    } else {
        tx.query(
            "SELECT key FROM holds WHERE key = ANY($1) AND granted AND NOT released",
            &[&holds],
        )?
        .into_iter()
        .map(|r| r.get(0))
        .collect()
    };
    let cards: Vec<&str> = parsed.iter().map(|p| p.customer.as_str()).collect();
    let merged: std::collections::HashMap<String, String> = tx
        .query(
            "SELECT gone, kept FROM merges WHERE gone = ANY($1)",
            &[&cards],
        )?
        .into_iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut delta: std::collections::BTreeMap<&str, i64> = Default::default();
    for p in &parsed {
        if p.hold.as_ref().is_some_and(|h| held.contains(h)) {
            continue;
        }
        let customer = merged.get(&p.customer).unwrap_or(&p.customer);
        *delta.entry(customer.as_str()).or_default() += p.points;
    }
    if delta.is_empty() {
        return Ok(());
    }
    let (customers, points): (Vec<&str>, Vec<i64>) = delta.into_iter().unzip();
    tx.execute(
        "INSERT INTO balances (customer, points)
         SELECT * FROM unnest($1::text[], $2::bigint[])
         ON CONFLICT (customer) DO UPDATE SET points = balances.points + excluded.points",
        &[&customers, &points],
    )?;
    Ok(())
}

/// The central store's answer to a redemption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// The points are taken; `balance` is what the customer has left across the chain.
    Granted { balance: i64 },
    /// Not enough points across the chain: `balance` is what there is.
    Refused { balance: i64 },
}

impl Central {
    /// Takes `points` from `customer`'s chain balance under `key`, only if they are there,
    /// in one transaction. Asking again with the same key gets the first answer.
    pub fn redeem(
        &mut self,
        key: &str,
        customer: &str,
        points: i64,
        till_id: &str,
    ) -> Result<Hold> {
        let mut tx = self.client.transaction()?;
        let answer = |granted: bool, balance: i64| {
            if granted {
                Hold::Granted { balance }
            } else {
                Hold::Refused { balance }
            }
        };
        if let Some(r) =
            tx.query_opt("SELECT granted, balance FROM holds WHERE key = $1", &[&key])?
        {
            return Ok(answer(r.get(0), r.get(1)));
        }
        let customer = resolve(&mut tx, customer)?;
        let customer = customer.as_str();
        let taken = tx.query_opt(
            "UPDATE balances SET points = points - $2 WHERE customer = $1 AND points - $2 >= 0
             RETURNING points",
            &[&customer, &points],
        )?;
        let (granted, balance) = match taken {
            Some(r) => (true, r.get::<_, i64>(0)),
            None => {
                let have = tx
                    .query_opt(
                        "SELECT points FROM balances WHERE customer = $1",
                        &[&customer],
                    )?
                    .map_or(0, |r| r.get::<_, i64>(0));
                (false, have)
            }
        };
        tx.execute(
            "INSERT INTO holds (key, customer, points, till_id, granted, balance)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&key, &customer, &points, &till_id, &granted, &balance],
        )?;
        tx.commit()?;
        Ok(answer(granted, balance))
    }

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

    /// Takes up to `points` from `customer`'s chain balance under `key` (a refund's reversal:
    /// what was spent already, in any shop, is not taken), in one transaction; returns what
    /// it took. Asking again with the same key gets the first answer.
    pub fn take_up_to(
        &mut self,
        key: &str,
        customer: &str,
        points: i64,
        till_id: &str,
    ) -> Result<i64> {
        let mut tx = self.client.transaction()?;
        if let Some(r) =
            tx.query_opt("SELECT points, granted FROM holds WHERE key = $1", &[&key])?
        {
            let (taken, granted): (i64, bool) = (r.get(0), r.get(1));
            return Ok(if granted { taken } else { 0 });
        }
        let customer = resolve(&mut tx, customer)?;
        let have = tx
            .query_opt(
                "SELECT points FROM balances WHERE customer = $1 FOR UPDATE",
                &[&customer],
            )?
            .map_or(0, |r| r.get::<_, i64>(0));
        let taken = points.min(have).max(0);
        tx.execute(
            "UPDATE balances SET points = points - $2 WHERE customer = $1",
            &[&customer, &taken],
        )?;
        let left = have - taken;
        tx.execute(
            "INSERT INTO holds (key, customer, points, till_id, granted, balance)
             VALUES ($1, $2, $3, $4, true, $5)",
            &[&key, &customer, &taken, &till_id, &left],
        )?;
        tx.commit()?;
        Ok(taken)
    }

    /// Gives back a granted hold the till could not record (its spend will never come).
    pub fn release(&mut self, key: &str) -> Result<()> {
        let mut tx = self.client.transaction()?;
        if let Some(r) = tx.query_opt(
            "UPDATE holds SET released = true WHERE key = $1 AND granted AND NOT released
             RETURNING customer, points",
            &[&key],
        )? {
            let (customer, points): (String, i64) = (r.get(0), r.get(1));
            tx.execute(
                "UPDATE balances SET points = points + $2 WHERE customer = $1",
                &[&customer, &points],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// A customer's points across the chain, as the central store counts them.
    pub fn balance(&mut self, customer: &str) -> Result<i64> {
        Ok(self
            .client
            .query_opt(
                "SELECT points FROM balances WHERE customer =
                   COALESCE((SELECT kept FROM merges WHERE gone = $1), $1)",
                &[&customer],
            )?
            .map_or(0, |r| r.get(0)))
    }
}

/// One shop's figures across the chain's events (see [`Central::shop_figures`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ShopFigures {
    pub shop_id: String,
    pub visits: i64,
    /// Minor units.
    pub sales: i64,
    pub refunds: i64,
    /// Members with a visit in the range, and those with two or more.
    pub members: i64,
    pub returning: i64,
    pub points_earned: i64,
    pub points_redeemed: i64,
}

/// The chain's figures: each shop's, and all shops' together (where a member who visited two
/// shops counts once).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ChainFigures {
    pub shops: Vec<ShopFigures>,
    pub total: ShopFigures,
}

impl Central {
    /// Each shop's figures for visits in `[from, to)` (unix seconds), from the events every
    /// till has sent: a visit counts in the shop whose till first sent it, with its latest
    /// refund; points count in the shop whose till sent them. Shops sorted by name.
    pub fn shop_figures(&mut self, from: i64, to: i64) -> Result<ChainFigures> {
        #[derive(serde::Deserialize)]
        struct Visit {
            gid: String,
            customer: Option<String>,
            at: i64,
            amount: i64,
            refunded: i64,
        }
        #[derive(serde::Deserialize)]
        struct Points {
            at: i64,
            kind: String,
            points: i64,
        }
        use std::collections::{BTreeMap, HashMap};
        // gid → (the shop that first sent it, its latest state).
        let mut visits: HashMap<String, (String, Visit)> = HashMap::new();
        // Every shop that has a till, also one with nothing in the range.
        let mut shops: BTreeMap<String, ShopFigures> = self
            .client
            .query("SELECT DISTINCT shop_id FROM tills", &[])?
            .into_iter()
            .map(|r| (r.get(0), ShopFigures::default()))
            .collect();
        let rows = self.client.query(
            "SELECT shop_id, kind, payload FROM events WHERE kind IN ('visit', 'points') ORDER BY seq",
            &[],
        )?;
        for r in rows {
            let (shop, kind, payload): (String, String, String) = (r.get(0), r.get(1), r.get(2));
            if kind == "visit" {
                let Ok(v) = serde_json::from_str::<Visit>(&payload) else {
                    continue;
                };
                let first = visits.get(&v.gid).map(|(s, _)| s.clone()).unwrap_or(shop);
                visits.insert(v.gid.clone(), (first, v));
            } else if let Ok(p) = serde_json::from_str::<Points>(&payload)
                && (from..to).contains(&p.at)
            {
                let f = shops.entry(shop.clone()).or_default();
                match p.kind.as_str() {
                    "earn" | "referral" => f.points_earned += p.points,
                    "redeem" => f.points_redeemed -= p.points,
                    _ => {}
                }
            }
        }
        let mut per_member: HashMap<(String, String), i64> = HashMap::new();
        let mut in_chain: HashMap<String, i64> = HashMap::new();
        for (shop, v) in visits.values() {
            if !(from..to).contains(&v.at) {
                continue;
            }
            let f = shops.entry(shop.clone()).or_default();
            f.visits += 1;
            f.sales += v.amount;
            f.refunds += v.refunded;
            if let Some(c) = &v.customer {
                *per_member.entry((shop.clone(), c.clone())).or_default() += 1;
                *in_chain.entry(c.clone()).or_default() += 1;
            }
        }
        for ((shop, _), n) in per_member {
            let f = shops.entry(shop).or_default();
            f.members += 1;
            f.returning += i64::from(n >= 2);
        }
        let shops: Vec<ShopFigures> = shops
            .into_iter()
            .map(|(shop_id, f)| ShopFigures { shop_id, ..f })
            .collect();
        let mut total = ShopFigures::default();
        for s in &shops {
            total.visits += s.visits;
            total.sales += s.sales;
            total.refunds += s.refunds;
            total.points_earned += s.points_earned;
            total.points_redeemed += s.points_redeemed;
        }
        total.members = in_chain.len() as i64;
        total.returning = in_chain.values().filter(|n| **n >= 2).count() as i64;
        Ok(ChainFigures { shops, total })
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
