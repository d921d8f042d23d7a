//! Which ASCII letters, digits and common signs each row's name or domain holds, one bit each:
//! a filter of one such character (the first key typed, and the one that matches the most
//! rows) is then one bit tested per row instead of a scan that stops at nearly every row.

use std::sync::OnceLock;

/// The signs covered after the letters and digits, in bit order.
const SIGNS: &[u8] = b" .,-&'()/@_+!";

/// The bit of `byte` in a row's mask, for the bytes masks cover.
pub(super) fn bit(byte: u8) -> Option<u32> {
    bit_of(byte)
}

const fn bit_of(byte: u8) -> Option<u32> {
    match byte {
        b'a'..=b'z' => Some((byte - b'a') as u32),
        b'0'..=b'9' => Some(26 + (byte - b'0') as u32),
        _ => {
            let mut at = 0;
            while at < SIGNS.len() {
                if SIGNS[at] == byte {
                    return Some(36 + at as u32);
                }
                at += 1;
            }
            None
        }
    }
}

/// Each byte's mask: a million keys are read byte by byte when the directory is loaded.
const MASKS: [u64; 256] = {
    let mut masks = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        masks[byte] = match bit_of(byte as u8) {
            Some(bit) => 1 << bit,
            None => 0,
        };
        byte += 1;
    }
    masks
};

/// The mask of a row's sort key (folded name, separator, domain).
pub(super) fn mask(key: &[u8]) -> u64 {
    key.iter()
        .fold(0, |mask, &byte| mask | MASKS[byte as usize])
}

/// Every row's mask, in list order, once asked for; kept up to date by inserts from then on.
/// Derived from the keys, so two directories with the same rows are equal whatever their masks.
#[derive(Clone, Default)]
pub(super) struct Letters(OnceLock<Vec<u64>>);

impl Letters {
    pub(super) fn get_or_init(&self, make: impl FnOnce() -> Vec<u64>) -> &[u64] {
        self.0.get_or_init(make)
    }

    /// A row inserted at `rank`, when the masks are made.
    pub(super) fn insert(&mut self, rank: usize, key: &[u8]) {
        if let Some(masks) = self.0.get_mut() {
            masks.insert(rank, mask(key));
        }
    }

    pub(super) fn heap_bytes(&self) -> usize {
        self.0.get().map_or(0, |masks| masks.capacity() * 8)
    }
}

impl PartialEq for Letters {
    fn eq(&self, _: &Letters) -> bool {
        true
    }
}

impl Eq for Letters {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_covered_byte_has_its_own_bit_within_64() {
        let covered: Vec<u32> = (0..=255u8).filter_map(bit).collect();
        let mut distinct = covered.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), covered.len());
        assert!(covered.iter().all(|&b| b < 64));
        assert_eq!(bit(b'A'), None, "keys are folded: no upper case");
        assert_eq!(bit(0xc3), None, "no byte of a multi-byte character");
    }

    #[test]
    fn a_mask_has_the_bit_of_each_covered_byte_and_no_other() {
        assert_eq!(mask(b"ab\x1fa.b"), 1 | 1 << 1 | 1 << bit(b'.').unwrap());
        assert_eq!(mask("ä山".as_bytes()), 0);
    }
}
