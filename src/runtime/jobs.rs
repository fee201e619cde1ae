//! The store worker's jobs: each request of the counter done against the store (a sale and
//! its receipt, a refund with the owner's approval, figures, a reprint…), answered with what
//! the screen shows or what went wrong in the cashier's words.

use super::workers::{StoreReply, StoreRequest, failed};
use crate::config::WorkerSettings;
use crate::domain::staff::{Actor, Role};
use crate::domain::token::{ShopSecret, receipt_url};
use crate::printing::{ReceiptPrinter, enqueue_receipt};
use crate::store::{JobKind, NewSale, Staff, Store, StoreError};

/// Who is recorded for an action (the domain's rule, [`crate::domain::staff::approval`]), once
/// the owner's PIN, if one was typed, is checked against the staff list.
fn approved_actor(
    tx: &crate::store::Tx<'_>,
    cashier: Option<&Staff>,
    owner_pin: Option<&str>,
    needs_owner: bool,
    task: crate::store::OwnerTask,
) -> Result<Actor, StoreError> {
    let owner = match owner_pin.map(str::trim).filter(|p| !p.is_empty()) {
        Some(pin) => tx
            .counter()
            .staff_by_pin(pin)?
            .filter(|s| s.role == Role::Owner),
        None => None,
    };
    crate::domain::staff::approval(
        cashier.map(|c| (c.name.as_str(), c.role)),
        owner.as_ref().map(|o| o.name.as_str()),
        needs_owner,
    )
    .map_err(|_| StoreError::NeedsOwner(task))
}

/// Credits a member's paper card: by whoever is signed in, approved by the owner's PIN above
/// the program's paper limit.
fn credit_paper(
    tx: &crate::store::Tx<'_>,
    customer: &str,
    stamps: i64,
    cashier: Option<&Staff>,
    owner_pin: Option<&str>,
    now: i64,
) -> Result<crate::store::PaperStamped, StoreError> {
    let max = tx
        .loyalty()
        .paper_limit(now)
        .ok_or(StoreError::NoStampCard)?;
    // At enrolment there is no PIN to type: the words say where to add them with one.
    let enrolling = owner_pin.is_none();
    let task = crate::store::OwnerTask::PaperStamps { max, enrolling };
    let mut actor = approved_actor(tx, cashier, owner_pin, stamps > i64::from(max), task)?;
    actor.name.get_or_insert_with(|| "counter".into());
    tx.loyalty().paper_stamps(customer, stamps, &actor, now)
}

pub(super) fn handle(
    store: &mut Store,
    settings: &WorkerSettings,
    secret: &ShopSecret,
    printer: Option<&ReceiptPrinter>,
    request: StoreRequest,
    now: i64,
) -> StoreReply {
    let mut job = Job {
        store,
        settings,
        secret,
        printer,
        now,
        w: settings.shop.words(),
    };
    match request {
        StoreRequest::Search(text) => job.search(text),
        StoreRequest::Show(code) => job.show(&code),
        StoreRequest::Enroll { new, cashier } => job.enroll(&new, cashier.as_ref()),
        StoreRequest::PaperStamps {
            customer,
            stamps,
            cashier,
            owner_pin,
        } => job.paper_stamps(&customer, stamps, cashier.as_ref(), owner_pin.as_deref()),
        StoreRequest::Sale {
            amount,
            customer,
            staff,
        } => job.sale(amount, customer, staff.as_deref()),
        StoreRequest::Redeem {
            customer,
            reward,
            staff,
        } => job.redeem(&customer, &reward, staff.as_deref()),
        StoreRequest::AckAlert {
            id,
            note,
            cashier,
            owner_pin,
        } => job.ack_alert(id, &note, cashier.as_ref(), owner_pin.as_deref()),
        StoreRequest::Refund {
            receipt,
            amount,
            cashier,
            owner_pin,
            limit,
        } => job.refund(
            &receipt,
            amount,
            cashier.as_ref(),
            owner_pin.as_deref(),
            limit,
        ),
        StoreRequest::TestPrint => job.test_print(),
        StoreRequest::PrintCard(code) => job.print_card(&code),
        StoreRequest::Adjust {
            customer,
            points,
            reason,
            cashier,
            owner_pin,
        } => job.adjust(
            &customer,
            points,
            &reason,
            cashier.as_ref(),
            owner_pin.as_deref(),
        ),
        StoreRequest::Figures {
            from_day,
            to_day,
            cashier,
            owner_pin,
            chain,
        } => job.figures(
            (from_day, to_day),
            cashier.as_ref(),
            owner_pin.as_deref(),
            chain,
        ),
        StoreRequest::ExportFigures {
            from_day,
            to_day,
            dir,
        } => job.export_figures(from_day, to_day, &dir),
        StoreRequest::Support(r) => super::support_work::handle(job.store, &job.w, r, now),
        StoreRequest::SignIn(pin) => job.sign_in(&pin),
        StoreRequest::Reprint => job.reprint(),
        StoreRequest::OpenReceipt(token) => job.open_receipt(&token),
    }
}

/// One request to the store worker, with what it is done with.
struct Job<'a> {
    store: &'a mut Store,
    settings: &'a WorkerSettings,
    secret: &'a ShopSecret,
    printer: Option<&'a ReceiptPrinter>,
    now: i64,
    w: crate::i18n::Words,
}

impl Job<'_> {
    /// What went wrong while `doing` (a message id), in the cashier's words.
    fn fail(&self, doing: &'static str) -> impl Fn(StoreError) -> StoreReply + '_ {
        move |e| failed(&self.w, doing, e)
    }

    /// A refusal worded here rather than by the store.
    fn refused(&self, doing: &'static str, id: &str) -> StoreReply {
        StoreReply::Failed {
            doing,
            error: self.w.t(id),
            busy: false,
        }
    }

    fn search(&mut self, text: String) -> StoreReply {
        let now = self.now;
        match self
            .store
            .read(|tx| tx.people().find_customers(&text, 12, now))
        {
            Ok(found) => StoreReply::Found(text, found),
            Err(e) => self.fail("doing-find")(e),
        }
    }

    fn show(&mut self, code: &str) -> StoreReply {
        match self.store.customer_view(code, self.now) {
            Ok(view) => StoreReply::Customer(view),
            Err(e) => self.fail("doing-open-customer")(e),
        }
    }

    fn enroll(&mut self, new: &crate::store::NewCustomer, cashier: Option<&Staff>) -> StoreReply {
        let now = self.now;
        let store = &mut *self.store;
        // The member and their paper card's stamps together, or neither.
        let out = store
            .write(|tx| {
                let e = tx.people().enroll(new, now, &mut rand::random::<u64>)?;
                if new.paper_stamps != 0 {
                    credit_paper(tx, &e.code, new.paper_stamps, cashier, None, now)?;
                }
                Ok(e)
            })
            .and_then(|e| {
                let view = store.customer_view(&e.code, now)?;
                Ok(StoreReply::Enrolled(e, view))
            });
        out.unwrap_or_else(|e| match e.new_customer_field() {
            Some(field) => StoreReply::EnrollRefused {
                field,
                error: crate::services::errors::store_error(&self.w, &e),
            },
            None => self.fail("doing-enrol")(e),
        })
    }

    fn sale(&mut self, amount: i64, customer: Option<String>, staff: Option<&str>) -> StoreReply {
        let (settings, secret, printer, now) = (self.settings, self.secret, self.printer, self.now);
        let sale = NewSale {
            amount,
            at: now,
            customer,
            receipt: None,
        };
        let store = &mut *self.store;
        let out = store
            .write(|tx| {
                let out = tx.counter().record_sale_by(&sale, staff)?;
                let token = tx.counter().receipt_token(out.visit_id, secret)?;
                let url = receipt_url(&settings.public_url, &token);
                if let Some(p) = printer {
                    let when = settings.shop.words().date_time(out.at);
                    enqueue_receipt(tx, settings, p, &out, &url, &when, now)?;
                }
                Ok((out, url))
            })
            .and_then(|(out, url)| {
                let customer = match &out.customer {
                    Some(code) => Some(store.customer_view(code, now)?),
                    None => None,
                };
                Ok(StoreReply::Sold {
                    url,
                    sale: out,
                    customer,
                })
            });
        out.unwrap_or_else(self.fail("doing-sale"))
    }

    fn redeem(&mut self, customer: &str, reward: &str, staff: Option<&str>) -> StoreReply {
        let now = self.now;
        match crate::services::sync::redeem(
            self.store,
            self.settings.central.as_ref(),
            customer,
            reward,
            now,
            staff,
        ) {
            Ok((r, _)) => match self.store.customer_view(customer, now) {
                Ok(view) => StoreReply::Redeemed(r, view),
                Err(e) => self.fail("doing-redeem")(e),
            },
            Err(crate::services::sync::SyncError::Store(e)) => self.fail("doing-redeem")(e),
            // The chain's central store could not be asked: its own words, never a
            // refusal of what the cashier typed.
            Err(e) => StoreReply::Failed {
                doing: "doing-redeem",
                error: crate::services::errors::sync_error(&self.w, &e),
                busy: false,
            },
        }
    }

    fn refund(
        &mut self,
        receipt: &str,
        amount: Option<i64>,
        cashier: Option<&Staff>,
        owner_pin: Option<&str>,
        limit: i64,
    ) -> StoreReply {
        let (now, currency) = (self.now, self.settings.shop.currency);
        let out = self.store.write(|tx| {
            // Without staff set up there is no owner to ask; with staff, a large refund
            // needs an owner at the counter or the owner's PIN.
            let large = tx.counter().refund_amount(receipt, amount)? > limit;
            let task = crate::store::OwnerTask::Refund { limit, currency };
            let actor = approved_actor(tx, cashier, owner_pin, large, task)?;
            let refund = tx.counter().refund(receipt, amount, now, &actor)?;
            // The customer of the refunded visit as they are now, for the screen.
            let customer = match tx
                .counter()
                .visit(refund.visit_id)?
                .and_then(|v| v.customer)
            {
                Some(code) => Some(tx.people().view(&code, now)?),
                None => None,
            };
            Ok(StoreReply::Refunded(refund, customer))
        });
        out.unwrap_or_else(self.fail("doing-refund"))
    }

    fn test_print(&mut self) -> StoreReply {
        let Some(p) = self.printer else {
            return self.refused("doing-test-page", "worker-no-printer");
        };
        let (settings, now) = (self.settings, self.now);
        match self
            .store
            .write(|tx| crate::printing::enqueue_test_page(tx, settings, p, now))
        {
            Ok(_) => StoreReply::Reprinted,
            Err(e) => self.fail("doing-test-page")(e),
        }
    }

    fn print_card(&mut self, code: &str) -> StoreReply {
        let Some(p) = self.printer else {
            return self.refused("doing-print-card", "worker-no-printer");
        };
        let (settings, now) = (self.settings, self.now);
        match self.store.write(|tx| {
            let view = tx.people().view(code, now)?;
            crate::printing::enqueue_card_slip(tx, settings, p, &view, now)
        }) {
            Ok(_) => StoreReply::Reprinted,
            Err(e) => self.fail("doing-print-card")(e),
        }
    }

    fn adjust(
        &mut self,
        customer: &str,
        points: i64,
        reason: &str,
        cashier: Option<&Staff>,
        owner_pin: Option<&str>,
    ) -> StoreReply {
        let now = self.now;
        let out = self.store.write(|tx| {
            // With staff set up, only an owner adjusts points: signed in, or by PIN.
            let task = crate::store::OwnerTask::Adjust;
            let mut actor = approved_actor(tx, cashier, owner_pin, true, task)?;
            // Without staff nobody signs in; an adjustment still names who made it.
            actor.name.get_or_insert_with(|| "counter".into());
            tx.loyalty()
                .adjust(customer, points, reason, &actor, None, now)?;
            tx.people().view(customer, now)
        });
        match out {
            Ok(view) => StoreReply::Adjusted(points, view),
            Err(e) => self.fail("doing-adjust")(e),
        }
    }

    fn paper_stamps(
        &mut self,
        customer: &str,
        stamps: i64,
        cashier: Option<&Staff>,
        owner_pin: Option<&str>,
    ) -> StoreReply {
        let now = self.now;
        let out = self.store.write(|tx| {
            let done = credit_paper(tx, customer, stamps, cashier, owner_pin, now)?;
            Ok((done, tx.people().view(customer, now)?))
        });
        match out {
            Ok((done, view)) => StoreReply::PaperStamped(done, view),
            Err(e) => self.fail("doing-paper-stamps")(e),
        }
    }

    fn figures(
        &mut self,
        (from_day, to_day): (Option<i64>, i64),
        cashier: Option<&Staff>,
        owner_pin: Option<&str>,
        chain: bool,
    ) -> StoreReply {
        let task = crate::store::OwnerTask::Figures;
        let allowed = self
            .store
            .read(|tx| approved_actor(tx, cashier, owner_pin, true, task));
        let out = allowed.and_then(|_| match chain {
            true => Ok(super::figures_work::chain(
                self.settings.central.as_ref(),
                &self.w,
                from_day,
                to_day,
            )),
            false => super::figures_work::this_till(self.store, from_day, to_day, self.now),
        });
        out.unwrap_or_else(self.fail("doing-figures"))
    }

    /// The owner acknowledges an alert with a note (the owner signed in, or their PIN).
    fn ack_alert(
        &mut self,
        id: i64,
        note: &str,
        cashier: Option<&Staff>,
        owner_pin: Option<&str>,
    ) -> StoreReply {
        let task = crate::store::OwnerTask::Figures;
        let now = self.now;
        self.store
            .write(|tx| {
                let by = approved_actor(tx, cashier, owner_pin, true, task)?;
                let who = by
                    .approved_by
                    .or(by.name)
                    .unwrap_or_else(|| self.w.t("role-owner"));
                tx.checks().ack(id, note, &who, now)
            })
            .map(|a| StoreReply::Acked(Box::new(a)))
            .unwrap_or_else(self.fail("doing-ack"))
    }

    fn export_figures(&mut self, from_day: i64, to_day: i64, dir: &std::path::Path) -> StoreReply {
        let currency = self.settings.shop.currency;
        let written = self
            .store
            .figures(from_day, to_day, self.now)
            .map_err(crate::report::ReportError::from)
            .and_then(|f| crate::report::write_csv(dir, &f, self.store, currency))
            .map_err(|e| crate::services::errors::report_error(&self.w, &e));
        match written {
            Ok(files) => StoreReply::SupportSaved(self.w.t_args(
                "worker-exported",
                &[
                    ("count", files.len().into()),
                    ("dir", dir.display().to_string().into()),
                ],
            )),
            Err(error) => StoreReply::Failed {
                doing: "doing-export",
                error,
                busy: false,
            },
        }
    }

    fn sign_in(&mut self, pin: &str) -> StoreReply {
        match self.store.read(|tx| tx.counter().staff_by_pin(pin.trim())) {
            Ok(Some(s)) => StoreReply::SignedIn(s),
            Ok(None) => self.refused("doing-sign-in", "worker-unknown-pin"),
            Err(e) => self.fail("doing-sign-in")(e),
        }
    }

    fn reprint(&mut self) -> StoreReply {
        let now = self.now;
        let reprinted = self.store.write(|tx| match tx.counter().last_receipt()? {
            Some(job) => {
                tx.counter().enqueue_print(
                    job.visit_id,
                    JobKind::Reprint,
                    &job.bytes,
                    &job.text,
                    now,
                )?;
                Ok(true)
            }
            None => Ok(false),
        });
        match reprinted {
            Ok(true) => StoreReply::Reprinted,
            Ok(false) => self.refused("doing-reprint", "worker-nothing-printed"),
            Err(e) => self.fail("doing-reprint")(e),
        }
    }

    fn open_receipt(&mut self, token: &str) -> StoreReply {
        let (secret, now) = (self.secret, self.now);
        // A forged or altered token is answered exactly like an unknown visit.
        let Ok(Some(id)) = self
            .store
            .read(|tx| tx.counter().visit_for_token(token, secret))
        else {
            return self.refused("doing-open-receipt", "worker-foreign-receipt");
        };
        let found = self.store.read(|tx| {
            let Some(v) = tx.counter().visit(id)? else {
                return Ok(None);
            };
            let c = match &v.customer {
                Some(code) => Some(tx.people().view(code, now)?),
                None => None,
            };
            Ok(Some((v, c)))
        });
        match found {
            Ok(Some((v, c))) => StoreReply::Visit(v, c),
            Ok(None) => self.refused("doing-open-receipt", "worker-foreign-receipt"),
            Err(e) => self.fail("doing-open-receipt")(e),
        }
    }
}
