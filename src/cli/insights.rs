//! `regulars insights`: the models of who is slipping away.

use super::Output;
use super::args::{InsightsArgs, InsightsCmd};
use super::commands::{Ctx, to_json};
use anyhow::{Context as _, Result};
use serde_json::json;

pub(super) fn insights(ctx: &Ctx, args: InsightsArgs) -> Result<Output> {
    match args.command {
        Some(InsightsCmd::Fit { summary }) => fit_summary(ctx, &summary),
        Some(InsightsCmd::Refit) => refit(ctx),
        None => list(ctx, args.limit, args.csv.as_deref()),
    }
}

/// `insights refit`: fits the models to the shop's history now and scores every member.
fn refit(ctx: &Ctx) -> Result<Output> {
    let mut store = ctx.store()?;
    let r = store.refit_insights(ctx.now)?;
    if let Some(e) = r.failed {
        return Err(e.into());
    }
    let w = ctx.words();
    let mut lines = vec![w.t_args(
        "cli-insights-refit",
        &[
            ("members", (r.members as i64).into()),
            ("repeat", (r.repeat_members as i64).into()),
            ("slipping", (r.slipping as i64).into()),
        ],
    )];
    lines.push(method_line(ctx, r.method, r.repeat_members as i64));
    Ok(Output {
        text: lines.join("\n"),
        json: to_json(&r),
    })
}

fn method_line(ctx: &Ctx, method: &str, repeat: i64) -> String {
    let w = ctx.words();
    if method == "models" {
        w.t("cli-insights-models")
    } else {
        w.t_args(
            "cli-insights-grid",
            &[
                ("repeat", repeat.into()),
                ("needed", (crate::store::MIN_REPEAT_MEMBERS as i64).into()),
            ],
        )
    }
}

/// `insights`: the members worth a call this week, most at stake first.
fn list(ctx: &Ctx, limit: usize, csv: Option<&std::path::Path>) -> Result<Output> {
    let mut store = ctx.store()?;
    let (fit, members) =
        store.read(|t| Ok((t.figures().insights_fit()?, t.figures().slipping(limit)?)))?;
    let w = ctx.words();
    let Some(fit) = fit else {
        return Ok(Output {
            text: w.t("cli-insights-none"),
            json: json!({"fit": null, "members": []}),
        });
    };
    let mut lines = Vec::new();
    if let Some((at, why)) = &fit.failed_since {
        lines.push(w.t_args(
            "cli-insights-failed",
            &[
                ("when", w.date_time(*at).into()),
                ("why", why.clone().into()),
            ],
        ));
    }
    lines.push(w.t_args(
        "cli-insights-head",
        &[
            ("count", (members.len() as i64).into()),
            ("total", fit.slipping.into()),
            ("when", w.date_time(fit.at).into()),
        ],
    ));
    lines.push(format!(
        "  {}",
        method_line(ctx, &fit.method, fit.repeat_members)
    ));
    for m in &members {
        lines.push(format!("- {}", member_line(ctx, m)));
    }
    if let Some(path) = csv {
        write_csv(path, &members).with_context(|| path.display().to_string())?;
    }
    Ok(Output {
        text: lines.join("\n"),
        json: json!({"fit": to_json(&fit), "members": to_json(&members)}),
    })
}

fn member_line(ctx: &Ctx, m: &crate::store::Slipping) -> String {
    let w = ctx.words();
    let who = match &m.name {
        Some(n) => format!("{n} ({})", m.code),
        None => m.code.clone(),
    };
    let percent = |p: f64| ((p * 100.0).round() as i64).into();
    let outlook = match (m.p_alive, m.previous_p_alive) {
        (Some(p), Some(was)) => w.t_args(
            "cli-insights-chance-was",
            &[("chance", percent(p)), ("was", percent(was))],
        ),
        (Some(p), None) => w.t_args("cli-insights-chance", &[("chance", percent(p))]),
        _ => w.t("cli-insights-away"),
    };
    let mut line = w.t_args(
        "cli-insights-row",
        &[
            ("who", who.into()),
            ("days", ((ctx.now - m.last_visit_at) / 86_400).into()),
            ("visits", m.visits.into()),
            ("spend", ctx.money(m.usual_spend).into()),
            ("stake", ctx.money(m.at_stake).into()),
            ("outlook", outlook.into()),
        ],
    );
    if m.open_tickets > 0 {
        line.push_str("; ");
        line.push_str(&w.t_args(
            "cli-insights-tickets",
            &[("tickets", m.open_tickets.into())],
        ));
    }
    line
}

fn write_csv(path: &std::path::Path, members: &[crate::store::Slipping]) -> Result<()> {
    let mut out = csv::Writer::from_path(path)?;
    out.write_record([
        "code",
        "name",
        "last_visit_at",
        "visits",
        "usual_spend_minor",
        "p_alive",
        "previous_p_alive",
        "at_stake_minor",
        "open_tickets",
    ])?;
    let opt = |v: Option<f64>| v.map(|p| format!("{p:.4}")).unwrap_or_default();
    for m in members {
        out.write_record([
            m.code.clone(),
            // A customer's name is never a formula in the owner's spreadsheet.
            crate::domain::spreadsheet::safe_cell(m.name.as_deref().unwrap_or_default())
                .into_owned(),
            m.last_visit_at.to_string(),
            m.visits.to_string(),
            m.usual_spend.to_string(),
            opt(m.p_alive),
            opt(m.previous_p_alive),
            m.at_stake.to_string(),
            m.open_tickets.to_string(),
        ])?;
    }
    out.flush()?;
    Ok(())
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
