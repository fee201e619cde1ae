//! Settings → Import customers: a file and its format, the dry run as a table (bad rows first,
//! in the error colour, each with what is wrong), then the import with its progress. The work
//! runs on a thread of its own against the shop's database, so the window keeps drawing.

use crate::config::Config;
use crate::datadir::DataDir;
use crate::domain::import::{Format, Parsed};
use crate::i18n::Language;
use crate::services::switching;
use crate::store::{ImportBatch, RowAction};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, mpsc};

/// Rows of the dry run shown (the bad ones first); the summary counts them all.
const SHOWN: usize = 300;

/// One row of the dry run's table.
struct Line {
    line: u64,
    what: String,
    name: String,
    card: String,
    points: i64,
    stamps: i64,
    problem: Option<String>,
}

/// A file checked: what importing it would do.
struct Checked {
    parsed: Arc<Parsed>,
    summary: String,
    lines: Vec<Line>,
    bad: usize,
    good: usize,
    /// Imported before: nothing to do.
    already: Option<String>,
}

enum Done {
    Checked(Result<Checked, String>),
    Imported(bool, String),
}

/// The import pane.
#[derive(Default)]
pub struct ImportForm {
    pub path: String,
    format: Option<Format>,
    skip_bad: bool,
    checked: Option<Checked>,
    work: Option<mpsc::Receiver<Done>>,
    progress: Arc<(AtomicU64, AtomicU64)>,
    /// What the last step said (true when it went well).
    pub said: Option<(bool, String)>,
}

impl ImportForm {
    /// Draws the pane; `dir` and `config` are the shop's.
    /// With `focus`, the file's field takes the cursor (the pane was just opened).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        w: &Language,
        (dir, config): (&DataDir, &Config),
        focus: bool,
    ) {
        self.collect();
        let format = *self.format.get_or_insert(Format::Generic);
        ui.horizontal(|ui| {
            let l = ui.label(w.t("import-file"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.path)
                        .id_salt("import-file")
                        .hint_text(w.t("import-file-hint"))
                        .desired_width(420.0),
                )
                .labelled_by(l.id);
            if focus {
                r.request_focus();
            }
            if r.changed() {
                self.checked = None;
            }
        });
        let busy = self.work.is_some();
        let mut check = false;
        ui.horizontal(|ui| {
            ui.label(w.t("import-format"));
            for f in [Format::Generic, Format::Square, Format::Loyverse] {
                let label = w.t(&format!("import-format-{}", f.as_str()));
                let help = w.t(&format!("import-format-{}-help", f.as_str()));
                if ui.radio(format == f, label).on_hover_text(help).clicked() && format != f {
                    self.format = Some(f);
                    self.checked = None;
                }
            }
            ui.add_space(12.0);
            // Never disabled: a disabled button would lose the cursor while the check runs.
            check = ui.button(w.t("import-check")).clicked() && !busy;
        });
        if check {
            self.check(dir, config);
        }
        if self.checked.is_none() {
            ui.weak(w.t(&format!("import-format-{}-help", format.as_str())));
        }
        if busy {
            let (done, of) = (
                self.progress.0.load(Ordering::Relaxed),
                self.progress.1.load(Ordering::Relaxed),
            );
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(w.t("import-working"));
            });
            if of > 0 {
                ui.add(egui::ProgressBar::new(done as f32 / of as f32).show_percentage());
            }
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some((ok, said)) = &self.said {
            let colour = match ok {
                true => ui.visuals().text_color(),
                false => ui.visuals().error_fg_color,
            };
            ui.add(egui::Label::new(egui::RichText::new(said).color(colour)).wrap());
        }
        let start = self.checked_ui(ui, w, busy);
        if start {
            self.import(dir, config);
        }
    }

    /// The dry run's table and the import button; true when it was pressed.
    fn checked_ui(&mut self, ui: &mut egui::Ui, w: &Language, busy: bool) -> bool {
        let Some(c) = &self.checked else {
            return false;
        };
        ui.add_space(6.0);
        if let Some(already) = &c.already {
            ui.label(already);
            return false;
        }
        ui.label(egui::RichText::new(&c.summary).strong());
        // The choice and the button above the table, so a long file does not hide them.
        if c.bad > 0 {
            ui.checkbox(&mut self.skip_bad, w.t("import-skip-bad"));
        }
        let ready = !busy && c.good > 0 && (c.bad == 0 || self.skip_bad);
        let label = w.t_args("import-start", &[("count", (c.good as i64).into())]);
        let start = ui.add_enabled(ready, egui::Button::new(label)).clicked();
        let error = ui.visuals().error_fg_color;
        egui::Grid::new("import-table")
            .striped(true)
            .num_columns(7)
            .show(ui, |ui| {
                for h in [
                    "line", "what", "name", "card", "points", "stamps", "problem",
                ] {
                    ui.strong(w.t(&format!("import-col-{h}")));
                }
                ui.end_row();
                for l in &c.lines {
                    let bad = l.problem.is_some();
                    let cell = |ui: &mut egui::Ui, text: String| {
                        let t = egui::RichText::new(text);
                        ui.label(if bad { t.color(error) } else { t });
                    };
                    let count = |n: i64| if bad { String::new() } else { n.to_string() };
                    cell(ui, l.line.to_string());
                    cell(ui, l.what.clone());
                    cell(ui, l.name.clone());
                    cell(ui, l.card.clone());
                    cell(ui, count(l.points));
                    cell(ui, count(l.stamps));
                    cell(ui, l.problem.clone().unwrap_or_default());
                    ui.end_row();
                }
            });
        let more = (c.bad + c.good).saturating_sub(c.lines.len());
        if more > 0 {
            ui.weak(w.t_args("import-more-rows", &[("count", (more as i64).into())]));
        }
        start
    }

    /// Takes a finished step's answer.
    fn collect(&mut self) {
        let Some(rx) = &self.work else { return };
        match rx.try_recv() {
            Ok(Done::Checked(Ok(c))) => {
                self.checked = Some(c);
                self.said = None;
            }
            Ok(Done::Checked(Err(e))) => {
                self.checked = None;
                self.said = Some((false, e));
            }
            Ok(Done::Imported(ok, said)) => {
                if ok {
                    self.checked = None;
                }
                self.said = Some((ok, said));
            }
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => self.said = Some((false, "?".into())),
        }
        self.work = None;
    }

    /// The dry run, on its own thread.
    fn check(&mut self, dir: &DataDir, config: &Config) {
        let (tx, rx) = mpsc::channel();
        let (dir, config) = (dir.clone(), config.clone());
        let path = std::path::PathBuf::from(self.path.trim());
        let format = self.format.unwrap_or(Format::Generic);
        self.said = None;
        self.skip_bad = false;
        std::thread::spawn(move || {
            let _ = tx.send(Done::Checked(dry_run(&dir, &config, &path, format)));
        });
        self.work = Some(rx);
    }

    /// The import of the checked file, on its own thread, telling its progress.
    fn import(&mut self, dir: &DataDir, config: &Config) {
        let Some(c) = &self.checked else { return };
        let (tx, rx) = mpsc::channel();
        let (dir, config) = (dir.clone(), config.clone());
        let parsed = c.parsed.clone();
        let skip_bad = self.skip_bad;
        let progress = self.progress.clone();
        let file_name = std::path::Path::new(self.path.trim())
            .file_name()
            .map_or_else(|| self.path.clone(), |n| n.to_string_lossy().into());
        progress.0.store(0, Ordering::Relaxed);
        progress.1.store(0, Ordering::Relaxed);
        std::thread::spawn(move || {
            let w = config.shop.words().0;
            let now = crate::clock::now();
            let done = dir
                .open_store(&config, now)
                .map_err(|e| e.to_string())
                .and_then(|mut s| {
                    let batch = ImportBatch {
                        file_name: &file_name,
                        actor: "owner",
                        skip_bad,
                    };
                    s.import_customers(
                        &parsed,
                        &batch,
                        now,
                        &mut rand::random::<u64>,
                        &mut |d, of| {
                            progress.0.store(d, Ordering::Relaxed);
                            progress.1.store(of, Ordering::Relaxed);
                        },
                    )
                    .map_err(|e| crate::services::errors::store_error(w, &e))
                });
            let said = match done {
                Ok(i) => (true, switching::batch_words(w, &file_name, &i.batch, false)),
                Err(e) => (false, e),
            };
            let _ = tx.send(Done::Imported(said.0, said.1));
        });
        self.work = Some(rx);
    }
}

/// Reads and checks the file and plans the import against the shop, changing nothing.
fn dry_run(
    dir: &DataDir,
    config: &Config,
    path: &std::path::Path,
    format: Format,
) -> Result<Checked, String> {
    let w = config.shop.words().0;
    if path.as_os_str().is_empty() {
        return Err(w.t("import-file-needed"));
    }
    let now = crate::clock::now();
    let country = config.shop.country_code.as_deref();
    let parsed = switching::read(w, path, format, country, now)?;
    let mut store = dir.open_store(config, now).map_err(|e| e.to_string())?;
    let plan = store
        .read(|tx| tx.people().plan_import(&parsed))
        .map_err(|e| crate::services::errors::store_error(w, &e))?;
    let already = plan
        .already
        .as_ref()
        .map(|b| switching::batch_words(w, &b.file_name, b, true));
    let summary = switching::summary(w, &plan);
    let bad = plan.bad.iter().map(|b| Line {
        line: b.line,
        what: w.t("import-what-bad"),
        name: String::new(),
        card: String::new(),
        points: 0,
        stamps: 0,
        problem: Some(
            b.faults
                .iter()
                .map(|f| switching::fault(w, f))
                .collect::<Vec<_>>()
                .join("; "),
        ),
    });
    let good = plan.rows.iter().map(|p| Line {
        line: p.line,
        what: w.t(match p.action {
            RowAction::New => "import-what-new",
            RowAction::Matched => "import-what-matched",
        }),
        name: p.name.clone(),
        card: p.code.clone().unwrap_or_default(),
        points: p.points,
        stamps: p.stamps,
        problem: None,
    });
    Ok(Checked {
        summary,
        lines: bad.chain(good).take(SHOWN).collect(),
        bad: plan.bad.len(),
        good: plan.rows.len(),
        already,
        parsed: Arc::new(parsed),
    })
}
