//! One sync with the central store: push this till's outbox in batches, then pull and apply
//! what other tills wrote, then report this till's standing. Used by `regulars sync`, and by
//! the background worker of the window and `serve`.
//!
//! Every step can fail without loss: an event leaves the outbox only once the central store
//! has answered for it, and a pulled batch is applied together with the cursor it reaches, so
//! a crash or a dead network at any point just means the next sync does the rest.

use crate::central::{Central, CentralError, TillReport};
use crate::config::CentralConfig;
use crate::store::{Redeemed, Store, StoreError};
use serde::Serialize;

/// Events per push or pull while there are few to send or take.
pub const BATCH: usize = 500;

/// Events per push or pull at most while catching up (a shop joining a chain with its history,
/// a new page server): each full batch doubles the next, up to this. One pull is applied in
/// one transaction, which the counter's writes wait for (about a fifth of a second at this
/// size), and fewer, larger transactions write the pages the events share (a customer's, the
/// day's figures) once, with fewer round trips to the central store.
pub const CATCH_UP_BATCH: usize = 8_000;

/// Seconds before a redemption asked of the central store and not recorded here counts as
/// left behind.
const HOLD_GRACE: i64 = 60;

/// What one sync did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Synced {
    pub sent: i64,
    pub duplicates: i64,
    pub rejected: i64,
    pub received: i64,
    pub problems: i64,
    /// Events still waiting here (0 after a sync that reached the end).
    pub to_send: i64,
    pub cursor: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Central(#[from] CentralError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("this till has no [central] section in config.toml: set url, shop_id and till_id")]
    NotConfigured,
}

/// One sync at a time in a process: the background worker's and a page server's fetch when
/// asked for a receipt it has not seen would otherwise take the same batches twice (and, while
/// a new page server catches up, fight over its database for minutes).
static SYNCING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// When the last sync in this process began.
static BEGUN: std::sync::Mutex<Option<std::time::Instant>> = std::sync::Mutex::new(None);

fn one_at_a_time<T>(guard: std::sync::MutexGuard<'_, ()>, sync: impl FnOnce() -> T) -> T {
    *BEGUN.lock().unwrap_or_else(|e| e.into_inner()) = Some(std::time::Instant::now());
    let done = sync();
    drop(guard);
    done
}

/// Joins the chain if this till has not yet, then syncs once (after any sync under way in this
/// process). Records the contact (or the failure, for "offline since") in the till's database
/// either way.
pub fn sync_once(store: &mut Store, config: &CentralConfig, now: i64) -> Result<Synced, SyncError> {
    let guard = SYNCING.lock().unwrap_or_else(|e| e.into_inner());
    one_at_a_time(guard, || sync_now(store, config, now))
}

/// A page server's fetch of the chain's news when asked, at `asked`, for a receipt it has not
/// seen: a sync, unless one that began after `asked` has run meanwhile (it brought whatever
/// there was). Waits at most `wait` for a sync under way, and gives up after it (`None`: a new
/// page server catching up with a long history, where the page says the receipt is on its way
/// instead of holding the phone for minutes).
pub fn fetch_news(
    asked: std::time::Instant,
    wait: std::time::Duration,
    open: impl FnOnce() -> Option<Store>,
    config: &CentralConfig,
    now: i64,
) -> Option<Result<Synced, SyncError>> {
    let guard = loop {
        match SYNCING.try_lock() {
            Ok(g) => break g,
            Err(std::sync::TryLockError::Poisoned(e)) => break e.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) if asked.elapsed() < wait => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    };
    let began = *BEGUN.lock().unwrap_or_else(|e| e.into_inner());
    if began.is_some_and(|b| b >= asked) {
        return Some(Ok(Synced::default()));
    }
    let mut store = open()?;
    Some(one_at_a_time(guard, || sync_now(&mut store, config, now)))
}

fn sync_now(store: &mut Store, config: &CentralConfig, now: i64) -> Result<Synced, SyncError> {
    store.write(|t| t.chain().join_chain(&config.till_id, &config.shop_id))?;
    let result = Central::open(&config.url)
        .map_err(SyncError::from)
        .and_then(|mut central| exchange_with(&mut central, store, config, now));
    let error = result.as_ref().err().map(|e| e.to_string());
    store.write(|t| t.chain().note_contact(now, error.as_deref()))?;
    result
}

/// Sends what this till has waiting to the central store, and nothing else (no pull): right
/// after a sale, so its receipt opens at the chain's page server at once. Only for a till that
/// has joined the chain (its first sync does that); `None` for one that has not.
pub fn send_now(
    store: &mut Store,
    config: &CentralConfig,
    now: i64,
) -> Result<Option<Synced>, SyncError> {
    let Some(state) = store.read(|t| t.chain().sync_state())? else {
        return Ok(None);
    };
    if store.read(|t| t.chain().till_number())?.is_none() {
        return Ok(None);
    }
    let mut central = Central::open(&config.url)?;
    // The same check as every sync: this database is the till it says it is.
    central.claim_till(&config.till_id, &state.instance)?;
    let mut done = Synced::default();
    push_all(&mut central, store, config, now, &mut done)?;
    done.to_send = store
        .read(|t| t.chain().sync_state())?
        .map_or(0, |s| s.to_send);
    store.write(|t| t.chain().note_contact(now, None))?;
    Ok(Some(done))
}

fn exchange_with(
    central: &mut Central,
    store: &mut Store,
    config: &CentralConfig,
    now: i64,
) -> Result<Synced, SyncError> {
    // Redemptions the central store granted that never got recorded here (a crash, a lost
    // answer): give their points back. A minute's grace leaves one in progress alone.
    for key in store.read(|t| t.chain().holds_left_behind(now - HOLD_GRACE))? {
        central.release(&key)?;
        store.write(|t| t.chain().hold_settled(&key))?;
    }
    // Every sync: this database is the till it says it is (the first to sync as it).
    let instance = store
        .read(|t| t.chain().sync_state())?
        .expect("joined before any exchange")
        .instance;
    let number = central.claim_till(&config.till_id, &instance)?;
    if store.read(|t| t.chain().till_number())?.is_none() {
        store.write(|t| t.chain().set_till_number(number))?;
    }
    // The chain's secret, so this till's receipts open in every shop's customer pages.
    if !store.read(|t| t.counter().has_chain_secret())? {
        let secret = central.chain_secret()?;
        store.write(|t| t.counter().set_chain_secret(&secret))?;
    }
    // The shops' names before their events: a page server names the shop of every receipt
    // it takes (a till names its shop before it sends anything).
    central.name_shop(&config.shop_id, &config.shop_name)?;
    if let Some(url) = &config.pages_url {
        central.name_page_server(&config.till_id, url)?;
    }
    let directory = central.directory()?;
    store.write(|t| t.chain().set_directory(&directory))?;
    let mut done = Synced::default();
    push_all(central, store, config, now, &mut done)?;
    let pulled = pull_all(central, store, config, now, &mut done);
    if done.received >= CATCH_UP_BATCH as i64 {
        store.catch_up_mode(false)?;
    }
    pulled?;
    // Refunds made here take back what the central store says is left across the chain.
    let reversals = store.write(|t| t.chain().reversals_due(now))?;
    for r in &reversals {
        let asked = crate::central::Reversal {
            customer: &r.customer,
            visit: &r.visit,
            earned: r.earned,
            points: r.points,
        };
        let taken = central.take_up_to(&r.key, &asked, &config.till_id)?;
        store.write(|t| t.chain().settle_reversal(r, taken))?;
    }
    if !reversals.is_empty() {
        push_all(central, store, config, now, &mut done)?;
    }
    let state = store
        .read(|t| t.chain().sync_state())?
        .expect("joined at the start of the sync");
    done.to_send = state.to_send;
    central.report(&TillReport {
        till_id: config.till_id.clone(),
        shop_id: config.shop_id.clone(),
        last_contact: 0,
        cursor: state.cursor,
        to_send: state.to_send,
        oldest_unsent: state.oldest_unsent,
    })?;
    Ok(done)
}

/// Takes and applies what other tills wrote, in batches that grow while they come full (up to
/// [`CATCH_UP_BATCH`], four times that on a page server, where no counter waits on the
/// database), switching the store to catching up once a long history is coming in.
fn pull_all(
    central: &mut Central,
    store: &mut Store,
    config: &CentralConfig,
    now: i64,
    done: &mut Synced,
) -> Result<(), SyncError> {
    let most = match config.pages_url {
        Some(_) => 4 * CATCH_UP_BATCH,
        None => CATCH_UP_BATCH,
    };
    let mut batch = BATCH;
    loop {
        let (cursor, copied) = store.read(|t| {
            let chain = t.chain();
            Ok((chain.sync_state()?.map_or(0, |s| s.cursor), chain.copied()?))
        })?;
        let events = match &copied {
            // What a copy of the chain holds of the till it copied is not read again.
            Some((till, through)) => {
                central.pull_skipping(&config.till_id, cursor, (till, *through), batch as i64)?
            }
            None => central.pull(&config.till_id, cursor, batch as i64)?,
        };
        if let (true, Some((_, through))) = (events.is_empty(), &copied) {
            store.write(|t| t.chain().skip_to(*through))?;
            continue;
        }
        if events.is_empty() {
            done.cursor = cursor;
            return Ok(());
        }
        if events.len() == batch {
            batch = (batch * 2).min(most);
        }
        let before = done.received;
        let applied = store.write(|t| t.chain().apply_remote(&events, now))?;
        done.received += applied.applied;
        done.problems += applied.problems;
        if before < CATCH_UP_BATCH as i64 && done.received >= CATCH_UP_BATCH as i64 {
            store.catch_up_mode(true)?;
        }
    }
}

/// Sends the whole outbox in batches, each marked sent once the central store answered.
fn push_all(
    central: &mut Central,
    store: &mut Store,
    config: &CentralConfig,
    now: i64,
    done: &mut Synced,
) -> Result<(), SyncError> {
    let mut size = BATCH;
    loop {
        let batch = store.write(|t| t.chain().outbox(size))?;
        if batch.is_empty() {
            return Ok(());
        }
        if batch.len() == size {
            size = (size * 2).min(CATCH_UP_BATCH);
        }
        let answers = central.push(&config.shop_id, &config.till_id, &batch)?;
        for (_, a) in &answers {
            match a {
                crate::store::Answer::Stored => done.sent += 1,
                crate::store::Answer::Duplicate => done.duplicates += 1,
                crate::store::Answer::Rejected => done.rejected += 1,
            }
        }
        store.write(|t| t.chain().mark_sent(&batch, &answers, now))?;
    }
}

/// How a chain's till paid a redemption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RedeemedVia {
    /// A stamp-card voucher (the other tills hear of its use at the sync that follows).
    Voucher,
    /// Points the central store took across the chain, in one guarded transaction.
    Central,
    /// Points redeemed while the central store could not be reached, from the till's
    /// allowance for the customer for the day.
    Allowance,
}

/// Redeems a reward: through the central store on a chain's till (with how it was paid),
/// else in this till's database alone.
pub fn redeem(
    store: &mut Store,
    central: Option<&CentralConfig>,
    code: &str,
    reward: &str,
    now: i64,
    actor: Option<&str>,
) -> Result<(Redeemed, Option<RedeemedVia>), SyncError> {
    match central {
        Some(central) => {
            redeem_in_chain(store, central, code, reward, now, actor).map(|(r, via)| (r, Some(via)))
        }
        None => Ok((
            store.write(|t| t.loyalty().redeem(code, reward, now, actor))?,
            None,
        )),
    }
}

/// Redeems a reward on a chain's till. Points are spent only where the central store agrees
/// they are there across every shop (after sending this till's own events and fetching the
/// others'), so two shops cannot spend the same points; when it cannot be reached, only
/// within `offline_redeem_allowance` per customer per day, and beyond that the cashier is told
/// that redeeming needs the connection (the sale itself never waits on it).
pub fn redeem_in_chain(
    store: &mut Store,
    config: &CentralConfig,
    code: &str,
    reward: &str,
    now: i64,
    actor: Option<&str>,
) -> Result<(Redeemed, RedeemedVia), SyncError> {
    store.write(|t| t.chain().join_chain(&config.till_id, &config.shop_id))?;
    let (cost, _, _) = store.read(|t| t.loyalty().redemption_cost(code, reward, now))?;
    let mut central = match Central::open(&config.url) {
        Ok(c) => c,
        Err(CentralError::Unreachable { .. }) => {
            store.write(|t| t.chain().note_contact(now, Some("unreachable")))?;
            if cost == 0 {
                // The stamp card was earned: its voucher is used here, and told at the next
                // sync.
                let r = store.write(|t| t.loyalty().redeem(code, reward, now, actor))?;
                return Ok((r, RedeemedVia::Voucher));
            }
            return offline(store, config, code, reward, cost, now, actor);
        }
        Err(e) => return Err(e.into()),
    };
    // What the other tills did first: a voucher used at another shop is not there to use.
    exchange_with(&mut central, store, config, now)?;
    let (cost, gid, name) = store.read(|t| t.loyalty().redemption_cost(code, reward, now))?;
    if cost == 0 {
        let r = store.write(|t| t.loyalty().redeem(code, reward, now, actor))?;
        let _ = exchange_with(&mut central, store, config, now);
        return Ok((r, RedeemedVia::Voucher));
    }
    let gid = gid.expect("a chain's customers have global ids once joined");
    let key = format!("{:032x}", rand::random::<u128>());
    store.write(|t| t.chain().hold_asked(&key, now))?;
    match central.redeem(&key, &gid, cost, &config.till_id)? {
        crate::central::Hold::Refused { balance } => {
            store.write(|t| t.chain().hold_settled(&key))?;
            Err(StoreError::NotEnoughPoints {
                what: name,
                needed: cost,
                balance,
            }
            .into())
        }
        crate::central::Hold::Granted { .. } => {
            match store.write(|t| {
                t.loyalty()
                    .redeem_held(code, reward, now, actor, Some(&key))
            }) {
                Ok(r) => {
                    // Send the spend now; if that fails the next sync does (the hold stands).
                    let _ = exchange_with(&mut central, store, config, now);
                    Ok((r, RedeemedVia::Central))
                }
                Err(e) => {
                    central.release(&key)?;
                    store.write(|t| t.chain().hold_settled(&key))?;
                    Err(e.into())
                }
            }
        }
    }
}

fn offline(
    store: &mut Store,
    config: &CentralConfig,
    code: &str,
    reward: &str,
    cost: i64,
    now: i64,
    actor: Option<&str>,
) -> Result<(Redeemed, RedeemedVia), SyncError> {
    let day = now - now.rem_euclid(86_400);
    let used = store.read(|t| t.loyalty().redeemed_offline_since(code, day))?;
    let left = (config.offline_redeem_allowance - used).max(0);
    if cost > left {
        return Err(StoreError::NeedsConnection { needed: cost, left }.into());
    }
    let r = store.write(|t| t.loyalty().redeem(code, reward, now, actor))?;
    Ok((r, RedeemedVia::Allowance))
}

/// What the background sync found, for the counter's device bar.
#[derive(Debug, Clone)]
pub struct SyncNews {
    pub state: Option<crate::store::SyncState>,
    /// Why this sync failed, when it did.
    pub error: Option<String>,
}

/// Syncs every `[central] every` seconds until `stop` (the window's and `serve`'s background
/// sync) with the chain's `central` store, each time on a connection of its own to the till's
/// database (`opener`), and tells `news` how it went, in the shop's `words`. Each word on
/// `sales` (a sale just recorded) sends what is waiting at once, so its receipt opens at the
/// chain's page server without waiting for the next sync.
pub fn worker(
    opener: crate::datadir::StoreOpener,
    central: CentralConfig,
    words: crate::i18n::Words,
    sales: std::sync::mpsc::Receiver<()>,
    news: std::sync::mpsc::Sender<SyncNews>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    let mut next = crate::clock::now() + 2;
    let mut sold = false;
    while !stop.load(std::sync::atomic::Ordering::SeqCst) {
        let now = crate::clock::now();
        if now >= next {
            sold = false;
            next = now + central.every as i64;
            let outcome = opener
                .open(now)
                .map_err(|e| e.to_string())
                .map(|mut store| {
                    let done = sync_once(&mut store, &central, now)
                        .map_err(|e| super::errors::sync_error(&words, &e));
                    let state = store.read(|t| t.chain().sync_state()).ok().flatten();
                    (state, done.err())
                });
            let (state, error) = match outcome {
                Ok(v) => v,
                Err(e) => (None, Some(e)),
            };
            if let Some(e) = &error {
                eprintln!("sync failed: {e}");
            }
            // Nobody listening (plain `serve`) is fine: the sync itself is the point.
            let _ = news.send(SyncNews { state, error });
        } else if std::mem::take(&mut sold)
            && let Ok(mut store) = opener.open(now)
            && let Err(e) = send_now(&mut store, &central, now)
        {
            // The next sync tries again, and the device bar says so if it fails too.
            eprintln!("sending the sale failed: {e}");
        }
        let wait = std::time::Duration::from_millis(500);
        match sales.recv_timeout(wait) {
            Ok(()) => sold = true,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => std::thread::sleep(wait),
        }
    }
}
