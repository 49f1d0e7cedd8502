//! "How often is the right answer the longest one?" as a count, a share and
//! a limit. Kept apart from questions so other choice formats (scenario
//! decisions) can report the same figure against their own limit.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LongestShare {
    /// Items counted.
    pub items: usize,
    /// Items whose right answer is strictly the longest option.
    pub longest: usize,
    /// The share, in percent, above which this is an error.
    pub limit_percent: u32,
}

impl LongestShare {
    pub fn new(limit_percent: u32) -> Self {
        LongestShare {
            items: 0,
            longest: 0,
            limit_percent,
        }
    }

    pub fn count(&mut self, strictly_longest: bool) {
        self.items += 1;
        self.longest += usize::from(strictly_longest);
    }

    pub fn add(&mut self, other: &LongestShare) {
        self.items += other.items;
        self.longest += other.longest;
    }

    pub fn percent(&self) -> f64 {
        if self.items == 0 {
            0.0
        } else {
            self.longest as f64 * 100.0 / self.items as f64
        }
    }

    /// Strictly above the limit, compared in whole numbers so that exactly
    /// 30% (3 of 10) passes however floats round.
    pub fn over_limit(&self) -> bool {
        self.longest * 100 > self.limit_percent as usize * self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(longest: usize, items: usize) -> LongestShare {
        LongestShare {
            items,
            longest,
            limit_percent: 30,
        }
    }

    #[test]
    fn the_limit_itself_passes() {
        assert!(!share(3, 10).over_limit());
        assert!(share(4, 10).over_limit());
        assert!(!share(0, 0).over_limit());
        assert_eq!(share(0, 0).percent(), 0.0);
    }
}
