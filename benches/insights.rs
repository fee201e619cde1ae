//! Fitting the models of who is slipping away (issue "Proactive loyalty"): BG/NBD and
//! Gamma-Gamma fitted to 10,000, 100,000 and 1,000,000 members (goal: under 10 s at a
//! million), and scoring every member (chance of still being a regular, visits expected in
//! 30 and 90 days, spend per visit).
//!
//! The members are drawn from the models themselves with CDNOW-like parameters in days
//! (r 0.24, α 30, a 0.79, b 2.4; p 6.25, q 3.74, γ 15.4), each first seen 1 to 365 days ago,
//! so the fit can also be checked against the truth. `REGULARS_BENCH_MEMBERS` overrides the
//! sizes (comma-separated).

use rand::{RngExt, SeedableRng};
use rand_distr::{Beta, Distribution, Exp, Gamma};
use regulars::insights::{BgNbd, GammaGamma, History, fit};
use std::time::Instant;

const TRUTH: BgNbd = BgNbd {
    r: 0.24,
    alpha: 30.0,
    a: 0.79,
    b: 2.4,
};
const SPEND: GammaGamma = GammaGamma {
    p: 6.25,
    q: 3.74,
    v: 15.4,
};

/// `n` members drawn from the two models.
fn members(n: usize, seed: u64) -> Vec<History> {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let rate = Gamma::new(TRUTH.r, 1.0 / TRUTH.alpha).unwrap();
    let drop = Beta::new(TRUTH.a, TRUTH.b).unwrap();
    let nu = Gamma::new(SPEND.q, 1.0 / SPEND.v).unwrap();
    (0..n)
        .map(|_| {
            let age: f64 = rng.random_range(1.0..365.0);
            let lambda: f64 = rate.sample(&mut rng).max(1e-9);
            let p: f64 = drop.sample(&mut rng);
            let gap = Exp::new(lambda).unwrap();
            let (mut t, mut x, mut last) = (0.0, 0u32, 0.0);
            loop {
                t += gap.sample(&mut rng);
                if t > age {
                    break;
                }
                x += 1;
                last = t;
                if rng.random::<f64>() < p {
                    break;
                }
            }
            let spend = (x > 0).then(|| {
                let per = Gamma::new(SPEND.p, 1.0 / nu.sample(&mut rng)).unwrap();
                (0..x).map(|_| per.sample(&mut rng)).sum::<f64>() / f64::from(x)
            });
            History {
                frequency: x,
                recency: last,
                age,
                spend,
            }
        })
        .collect()
}

fn main() {
    let sizes: Vec<usize> = std::env::var("REGULARS_BENCH_MEMBERS")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000, 1_000_000]);
    for n in sizes {
        let histories = members(n, 42);
        let started = Instant::now();
        let f = fit(&histories).expect("the fit settles");
        let fitted = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let (bgnbd, gg) = (f.bgnbd, f.gamma_gamma.unwrap());
        let mut checksum = 0.0;
        for h in &histories {
            let p = bgnbd.p_alive(h.frequency, h.recency, h.age);
            let v30 = bgnbd.expected_visits(30.0, h.frequency, h.recency, h.age);
            let v90 = bgnbd.expected_visits(90.0, h.frequency, h.recency, h.age);
            let s = gg.expected_spend(h.frequency, h.spend.unwrap_or(0.0));
            checksum += p + v30 + v90 + s;
        }
        let scored = started.elapsed().as_secs_f64();
        let b = f.bgnbd;
        println!(
            "{n} members ({} came back): fit {fitted:.2} s; scoring all {scored:.2} s \
             ({:.2} µs a member; checksum {checksum:.1})",
            f.repeat_buyers,
            scored * 1e6 / n as f64,
        );
        println!(
            "  BG/NBD r {:.3} α {:.2} a {:.3} b {:.3} (drawn from r {} α {} a {} b {}); \
             Gamma-Gamma p {:.2} q {:.2} γ {:.2} (from {} {} {})",
            b.r,
            b.alpha,
            b.a,
            b.b,
            TRUTH.r,
            TRUTH.alpha,
            TRUTH.a,
            TRUTH.b,
            gg.p,
            gg.q,
            gg.v,
            SPEND.p,
            SPEND.q,
            SPEND.v
        );
    }
}
