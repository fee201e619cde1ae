//! Which settings each group of the settings screen shows: where each is kept in
//! `config.toml`, what it is called on screen (a message id) and what kind of value it takes.

/// The settings screen's groups, as the owner thinks of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Group {
    #[default]
    Shop,
    Points,
    Devices,
    Pages,
    Messages,
    Backups,
    Chain,
    Staff,
    /// Customers from another system's file (no settings of its own).
    Import,
}

impl Group {
    pub const ALL: [Group; 9] = [
        Group::Shop,
        Group::Points,
        Group::Devices,
        Group::Pages,
        Group::Messages,
        Group::Backups,
        Group::Chain,
        Group::Staff,
        Group::Import,
    ];

    /// The message id of the group's name.
    pub fn label(self) -> &'static str {
        match self {
            Group::Shop => "settings-group-shop",
            Group::Points => "settings-group-points",
            Group::Devices => "settings-group-devices",
            Group::Pages => "settings-group-pages",
            Group::Messages => "settings-group-messages",
            Group::Backups => "settings-group-backups",
            Group::Chain => "settings-group-chain",
            Group::Staff => "settings-group-staff",
            Group::Import => "settings-group-import",
        }
    }
}

/// What a setting takes, and so how it is checked and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Any text; empty takes the key out (its default).
    Text,
    /// Text that cannot be empty.
    Needed,
    /// A whole number in this range.
    Whole(i64, i64),
    /// An amount of the shop's currency, typed the shop's way (`1,50` in Riga).
    Amount,
    /// One of these values (each shown by its message id).
    Choice(&'static [(&'static str, &'static str)]),
    /// A shipped language.
    Language,
    /// An ISO currency code.
    Currency,
    /// A country calling code: `+371`.
    CallingCode,
    /// A length of time: `6h`, `30m`, `1d`.
    Every,
    /// A time of day (`22:00`) or `off`.
    TimeOrOff,
    /// An address starting with one of these schemes.
    Address(&'static [&'static str]),
    /// An email address.
    Email,
    /// A password, kept in a file of its own beside `config.toml` (never shown again).
    Secret(&'static str),
    /// On or off.
    Flag,
    /// A reward of the catalogue; with `true`, none is a choice (and takes the table out).
    Reward(bool),
}

/// One setting on the screen.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub group: Group,
    /// Its table in `config.toml`, dotted: `program.stamps`.
    pub table: &'static str,
    pub key: &'static str,
    /// The message id of its label; `<label>-help` is its help text where there is one.
    pub label: &'static str,
    pub kind: Kind,
}

const fn spec(
    group: Group,
    table: &'static str,
    key: &'static str,
    label: &'static str,
    kind: Kind,
) -> Spec {
    Spec {
        group,
        table,
        key,
        label,
        kind,
    }
}

const ROUNDING: &[(&str, &str)] = &[
    ("down", "set-rounding-down"),
    ("nearest", "set-rounding-nearest"),
    ("up", "set-rounding-up"),
];
const TLS: &[(&str, &str)] = &[
    ("starttls", "set-tls-starttls"),
    ("tls", "set-tls-tls"),
    ("none", "set-tls-none"),
];
const GATEWAYS: &[(&str, &str)] = &[
    ("android", "set-gateway-android"),
    ("form", "set-gateway-form"),
    ("json", "set-gateway-json"),
];

use Group::*;
use Kind::*;

/// Every setting the screen shows, in order within each group.
pub const SPECS: &[Spec] = &[
    spec(Shop, "shop", "name", "set-shop-name", Needed),
    spec(Shop, "shop", "language", "set-shop-language", Language),
    spec(Shop, "shop", "currency", "set-shop-currency", Currency),
    spec(
        Shop,
        "shop",
        "country_code",
        "set-shop-country-code",
        CallingCode,
    ),
    spec(Points, "program", "points", "set-points", Whole(1, 1000)),
    spec(Points, "program", "per", "set-per", Amount),
    spec(
        Points,
        "program",
        "rounding",
        "set-rounding",
        Choice(ROUNDING),
    ),
    spec(Points, "program", "min_spend", "set-min-spend", Amount),
    spec(
        Points,
        "program",
        "expiry_days",
        "set-expiry-days",
        Whole(0, 3650),
    ),
    spec(
        Points,
        "program.stamps",
        "every",
        "set-stamps-every",
        Whole(0, 100),
    ),
    spec(
        Points,
        "program.stamps",
        "reward",
        "set-stamps-reward",
        Reward(false),
    ),
    spec(
        Points,
        "program",
        "paper_stamps_max",
        "set-paper-stamps-max",
        Whole(0, 1000),
    ),
    spec(
        Points,
        "program.referral",
        "referrer_bonus",
        "set-referrer-bonus",
        Whole(0, 100_000),
    ),
    spec(
        Points,
        "program.referral",
        "friend_bonus",
        "set-friend-bonus",
        Whole(0, 100_000),
    ),
    spec(
        Points,
        "program.referral",
        "cap_per_30_days",
        "set-referral-cap",
        Whole(0, 100),
    ),
    spec(
        Points,
        "program.birthday",
        "reward",
        "set-birthday-reward",
        Reward(true),
    ),
    spec(
        Points,
        "program.birthday",
        "days",
        "set-birthday-days",
        Whole(1, 365),
    ),
    spec(
        Points,
        "program.anniversary",
        "reward",
        "set-anniversary-reward",
        Reward(true),
    ),
    spec(
        Points,
        "program.anniversary",
        "days",
        "set-anniversary-days",
        Whole(1, 365),
    ),
    spec(
        Points,
        "program.welcome_back",
        "reward",
        "set-welcome-back-reward",
        Reward(true),
    ),
    spec(
        Points,
        "program.welcome_back",
        "days",
        "set-welcome-back-days",
        Whole(1, 365),
    ),
    spec(
        Pages,
        "portal",
        "public_url",
        "set-public-url",
        Address(&["https", "http"]),
    ),
    spec(Pages, "portal", "bind", "set-bind", Text),
    spec(Pages, "portal", "behind_proxy", "set-behind-proxy", Flag),
    spec(
        Messages,
        "email",
        "smtp",
        "set-smtp",
        Address(&["smtp", "smtps"]),
    ),
    spec(Messages, "email", "tls", "set-tls", Choice(TLS)),
    spec(Messages, "email", "username", "set-email-username", Text),
    spec(
        Messages,
        "email",
        "password",
        "set-email-password",
        Secret("smtp.pass"),
    ),
    spec(Messages, "email", "from", "set-email-from", Email),
    spec(
        Messages,
        "sms",
        "gateway",
        "set-sms-gateway",
        Choice(GATEWAYS),
    ),
    spec(
        Messages,
        "sms",
        "url",
        "set-sms-url",
        Address(&["https", "http"]),
    ),
    spec(Messages, "sms", "username", "set-sms-username", Text),
    spec(
        Messages,
        "sms",
        "password",
        "set-sms-password",
        Secret("sms.pass"),
    ),
    spec(
        Messages,
        "messages",
        "follow_up_every_days",
        "set-follow-up-days",
        Whole(1, 60),
    ),
    spec(
        Messages,
        "messages",
        "follow_ups",
        "set-follow-ups",
        Whole(0, 10),
    ),
    spec(Backups, "backup", "to", "set-backup-to", Text),
    spec(Backups, "backup", "every", "set-backup-every", Every),
    spec(
        Backups,
        "backup",
        "end_of_day",
        "set-backup-end-of-day",
        TimeOrOff,
    ),
    spec(
        Backups,
        "backup",
        "keep_daily",
        "set-keep-daily",
        Whole(0, 1000),
    ),
    spec(
        Backups,
        "backup",
        "keep_weekly",
        "set-keep-weekly",
        Whole(0, 1000),
    ),
    spec(
        Backups,
        "backup",
        "keep_monthly",
        "set-keep-monthly",
        Whole(0, 1000),
    ),
    spec(
        Chain,
        "central",
        "url",
        "set-central-url",
        Address(&["postgresql", "postgres"]),
    ),
    spec(Chain, "central", "shop_id", "set-shop-id", Text),
    spec(Chain, "central", "till_id", "set-till-id", Text),
    spec(
        Staff,
        "staff",
        "owner_pin_above",
        "set-owner-pin-above",
        Amount,
    ),
    // The checks on what does not add up (0 turns one off).
    spec(
        Staff,
        "alerts",
        "card_transactions_per_day",
        "set-alerts-card-day",
        Whole(0, 1000),
    ),
    spec(Staff, "alerts", "own_card", "set-alerts-own-card", Flag),
    spec(
        Staff,
        "alerts",
        "adjustments_per_week",
        "set-alerts-adjustments",
        Whole(0, 1000),
    ),
    spec(
        Staff,
        "alerts",
        "refund_after_redeem",
        "set-alerts-refund",
        Flag,
    ),
    spec(
        Staff,
        "alerts",
        "claim_after_hours",
        "set-alerts-claim-hours",
        Whole(0, 24 * 30),
    ),
    spec(
        Staff,
        "alerts",
        "claims_per_week",
        "set-alerts-claims",
        Whole(0, 1000),
    ),
    spec(
        Staff,
        "alerts",
        "split_sales",
        "set-alerts-split",
        Whole(0, 100),
    ),
    spec(
        Staff,
        "alerts",
        "split_minutes",
        "set-alerts-split-minutes",
        Whole(0, 24 * 60),
    ),
    spec(Staff, "alerts", "opening_hours", "set-alerts-hours", Text),
    spec(
        Staff,
        "alerts",
        "referrals_per_week",
        "set-alerts-referrals",
        Whole(0, 1000),
    ),
    spec(Staff, "alerts", "email", "set-alerts-email", Email),
];

/// The settings of one group.
pub fn of(group: Group) -> impl Iterator<Item = (usize, &'static Spec)> {
    SPECS
        .iter()
        .enumerate()
        .filter(move |(_, s)| s.group == group)
}
