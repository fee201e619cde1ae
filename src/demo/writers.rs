//! Where the demo's history goes: loaded in bulk, or written through the store's operations one
//! transaction at a time (the two must give the same database).

use crate::store::{Bulk, BulkEnrolled, BulkSale, NewCustomer, NewSale, Store, StoreError};

/// Where the demo's history goes: a bulk load, or the store's operations one by one.
pub(super) trait Shop {
    fn enroll(
        &mut self,
        new: &NewCustomer,
        at: i64,
        random: &mut dyn FnMut() -> u64,
    ) -> Result<BulkEnrolled, StoreError>;
    fn sale(&mut self, sale: &NewSale) -> Result<BulkSale, StoreError>;
    fn unused_vouchers(&mut self, customer: i64) -> Result<i64, StoreError>;
    fn redeem(&mut self, code: &str, reward: &str, at: i64) -> Result<(), StoreError>;
    fn refund(&mut self, receipt: &str, amount: Option<i64>, at: i64) -> Result<(), StoreError>;
    fn expire_due(&mut self, now: i64) -> Result<(), StoreError>;
}

/// Who the demo's redemptions and refunds are recorded as made by.
const ACTOR: Option<&str> = Some("demo");

impl Shop for Bulk {
    fn enroll(
        &mut self,
        new: &NewCustomer,
        at: i64,
        random: &mut dyn FnMut() -> u64,
    ) -> Result<BulkEnrolled, StoreError> {
        Bulk::enroll(self, new, at, random)
    }
    fn sale(&mut self, sale: &NewSale) -> Result<BulkSale, StoreError> {
        Bulk::sale(self, sale)
    }
    fn unused_vouchers(&mut self, customer: i64) -> Result<i64, StoreError> {
        Ok(Bulk::unused_vouchers(self, customer))
    }
    fn redeem(&mut self, code: &str, reward: &str, at: i64) -> Result<(), StoreError> {
        Bulk::redeem(self, code, reward, at, ACTOR)
    }
    fn refund(&mut self, receipt: &str, amount: Option<i64>, at: i64) -> Result<(), StoreError> {
        Bulk::refund(self, receipt, amount, at, ACTOR)
    }
    fn expire_due(&mut self, now: i64) -> Result<(), StoreError> {
        Bulk::expire_due(self, now)
    }
}

/// The store's own operations, one transaction each: the reference the bulk load is checked
/// against.
pub(super) struct Through<'s>(pub(super) &'s mut Store);

impl Shop for Through<'_> {
    fn enroll(
        &mut self,
        new: &NewCustomer,
        at: i64,
        random: &mut dyn FnMut() -> u64,
    ) -> Result<BulkEnrolled, StoreError> {
        let e = self.0.write(|tx| tx.people().enroll(new, at, random))?;
        Ok(BulkEnrolled {
            id: e.id,
            code: e.code,
            referral_code: e.referral_code,
            referral: e.referral.map(|r| r.status),
        })
    }
    fn sale(&mut self, sale: &NewSale) -> Result<BulkSale, StoreError> {
        let out = self.0.write(|tx| tx.counter().record_sale(sale))?;
        Ok(BulkSale {
            customer_id: out.customer_id,
            balance: out.balance,
            referral: out.referral.map(|r| r.status),
        })
    }
    fn unused_vouchers(&mut self, customer: i64) -> Result<i64, StoreError> {
        self.0.read(|tx| tx.loyalty().unused_vouchers(customer))
    }
    fn redeem(&mut self, code: &str, reward: &str, at: i64) -> Result<(), StoreError> {
        self.0
            .write(|tx| tx.loyalty().redeem(code, reward, at, ACTOR).map(|_| ()))
    }
    fn refund(&mut self, receipt: &str, amount: Option<i64>, at: i64) -> Result<(), StoreError> {
        self.0.write(|tx| {
            tx.counter()
                .refund(
                    receipt,
                    amount,
                    at,
                    &crate::domain::staff::Actor::named(ACTOR),
                )
                .map(|_| ())
        })
    }
    fn expire_due(&mut self, now: i64) -> Result<(), StoreError> {
        self.0
            .write(|tx| tx.loyalty().expire_due(None, now).map(|_| ()))
    }
}
