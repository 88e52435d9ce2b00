//! The estimate engine: an estimate in, priced line items out, by AWS's billing rules.
