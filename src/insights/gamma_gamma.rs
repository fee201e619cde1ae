//! The Gamma-Gamma model of spend per visit (Fader & Hardie 2013, "The Gamma-Gamma Model of
//! Monetary Value"): each visit's spend is Gamma(p, ν) around the customer's own mean, with
//! ν ~ Gamma(q, γ) across customers. Fitted to repeat buyers' number of repeat visits and
//! mean spend on them.

use super::optimize::{Settings, minimize};
use super::{FitError, History};
use statrs::function::gamma::ln_gamma;

/// The three parameters (`v` is the paper's γ, as `lifetimes` names it).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct GammaGamma {
    pub p: f64,
    pub q: f64,
    pub v: f64,
}

impl GammaGamma {
    /// The log-likelihood of the repeat buyers' mean spends (customers without repeat visits
    /// or spend are left out).
    pub fn log_likelihood(&self, customers: &[History]) -> f64 {
        let GammaGamma { p, q, v } = *self;
        let base = -ln_gamma(q) + q * v.ln();
        customers
            .iter()
            .filter_map(|c| Some((f64::from(c.frequency), c.spend.filter(|m| *m > 0.0)?)))
            .filter(|(x, _)| *x > 0.0)
            .map(|(x, m)| {
                let px = p * x;
                base + ln_gamma(px + q) - ln_gamma(px) + (px - 1.0) * m.ln() + px * x.ln()
                    - (px + q) * (v + m * x).ln()
            })
            .sum()
    }

    /// The parameters that make the repeat buyers' spends most likely, with that
    /// log-likelihood and how many repeat buyers there were.
    pub fn fit(customers: &[History]) -> Result<(GammaGamma, f64, usize), FitError> {
        let buyers: Vec<History> = customers
            .iter()
            .filter(|c| c.frequency > 0 && c.spend.is_some_and(|m| m > 0.0))
            .copied()
            .collect();
        if buyers.is_empty() {
            return Err(FitError::NoRepeats);
        }
        // In units where the largest mean spend is 10 (only ν scales with the unit).
        let largest = buyers.iter().filter_map(|c| c.spend).fold(0.0, f64::max);
        let scale = 10.0 / largest;
        let scaled: Vec<History> = buyers
            .iter()
            .map(|c| History {
                spend: c.spend.map(|m| m * scale),
                ..*c
            })
            .collect();
        let n = scaled.len() as f64;
        let at = |x: &[f64]| GammaGamma {
            p: x[0].exp(),
            q: x[1].exp(),
            v: x[2].exp(),
        };
        let m = minimize(
            |x| -at(x).log_likelihood(&scaled) / n,
            &[0.0; 3],
            Settings::default(),
        );
        let g = at(&m.x);
        if !m.converged || ![g.p, g.q, g.v].iter().all(|v| v.is_finite()) {
            return Err(FitError::NotConverged {
                iterations: m.iterations,
            });
        }
        let fitted = GammaGamma {
            v: g.v / scale,
            ..g
        };
        Ok((fitted, fitted.log_likelihood(&buyers), buyers.len()))
    }

    /// The spend per visit to expect from a customer with `frequency` repeat visits of mean
    /// `spend` (the population's mean for one with none).
    pub fn expected_spend(&self, frequency: u32, spend: f64) -> f64 {
        let GammaGamma { p, q, v } = *self;
        let x = f64::from(frequency);
        (v + spend * x) * p / (p * x + q - 1.0)
    }
}
