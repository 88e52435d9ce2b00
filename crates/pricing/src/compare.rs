//! The decision comparisons: pricing models with break-even, Aurora vs RDS, every region.
