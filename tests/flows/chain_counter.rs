//! The counter of a chain's till whose central store has gone silent (it accepts the
//! connection and never answers): a redemption waits on its own thread, the next sale is
//! recorded meanwhile, and the redemption then says it needs the connection, recording
//! nothing.

use crate::chain::{balance, edit_config, enrol};
use crate::common::run_json;
use crate::runtime::{counter, tick_until};
use regulars::runtime::Intent;

#[test]
fn a_silent_central_store_never_holds_up_the_next_sale() {
    // A server that takes connections and says nothing.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let held = std::thread::spawn(move || {
        let mut open = Vec::new();
        for s in silent.incoming().take(8) {
            open.push(s);
        }
        open
    });
    let dir = tempfile::tempdir().unwrap();
    run_json(dir.path(), &["stats"]);
    let anna = enrol(dir.path(), "Anna");
    run_json(
        dir.path(),
        &["sale", "record", "--amount", "50.00", "--customer", &anna],
    );
    let url = format!("postgresql://postgres@127.0.0.1:{port}/postgres");
    edit_config(
        dir.path(),
        "[central]\n",
        &format!(
            "[central]\nurl = \"{url}\"\nshop_id = \"riga\"\ntill_id = \"riga-1\"\nevery = 3600\n"
        ),
    );
    let mut c = counter(dir.path());
    c.send(Intent::Open(anna.clone()));
    tick_until(&mut c, "Anna on screen", |s| {
        s.customer.as_ref().is_some_and(|v| v.code == anna)
    });
    c.send(Intent::Redeem("coffee".into()));
    c.send(Intent::Sale("3.00".into()));
    tick_until(&mut c, "the sale", |s| s.sales_recorded == 1);
    // The redemption still waits (it answers last: its notice is the one left on screen).
    assert!(c.state().busy >= 1, "{:?}", c.state().notice);
    tick_until(&mut c, "the redemption's answer", |s| {
        s.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("needs the connection"))
    });
    drop(c);
    assert_eq!(
        balance(dir.path(), &anna),
        53,
        "the sale counted, the redemption did not"
    );
    drop(held);
}
