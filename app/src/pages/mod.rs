//! Pages: the estimator is the only one; `/` and `/e/<token>` both show it.

pub mod estimator;
