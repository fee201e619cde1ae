//! Switching in and out: a customer file read for the shop (its calling code, its languages),
//! each fault of a row in the reader's words, and every customer written back in the generic
//! format. Shared by `regulars import/export customers` and the window's Settings.

use crate::domain::import::{
    BadRow, EXPORT_ONLY, EXPORT_READ, FileFault, Format, Parsed, Reading, RowFault, consent_headers,
};
use crate::domain::messages::Channel;
use crate::domain::spreadsheet::safe_cell;
use crate::i18n::Language;
use crate::store::{BatchView, ImportPlan, RosterRow, RowAction, Store};
use std::path::Path;

/// Reads the customer file at `path` in `format`, for a shop with this calling code.
pub fn read(
    w: &Language,
    path: &Path,
    format: Format,
    country_code: Option<&str>,
    now: i64,
) -> Result<Parsed, String> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        w.t_args(
            "import-file-unreadable",
            &[
                ("file", file.clone().into()),
                ("error", e.to_string().into()),
            ],
        )
    })?;
    let languages = crate::i18n::catalog().tags();
    crate::domain::import::parse(
        &bytes,
        &Reading {
            format,
            country_code,
            languages: &languages,
            now,
        },
    )
    .map_err(|f| file_fault(w, &file, &f))
}

/// Why a whole file was refused, in words.
pub fn file_fault(w: &Language, file: &str, f: &FileFault) -> String {
    let file = ("file", file.to_string().into());
    match f {
        FileFault::NotText => w.t_args("import-file-not-text", &[file]),
        FileFault::Empty => w.t_args("import-file-empty", &[file]),
        FileFault::NoColumns { format, found } => w.t_args(
            "import-file-no-columns",
            &[
                file,
                ("format", format.as_str().into()),
                ("found", found.clone().into()),
            ],
        ),
    }
}

/// "line 7: '12ab' is not a phone number; the same email as line 3".
pub fn bad_row(w: &Language, b: &BadRow) -> String {
    let faults: Vec<String> = b.faults.iter().map(|f| fault(w, f)).collect();
    w.t_args(
        "import-line",
        &[
            ("line", (b.line as i64).into()),
            ("faults", faults.join("; ").into()),
        ],
    )
}

/// One fault in words.
pub fn fault(w: &Language, f: &RowFault) -> String {
    let text = |id: &str, t: &str| w.t_args(id, &[("text", t.to_string().into())]);
    let line = |id: &str, l: u64| w.t_args(id, &[("line", (l as i64).into())]);
    let channel = |c: &Channel| ("channel", c.app_name().into());
    match f {
        RowFault::Unreadable { detail } => w.t_args(
            "import-fault-unreadable",
            &[("detail", detail.clone().into())],
        ),
        RowFault::Cells { found, header } => w.t_args(
            "import-fault-cells",
            &[
                ("found", (*found as i64).into()),
                ("header", (*header as i64).into()),
            ],
        ),
        RowFault::Nobody => w.t("import-fault-nobody"),
        RowFault::NoName => w.t("import-fault-no-name"),
        RowFault::NameTooLong => w.t("import-fault-name-long"),
        RowFault::Phone { text: t } => text("import-fault-phone", t),
        RowFault::Email { text: t } => text("import-fault-email", t),
        RowFault::Card { text: t } => text("import-fault-card", t),
        RowFault::Points { text: t } => text("import-fault-points", t),
        RowFault::NegativePoints { text: t } => text("import-fault-negative", t),
        RowFault::Stamps { text: t } => text("import-fault-stamps", t),
        RowFault::Birthday { text: t } => text("import-fault-birthday", t),
        RowFault::Language { text: t, known } => w.t_args(
            "import-fault-language",
            &[("text", t.clone().into()), ("known", known.clone().into())],
        ),
        RowFault::ConsentDate {
            channel: c,
            text: t,
        } => w.t_args(
            "import-fault-consent-date",
            &[channel(c), ("text", t.clone().into())],
        ),
        RowFault::ConsentHalf { channel: c } => {
            w.t_args("import-fault-consent-half", &[channel(c)])
        }
        RowFault::SamePhone { line: l } => line("import-fault-same-phone", *l),
        RowFault::SameEmail { line: l } => line("import-fault-same-email", *l),
        RowFault::SameCard { line: l } => line("import-fault-same-card", *l),
        RowFault::TwoCustomers { first, second } => w.t_args(
            "import-fault-two",
            &[
                ("first", first.clone().into()),
                ("second", second.clone().into()),
            ],
        ),
        RowFault::CardTaken { text: t } => text("import-fault-card-taken", t),
    }
}

/// "3 new customers, 1 matched, 1 bad rows; 160 points and 12 stamps to credit."
pub fn summary(w: &Language, plan: &ImportPlan) -> String {
    let count = |a: RowAction| plan.rows.iter().filter(|p| p.action == a).count() as i64;
    let sum = |f: fn(&crate::store::PlannedRow) -> i64| plan.rows.iter().map(f).sum::<i64>();
    w.t_args(
        "import-summary",
        &[
            ("new", count(RowAction::New).into()),
            ("matched", count(RowAction::Matched).into()),
            ("bad", (plan.bad.len() as i64).into()),
            ("points", sum(|p| p.points).into()),
            ("stamps", sum(|p| p.stamps).into()),
        ],
    )
}

/// "Imported customers.csv: 3 new customers, …" or, for a file imported before, when and by whom.
pub fn batch_words(w: &Language, file: &str, b: &BatchView, already: bool) -> String {
    if already {
        return w.t_args(
            "import-already",
            &[
                ("file", file.to_string().into()),
                ("when", w.date_time(b.at).into()),
                ("actor", b.actor.clone().into()),
                ("batch", b.id.into()),
            ],
        );
    }
    w.t_args(
        "import-done",
        &[
            ("file", file.to_string().into()),
            ("new", b.created.into()),
            ("matched", b.matched.into()),
            ("skipped", b.skipped.into()),
            ("points", b.points.into()),
            ("stamps", b.stamps.into()),
            ("batch", b.id.into()),
        ],
    )
}

/// Writes every customer to `path` in the generic format (to a `.part` file beside it, renamed
/// when whole, so a failed export leaves no half file). Returns how many were written.
pub fn export(store: &mut Store, path: &Path, now: i64) -> anyhow::Result<u64> {
    let part = path.with_extension("csv.part");
    let written = write_export(store, &part, now);
    match written {
        Ok(count) => {
            std::fs::rename(&part, path)?;
            Ok(count)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&part);
            Err(e)
        }
    }
}

fn write_export(store: &mut Store, part: &Path, now: i64) -> anyhow::Result<u64> {
    let file = std::fs::File::create(part)?;
    let mut out = csv::Writer::from_writer(std::io::BufWriter::new(&file));
    let mut header: Vec<String> = EXPORT_READ.iter().map(|s| s.to_string()).collect();
    header.extend(EXPORT_ONLY.iter().map(|s| s.to_string()));
    for c in Channel::ALL {
        header.extend(consent_headers(c));
    }
    out.write_record(&header)?;
    let (mut count, mut failed) = (0u64, None);
    store.read(|tx| {
        tx.people().roster(now, &mut |r| {
            if failed.is_none() {
                let cells = record(&r);
                match out.write_record(cells.iter().map(|c| safe_cell(c).into_owned())) {
                    Ok(()) => count += 1,
                    Err(e) => failed = Some(e),
                }
            }
            Ok(())
        })
    })?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    out.flush()?;
    drop(out);
    file.sync_all()?;
    Ok(count)
}

/// A customer's cells, in the export header's order.
fn record(r: &RosterRow) -> Vec<String> {
    let date = |t: i64| {
        jiff::Timestamp::from_second(t)
            .map(|t| t.to_string())
            .unwrap_or_default()
    };
    let mut cells = vec![
        r.code.clone(),
        r.name.clone(),
        r.phone.clone().unwrap_or_default(),
        r.email.clone().unwrap_or_default(),
        r.balance.to_string(),
        r.stamps.to_string(),
        r.birthday.clone().unwrap_or_default(),
        r.language.clone().unwrap_or_default(),
        r.tier.clone().unwrap_or_default(),
        jiff::Timestamp::from_second(r.enrolled_at)
            .map(|t| t.strftime("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    ];
    for c in Channel::ALL {
        match r.consents.iter().find(|g| g.channel == c) {
            Some(g) => cells.extend([date(g.at), g.wording.clone()]),
            None => cells.extend([String::new(), String::new()]),
        }
    }
    cells
}
