//! Reads a structured input from the fuzzer's bytes. Running out of bytes
//! is never an error: every read has a default, so any input is valid.

pub struct Bytes<'a> {
    data: &'a [u8],
}

impl<'a> Bytes<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Bytes { data }
    }

    pub fn u8(&mut self) -> u8 {
        match self.data.split_first() {
            Some((first, rest)) => {
                self.data = rest;
                *first
            }
            None => 0,
        }
    }

    pub fn u64(&mut self) -> u64 {
        let mut bytes = [0u8; 8];
        for b in &mut bytes {
            *b = self.u8();
        }
        u64::from_le_bytes(bytes)
    }

    /// The bytes up to `end` (not included), which is consumed.
    pub fn until(&mut self, end: u8) -> &'a [u8] {
        let at = self
            .data
            .iter()
            .position(|b| *b == end)
            .unwrap_or(self.data.len());
        let (taken, rest) = self.data.split_at(at);
        self.data = rest.get(1..).unwrap_or(&[]);
        taken
    }

    /// The rest, as text (invalid UTF-8 replaced).
    pub fn rest_text(&mut self) -> String {
        let text = String::from_utf8_lossy(self.data).into_owned();
        self.data = &[];
        text
    }
}

/// The inverse of the readers above, for writing seeds.
#[derive(Default)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn u8(mut self, b: u8) -> Self {
        self.0.push(b);
        self
    }

    pub fn u64(mut self, v: u64) -> Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }

    pub fn bytes(mut self, b: &[u8]) -> Self {
        self.0.extend_from_slice(b);
        self
    }
}
