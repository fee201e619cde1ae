//! The customer display: each screen put in the shop's words, shown on the pole display by a
//! thread of its own ([`worker`]) and on the tablet page through the [`DisplayHub`], which also
//! brings a customer who joins on the tablet's QR back to the counter.

pub mod worker;

use crate::domain::display::{MemberShown, Next, Screen};
use crate::domain::money::Currency;
use crate::i18n::Language;
use std::sync::{Arc, Mutex, mpsc};

/// A screen's parts in words, each with its wordings longest first: the pole display takes
/// the first that fits its 20 characters, the tablet shows the first.
pub fn parts(w: &Language, shop: &str, currency: Currency, screen: &Screen) -> Vec<Vec<String>> {
    let t = |id: &str, args: &[crate::i18n::Arg]| w.t_args(id, args);
    let both =
        |id: &str, args: &[crate::i18n::Arg]| vec![t(id, args), t(&format!("{id}-short"), args)];
    match screen {
        Screen::Idle => vec![
            both("display-idle", &[("shop", shop.into())]),
            both("display-idle-more", &[]),
        ],
        Screen::Member(m) => vec![hello(w, m), standing(w, m)],
        Screen::Sale {
            member,
            total,
            points,
        } => {
            let args = [
                ("amount", w.amount(*total, currency).into()),
                ("points", (*points).into()),
            ];
            let now = match &member.ready {
                Some(_) => standing(w, member),
                None => vec![
                    t("display-now", &[("balance", member.balance.into())]),
                    t("display-points", &[("balance", member.balance.into())]),
                ],
            };
            vec![both("display-sale", &args), now]
        }
        Screen::Anonymous { points, .. } => {
            vec![both("display-anonymous", &[("points", (*points).into())])]
        }
        Screen::Test => vec![
            both("display-test", &[]),
            vec![t("display-test-letters", &[])],
        ],
    }
}

/// "Welcome back, Līga", shorter, and the name alone.
fn hello(w: &Language, m: &MemberShown) -> Vec<String> {
    let args = [("name", m.first_name.as_str().into())];
    vec![
        w.t_args("display-hello", &args),
        w.t_args("display-hello-short", &args),
        m.first_name.clone(),
    ]
}

/// What the member stands at: a reward ready, else the balance and what is next.
fn standing(w: &Language, m: &MemberShown) -> Vec<String> {
    let balance = ("balance", m.balance.into());
    if let Some(reward) = &m.ready {
        let args = [("reward", reward.as_str().into())];
        return vec![
            w.t_args("display-ready", &args),
            w.t_args("display-ready-short", &args),
        ];
    }
    let mut out = Vec::new();
    if let Some(Next {
        reward,
        remaining,
        visits,
    }) = &m.next
    {
        let args = [
            balance.clone(),
            ("reward", reward.as_str().into()),
            ("remaining", (*remaining).into()),
        ];
        let id = if *visits {
            "display-visits-next"
        } else {
            "display-points-next"
        };
        out.push(w.t_args(id, &args));
        out.push(w.t_args(&format!("{id}-short"), &args));
    }
    out.push(w.t_args("display-points", &[balance]));
    out
}

/// The member on screen as the display shows them.
pub fn member_shown(c: &crate::store::CustomerView) -> MemberShown {
    let first_name = crate::domain::support::first_name(c.name.as_deref().unwrap_or(""));
    MemberShown {
        first_name: if first_name.is_empty() {
            c.code.clone()
        } else {
            first_name.to_string()
        },
        balance: c.balance,
        next: c
            .progress
            .iter()
            .filter(|p| p.remaining > 0)
            .min_by_key(|p| p.remaining)
            .map(|p| Next {
                reward: p.reward_name.clone(),
                remaining: p.remaining,
                visits: p.unit == "visits",
            }),
        ready: c.rewards_available.first().map(|r| r.reward_name.clone()),
    }
}

/// The tablet screen's address: this till's pages (their printed address when it is on the
/// shop's network, else the address they listen on) and the tablet key.
pub fn tablet_address(
    config: &crate::config::Config,
    secret: &crate::domain::token::ShopSecret,
) -> String {
    use crate::domain::reach::{Scope, scope_of_url};
    let url = &config.portal.public_url;
    let base = match scope_of_url(url) {
        Some(Scope::LocalNetwork | Scope::ThisComputer) => url.trim_end_matches('/').to_string(),
        _ => format!("http://{}", config.portal.bind),
    };
    format!("{base}/display/{}", config.display.tablet_key(secret))
}

/// What the tablet page shows now.
#[derive(Debug, Clone, Default)]
pub struct TabletView {
    /// Bumped with every change.
    pub version: u64,
    /// The screen's parts (see [`parts`]); the tablet shows each part's first wording.
    pub parts: Vec<Vec<String>>,
    /// The join code of the QR, when the screen invites a customer to join.
    pub join: Option<String>,
}

/// Between the counter and the tablet page: the screen now (watched by each open page) and
/// the customers who joined on the tablet's QR, on their way to the counter.
pub struct DisplayHub {
    view: tokio::sync::watch::Sender<Arc<TabletView>>,
    joined_tx: mpsc::Sender<String>,
    joined_rx: Mutex<mpsc::Receiver<String>>,
    /// The join codes a form may carry: the current one and the one before it.
    nonces: Mutex<(String, String)>,
}

fn new_nonce() -> String {
    let bytes: [u8; 10] = rand::random();
    base32::encode(base32::Alphabet::Crockford, &bytes)
}

impl Default for DisplayHub {
    fn default() -> Self {
        let (joined_tx, joined_rx) = mpsc::channel();
        let first = new_nonce();
        DisplayHub {
            view: tokio::sync::watch::Sender::new(Arc::new(TabletView::default())),
            joined_tx,
            joined_rx: Mutex::new(joined_rx),
            nonces: Mutex::new((first.clone(), first)),
        }
    }
}

impl DisplayHub {
    /// Shows `parts` on every open tablet page.
    pub fn show(&self, parts: Vec<Vec<String>>, invites: bool) {
        let join = invites.then(|| self.nonces.lock().expect("nonces").0.clone());
        self.view.send_modify(|v| {
            *v = Arc::new(TabletView {
                version: v.version + 1,
                parts,
                join,
            })
        });
    }

    /// The view now, and a receiver told of each change.
    pub fn watch(&self) -> tokio::sync::watch::Receiver<Arc<TabletView>> {
        self.view.subscribe()
    }

    /// Whether a join form with `nonce` is still welcome.
    pub fn accepts(&self, nonce: &str) -> bool {
        let n = self.nonces.lock().expect("nonces");
        nonce == n.0 || nonce == n.1
    }

    /// A customer joined with the tablet's code: the counter opens them, and the tablet's QR
    /// changes so the next customer's phone does not reuse this one's page.
    pub fn joined(&self, code: String) {
        let _ = self.joined_tx.send(code);
        let mut n = self.nonces.lock().expect("nonces");
        n.1 = std::mem::replace(&mut n.0, new_nonce());
        let fresh = n.0.clone();
        drop(n);
        self.view.send_modify(|v| {
            if v.join.is_some() {
                let mut next = (**v).clone();
                next.version += 1;
                next.join = Some(fresh);
                *v = Arc::new(next);
            }
        });
    }

    /// The customers who joined since the last call (the counter's schedule asks each tick).
    pub fn take_joined(&self) -> Vec<String> {
        self.joined_rx.lock().expect("joined").try_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_every_screen_in_every_language() {
        let m = MemberShown {
            first_name: "Līga".into(),
            balance: 45,
            next: Some(Next {
                reward: "Free coffee".into(),
                remaining: 5,
                visits: false,
            }),
            ready: None,
        };
        let screens = [
            Screen::Idle,
            Screen::Member(m.clone()),
            Screen::Sale {
                member: m.clone(),
                total: 450,
                points: 4,
            },
            Screen::Anonymous {
                total: 450,
                points: 4,
            },
            Screen::Test,
        ];
        for tag in ["en", "lv", "sr-Cyrl", "sr-Latn", "fil", "te"] {
            let w = crate::i18n::catalog().get(tag).unwrap();
            for s in &screens {
                let parts = parts(w, "Corner Coffee", Currency::from_code("EUR").unwrap(), s);
                for wording in parts.iter().flatten() {
                    assert!(!wording.contains("display-"), "{tag}: {wording}");
                    assert!(!wording.is_empty(), "{tag} {s:?}");
                }
            }
        }
    }

    #[test]
    fn a_join_moves_the_code_on() {
        let hub = DisplayHub::default();
        hub.show(vec![vec!["Welcome".into()]], true);
        let first = hub.watch().borrow().join.clone().unwrap();
        assert!(hub.accepts(&first));
        hub.joined("ABC".into());
        let second = hub.watch().borrow().join.clone().unwrap();
        assert_ne!(first, second);
        assert!(hub.accepts(&first) && hub.accepts(&second));
        hub.joined("DEF".into());
        assert!(!hub.accepts(&first));
        assert_eq!(hub.take_joined(), ["ABC", "DEF"]);
    }
}
