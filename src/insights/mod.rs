//! Who is slipping away: the BG/NBD model of repeat visits and the Gamma-Gamma model of spend
//! per visit, fitted by maximum likelihood to a shop's own history (or to any summary table,
//! for analysts), and what they predict for each member.
//!
//! This layer depends on nothing above `domain`; the store gives it histories.

pub mod bgnbd;
pub mod gamma_gamma;
pub mod optimize;

pub use bgnbd::BgNbd;
pub use gamma_gamma::GammaGamma;

/// One customer's history, counted from their first visit, in any one unit of time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct History {
    /// Repeat visits (every visit after the first).
    pub frequency: u32,
    /// When the last visit was.
    pub recency: f64,
    /// How long ago the first visit was (the paper's T).
    pub age: f64,
    /// The mean spend of the repeat visits, when known.
    pub spend: Option<f64>,
}

/// Why a model could not be fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FitError {
    #[error("no customer has come back yet, so there is nothing to fit")]
    NoRepeats,
    #[error("the fit did not settle after {iterations} steps")]
    NotConverged { iterations: usize },
    #[error("the fit ran off to the edge: {parameter} went to zero or infinity")]
    Edge { parameter: &'static str },
    #[error("line {line} of the summary: {why}")]
    BadRow { line: u64, why: String },
    #[error("the summary has no column '{0}'")]
    MissingColumn(&'static str),
    #[error("the summary could not be read: {0}")]
    Unreadable(String),
}

/// `f` summed over `items`, on every core when there are many (a fit sums its likelihood
/// over every member a few hundred times).
pub(crate) fn sum_over<T: Sync>(items: &[T], f: impl Fn(&T) -> f64 + Sync) -> f64 {
    const ALONE: usize = 20_000;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if items.len() < ALONE || threads == 1 {
        return items.iter().map(&f).sum();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let parts: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(|| part.iter().map(&f).sum::<f64>()))
            .collect();
        parts
            .into_iter()
            .map(|p| p.join().unwrap_or(f64::NAN))
            .sum()
    })
}

/// Checks that a fit ended inside the space, not running off towards zero or infinity (a
/// history in which, say, no one ever drops away has no best fit, only a direction): each
/// parameter, in the fit's scaled units, between 10⁻⁶ and 10⁶.
pub(crate) fn inside(parameters: &[(&'static str, f64)]) -> Result<(), FitError> {
    for (parameter, v) in parameters {
        if !(1e-6..=1e6).contains(v) {
            return Err(FitError::Edge { parameter });
        }
    }
    Ok(())
}

/// Both models fitted to one set of histories.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Fitted {
    pub customers: usize,
    pub bgnbd: BgNbd,
    pub bgnbd_log_likelihood: f64,
    /// When the histories had spends and some repeat buyers.
    pub gamma_gamma: Option<GammaGamma>,
    pub gamma_gamma_log_likelihood: Option<f64>,
    pub repeat_buyers: usize,
}

/// Fits both models (the Gamma-Gamma one when spends are known).
pub fn fit(histories: &[History]) -> Result<Fitted, FitError> {
    let (bgnbd, ll) = BgNbd::fit(histories)?;
    let repeat_buyers = histories.iter().filter(|h| h.frequency > 0).count();
    let spends = histories.iter().any(|h| h.spend.is_some());
    let gg = if spends {
        Some(GammaGamma::fit(histories)?)
    } else {
        None
    };
    Ok(Fitted {
        customers: histories.len(),
        bgnbd,
        bgnbd_log_likelihood: ll,
        gamma_gamma: gg.map(|g| g.0),
        gamma_gamma_log_likelihood: gg.map(|g| g.1),
        repeat_buyers,
    })
}

/// Reads a summary table with columns `frequency`, `recency`, `T` and optionally
/// `monetary_value` (the names the `lifetimes` package uses; other columns are ignored).
pub fn read_summary(reader: impl std::io::Read) -> Result<Vec<History>, FitError> {
    let mut csv = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(reader);
    let headers = csv
        .headers()
        .map_err(|e| FitError::Unreadable(e.to_string()))?
        .clone();
    let column = |name: &'static str| headers.iter().position(|h| h == name);
    let frequency = column("frequency").ok_or(FitError::MissingColumn("frequency"))?;
    let recency = column("recency").ok_or(FitError::MissingColumn("recency"))?;
    let age = column("T").ok_or(FitError::MissingColumn("T"))?;
    let spend = column("monetary_value");
    let mut out = Vec::new();
    for (i, row) in csv.records().enumerate() {
        let line = i as u64 + 2;
        let row = row.map_err(|e| FitError::Unreadable(e.to_string()))?;
        let bad = |why: String| FitError::BadRow { line, why };
        let number = |at: usize, name: &str| -> Result<f64, FitError> {
            let text = row.get(at).unwrap_or("");
            let v: f64 = text
                .parse()
                .map_err(|_| bad(format!("{name} '{text}' is not a number")))?;
            if !v.is_finite() || v < 0.0 {
                return Err(bad(format!("{name} {v} is below zero or not finite")));
            }
            Ok(v)
        };
        let f = number(frequency, "frequency")?;
        if f.fract() != 0.0 || f > f64::from(u32::MAX) {
            return Err(bad(format!(
                "frequency {f} is not a whole number of visits"
            )));
        }
        let (r, t) = (number(recency, "recency")?, number(age, "T")?);
        if r > t {
            return Err(bad(format!("recency {r} is after T {t}")));
        }
        if f > 0.0 && r == 0.0 {
            return Err(bad("a customer with repeat visits has recency 0".into()));
        }
        let spend = match spend {
            Some(at) if f > 0.0 => Some(number(at, "monetary_value")?),
            _ => None,
        };
        out.push(History {
            frequency: f as u32,
            recency: r,
            age: t,
            spend,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CDNOW: &str = include_str!("../../tests/fixtures/cdnow_customers_summary.csv");

    fn near(got: f64, published: f64) -> bool {
        ((got - published) / published).abs() <= 0.005
    }

    /// Fader, Hardie & Lee (2005), table 1 and Fader & Hardie's Gamma-Gamma note, on the
    /// CDNOW sample's 39-week calibration period.
    #[test]
    fn both_models_fitted_to_cdnow_match_the_published_parameters() {
        let histories = read_summary(CDNOW.as_bytes()).unwrap();
        assert_eq!(histories.len(), 2357);
        let f = fit(&histories).unwrap();
        let b = f.bgnbd;
        for (got, published) in [(b.r, 0.243), (b.alpha, 4.414), (b.a, 0.793), (b.b, 2.426)] {
            assert!(near(got, published), "{b:?}");
        }
        // The paper's log-likelihood, −9,582.4.
        assert!((f.bgnbd_log_likelihood + 9582.4).abs() < 0.1, "{f:?}");
        assert_eq!(f.repeat_buyers, 946);
        let g = f.gamma_gamma.unwrap();
        for (got, published) in [(g.p, 6.25), (g.q, 3.74), (g.v, 15.44)] {
            assert!(near(got, published), "{g:?}");
        }
    }

    #[test]
    fn a_bad_row_is_named_by_its_line() {
        let table = "frequency,recency,T\n1,2,5\n2,7,5\n";
        assert_eq!(
            read_summary(table.as_bytes()),
            Err(FitError::BadRow {
                line: 3,
                why: "recency 7 is after T 5".into()
            })
        );
        assert_eq!(
            read_summary("frequency,T\n1,5\n".as_bytes()),
            Err(FitError::MissingColumn("recency"))
        );
        // Everyone who came back is here now and no one has dropped away: no best fit.
        let alike: Vec<History> = (0..300)
            .map(|i| History {
                frequency: 1,
                recency: 30.0,
                age: if i < 5 { 33.0 } else { 30.0 },
                spend: Some(15.0),
            })
            .collect();
        assert!(
            matches!(
                BgNbd::fit(&alike),
                Err(FitError::Edge { .. } | FitError::NotConverged { .. })
            ),
            "{:?}",
            BgNbd::fit(&alike)
        );
        let none = read_summary("frequency,recency,T\n0,0,5\n0,0,9\n".as_bytes()).unwrap();
        assert_eq!(fit(&none), Err(FitError::NoRepeats));
    }
}
