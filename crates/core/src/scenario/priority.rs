//! Ticket priority from impact and urgency (the matrix service desks use),
//! and the response and resolution targets each priority sets.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    High,
    Medium,
    Low,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::High, Level::Medium, Level::Low];

    pub fn label(self) -> &'static str {
        match self {
            Level::High => "High",
            Level::Medium => "Medium",
            Level::Low => "Low",
        }
    }

    fn rank(self) -> u8 {
        match self {
            Level::High => 0,
            Level::Medium => 1,
            Level::Low => 2,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Priority {
    P1,
    P2,
    P3,
    P4,
}

/// What a priority commits the desk to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    pub respond: &'static str,
    pub resolve: &'static str,
}

impl Priority {
    /// The matrix: high/high is P1; each step down in impact or urgency
    /// lowers the priority by one, down to P4.
    pub fn of(impact: Level, urgency: Level) -> Priority {
        match impact.rank() + urgency.rank() {
            0 => Priority::P1,
            1 => Priority::P2,
            2 => Priority::P3,
            _ => Priority::P4,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Priority::P1 => "P1",
            Priority::P2 => "P2",
            Priority::P3 => "P3",
            Priority::P4 => "P4",
        }
    }

    pub fn targets(self) -> Targets {
        match self {
            Priority::P1 => Targets {
                respond: "15 minutes",
                resolve: "4 hours",
            },
            Priority::P2 => Targets {
                respond: "30 minutes",
                resolve: "8 working hours",
            },
            Priority::P3 => Targets {
                respond: "4 working hours",
                resolve: "3 working days",
            },
            Priority::P4 => Targets {
                respond: "1 working day",
                resolve: "5 working days",
            },
        }
    }

    fn rank(self) -> u8 {
        self as u8
    }

    /// How many steps apart two priorities are.
    pub fn distance(self, other: Priority) -> u8 {
        self.rank().abs_diff(other.rank())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_matches_the_documented_table() {
        use Level::*;
        let table = [
            (High, [Priority::P1, Priority::P2, Priority::P3]),
            (Medium, [Priority::P2, Priority::P3, Priority::P4]),
            (Low, [Priority::P3, Priority::P4, Priority::P4]),
        ];
        for (impact, row) in table {
            for (urgency, want) in [High, Medium, Low].into_iter().zip(row) {
                assert_eq!(
                    Priority::of(impact, urgency),
                    want,
                    "{impact:?}/{urgency:?}"
                );
            }
        }
    }

    #[test]
    fn targets_tighten_with_priority() {
        assert_eq!(Priority::P1.targets().respond, "15 minutes");
        assert_eq!(Priority::P4.targets().resolve, "5 working days");
        assert_eq!(Priority::P1.distance(Priority::P3), 2);
        assert_eq!(Priority::P4.distance(Priority::P4), 0);
    }
}
