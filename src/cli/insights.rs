//! `regulars insights`: the models of who is slipping away.

use super::Output;
use super::args::InsightsCmd;
use super::commands::Ctx;
use anyhow::{Context as _, Result};
use serde_json::json;

pub(super) fn insights(ctx: &Ctx, cmd: InsightsCmd) -> Result<Output> {
    match cmd {
        InsightsCmd::Fit { summary } => fit_summary(ctx, &summary),
    }
}

/// `insights fit --summary FILE.csv`: both models' parameters for an analyst's table.
fn fit_summary(ctx: &Ctx, path: &std::path::Path) -> Result<Output> {
    let file = std::fs::File::open(path).with_context(|| path.display().to_string())?;
    let histories = crate::insights::read_summary(std::io::BufReader::new(file))?;
    let f = crate::insights::fit(&histories)?;
    let w = ctx.words();
    let n = |v: f64| w.numbers.fixed(v, 4);
    let mut lines = vec![w.t_args(
        "cli-fit-bgnbd",
        &[
            ("customers", (f.customers as i64).into()),
            ("r", n(f.bgnbd.r).into()),
            ("alpha", n(f.bgnbd.alpha).into()),
            ("a", n(f.bgnbd.a).into()),
            ("b", n(f.bgnbd.b).into()),
            ("ll", w.numbers.fixed(f.bgnbd_log_likelihood, 2).into()),
        ],
    )];
    match (f.gamma_gamma, f.gamma_gamma_log_likelihood) {
        (Some(g), Some(ll)) => lines.push(w.t_args(
            "cli-fit-gamma-gamma",
            &[
                ("buyers", (f.repeat_buyers as i64).into()),
                ("p", n(g.p).into()),
                ("q", n(g.q).into()),
                ("v", n(g.v).into()),
                ("ll", w.numbers.fixed(ll, 2).into()),
            ],
        )),
        _ => lines.push(w.t("cli-fit-no-spend")),
    }
    let gamma_gamma = match (f.gamma_gamma, f.gamma_gamma_log_likelihood) {
        (Some(g), Some(ll)) => json!({"p": g.p, "q": g.q, "v": g.v, "log_likelihood": ll}),
        _ => json!(null),
    };
    Ok(Output {
        text: lines.join("\n"),
        json: json!({
            "customers": f.customers,
            "repeat_buyers": f.repeat_buyers,
            "bgnbd": {
                "r": f.bgnbd.r, "alpha": f.bgnbd.alpha, "a": f.bgnbd.a, "b": f.bgnbd.b,
                "log_likelihood": f.bgnbd_log_likelihood,
            },
            "gamma_gamma": gamma_gamma,
        }),
    })
}
