//! How far an address reaches: this computer, the shop's own network, or the internet, told
//! from the address itself (the receipts' QR must open from a phone at home).

use serde::Serialize;
use std::net::IpAddr;

/// Who can open an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Scope {
    /// Any phone, at home on mobile data too.
    #[serde(rename = "internet")]
    Internet,
    /// Phones on the shop's own network (its Wi-Fi).
    #[serde(rename = "local network")]
    LocalNetwork,
    /// Only the computer itself: no phone can.
    #[serde(rename = "this computer")]
    ThisComputer,
}

/// How far an IP address reaches.
pub fn scope_of_ip(ip: IpAddr) -> Scope {
    match ip {
        IpAddr::V4(v4) if v4.is_loopback() || v4.is_unspecified() => Scope::ThisComputer,
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            // Private ranges, link-local, and the carrier-grade NAT range (100.64/10) that
            // phones outside cannot reach either.
            if v4.is_private() || v4.is_link_local() || (a == 100 && (64..128).contains(&b)) {
                Scope::LocalNetwork
            } else {
                Scope::Internet
            }
        }
        IpAddr::V6(v6) if v6.is_loopback() || v6.is_unspecified() => Scope::ThisComputer,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => scope_of_ip(IpAddr::V4(v4)),
            // Unique local (fc00::/7) and link-local (fe80::/10).
            None if (v6.segments()[0] & 0xfe00) == 0xfc00
                || (v6.segments()[0] & 0xffc0) == 0xfe80 =>
            {
                Scope::LocalNetwork
            }
            None => Scope::Internet,
        },
    }
}

/// The host of an `http(s)://host[:port]/…` address, without brackets.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if let Some(v6) = authority.strip_prefix('[') {
        return v6.split_once(']').map(|(h, _)| h);
    }
    let host = authority.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// How far an address reaches, as far as can be told without asking DNS: an address written
/// as an IP, `localhost`, or a `.local` name; `None` for a name only DNS can tell.
pub fn scope_of_url(url: &str) -> Option<Scope> {
    let host = host_of(url)?;
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Some(scope_of_ip(ip));
    }
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") {
        Some(Scope::ThisComputer)
    } else if host.ends_with(".local") || !host.contains('.') {
        Some(Scope::LocalNetwork)
    } else {
        None
    }
}

/// Why an address is refused as the one receipts print: a quick tunnel's random name changes
/// whenever the tunnel restarts, and every receipt printed with it breaks.
pub fn temporary_address(url: &str) -> Option<&'static str> {
    let host = host_of(url)?.to_ascii_lowercase();
    ["trycloudflare.com", "ngrok-free.app", "ngrok.io", "loca.lt"]
        .into_iter()
        .find(|t| host == *t || host.ends_with(&format!(".{t}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_of_addresses() {
        let scope = |s: &str| scope_of_ip(s.parse().unwrap());
        assert_eq!(scope("127.0.0.1"), Scope::ThisComputer);
        assert_eq!(scope("::1"), Scope::ThisComputer);
        assert_eq!(scope("192.168.1.20"), Scope::LocalNetwork);
        assert_eq!(scope("10.0.0.5"), Scope::LocalNetwork);
        assert_eq!(scope("172.20.1.1"), Scope::LocalNetwork);
        assert_eq!(scope("100.101.2.3"), Scope::LocalNetwork);
        assert_eq!(scope("fd12::1"), Scope::LocalNetwork);
        assert_eq!(scope("fe80::1"), Scope::LocalNetwork);
        assert_eq!(scope("::ffff:192.168.0.2"), Scope::LocalNetwork);
        assert_eq!(scope("93.184.216.34"), Scope::Internet);
        assert_eq!(scope("2a00:1450::1"), Scope::Internet);
    }

    #[test]
    fn scopes_of_urls_without_dns() {
        assert_eq!(host_of("http://[fe80::1]:8080/x"), Some("fe80::1"));
        assert_eq!(host_of("https://pages.shop.lv"), Some("pages.shop.lv"));
        assert_eq!(
            scope_of_url("http://localhost:8080"),
            Some(Scope::ThisComputer)
        );
        assert_eq!(
            scope_of_url("http://counter.local:8080"),
            Some(Scope::LocalNetwork)
        );
        assert_eq!(
            scope_of_url("http://192.168.8.4:8080/"),
            Some(Scope::LocalNetwork)
        );
        assert_eq!(scope_of_url("https://pages.shop.lv"), None);
    }

    #[test]
    fn quick_tunnels_are_named() {
        assert_eq!(
            temporary_address("https://ab-cd.trycloudflare.com"),
            Some("trycloudflare.com")
        );
        assert_eq!(temporary_address("https://pages.shop.lv"), None);
    }
}
