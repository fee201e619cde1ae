//! Where the cursor goes: the one place in the counter's code that decides it.
//!
//! The rules (issue "The counter by keyboard alone"), so a cashier never has to reach for the
//! mouse:
//!
//! - **Amount** is home. The cursor is there at start, after a sale is recorded, after a
//!   customer or a visit comes on screen (a scan, Find, an enrolment), after Esc, after a
//!   refund, and when a form closes. It also stays there right after Enter, so the next amount
//!   can be typed while the sale is being recorded.
//! - **F2** puts it in *Find*; Enter there on a single match selects that customer (and so
//!   sends the cursor home).
//! - **F3** opens the enrolment form with the cursor in *Name* (as does a scanned referral
//!   code). Enter in any of its fields enrolls; when the store refuses, the cursor goes to the
//!   field the refusal is about and the bottom line says what is wrong. Esc closes the form.
//! - **F8** fills in the last receipt and puts the cursor in *Refund amount* (empty: all);
//!   Enter in any refund field refunds.
//! - Tab and Shift-Tab move through the fields in reading order: egui's own order, which is
//!   the order the fields are drawn in.
//! - A scan never types into a field: scanner input arrives on the serial port, not the
//!   keyboard, so a half-typed amount survives a scan.
//!
//! Panels do not move the cursor themselves: they ask for a [`Field`], and the app applies the
//! last ask of the frame with [`apply`].

/// The fields the cursor can be sent to, each with an Id that stays the same across frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Amount,
    Find,
    EnrollName,
    EnrollPhone,
    EnrollEmail,
    EnrollReferral,
    EnrollBirthday,
    EnrollPaperStamps,
    RefundReceipt,
    RefundAmount,
    StaffPin,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Amount,
        Field::Find,
        Field::EnrollName,
        Field::EnrollPhone,
        Field::EnrollEmail,
        Field::EnrollReferral,
        Field::EnrollBirthday,
        Field::EnrollPaperStamps,
        Field::RefundReceipt,
        Field::RefundAmount,
        Field::StaffPin,
    ];

    /// The widget Id the field is drawn with.
    pub fn id(self) -> egui::Id {
        egui::Id::unique(("counter-field", self))
    }

    /// The enrolment form's field for a store refusal.
    pub fn of_new_customer(field: crate::store::NewCustomerField) -> Field {
        use crate::store::NewCustomerField as F;
        match field {
            F::Name => Field::EnrollName,
            F::Phone => Field::EnrollPhone,
            F::Email => Field::EnrollEmail,
            F::ReferredBy => Field::EnrollReferral,
        }
    }
}

/// Moves the cursor to `field` (it takes effect when the field is drawn).
pub fn apply(ctx: &egui::Context, field: Field) {
    ctx.memory_mut(|m| m.request_focus(field.id()));
}

/// The field that has the cursor now, if it is one of ours.
pub fn focused(ctx: &egui::Context) -> Option<Field> {
    let id = ctx.memory(|m| m.focused())?;
    Field::ALL.into_iter().find(|f| f.id() == id)
}

/// Whether Enter was pressed in this single-line field this frame (egui takes the cursor out
/// of a single-line field on Enter, so "lost focus with Enter down" is the signal).
pub fn entered(ui: &egui::Ui, response: &egui::Response) -> bool {
    response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}
