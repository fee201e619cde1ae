//! The Gamma-Gamma model of spend per visit (Fader & Hardie 2013, "The Gamma-Gamma Model of
//! Monetary Value"): each visit's spend is Gamma(p, ν) around the customer's own mean, with
//! ν ~ Gamma(q, γ) across customers. Fitted to repeat buyers' number of repeat visits and
//! mean spend on them.

use super::optimize::minimize_sampled;
use super::{FitError, History};
use statrs::function::gamma::ln_gamma;

/// A repeat buyer as the likelihood reads them: repeat visits and mean spend, with their
/// logarithms worked out once.
#[derive(Clone)]
struct Buyer {
    x: f64,
    m: f64,
    ln_x: f64,
    ln_m: f64,
}

impl Buyer {
    fn all(customers: &[History]) -> Vec<Buyer> {
        customers
            .iter()
            .filter(|c| c.frequency > 0)
            .filter_map(|c| {
                let m = c.spend.filter(|m| *m > 0.0)?;
                let x = f64::from(c.frequency);
                Some(Buyer {
                    x,
                    m,
                    ln_x: x.ln(),
                    ln_m: m.ln(),
                })
            })
            .collect()
    }
}

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
        self.log_likelihood_of(&Buyer::all(customers))
    }

    fn log_likelihood_of(&self, buyers: &[Buyer]) -> f64 {
        let GammaGamma { p, q, v } = *self;
        let base = -ln_gamma(q) + q * v.ln();
        // ln Γ(px+q) − ln Γ(px), once for each number of repeat visits.
        let most = buyers.iter().map(|b| b.x as usize).max().unwrap_or(0);
        let by_x: Vec<f64> = (0..=most)
            .map(|x| {
                let px = p * x as f64;
                if x == 0 {
                    0.0
                } else {
                    ln_gamma(px + q) - ln_gamma(px)
                }
            })
            .collect();
        super::sum_over(buyers, |b| {
            let px = p * b.x;
            base + by_x[b.x as usize] + (px - 1.0) * b.ln_m + px * b.ln_x
                - (px + q) * (v + b.m * b.x).ln()
        })
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
        let scaled = Buyer::all(&scaled);
        let at = |x: &[f64]| GammaGamma {
            p: x[0].exp(),
            q: x[1].exp(),
            v: x[2].exp(),
        };
        let m = minimize_sampled(
            &scaled,
            |b, x| -at(x).log_likelihood_of(b) / b.len() as f64,
            &[0.0; 3],
        );
        let g = at(&m.x);
        if !m.converged {
            return Err(FitError::NotConverged {
                iterations: m.iterations,
            });
        }
        super::inside(&[("p", g.p), ("q", g.q), ("γ", g.v)])?;
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
