//! The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while
//! a customer is still a regular they visit as a Poisson process (rate λ ~ Gamma(r, α)), and
//! after each visit they may drop away for good (probability p ~ Beta(a, b)). Fitted by
//! maximum likelihood to each customer's repeat visits `x`, the time of their last visit
//! `t_x` and their age `T` (all from their first visit, in any one unit of time).

use super::optimize::minimize_sampled;
use super::{FitError, History};
use statrs::function::gamma::ln_gamma;

/// The four parameters.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

impl BgNbd {
    /// The log-likelihood of every customer's history under these parameters.
    pub fn log_likelihood(&self, customers: &[History]) -> f64 {
        let table = Table::new(self, customers);
        super::sum_over(customers, |c| {
            table.one(self, c.frequency as usize, c.recency, c.age)
        })
    }

    /// The parameters that make the histories most likely, with that log-likelihood.
    pub fn fit(customers: &[History]) -> Result<(BgNbd, f64), FitError> {
        if customers.iter().all(|c| c.frequency == 0) {
            return Err(FitError::NoRepeats);
        }
        // In units where the oldest customer is 10 old, as α then is near 1 (lifetimes does
        // the same): the simplex moves alike in every direction.
        let oldest = customers.iter().map(|c| c.age).fold(0.0, f64::max);
        let scale = if oldest > 0.0 { 10.0 / oldest } else { 1.0 };
        let scaled: Vec<History> = customers
            .iter()
            .map(|c| History {
                recency: c.recency * scale,
                age: c.age * scale,
                ..*c
            })
            .collect();
        let at = |x: &[f64]| BgNbd {
            r: x[0].exp(),
            alpha: x[1].exp(),
            a: x[2].exp(),
            b: x[3].exp(),
        };
        let m = minimize_sampled(
            &scaled,
            |c, x| -at(x).log_likelihood(c) / c.len() as f64,
            &[0.0; 4],
        );
        let p = at(&m.x);
        if !m.converged {
            return Err(FitError::NotConverged {
                iterations: m.iterations,
            });
        }
        super::inside(&[("r", p.r), ("α", p.alpha), ("a", p.a), ("b", p.b)])?;
        let fitted = BgNbd {
            alpha: p.alpha / scale,
            ..p
        };
        Ok((fitted, fitted.log_likelihood(customers)))
    }

    /// The probability that a customer with this history is still a regular at `age`.
    pub fn p_alive(&self, frequency: u32, recency: f64, age: f64) -> f64 {
        if frequency == 0 {
            return 1.0;
        }
        let x = f64::from(frequency);
        let odds = (self.a / (self.b + x - 1.0))
            * ((self.alpha + age) / (self.alpha + recency)).powf(self.r + x);
        1.0 / (1.0 + odds)
    }

    /// The visits expected from a customer with this history in the next `t` (equation 10
    /// of the paper).
    pub fn expected_visits(&self, t: f64, frequency: u32, recency: f64, age: f64) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        let x = f64::from(frequency);
        let z = t / (alpha + age + t);
        let f = hyp2f1(r + x, b + x, a + b + x - 1.0, z);
        let head = (a + b + x - 1.0) / (a - 1.0);
        let tail = 1.0 - ((alpha + age) / (alpha + age + t)).powf(r + x) * f;
        let alive = if frequency > 0 {
            1.0 + (a / (b + x - 1.0)) * ((alpha + age) / (alpha + recency)).powf(r + x)
        } else {
            1.0
        };
        head * tail / alive
    }
}

/// The parts of each customer's likelihood that depend only on their number of repeat visits,
/// worked out once for each number (a fit evaluates the likelihood hundreds of times).
struct Table {
    /// ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b), by x.
    common: Vec<f64>,
    /// ln a − ln(b+x−1), by x (unused for x = 0).
    dropped: Vec<f64>,
}

impl Table {
    fn new(p: &BgNbd, customers: &[History]) -> Table {
        let most = customers.iter().map(|c| c.frequency).max().unwrap_or(0) as usize;
        let base = -ln_gamma(p.r) + p.r * p.alpha.ln() + ln_gamma(p.a + p.b) - ln_gamma(p.b);
        let common = (0..=most)
            .map(|x| {
                let x = x as f64;
                base + ln_gamma(p.r + x) + ln_gamma(p.b + x) - ln_gamma(p.a + p.b + x)
            })
            .collect();
        let dropped = (0..=most)
            .map(|x| p.a.ln() - (p.b + x as f64 - 1.0).ln())
            .collect();
        Table { common, dropped }
    }

    fn one(&self, p: &BgNbd, x: usize, t_x: f64, age: f64) -> f64 {
        let rx = p.r + x as f64;
        let still = -rx * (p.alpha + age).ln();
        let total = if x > 0 {
            let gone = self.dropped[x] - rx * (p.alpha + t_x).ln();
            log_add_exp(still, gone)
        } else {
            still
        };
        self.common[x] + total
    }
}

fn log_add_exp(a: f64, b: f64) -> f64 {
    let m = a.max(b);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + ((a - m).exp() + (b - m).exp()).ln()
}

/// Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, by its series; NaN when
/// the series does not settle.
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> f64 {
    let (mut term, mut sum) = (1.0f64, 1.0f64);
    for n in 0..200_000 {
        let n = n as f64;
        term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
        sum += term;
        if term.abs() <= 1e-15 * sum.abs() {
            return sum;
        }
        if !sum.is_finite() {
            break;
        }
    }
    f64::NAN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hypergeometric_series_matches_closed_forms() {
        // ₂F₁(1, 1; 2; z) = −ln(1−z)/z.
        for z in [0.1, 0.5, 0.9, 0.99] {
            let want = -(1.0f64 - z).ln() / z;
            assert!(
                (hyp2f1(1.0, 1.0, 2.0, z) - want).abs() < 1e-10 * want,
                "{z}"
            );
        }
    }

    #[test]
    fn a_customer_long_gone_is_less_likely_alive() {
        let p = BgNbd {
            r: 0.243,
            alpha: 4.414,
            a: 0.793,
            b: 2.426,
        };
        let recent = p.p_alive(5, 38.0, 39.0);
        let gone = p.p_alive(5, 10.0, 39.0);
        assert!(recent > 0.8 && gone < 0.05 && gone > 0.0, "{recent} {gone}");
        assert_eq!(p.p_alive(0, 0.0, 39.0), 1.0);
        // Expected visits grow with the window and are fewer for the one who stopped coming.
        let (a, b) = (
            p.expected_visits(10.0, 5, 38.0, 39.0),
            p.expected_visits(20.0, 5, 38.0, 39.0),
        );
        assert!(a > 0.0 && b > a, "{a} {b}");
        assert!(p.expected_visits(10.0, 5, 10.0, 39.0) < a);
    }

    /// The paper's worked example: customer 1 of CDNOW (2 repeat purchases, the last at week
    /// 30.43, first bought 38.86 weeks ago) is expected to buy 1.226 times in the next 39.
    #[test]
    fn expected_visits_match_the_paper_s_example() {
        let p = BgNbd {
            r: 0.2426,
            alpha: 4.4136,
            a: 0.7929,
            b: 2.4259,
        };
        let e = p.expected_visits(39.0, 2, 30.43, 38.86);
        assert!((e - 1.226).abs() < 0.005, "{e}");
    }
}
