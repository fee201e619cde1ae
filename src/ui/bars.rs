//! The bars around the counter: devices and buttons at the top, what just happened at the
//! bottom, and the staff sign-in screen.

use super::focus::{self, Field};
use super::view::{Asks, ScreenAsk, StateView};
use crate::i18n::Language;
use crate::runtime::Intent;
use egui::{Color32, RichText};

/// The top bar: the shop, who is signed in, the printer, the scanner, the customer pages; the
/// buttons keep their place on the right and the devices' state wraps onto a second line when
/// the window is narrow.
pub fn device_bar(ui: &mut egui::Ui, s: &StateView, shop: &str, w: &Language, asks: &mut Asks) {
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(w.t("about-button")).clicked() {
                asks.screen(ScreenAsk::About(true));
            }
            if ui.button(w.t("settings-button")).clicked() {
                asks.screen(ScreenAsk::OpenSettings);
            }
            if ui
                .button(w.t("owner-dashboard"))
                .on_hover_text(w.t("owner-dashboard-hint"))
                .clicked()
            {
                asks.screen(ScreenAsk::OpenDashboard);
            }
            let dark = ui.ctx().theme() == egui::Theme::Dark;
            let other = w.t(if dark { "theme-light" } else { "theme-dark" });
            if ui.button(other).clicked() {
                ui.ctx().set_theme(if dark {
                    egui::Theme::Light
                } else {
                    egui::Theme::Dark
                });
            }
            if s.busy > 0 {
                ui.spinner();
            }
            ui.with_layout(
                egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true),
                |ui| devices(ui, s, shop, w, asks),
            );
        });
    });
}

fn devices(ui: &mut egui::Ui, s: &StateView, shop: &str, w: &Language, asks: &mut Asks) {
    ui.label(RichText::new(shop).strong().size(18.0));
    ui.separator();
    if let Some(who) = &s.signed_in {
        ui.label(format!("{} ({})", who.name, w.role(who.role)));
        if ui.button(w.t("sign-out")).clicked() {
            asks.send(Intent::SignOut);
        }
        ui.separator();
    }
    let color = if s.printer_ok {
        Color32::from_rgb(40, 150, 60)
    } else {
        Color32::from_rgb(200, 60, 40)
    };
    ui.label(
        RichText::new(w.t_args("printer-state", &[("state", s.printer.words(w).into())]))
            .color(color),
    );
    ui.separator();
    let state = ("state", s.scanner.words(w).into());
    ui.label(match &s.last_scan {
        Some(code) => w.t_args(
            "scanner-state-last",
            &[state, ("code", code.as_str().into())],
        ),
        None => w.t_args("scanner-state", &[state]),
    });
    if let Some(text) = s.display.words(w) {
        ui.separator();
        let lost = matches!(
            s.display,
            crate::runtime::display::DisplayState::Lost(_)
                | crate::runtime::display::DisplayState::Unusable(_)
        );
        let color = if lost {
            Color32::from_rgb(200, 60, 40)
        } else {
            ui.visuals().text_color()
        };
        ui.label(RichText::new(text).color(color));
    }
    // One line about the customer pages: where they open from, once checked; else why they
    // are not served here (not started with the window, or could not start), which is also
    // why a check finds nothing there.
    let reach = (!s.pages.url.is_empty()).then(|| {
        if s.pages.checking {
            (w.t("pages-checking"), true)
        } else {
            let checked = s.pages.checked.as_ref();
            crate::services::reach::bar_words(w, &s.pages.url, checked, |t| w.date_time(t))
        }
    });
    let line = match reach {
        Some((text, ok)) if ok || s.portal.is_empty() => Some((text, ok)),
        Some(_) => Some((s.portal.clone(), false)),
        None if !s.portal.is_empty() => Some((s.portal.clone(), true)),
        None => None,
    };
    if let Some((text, ok)) = line {
        ui.separator();
        let color = if ok {
            ui.visuals().text_color()
        } else {
            Color32::from_rgb(200, 60, 40)
        };
        // One piece: it moves to the next line whole rather than splitting there.
        ui.add(
            egui::Label::new(RichText::new(text).color(color))
                .wrap_mode(egui::TextWrapMode::Extend),
        );
    }
    ui.separator();
    backup_state(ui, &s.backup, crate::clock::now(), w);
    if let Some(m) = &s.messages {
        ui.separator();
        messages_state(ui, m, w);
    }
    if let Some(chain) = &s.chain {
        ui.separator();
        chain_state(ui, chain, crate::clock::now(), w);
    }
    alerts_line(ui, s, w, asks);
}

/// "3 alerts to look at (F7)", for the owner only: a click opens the dashboard's Checks.
fn alerts_line(ui: &mut egui::Ui, s: &StateView, w: &Language, asks: &mut Asks) {
    let owner = match &s.signed_in {
        Some(who) => who.role == crate::domain::staff::Role::Owner,
        None => !s.staff_required,
    };
    if !owner || s.alerts <= 0 {
        return;
    }
    ui.separator();
    let text = RichText::new(w.t_args("alerts-bar", &[("count", s.alerts.into())]))
        .color(Color32::from_rgb(200, 120, 0));
    if ui
        .link(text)
        .on_hover_text(w.t("alerts-bar-hint"))
        .clicked()
    {
        asks.screen(ScreenAsk::OpenDashboard);
    }
}

/// "Chain: synced 1 min ago", or "Offline since 14:02, 37 to send": sales go on either way.
fn chain_state(ui: &mut egui::Ui, c: &crate::runtime::ChainState, now: i64, w: &Language) {
    let warn = Color32::from_rgb(200, 110, 20);
    let to_send = ("to_send", c.to_send.into());
    let label = match (c.offline_since, c.last_contact) {
        (Some(since), _) => RichText::new(w.t_args(
            "chain-offline",
            &[("since", w.date_time(since).into()), to_send],
        ))
        .color(warn),
        (None, Some(at)) => {
            RichText::new(w.t_args("chain-ok", &[("age", age(w, now - at).into()), to_send]))
        }
        (None, None) => RichText::new(w.t("chain-waiting")),
    };
    let hint = match &c.error {
        Some(e) => format!("{}\n{e}", w.t("chain-hint")),
        None => w.t("chain-hint"),
    };
    ui.label(label).on_hover_text(hint);
}

/// "Backed up 2 h ago", or in plain words what is wrong: none within a day, the drive not
/// there, the disk full.
fn backup_state(ui: &mut egui::Ui, b: &crate::runtime::BackupState, now: i64, w: &Language) {
    let warn = Color32::from_rgb(200, 110, 20);
    let label = match (&b.problem, b.last) {
        (Some(problem), _) => {
            RichText::new(w.t_args("backup-failed", &[("problem", problem.as_str().into())]))
                .color(Color32::from_rgb(200, 60, 40))
        }
        (None, None) => RichText::new(w.t("backup-none")).color(warn),
        (None, Some(at)) => {
            let age = ("age", age(w, now - at).into());
            if now - at > 86_400 {
                RichText::new(w.t_args("backup-old", &[age])).color(warn)
            } else {
                RichText::new(w.t_args("backup-ok", &[age]))
            }
        }
    };
    let hint = if b.second_place {
        w.t("backup-hint")
    } else {
        w.t("backup-hint-same-disk")
    };
    ui.label(label).on_hover_text(hint);
}

/// "Messages: 2 waiting", or in red how many failed this week, the last reason on hover.
fn messages_state(ui: &mut egui::Ui, m: &crate::services::messages::News, w: &Language) {
    let label = if m.failed > 0 {
        RichText::new(w.t_args(
            "messages-failed",
            &[("failed", m.failed.into()), ("waiting", m.waiting.into())],
        ))
        .color(Color32::from_rgb(200, 60, 40))
    } else {
        RichText::new(w.t_args("messages-ok", &[("waiting", m.waiting.into())]))
    };
    let hint = match &m.problem {
        Some(p) => format!(
            "{}\n{}",
            w.t("messages-hint"),
            crate::services::messages::problem_words(w, p)
        ),
        None => w.t("messages-hint"),
    };
    ui.label(label).on_hover_text(hint);
}

/// How long ago, roughly: minutes, hours or days.
fn age(w: &Language, seconds: i64) -> String {
    let s = seconds.max(0);
    if s < 3600 {
        w.t_args("age-minutes", &[("count", (s / 60).into())])
    } else if s < 2 * 86_400 {
        w.t_args("age-hours", &[("count", (s / 3600).into())])
    } else {
        w.t_args("age-days", &[("count", (s / 86_400).into())])
    }
}

/// The bottom line: what just happened, or what went wrong and what to do.
pub fn notice_bar(ui: &mut egui::Ui, s: &StateView, w: &Language) {
    if let Some(n) = &s.notice {
        let color = if n.ok {
            Color32::from_rgb(40, 150, 60)
        } else {
            Color32::from_rgb(200, 60, 40)
        };
        ui.label(RichText::new(&n.text).size(18.0).color(color));
    } else {
        ui.label(w.t("ready"));
    }
}

/// The staff sign-in screen, shown while the shop has staff and nobody is signed in.
#[derive(Debug, Default, Clone)]
pub struct SignIn {
    pub pin: String,
}

impl SignIn {
    pub fn ui(&mut self, ui: &mut egui::Ui, w: &Language, asks: &mut Asks) {
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.heading(w.t("staff-sign-in"));
            let l = ui.label(w.t("staff-pin"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.pin)
                        .id(Field::StaffPin.id())
                        .password(true)
                        .desired_width(160.0),
                )
                .labelled_by(l.id);
            if ui.button(w.t("sign-in")).clicked() || focus::entered(ui, &field) {
                asks.send(Intent::SignIn(std::mem::take(&mut self.pin)));
                asks.focus(Field::StaffPin);
            }
        });
    }
}
