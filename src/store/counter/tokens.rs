//! Receipt tokens on a chain's till. Once the till has its number and the chain's secret (at
//! its first sync), its receipts' QR codes are signed with the chain's secret and name the
//! visit chain-wide (the till's number and its visit id), so the customer pages of any shop
//! of the chain open them: other tills find the visit by `origin_token`. Receipts printed
//! before, and every receipt of a shop that is not in a chain, are signed with the shop's own
//! secret as before, and keep opening at their own shop.
//!
//! And the short code printed under each receipt's QR, which opens the same page when typed
//! at `/c/{code}` (`visits.receipt_code`).

use crate::domain::code::CustomerCode;
use crate::domain::token::{ShopSecret, chain_token_id, split_chain_token_id};
use crate::store::Result;

/// The chain's key from `sync_state`'s secret and till number, once it has both.
pub(in crate::store) fn chain_key_of(
    hex: Option<String>,
    number: Option<u32>,
) -> Option<(ShopSecret, u32)> {
    let number = number?;
    ShopSecret::from_hex(&hex?).map(|k| (k, number))
}

impl super::Room<'_, '_> {
    /// A receipt code no other visit has (about 49 random bits: a second try is rare).
    pub(super) fn new_receipt_code(&self) -> Result<String> {
        loop {
            let code = crate::domain::token::receipt_code(rand::random());
            let taken = self
                .tx
                .prepare_cached("SELECT 1 FROM visits WHERE receipt_code = ?1")?
                .exists([&code])?;
            if !taken {
                return Ok(code);
            }
        }
    }

    /// The visit a typed receipt code opens, if any.
    pub fn visit_by_code(&self, typed: &str) -> Result<Option<i64>> {
        let Some(code) = crate::domain::token::read_receipt_code(typed) else {
            return Ok(None);
        };
        self.optional("SELECT id FROM visits WHERE receipt_code = ?1", [code])
    }

    /// Keeps the chain's secret (64 hex digits) the central store handed out.
    pub fn set_chain_secret(&self, hex: &str) -> Result<()> {
        self.tx
            .execute("UPDATE sync_state SET chain_secret = ?1", [hex])?;
        Ok(())
    }

    /// Whether this till has the chain's secret yet.
    pub fn has_chain_secret(&self) -> Result<bool> {
        Ok(self
            .optional::<Option<String>>("SELECT chain_secret FROM sync_state", [])?
            .flatten()
            .is_some())
    }

    /// The chain's secret, once this till has joined a chain (reach checks are answered and
    /// checked with it too, so a till checks the chain's page server).
    pub fn chain_secret(&self) -> Result<Option<ShopSecret>> {
        Ok(self.chain_key()?.map(|(key, _)| key))
    }

    /// The chain's secret and this till's number, once it has both.
    fn chain_key(&self) -> Result<Option<(ShopSecret, u32)>> {
        let row: Option<(Option<String>, Option<u32>)> = self
            .tx
            .prepare_cached("SELECT chain_secret, till_number FROM sync_state")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        Ok(row.and_then(|(hex, number)| chain_key_of(hex, number)))
    }

    /// The codes a member's visit page offers to link a chat, one per messaging app (in the
    /// order of `Channel::CHATS`): signed with the chain's secret on a chain's till or page
    /// server (the chat may be taken in by another of its machines), else the shop's.
    pub fn chat_link_codes(&self, card: &str, shop: &ShopSecret) -> Result<Vec<String>> {
        let key = self.chain_key()?.map(|(k, _)| k);
        let key = key.as_ref().unwrap_or(shop);
        let card = CustomerCode::parse(card)?;
        Ok(crate::domain::messages::Channel::CHATS
            .iter()
            .map(|_| key.sign_chat_link(card.as_str(), rand::random()))
            .collect())
    }

    /// The card a chat link code names, if this chain or shop made it.
    pub fn chat_link_card(&self, code: &str, shop: &ShopSecret) -> Result<Option<String>> {
        if let Some((chain, _)) = self.chain_key()?
            && let Some(card) = chain.verify_chat_link(code)
        {
            return Ok(Some(card));
        }
        Ok(shop.verify_chat_link(code))
    }

    /// The token a visit's receipt QR carries (another till's visit: the one its own
    /// receipt carries, so a reprint here opens in every shop too).
    pub fn receipt_token(&self, visit_id: i64, shop: &ShopSecret) -> Result<String> {
        if let Some((chain, till)) = self.chain_key()? {
            let theirs = self
                .optional::<Option<i64>>(
                    "SELECT origin_token FROM visits WHERE id = ?1 AND origin IS NOT NULL",
                    [visit_id],
                )?
                .flatten();
            if let Some(id) = theirs.or_else(|| chain_token_id(till, visit_id)) {
                return Ok(chain.sign_visit(id));
            }
        }
        Ok(shop.sign_visit(visit_id))
    }

    /// Whether `token` is signed with the chain's secret for a visit of another till that has
    /// not reached this one yet (that till is offline, or its sale is on the way): the page
    /// says so, instead of the 404 a forged link gets. Nothing is looked up before the
    /// signature checks out.
    pub fn token_awaited(&self, token: &str) -> Result<bool> {
        let Some((key, this_till)) = self.chain_key()? else {
            return Ok(false);
        };
        let Some(id) = key.verify(token) else {
            return Ok(false);
        };
        let (till, _) = split_chain_token_id(id);
        if till == this_till {
            return Ok(false);
        }
        let here = self.optional::<i64>("SELECT id FROM visits WHERE origin_token = ?1", [id])?;
        Ok(here.is_none())
    }

    /// The visit a receipt token was made for, here: this till's own (signed with the shop's
    /// secret or the chain's) or another till's of the chain. `None` for anything forged,
    /// altered or unknown, all alike; nothing is looked up before the signature checks out.
    pub fn visit_for_token(&self, token: &str, shop: &ShopSecret) -> Result<Option<i64>> {
        let chain = self.chain_key()?;
        let by_chain = chain.as_ref().and_then(|(k, _)| k.verify(token));
        let by_shop = shop.verify(token);
        match (by_chain, chain) {
            (Some(id), Some((_, this_till))) => {
                let (till, visit) = split_chain_token_id(id);
                if till == this_till {
                    self.optional(
                        "SELECT id FROM visits WHERE id = ?1 AND origin IS NULL",
                        [visit],
                    )
                } else {
                    self.optional("SELECT id FROM visits WHERE origin_token = ?1", [id])
                }
            }
            _ => Ok(by_shop),
        }
    }
}
