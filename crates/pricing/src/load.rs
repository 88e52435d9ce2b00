//! Reading and writing the price tables: CSV to typed rows with exact headers and positioned
//! errors, the tables bundled into the binary, and loading another directory.
