//! Microsoft clouds: confirmation of customer acceptance exists in the public cloud only.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Cloud {
    #[default]
    Public,
    Germany,
    China21Vianet,
    UsGovernment,
}

impl Cloud {
    pub const ALL: [Cloud; 4] = [
        Cloud::Public,
        Cloud::Germany,
        Cloud::China21Vianet,
        Cloud::UsGovernment,
    ];

    pub fn supports_confirmation(self) -> bool {
        self == Cloud::Public
    }

    /// Short name for tables.
    pub fn short_label(self) -> &'static str {
        match self {
            Cloud::Public => "Public",
            Cloud::Germany => "Germany",
            Cloud::China21Vianet => "21Vianet",
            Cloud::UsGovernment => "US Gov",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Cloud::Public => "Microsoft Public Cloud",
            Cloud::Germany => "Microsoft Cloud Germany",
            Cloud::China21Vianet => "Azure China 21Vianet",
            Cloud::UsGovernment => "Microsoft Cloud for US Government",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_public_cloud_supports_confirmation() {
        assert!(Cloud::Public.supports_confirmation());
        for national in [Cloud::Germany, Cloud::China21Vianet, Cloud::UsGovernment] {
            assert!(!national.supports_confirmation(), "{national:?}");
        }
    }
}
