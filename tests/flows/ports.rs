//! Ports for servers a test starts after telling the shop where they will be.

/// A free port on loopback for a server a test starts later (the shop is told of it first).
/// It is picked below the range the system hands out to outgoing connections, so no other
/// test's connection can take it in the meantime; only another deliberate pick could.
pub fn free_port() -> u16 {
    let low: u16 = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|r| r.split_whitespace().next().and_then(|p| p.parse().ok()))
        .unwrap_or(32768);
    let low = low.max(1025);
    let floor = 10_000u16.min(low.saturating_sub(1000)).max(1024);
    for _ in 0..1000 {
        let port = floor + rand::random_range(0..low - floor);
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    // No free port there (a system handing out nearly every port): any the system gives.
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
