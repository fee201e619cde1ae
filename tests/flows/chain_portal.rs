//! One chain secret: a receipt printed in one shop opens on any shop's customer pages, where
//! the customer can rate the visit, and it reaches the shop that sold. A forged or altered
//! link gets the same 404 in every shop; a receipt printed before the till joined the chain
//! still opens at its own shop.

use crate::chain::{enrol, sync, till};
use crate::common::run_json;
use crate::pg::Postgres;
use crate::portal::{Shop, form_token, visit_path};

#[test]
fn a_receipt_from_one_shop_opens_in_every_shop() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    run_json(riga.path(), &["central", "init"]);
    let anna = enrol(riga.path(), "Anna Bērziņa");
    // Before Riga's first sync: its own secret signs the receipt.
    let early = run_json(
        riga.path(),
        &["sale", "record", "--amount", "4.00", "--customer", &anna],
    );
    sync(riga.path());
    sync(dublin.path());
    // Now the chain's does.
    let late = run_json(
        riga.path(),
        &["sale", "record", "--amount", "7.50", "--customer", &anna],
    );
    sync(riga.path());
    sync(dublin.path());
    let (riga, dublin) = (
        Shop::in_dir(riga, "", "127.0.0.1:0"),
        Shop::in_dir(dublin, "", "127.0.0.1:0"),
    );
    let (early, late) = (visit_path(&early), visit_path(&late));

    let page = dublin.get(&late);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("Hi Anna!") && page.body.contains("€7.50"),
        "{}",
        page.body
    );
    assert_eq!(riga.get(&late).status, 200);
    assert_eq!(
        riga.get(&early).status,
        200,
        "an earlier receipt opens at its own shop"
    );
    let unknown = dublin.get(&early);
    assert_eq!(unknown.status, 404, "signed with Riga's own secret");

    // A forged or altered link: the same 404 in every shop, nothing looked up.
    let mut altered = late.clone().into_bytes();
    let last = altered.len() - 1;
    altered[last] = if altered[last] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).unwrap();
    for shop in [&riga, &dublin] {
        let a = shop.get(&altered);
        assert_eq!((a.status, &a.body), (unknown.status, &unknown.body));
    }

    // Dublin's copy of the Riga visit carries the same link (a reprint there opens too).
    {
        let store =
            regulars::store::Store::open(&crate::common::db(dublin.path()), crate::common::rules())
                .unwrap();
        let secret = regulars::datadir::DataDir::resolve(Some(dublin.path().to_path_buf()))
            .unwrap()
            .secret()
            .unwrap();
        let mut store = store;
        let token = store
            .read(|t| {
                let id: i64 = t.counter().visit_id_for_receipt("riga-1/V2")?;
                t.counter().receipt_token(id, &secret)
            })
            .unwrap();
        assert_eq!(format!("/r/{token}"), late);
    }

    // She rates the Riga visit on Dublin's pages; Riga hears of it.
    let form = form_token(&page.body);
    let rated = dublin.post(
        &format!("{late}/rating"),
        &[("form", &form), ("stars", "5")],
    );
    assert!(rated.status == 200 || rated.status == 303, "{}", rated.body);
    assert_eq!(dublin.count("SELECT COUNT(*) FROM ratings"), 1);
    sync(dublin.path());
    sync(riga.path());
    assert_eq!(
        riga.count("SELECT COUNT(*) FROM ratings WHERE stars = 5"),
        1
    );
}

#[test]
fn another_shops_receipt_names_the_shop_that_printed_it_even_if_taken_before_an_upgrade() {
    let pg = Postgres::start();
    let riga = till(&pg.url(), "riga", "riga-1");
    crate::chain::name_shop(riga.path(), "Kafejnīca Rīga");
    let dublin = till(&pg.url(), "dublin", "dublin-1");
    crate::chain::name_shop(dublin.path(), "Dublin Beans");
    run_json(riga.path(), &["central", "init"]);
    sync(riga.path());
    let sale = run_json(riga.path(), &["sale", "record", "--amount", "3.00"]);
    sync(riga.path());
    sync(dublin.path());
    // As if Dublin had taken Riga's sale before it kept which shop each till belongs to (an
    // upgrade in the middle of the chain's life): its next sync learns it from the chain.
    crate::common::connect(crate::common::db(dublin.path()))
        .unwrap()
        .execute("DELETE FROM chain_tills", [])
        .unwrap();
    sync(dublin.path());
    let dublin = Shop::in_dir(dublin, "", "127.0.0.1:0");
    let page = dublin.get(&visit_path(&sale));
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("<title>Your visit to Kafejnīca Rīga")
            && !page.body.contains("Dublin Beans"),
        "{}",
        page.body
    );
}
