//! Command-line arguments of the customers and their points: `customer`, `sale`, `reward`,
//! `points`, `referral` (the rest of the contract is in `args.rs`).

use clap::Subcommand;
use std::path::PathBuf;

/// A new customer's details, as `customer add` takes them.
#[derive(Debug, clap::Args)]
pub struct AddCustomer {
    #[arg(long)]
    pub name: String,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    /// A friend's referral code (REF-…).
    #[arg(long, value_name = "CODE")]
    pub referred_by: Option<String>,
    /// The language the customer reads: en, lv, sr-Cyrl, sr-Latn, fil or te (default: not
    /// asked, so their pages follow their phone's language).
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
    /// Their birthday as MM-DD, only if they agree to give it (for the birthday reward).
    #[arg(long, value_name = "MM-DD")]
    pub birthday: Option<String>,
    /// They agree to reward news and offers by email or sms (once per channel), with the
    /// standard words in their language (`customer consent` records other words).
    #[arg(long, value_name = "CHANNEL", value_parser = ["email", "sms"])]
    pub consent: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum CustomerCmd {
    /// Enroll a new customer.
    Add(AddCustomer),
    /// Show a customer by card code.
    Show { code: String },
    /// Find customers by code, phone, email or part of the name.
    Find {
        text: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Everything held about a customer, as JSON (data-access requests).
    Export {
        code: String,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Visits, points, ratings, tickets and notes, newest first.
    Timeline {
        code: String,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Add a staff note to a customer's timeline.
    Note {
        code: String,
        text: String,
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// Make two cards one customer (one person with two cards): the card enrolled first stays,
    /// the other's visits, points, vouchers, tickets and notes move to it, and the other card
    /// finds it from now on. On a chain's till the merge reaches every till with the next sync.
    Merge {
        #[arg(value_name = "CARD")]
        a: String,
        #[arg(value_name = "CARD")]
        b: String,
    },
    /// The merge list: customers found to share a phone or email when other tills'
    /// enrolments arrived (merge each pair with `customer merge`).
    Duplicates,
    /// Record the birthday a member agreed to give (month and day only), for the birthday
    /// reward; --clear forgets it.
    Birthday {
        code: String,
        /// MM-DD, e.g. 07-14 for 14 July.
        #[arg(value_name = "MM-DD", required_unless_present = "clear")]
        birthday: Option<String>,
        #[arg(long, conflicts_with = "birthday")]
        clear: bool,
        /// Where they gave it: counter, page or import.
        #[arg(long, default_value = "counter", value_parser = ["counter", "page", "import"])]
        source: String,
    },
    /// Credit the stamps on a member's paper card (once per member), recorded with who did it.
    PaperStamps {
        code: String,
        /// The stamps on the card.
        stamps: i64,
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// Record a member's consent to reward news and offers by email or SMS, or its
    /// withdrawal, with where it was given and the exact words shown (by default the
    /// standard wording in the member's language).
    Consent {
        code: String,
        /// email, sms, or a chat app (whatsapp, viber, telegram, messenger: their messages go
        /// to the chat the member linked; WhatsApp's also to the card's phone).
        #[arg(value_parser = ["email", "sms", "whatsapp", "viber", "telegram", "messenger"])]
        channel: String,
        /// give or withdraw.
        #[arg(value_parser = ["give", "withdraw"])]
        action: String,
        /// Where: counter, page, import or staff (what they said by phone or in person).
        #[arg(long, default_value = "counter", value_parser = ["counter", "page", "import", "staff"])]
        source: String,
        /// The exact words the customer was shown (an import: the words the old system used).
        #[arg(long)]
        wording: Option<String>,
        /// Who recorded it.
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// Erase a customer's name, phone, email and notes; keeps anonymous numbers.
    Erase {
        code: String,
        /// Confirm: erasure cannot be undone.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SaleCmd {
    /// Record one sale; idempotent on --receipt.
    Record {
        /// Amount paid, e.g. 12.50.
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// The customer's card code; leave out for an anonymous sale.
        #[arg(long, value_name = "CODE")]
        customer: Option<String>,
        /// The till's receipt number: recording it again changes nothing.
        #[arg(long, value_name = "POS-NO")]
        receipt: Option<String>,
        /// Print the loyalty receipt on the configured printer (the virtual one by default).
        #[arg(long)]
        print: bool,
        /// Who rang up the sale (a name from `regulars staff list`), for the checks.
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// Refund a sale in full, or part of it with --amount.
    Refund {
        #[arg(long, value_name = "POS-NO")]
        receipt: String,
        #[arg(long, allow_hyphen_values = true)]
        amount: Option<String>,
        /// Who made the refund.
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RewardCmd {
    /// Redeem a reward for a customer (stamp-card voucher first, else points).
    Redeem {
        #[arg(long, value_name = "CODE")]
        customer: String,
        /// Reward id from `reward list`.
        #[arg(long, value_name = "ID")]
        reward: String,
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
    /// The reward catalogue.
    List,
    /// Give the birthday and anniversary vouchers due now (the window and `serve` do it by
    /// themselves).
    Occasions,
}

#[derive(Debug, Subcommand)]
pub enum PointsCmd {
    /// Add or remove points by hand, with a reason and who did it.
    Adjust {
        #[arg(long, value_name = "CODE")]
        customer: String,
        /// Points to add (e.g. 20) or remove (e.g. -15).
        #[arg(long, allow_negative_numbers = true)]
        points: i64,
        #[arg(long)]
        reason: String,
        /// Who made the adjustment.
        #[arg(long, value_name = "NAME")]
        by: String,
        /// Idempotency key: repeating the command with it changes nothing.
        #[arg(long)]
        key: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReferralCmd {
    /// Add a friend's referral code to a customer enrolled without one.
    Attach {
        #[arg(long, value_name = "CODE")]
        customer: String,
        #[arg(long, value_name = "REF-CODE")]
        code: String,
    },
    /// List referrals, newest first.
    List {
        /// Only this status: pending, rewarded or refused.
        #[arg(long, value_parser = ["pending", "rewarded", "refused"])]
        status: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
}

/// `regulars import …`: customers from another system.
#[derive(Debug, Subcommand)]
pub enum ImportCmd {
    /// Customers, their balances and stamps from a CSV file: every row is checked first, and a
    /// file with a bad row imports nothing (each bad row is listed by its line). The same file
    /// twice imports once; a customer already here (same card, phone or email) is matched, not
    /// added again.
    Customers {
        /// The CSV file (UTF-8; a spreadsheet's "CSV UTF-8").
        file: PathBuf,
        /// generic: name,phone,email,card,points,stamps,birthday,language (any order, any
        /// subset with a name, phone or email); square: Square's customer export; loyverse:
        /// Loyverse's.
        #[arg(long, default_value = "generic", value_parser = ["generic", "square", "loyverse"])]
        format: String,
        /// Show what would happen (new, matched, bad) and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows of a file that has bad ones (the bad ones are listed).
        #[arg(long)]
        skip_bad: bool,
        /// Who is importing (kept with the batch and each opening balance; default: the
        /// computer's user name).
        #[arg(long, value_name = "NAME")]
        by: Option<String>,
    },
}

/// `regulars export …`: leaving as easily as coming.
#[derive(Debug, Subcommand)]
pub enum ExportCmd {
    /// Every customer to a CSV file in the generic import format (card, name, phone, email,
    /// points, stamps, birthday, language, tier, joining date, consents with their dates).
    Customers {
        /// The file to write.
        file: PathBuf,
    },
}
