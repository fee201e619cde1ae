//! The address receipts carry when `[portal] public_url` is not set.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};

/// This computer's address on the network of its default route (the interface a packet to
/// the internet would leave by), if it has one. Nothing is sent: a UDP socket is only pointed
/// at a documentation address to learn which local address the system would use.
pub fn lan_address() -> Option<IpAddr> {
    let probe = |bind: SocketAddr, to: SocketAddr| -> Option<IpAddr> {
        let socket = UdpSocket::bind(bind).ok()?;
        socket.connect(to).ok()?;
        let ip = socket.local_addr().ok()?.ip();
        (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
    };
    probe(
        (Ipv4Addr::UNSPECIFIED, 0).into(),
        (Ipv4Addr::new(192, 0, 2, 1), 9).into(),
    )
    .or_else(|| {
        probe(
            (Ipv6Addr::UNSPECIFIED, 0).into(),
            (Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1), 9).into(),
        )
    })
}

/// The address receipts carry when `[portal] public_url` is not set: the address the pages
/// listen on when `bind` names one, else this computer's address on the shop's network, with
/// the portal's port; loopback when it has no network at all (then the device bar says phones
/// cannot open it).
pub fn default_public_url(bind: &str) -> String {
    let listening = bind.parse::<SocketAddr>().ok();
    let port = listening.map_or_else(
        || {
            bind.rsplit_once(':')
                .and_then(|(_, p)| p.parse::<u16>().ok())
                .unwrap_or(8080)
        },
        |a| a.port(),
    );
    let named = listening
        .map(|a| a.ip())
        .filter(|ip| !ip.is_unspecified() && !ip.is_loopback());
    match named.or_else(lan_address) {
        Some(IpAddr::V6(v6)) => format!("http://[{v6}]:{port}"),
        Some(ip) => format!("http://{ip}:{port}"),
        None => format!("http://127.0.0.1:{port}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reach::{Scope, scope_of_url};

    #[test]
    fn an_address_the_pages_listen_on_is_the_one_printed() {
        assert_eq!(
            default_public_url("192.168.1.20:8080"),
            "http://192.168.1.20:8080"
        );
    }

    #[test]
    fn the_default_address_is_never_loopback_when_there_is_a_network() {
        let url = default_public_url("0.0.0.0:8123");
        assert!(url.ends_with(":8123"), "{url}");
        if lan_address().is_some() {
            assert_ne!(scope_of_url(&url), Some(Scope::ThisComputer), "{url}");
        }
    }
}
