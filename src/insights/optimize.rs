//! Nelder–Mead simplex minimisation (Nelder & Mead 1965, with the standard coefficients and
//! the shrink step as in Lagarias et al. 1998), for the models' likelihoods: a few smooth
//! parameters, no gradients needed.

/// Where a minimisation ended.
#[derive(Debug, Clone)]
pub struct Minimum {
    pub x: Vec<f64>,
    pub value: f64,
    pub iterations: usize,
    /// Whether the simplex shrank below the tolerances before `max_iterations`.
    pub converged: bool,
}

/// Settings for [`minimize`].
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Each corner of the first simplex is the start moved this far along one axis.
    pub step: f64,
    /// Stop when the simplex's values differ by less than this (relative to the best, for
    /// values above 1)...
    pub f_tolerance: f64,
    /// ...and its corners by less than this in every coordinate.
    pub x_tolerance: f64,
    pub max_iterations: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            step: 0.5,
            f_tolerance: 1e-12,
            x_tolerance: 1e-8,
            max_iterations: 4_000,
        }
    }
}

/// Minimises `f` from `start`. A value that is not finite counts as worse than any finite one,
/// so the simplex steps back from where the function is undefined.
pub fn minimize(f: impl Fn(&[f64]) -> f64, start: &[f64], settings: Settings) -> Minimum {
    let n = start.len();
    let value = |x: &[f64]| {
        let v = f(x);
        if v.is_finite() { v } else { f64::INFINITY }
    };
    let mut simplex: Vec<(Vec<f64>, f64)> = Vec::with_capacity(n + 1);
    simplex.push((start.to_vec(), value(start)));
    for i in 0..n {
        let mut x = start.to_vec();
        x[i] += if x[i] == 0.0 {
            settings.step
        } else {
            settings.step * x[i].abs().max(1.0)
        };
        let v = value(&x);
        simplex.push((x, v));
    }
    let mut iterations = 0;
    let mut converged = false;
    while iterations < settings.max_iterations {
        simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
        let (best, worst) = (simplex[0].1, simplex[n].1);
        let spread = simplex[1..].iter().fold(0.0f64, |m, (x, _)| {
            x.iter()
                .zip(&simplex[0].0)
                .fold(m, |m, (a, b)| m.max((a - b).abs()))
        });
        let f_spread = (worst - best).abs() / best.abs().max(1.0);
        if f_spread <= settings.f_tolerance && spread <= settings.x_tolerance {
            converged = true;
            break;
        }
        iterations += 1;
        // The centre of every corner but the worst.
        let centre: Vec<f64> = (0..n)
            .map(|j| simplex[..n].iter().map(|(x, _)| x[j]).sum::<f64>() / n as f64)
            .collect();
        let towards = |t: f64| -> Vec<f64> {
            centre
                .iter()
                .zip(&simplex[n].0)
                .map(|(c, w)| c + t * (c - w))
                .collect()
        };
        let reflected = towards(1.0);
        let fr = value(&reflected);
        if fr < simplex[0].1 {
            let expanded = towards(2.0);
            let fe = value(&expanded);
            simplex[n] = if fe < fr {
                (expanded, fe)
            } else {
                (reflected, fr)
            };
            continue;
        }
        if fr < simplex[n - 1].1 {
            simplex[n] = (reflected, fr);
            continue;
        }
        // Contract: outside when the reflection beat the worst, else inside.
        let (contracted, fc) = if fr < worst {
            let x = towards(0.5);
            let v = value(&x);
            (x, v)
        } else {
            let x = towards(-0.5);
            let v = value(&x);
            (x, v)
        };
        if fc < fr.min(worst) {
            simplex[n] = (contracted, fc);
            continue;
        }
        // Shrink every corner halfway to the best.
        let best_x = simplex[0].0.clone();
        for corner in simplex.iter_mut().skip(1) {
            let x: Vec<f64> = corner
                .0
                .iter()
                .zip(&best_x)
                .map(|(x, b)| b + 0.5 * (x - b))
                .collect();
            let v = value(&x);
            *corner = (x, v);
        }
    }
    simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
    let (x, value) = simplex.swap_remove(0);
    Minimum {
        x,
        value,
        iterations,
        converged,
    }
}

/// Minimises `f(items, x)` from `start`. Over many items, first over a sample of them (every
/// k-th, some 50,000 in all), then over all of them from where that ended with a small first
/// simplex: the steps over every item, the costly ones, are then far fewer.
pub fn minimize_sampled<T: Clone>(
    items: &[T],
    f: impl Fn(&[T], &[f64]) -> f64,
    start: &[f64],
) -> Minimum {
    const SAMPLE: usize = 50_000;
    let settings = Settings::default();
    if items.len() <= 2 * SAMPLE {
        return minimize(|x| f(items, x), start, settings);
    }
    let sample: Vec<T> = items
        .iter()
        .step_by(items.len() / SAMPLE)
        .cloned()
        .collect();
    let rough = minimize(|x| f(&sample, x), start, settings);
    let from = if rough.converged { &rough.x[..] } else { start };
    let step = if rough.converged { 0.05 } else { settings.step };
    // Over this many items the parameters' own uncertainty is far above 1e-6.
    let fine = minimize(
        |x| f(items, x),
        from,
        Settings {
            step,
            x_tolerance: 1e-6,
            f_tolerance: 1e-10,
            ..settings
        },
    );
    Minimum {
        iterations: rough.iterations + fine.iterations,
        ..fine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_minimum_of_rosenbrock_s_valley() {
        let rosenbrock = |x: &[f64]| (1.0 - x[0]).powi(2) + 100.0 * (x[1] - x[0] * x[0]).powi(2);
        let m = minimize(rosenbrock, &[-1.2, 1.0], Settings::default());
        assert!(m.converged, "{m:?}");
        assert!(
            (m.x[0] - 1.0).abs() < 1e-4 && (m.x[1] - 1.0).abs() < 1e-4,
            "{m:?}"
        );
    }

    #[test]
    fn steps_back_from_where_the_function_is_undefined() {
        // ln is undefined below zero: the minimum of x - 2 ln x is at 2.
        let f = |x: &[f64]| x[0] - 2.0 * x[0].ln();
        let m = minimize(f, &[0.1], Settings::default());
        assert!((m.x[0] - 2.0).abs() < 1e-4, "{m:?}");
    }
}
