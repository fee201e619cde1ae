//! Regulars: loyalty rewards for the shop counter.
//!
//! Layers, each depending only on those below it: [`cli`] over [`store`] and [`config`],
//! all over [`domain`] (pure rules, no I/O).

pub mod domain;
