//! IPv4 addresses and networks as the simulations write them: dotted
//! quads, `a.b.c.d/n` networks and `any`.

/// A dotted-quad address as a number, or `None` if it is not one.
pub fn parse(text: &str) -> Option<u32> {
    let mut parts = text.trim().split('.');
    let mut value: u32 = 0;
    for _ in 0..4 {
        let part = parts.next()?;
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let octet: u8 = part.parse().ok()?;
        value = (value << 8) | u32::from(octet);
    }
    parts.next().is_none().then_some(value)
}

/// A network: `any`, an address (a /32) or `a.b.c.d/n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Net {
    pub base: u32,
    pub prefix: u8,
}

impl Net {
    pub fn parse(text: &str) -> Option<Net> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("any") {
            return Some(Net { base: 0, prefix: 0 });
        }
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => {
                if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 2 {
                    return None;
                }
                (a, p.parse::<u8>().ok()?)
            }
            None => (text, 32),
        };
        if prefix > 32 {
            return None;
        }
        let base = parse(addr)?;
        Some(Net { base, prefix })
    }

    fn mask(self) -> u32 {
        if self.prefix == 0 {
            0
        } else {
            u32::MAX << (32 - u32::from(self.prefix))
        }
    }

    pub fn contains(self, address: u32) -> bool {
        address & self.mask() == self.base & self.mask()
    }

    /// Whether the address has host bits set (`10.0.0.5/24`), which a
    /// firewall would either refuse or quietly change.
    pub fn has_host_bits(self) -> bool {
        self.base & !self.mask() != 0
    }
}
