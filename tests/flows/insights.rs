//! `regulars insights`: the models of who is slipping away, from the command line.

use crate::chain::edit_config;
use crate::common::{run, run_json};

const CDNOW: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/cdnow_customers_summary.csv"
);

#[test]
fn an_analyst_fits_both_models_to_a_summary_table() {
    let dir = tempfile::tempdir().unwrap();
    let f = run_json(dir.path(), &["insights", "fit", "--summary", CDNOW]);
    let near = |got: &serde_json::Value, published: f64| {
        ((got.as_f64().unwrap() - published) / published).abs() <= 0.005
    };
    let b = &f["bgnbd"];
    assert!(
        near(&b["r"], 0.243) && near(&b["alpha"], 4.414) && near(&b["a"], 0.793),
        "{f}"
    );
    assert!(near(&b["b"], 2.426), "{f}");
    let g = &f["gamma_gamma"];
    assert!(
        near(&g["p"], 6.25) && near(&g["q"], 3.74) && near(&g["v"], 15.44),
        "{f}"
    );
    assert_eq!(f["repeat_buyers"], 946);

    // In the shop's language, with its numbers.
    edit_config(dir.path(), "[shop]\n", "[shop]\nlanguage = \"lv\"\n");
    let (code, out, err) = run(dir.path(), &["insights", "fit", "--summary", CDNOW]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2357 klienti: r = 0,2426") || out.contains("2 357 klienti: r = 0,2426"),
        "{out}"
    );

    // A table with a mistake: the line is named, nothing is fitted, exit code 2.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "frequency,recency,T\n1,2,5\n2,seven,5\n").unwrap();
    let (code, out, err) = run(
        dir.path(),
        &["insights", "fit", "--summary", bad.to_str().unwrap()],
    );
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("Tabulas 3. rinda") && err.contains("seven"),
        "{err}"
    );
    let none = dir.path().join("none.csv");
    std::fs::write(&none, "frequency,recency,T\n0,0,5\n").unwrap();
    let (code, _, err) = run(
        dir.path(),
        &["insights", "fit", "--summary", none.to_str().unwrap()],
    );
    assert_eq!(code, 2);
    assert!(err.contains("Neviens klients vēl nav atgriezies"), "{err}");
}
