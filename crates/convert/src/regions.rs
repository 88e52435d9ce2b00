//! AWS Region codes and names from AWS's own locations list
//! (`aws-pricing-page-feeds__lamngockhuong-aws-price/raw/locations.json`).
//!
//! Kept: entries typed `AWS Region` whose code has the Region shape (`geo-direction-n` or
//! `geo-gov-direction-n`): commercial Regions and AWS GovCloud. Left out: China (`cn-*`, priced
//! in CNY), and Local/Wavelength Zones, including `us-east-2-mci-1` (the Kansas City dedicated
//! Local Zone, which the list types as a Region).

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{Result, err, read_json};

/// The locations file, relative to the sources folder.
pub const LOCATIONS: &str = "aws-pricing-page-feeds__lamngockhuong-aws-price/raw/locations.json";

/// The Regions the price book may contain.
#[derive(Debug, Default, Clone)]
pub struct Regions {
    names: BTreeMap<String, String>,
    by_location: BTreeMap<String, String>,
}

impl Regions {
    /// Loads the locations list.
    pub fn load(sources: &Path) -> Result<Regions> {
        let json = read_json(sources, LOCATIONS)?;
        let entries = json
            .as_object()
            .ok_or_else(|| err(format!("{LOCATIONS}: expected an object")))?;
        let mut regions = Regions::default();
        for entry in entries.values() {
            let field = |name: &str| entry.get(name).and_then(serde_json::Value::as_str);
            let (Some(kind), Some(code), Some(name)) =
                (field("type"), field("code"), field("name"))
            else {
                continue;
            };
            if kind == "AWS Region" && is_priced_region_code(code) {
                regions.insert(code, name);
            }
        }
        if regions.names.is_empty() {
            return Err(err(format!("{LOCATIONS}: no AWS Region entries")));
        }
        Ok(regions)
    }

    /// Adds a Region (used by tests).
    pub fn insert(&mut self, code: &str, name: &str) {
        self.names.insert(code.to_string(), name.to_string());
        self.by_location.insert(name.to_string(), code.to_string());
    }

    /// Whether `code` is a Region the price book keeps.
    pub fn contains(&self, code: &str) -> bool {
        self.names.contains_key(code)
    }

    /// The AWS name of a Region code.
    pub fn name(&self, code: &str) -> Option<&str> {
        self.names.get(code).map(String::as_str)
    }
}

/// `us-east-1`, `ap-northeast-2`, `us-gov-west-1` are Regions; `cn-north-1` (CNY),
/// `us-east-1-bos-1` and `us-east-2-mci-1` (Local Zones) are not.
pub fn is_priced_region_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('-').collect();
    let shaped = match parts.as_slice() {
        [geo, direction, number] => is_word(geo) && is_word(direction) && is_number(number),
        [geo, "gov", direction, number] => is_word(geo) && is_word(direction) && is_number(number),
        _ => false,
    };
    shaped && !code.starts_with("cn-")
}

fn is_word(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_lowercase())
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_codes_are_told_apart_from_zones_and_china() {
        let cases = [
            ("us-east-1", true),
            ("ap-northeast-2", true),
            ("us-gov-west-1", true),
            ("il-central-1", true),
            ("cn-north-1", false),
            ("cn-northwest-1", false),
            ("us-east-2-mci-1", false),
            ("us-east-1-bos-1", false),
            ("ap-northeast-1-wl1-nrt1", false),
            ("", false),
        ];
        for (code, want) in cases {
            assert_eq!(is_priced_region_code(code), want, "case {code}");
        }
    }
}
