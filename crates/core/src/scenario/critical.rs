//! The one list of critical mistakes. Scenario files name a mistake by id,
//! so the same mistake has the same severity and the same stated harm in
//! every scenario (a QA form zeroes a call for any of them).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CriticalMistake {
    /// A password reset, unlock, MFA or access change for a caller whose
    /// identity was not verified.
    UnverifiedChange,
    /// Access granted without the data owner's or manager's approval.
    UnapprovedAccess,
    /// Confidential data left exposed or shared too widely.
    DataExposed,
    /// A security incident not reported, or a live threat left in place.
    IncidentUnreported,
    /// A destructive step without a backup.
    NoBackup,
    /// A password, MFA code or recovery key asked for, sent or shown unsafely.
    CredentialDisclosed,
    /// A security control switched off or worked around.
    ControlBypassed,
}

impl CriticalMistake {
    pub const ALL: [CriticalMistake; 7] = [
        CriticalMistake::UnverifiedChange,
        CriticalMistake::UnapprovedAccess,
        CriticalMistake::DataExposed,
        CriticalMistake::IncidentUnreported,
        CriticalMistake::NoBackup,
        CriticalMistake::CredentialDisclosed,
        CriticalMistake::ControlBypassed,
    ];

    /// The mistake, as the debrief names it.
    pub fn label(self) -> &'static str {
        match self {
            CriticalMistake::UnverifiedChange => "changed an account for an unverified caller",
            CriticalMistake::UnapprovedAccess => "granted access without the owner's approval",
            CriticalMistake::DataExposed => "left confidential data exposed",
            CriticalMistake::IncidentUnreported => "left a security incident unreported",
            CriticalMistake::NoBackup => "took a destructive step without a backup",
            CriticalMistake::CredentialDisclosed => "handled a credential unsafely",
            CriticalMistake::ControlBypassed => "switched off a security control",
        }
    }

    /// The harm, as the ending states it ("Resolved, but ...").
    pub fn harm(self) -> &'static str {
        match self {
            CriticalMistake::UnverifiedChange => {
                "an account was changed for a caller nobody verified"
            }
            CriticalMistake::UnapprovedAccess => "access was granted without approval",
            CriticalMistake::DataExposed => "confidential data was exposed",
            CriticalMistake::IncidentUnreported => "a security incident went unreported",
            CriticalMistake::NoBackup => "data was put at risk without a backup",
            CriticalMistake::CredentialDisclosed => "a credential was disclosed",
            CriticalMistake::ControlBypassed => "a security control was bypassed",
        }
    }
}
