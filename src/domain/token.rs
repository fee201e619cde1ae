//! Receipt tokens: the visit id plus a truncated HMAC-SHA256 under the shop's secret.
//!
//! Token = Crockford base32 (upper case) of 5 bytes of visit id ‖ 10 bytes of MAC (80 bits):
//! 24 characters, all in QR alphanumeric mode, so `{public_url}/R/{TOKEN}` fits a small symbol.
//! Verification is constant-time; any failure is just `None`, so callers answer a forged token
//! exactly as they answer an unknown one.

use hmac::{KeyInit, Mac};
use sha2::Sha256;

use super::messages::Channel;

type HmacSha256 = hmac::Hmac<Sha256>;

const ID_BYTES: usize = 5;
const MAC_BYTES: usize = 10;
const ALPHABET: base32::Alphabet = base32::Alphabet::Crockford;

/// The shop's signing secret (32 random bytes, kept in a 0600 file in the data dir).
#[derive(Clone)]
pub struct ShopSecret([u8; 32]);

impl ShopSecret {
    /// Wraps secret bytes.
    pub fn from_bytes(bytes: [u8; 32]) -> ShopSecret {
        ShopSecret(bytes)
    }

    fn mac(&self, label: &[u8], id_bytes: &[u8]) -> HmacSha256 {
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&self.0).expect("any key length");
        mac.update(label);
        mac.update(id_bytes);
        mac
    }

    fn sign_id(&self, label: &[u8], id: i64) -> String {
        let id = (id as u64).to_be_bytes();
        let id = &id[8 - ID_BYTES..];
        let tag = self.mac(label, id).finalize().into_bytes();
        let mut raw = id.to_vec();
        raw.extend_from_slice(&tag[..MAC_BYTES]);
        base32::encode(ALPHABET, &raw)
    }

    fn verify_id(&self, label: &[u8], token: &str) -> Option<i64> {
        if token.len() != 24 || !token.is_ascii() {
            return None;
        }
        let raw = base32::decode(ALPHABET, token)?;
        if raw.len() != ID_BYTES + MAC_BYTES {
            return None;
        }
        let (id, tag) = raw.split_at(ID_BYTES);
        self.mac(label, id).verify_truncated_left(tag).ok()?;
        let mut full = [0u8; 8];
        full[8 - ID_BYTES..].copy_from_slice(id);
        Some(u64::from_be_bytes(full) as i64)
    }

    /// The token for a visit. Visit ids above 2^40 cannot occur in one shop's lifetime.
    pub fn sign_visit(&self, visit_id: i64) -> String {
        self.sign_id(VISIT, visit_id)
    }

    /// The visit id a token was made for, or `None` for anything forged, altered or truncated.
    pub fn verify(&self, token: &str) -> Option<i64> {
        self.verify_id(VISIT, token)
    }

    /// The token of a marketing message's unsubscribe link: the customer and the channel,
    /// signed under a label of its own (a visit's token never unsubscribes anyone, nor the
    /// other way round).
    pub fn sign_unsubscribe(&self, customer_id: i64, channel: Channel) -> String {
        match chat_index(channel) {
            Some(i) => self.sign_id(UNSUBSCRIBE_CHAT, customer_id * 4 + i),
            None => self.sign_id(UNSUBSCRIBE, customer_id * 2 + channel_bit(channel)),
        }
    }

    /// The customer and channel an unsubscribe token was made for.
    pub fn verify_unsubscribe(&self, token: &str) -> Option<(i64, Channel)> {
        if let Some(id) = self.verify_id(UNSUBSCRIBE_CHAT, token) {
            return Some((id >> 2, Channel::CHATS[(id & 3) as usize]));
        }
        let id = self.verify_id(UNSUBSCRIBE, token)?;
        let channel = if id & 1 == 1 {
            Channel::Sms
        } else {
            Channel::Email
        };
        Some((id >> 1, channel))
    }

    /// A one-time code that links a member's chat on a messaging app to their card: the
    /// card's code (the same in every shop of a chain), a random number (each page shows new
    /// codes, one per app; a code links once) and a MAC, in Crockford base32: 34 characters
    /// of `0-9A-Z`, within Telegram's start payload.
    pub fn sign_chat_link(&self, card: &str, nonce: u32) -> String {
        let mut raw = card.as_bytes().to_vec();
        raw.extend_from_slice(&nonce.to_be_bytes());
        let tag = self.mac(CHAT_LINK, &raw).finalize().into_bytes();
        raw.extend_from_slice(&tag[..MAC_BYTES]);
        base32::encode(ALPHABET, &raw)
    }

    /// The card a chat link code was made for, or `None` for anything forged or altered.
    pub fn verify_chat_link(&self, code: &str) -> Option<String> {
        if code.len() != CHAT_LINK_CHARS || !code.is_ascii() {
            return None;
        }
        let raw = base32::decode(ALPHABET, code)?;
        if raw.len() != CARD_BYTES + 4 + MAC_BYTES {
            return None;
        }
        let (signed, tag) = raw.split_at(CARD_BYTES + 4);
        self.mac(CHAT_LINK, signed)
            .verify_truncated_left(tag)
            .ok()?;
        String::from_utf8(signed[..CARD_BYTES].to_vec()).ok()
    }
}

const VISIT: &[u8] = b"regulars-visit-v1:";
const UNSUBSCRIBE: &[u8] = b"regulars-unsubscribe-v1:";
const UNSUBSCRIBE_CHAT: &[u8] = b"regulars-unsubscribe-chat-v1:";
const CHAT_LINK: &[u8] = b"regulars-chat-link-v1:";
/// A card's stored code, in bytes.
const CARD_BYTES: usize = 7;
/// How long a chat link code is.
pub const CHAT_LINK_CHARS: usize = 34;

fn channel_bit(channel: Channel) -> i64 {
    match channel {
        Channel::Sms => 1,
        _ => 0,
    }
}

fn chat_index(channel: Channel) -> Option<i64> {
    Channel::CHATS
        .iter()
        .position(|c| *c == channel)
        .map(|i| i as i64)
}

/// Bits of a chain's receipt token id that hold the till's own visit id; the bits above
/// hold the till's number in the chain (1 to 1023), so the id names the visit chain-wide.
pub const CHAIN_VISIT_BITS: u32 = 30;

/// The token id of visit `visit_id` made at chain till `till`, when it fits.
pub fn chain_token_id(till: u32, visit_id: i64) -> Option<i64> {
    (visit_id > 0 && visit_id < 1 << CHAIN_VISIT_BITS && (1..1024).contains(&till))
        .then(|| (i64::from(till) << CHAIN_VISIT_BITS) | visit_id)
}

/// The till number and its visit id a chain token id names.
pub fn split_chain_token_id(id: i64) -> (u32, i64) {
    (
        (id >> CHAIN_VISIT_BITS) as u32,
        id & ((1 << CHAIN_VISIT_BITS) - 1),
    )
}

impl ShopSecret {
    /// Reads a secret written as 64 hex digits.
    pub fn from_hex(hex: &str) -> Option<ShopSecret> {
        if hex.len() != 64 || !hex.is_ascii() {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(ShopSecret(bytes))
    }
}

/// How long a page's form token stays valid, in seconds.
pub const FORM_TOKEN_SECONDS: i64 = 24 * 3600;

impl ShopSecret {
    fn form_mac(&self, scope: &str, issued: i64) -> HmacSha256 {
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&self.0).expect("any key length");
        mac.update(b"regulars-form-v1:");
        mac.update(scope.as_bytes());
        mac.update(b":");
        mac.update(&issued.to_be_bytes());
        mac
    }

    /// The anti-forgery token a page puts in its forms: it proves a post came from a page
    /// this shop served for `scope` (a receipt token, a referral code) within a day.
    pub fn form_token(&self, scope: &str, now: i64) -> String {
        let tag = self.form_mac(scope, now).finalize().into_bytes();
        format!("{now}.{}", base32::encode(ALPHABET, &tag[..MAC_BYTES]))
    }

    /// Whether `token` is a form token this shop issued for `scope` less than a day ago.
    /// The comparison is constant-time.
    pub fn check_form_token(&self, scope: &str, token: &str, now: i64) -> bool {
        let Some((issued, tag)) = token.split_once('.') else {
            return false;
        };
        let Ok(issued) = issued.parse::<i64>() else {
            return false;
        };
        if !(now - FORM_TOKEN_SECONDS..=now + 60).contains(&issued) {
            return false;
        }
        match base32::decode(ALPHABET, tag) {
            Some(tag) if tag.len() == MAC_BYTES => self
                .form_mac(scope, issued)
                .verify_truncated_left(&tag)
                .is_ok(),
            _ => false,
        }
    }
}

impl ShopSecret {
    fn reach_mac(&self, nonce: &str) -> HmacSha256 {
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&self.0).expect("any key length");
        mac.update(b"regulars-reach-v1:");
        mac.update(nonce.as_bytes());
        mac
    }

    /// The customer display's tablet page key (`/display/{key}`): made from the secret under
    /// its own label, so it is the same on every start and reveals nothing else.
    pub fn tablet_key(&self) -> String {
        let tag = self
            .mac(b"regulars-display-tablet-v1", b"")
            .finalize()
            .into_bytes();
        base32::encode(ALPHABET, &tag[..10])
    }

    /// A reach check's answer to its one-time `nonce` (`pages check`): proves the server that
    /// answered holds this shop's secret. Under its own label, so it signs nothing else.
    pub fn sign_reach(&self, nonce: &str) -> String {
        let tag = self.reach_mac(nonce).finalize().into_bytes();
        base32::encode(ALPHABET, &tag)
    }

    /// Whether `answer` is this shop's answer to `nonce` (compared in constant time).
    pub fn check_reach(&self, nonce: &str, answer: &str) -> bool {
        match base32::decode(ALPHABET, answer.trim()) {
            Some(tag) => self.reach_mac(nonce).verify_slice(&tag).is_ok(),
            None => false,
        }
    }
}

/// How far a page server's request for a copy of the chain may be from the answering
/// server's clock, either way (the two are different machines).
pub const COPY_REQUEST_SECONDS: i64 = 300;

impl ShopSecret {
    fn copy_mac(&self, at: i64) -> HmacSha256 {
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&self.0).expect("any key length");
        mac.update(b"regulars-copy-v1:");
        mac.update(&at.to_be_bytes());
        mac
    }

    /// A new page server's request, at unix second `at`, for another's copy of the chain:
    /// signed with the chain's secret, which only the chain's tills and servers hold.
    pub fn sign_copy(&self, at: i64) -> String {
        let tag = self.copy_mac(at).finalize().into_bytes();
        format!("{at}.{}", base32::encode(ALPHABET, &tag))
    }

    /// Whether `signed` is a copy request signed with this secret within
    /// [`COPY_REQUEST_SECONDS`] of `now` (compared in constant time).
    pub fn check_copy(&self, signed: &str, now: i64) -> bool {
        let Some((at, tag)) = signed.trim().split_once('.') else {
            return false;
        };
        let Ok(at) = at.parse::<i64>() else {
            return false;
        };
        if (now - at).abs() > COPY_REQUEST_SECONDS {
            return false;
        }
        match base32::decode(ALPHABET, tag) {
            Some(tag) => self.copy_mac(at).verify_slice(&tag).is_ok(),
            None => false,
        }
    }
}

/// The letters and digits of a receipt code: none that is read as another (no 0, 1, I, L, O, U).
const CODE_ALPHABET: &[u8; 30] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters in a receipt code: 30^10, about 49 random bits.
pub const RECEIPT_CODE_CHARS: usize = 10;

/// A receipt's short code from random bits (the caller supplies them): what a customer types
/// when the QR will not scan, as stored (ten characters).
pub fn receipt_code(random: u64) -> String {
    let mut n = random;
    (0..RECEIPT_CODE_CHARS)
        .map(|_| {
            let c = CODE_ALPHABET[(n % 30) as usize] as char;
            n /= 30;
            c
        })
        .collect()
}

/// A receipt code as printed: two groups of five (`7KQ2M-XR4TP`).
pub fn receipt_code_printed(code: &str) -> String {
    match code.len() {
        RECEIPT_CODE_CHARS => format!("{}-{}", &code[..5], &code[5..]),
        _ => code.to_string(),
    }
}

/// A code as a customer typed it (any case, with or without the dash or spaces), as stored;
/// `None` when it cannot be one.
pub fn read_receipt_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '.'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let fits = code.len() == RECEIPT_CODE_CHARS && code.bytes().all(|b| CODE_ALPHABET.contains(&b));
    fits.then_some(code)
}

/// The URL a receipt QR carries: upper case so QR alphanumeric mode applies.
pub fn receipt_url(public_url: &str, token: &str) -> String {
    format!("{}/R/{token}", public_url.trim_end_matches('/')).to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_link_codes_name_their_member_and_nothing_else_passes() {
        let shop = ShopSecret::from_bytes([7; 32]);
        let code = shop.sign_chat_link("00DXWA8", 99);
        assert_eq!(code.len(), CHAT_LINK_CHARS);
        assert!(crate::domain::messages::is_link_code(&code));
        assert_eq!(shop.verify_chat_link(&code).as_deref(), Some("00DXWA8"));
        assert_ne!(shop.sign_chat_link("00DXWA8", 100), code);
        assert_eq!(
            ShopSecret::from_bytes([8; 32]).verify_chat_link(&code),
            None
        );
        let mut altered = code.clone().into_bytes();
        altered[3] = if altered[3] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            shop.verify_chat_link(&String::from_utf8(altered).unwrap()),
            None
        );
        assert_eq!(shop.verify_chat_link(&code[..33]), None);
        // An unsubscribe token for a chat names the chat; the email and SMS ones are as before.
        for channel in Channel::ALL {
            let t = shop.sign_unsubscribe(42, channel);
            assert_eq!(shop.verify_unsubscribe(&t), Some((42, channel)));
        }
    }

    #[test]
    fn copy_requests_hold_for_their_chain_within_five_minutes_only() {
        let chain = ShopSecret::from_bytes([7; 32]);
        let other = ShopSecret::from_bytes([8; 32]);
        let signed = chain.sign_copy(1_000_000);
        assert!(chain.check_copy(&signed, 1_000_000));
        assert!(chain.check_copy(&signed, 1_000_000 + COPY_REQUEST_SECONDS));
        assert!(chain.check_copy(&signed, 1_000_000 - COPY_REQUEST_SECONDS));
        assert!(!chain.check_copy(&signed, 1_000_000 + COPY_REQUEST_SECONDS + 1));
        assert!(!other.check_copy(&signed, 1_000_000));
        // Another time under the same tag, or the tag altered, does not pass.
        let (_, tag) = signed.split_once('.').unwrap();
        assert!(!chain.check_copy(&format!("1000001.{tag}"), 1_000_000));
        assert!(!chain.check_copy(&signed.replace('.', ".0"), 1_000_000));
        assert!(!chain.check_copy("", 1_000_000));
        // Nothing of the chain's secret signs a reach check's nonce the same way.
        assert_ne!(chain.sign_reach("1000000"), tag);
    }

    #[test]
    fn receipt_codes_are_ten_unconfusable_characters_read_back_however_typed() {
        let code = receipt_code(0x0123_4567_89ab_cdef);
        assert_eq!(code.len(), 10);
        assert!(!code.contains(['0', '1', 'I', 'L', 'O', 'U']), "{code}");
        assert_ne!(code, receipt_code(0x0123_4567_89ab_cdee));
        let printed = receipt_code_printed(&code);
        assert_eq!(printed.len(), 11);
        assert_eq!(read_receipt_code(&printed), Some(code.clone()));
        assert_eq!(
            read_receipt_code(&printed.to_lowercase()),
            Some(code.clone())
        );
        assert_eq!(read_receipt_code(&format!(" {} ", code)), Some(code));
        assert_eq!(read_receipt_code("OOOOO-IIIII"), None);
        assert_eq!(read_receipt_code("ABC"), None);
    }

    #[test]
    fn a_reach_answer_checks_only_with_its_shop_and_nonce() {
        let ours = ShopSecret::from_bytes([7; 32]);
        let theirs = ShopSecret::from_bytes([8; 32]);
        let answer = ours.sign_reach("n0nce");
        assert!(ours.check_reach("n0nce", &answer));
        assert!(!ours.check_reach("other", &answer));
        assert!(!theirs.check_reach("n0nce", &answer));
        assert!(!ours.check_reach("n0nce", "not base32 at all!"));
    }

    #[test]
    fn chain_token_ids_name_the_till_and_its_visit() {
        let id = chain_token_id(3, 41).unwrap();
        assert_eq!(split_chain_token_id(id), (3, 41));
        assert_eq!(chain_token_id(0, 41), None);
        assert_eq!(chain_token_id(1024, 41), None);
        assert_eq!(chain_token_id(1, 1 << CHAIN_VISIT_BITS), None);
        let s = ShopSecret::from_bytes([9; 32]);
        assert_eq!(s.verify(&s.sign_visit(id)), Some(id));
        let hex = "09".repeat(32);
        assert_eq!(
            ShopSecret::from_hex(&hex).unwrap().sign_visit(5),
            s.sign_visit(5)
        );
        assert!(ShopSecret::from_hex("zz").is_none());
    }

    #[test]
    fn unsubscribe_tokens_are_their_own() {
        let s = ShopSecret::from_bytes([5; 32]);
        let t = s.sign_unsubscribe(42, Channel::Sms);
        assert_eq!(s.verify_unsubscribe(&t), Some((42, Channel::Sms)));
        let e = s.sign_unsubscribe(42, Channel::Email);
        assert_eq!(s.verify_unsubscribe(&e), Some((42, Channel::Email)));
        // Neither kind of token passes as the other.
        assert_eq!(s.verify(&t), None);
        assert_eq!(s.verify_unsubscribe(&s.sign_visit(84)), None);
        let other = ShopSecret::from_bytes([6; 32]);
        assert_eq!(other.verify_unsubscribe(&t), None);
    }

    #[test]
    fn form_tokens_are_scoped_and_expire() {
        let s = ShopSecret::from_bytes([7; 32]);
        let t = s.form_token("ABC", 1_000_000);
        assert!(s.check_form_token("ABC", &t, 1_000_100));
        assert!(!s.check_form_token("ABD", &t, 1_000_100));
        assert!(!s.check_form_token("ABC", &t, 1_000_000 + FORM_TOKEN_SECONDS + 1));
        assert!(!s.check_form_token("ABC", "", 1_000_100));
        let forged = format!("1000001.{}", t.split_once('.').unwrap().1);
        assert!(!s.check_form_token("ABC", &forged, 1_000_100));
    }

    #[test]
    fn round_trip_and_forgery() {
        let s = ShopSecret::from_bytes([7; 32]);
        let t = s.sign_visit(123_456);
        assert_eq!(t.len(), 24);
        assert!(
            t.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        );
        assert_eq!(s.verify(&t), Some(123_456));
        let other = ShopSecret::from_bytes([8; 32]);
        assert_eq!(other.verify(&t), None);
        assert_eq!(s.verify(&t[..23]), None);
        let mut altered = t.clone().into_bytes();
        altered[3] = if altered[3] == b'A' { b'B' } else { b'A' };
        assert_eq!(s.verify(std::str::from_utf8(&altered).unwrap()), None);
        assert_eq!(s.verify("ÄÄÄÄÄÄÄÄÄÄÄÄ"), None);
    }

    #[test]
    fn url_is_upper_case() {
        assert_eq!(
            receipt_url("http://192.168.1.20:8080/", "ABC"),
            "HTTP://192.168.1.20:8080/R/ABC"
        );
    }
}
