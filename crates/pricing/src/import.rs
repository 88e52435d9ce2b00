//! The importer for AWS Price List bulk offer files (the official CSV format).
