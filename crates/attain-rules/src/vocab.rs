//! The fixed vocabulary that both rules and facts speak: markets and association kinds.

use std::fmt;
use std::str::FromStr;

/// The market a partner is judged in; thresholds may differ per market.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Market {
    Developed,
    Emerging,
}

impl Market {
    pub const ALL: [Market; 2] = [Market::Developed, Market::Emerging];

    pub fn as_str(self) -> &'static str {
        match self {
            Market::Developed => "developed",
            Market::Emerging => "emerging",
        }
    }
}

impl FromStr for Market {
    type Err = String;
    fn from_str(s: &str) -> Result<Market, String> {
        Market::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| format!("unknown market {s:?}: expected `developed` or `emerging`"))
    }
}

impl fmt::Display for Market {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a partner is associated with a customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum AssociationKind {
    /// Digital Partner of Record.
    #[serde(rename = "DPOR")]
    Dpor,
    /// Transacting Partner of Record.
    #[serde(rename = "TPOR")]
    Tpor,
    /// Delegated administration privileges.
    #[serde(rename = "DAP")]
    Dap,
    /// Cloud Solution Provider (tier 1 or 2): the partner resells the customer's subscription.
    #[serde(rename = "CSP")]
    Csp,
    /// Partner Admin Link: the partner's people are linked to the customer's resources.
    #[serde(rename = "PAL")]
    Pal,
}

impl AssociationKind {
    pub const ALL: [AssociationKind; 5] = [
        AssociationKind::Dpor,
        AssociationKind::Tpor,
        AssociationKind::Dap,
        AssociationKind::Csp,
        AssociationKind::Pal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AssociationKind::Dpor => "DPOR",
            AssociationKind::Tpor => "TPOR",
            AssociationKind::Dap => "DAP",
            AssociationKind::Csp => "CSP",
            AssociationKind::Pal => "PAL",
        }
    }

    /// A one-bit set, so that sets of kinds are a `u8`.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl FromStr for AssociationKind {
    type Err = String;
    fn from_str(s: &str) -> Result<AssociationKind, String> {
        AssociationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown association kind {s:?}: expected DPOR, TPOR, DAP, CSP or PAL"))
    }
}

impl fmt::Display for AssociationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
