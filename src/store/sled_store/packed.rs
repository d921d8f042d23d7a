//! Key–value pairs packed in one buffer. A fill collects millions of small index entries before
//! writing them; as separate vectors they cost more time in the allocator than writing them does.

#[derive(Default)]
pub(super) struct Packed {
    bytes: Vec<u8>,
    /// Where each pair's key and value end in `bytes`; a pair starts where the one before ends.
    ends: Vec<(usize, usize)>,
}

impl Packed {
    pub fn push(&mut self, key: &[u8], value: &[u8]) {
        self.bytes.extend_from_slice(key);
        let key_end = self.bytes.len();
        self.bytes.extend_from_slice(value);
        self.ends.push((key_end, self.bytes.len()));
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn get(&self, index: usize) -> (&[u8], &[u8]) {
        let start = index.checked_sub(1).map_or(0, |before| self.ends[before].1);
        let (key_end, value_end) = self.ends[index];
        (&self.bytes[start..key_end], &self.bytes[key_end..value_end])
    }

    /// Every pair's index, in key order.
    pub fn key_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.len()).collect();
        order.sort_unstable_by(|&a, &b| self.get(a).0.cmp(self.get(b).0));
        order
    }
}

#[cfg(test)]
mod tests {
    use super::Packed;

    #[test]
    fn pairs_read_back_as_pushed_and_sort_by_key() {
        let mut packed = Packed::default();
        packed.push(b"b", b"two");
        packed.push(b"", b"");
        packed.push(b"a", b"one");
        assert_eq!(packed.get(0), (&b"b"[..], &b"two"[..]));
        assert_eq!(packed.get(1), (&b""[..], &b""[..]));
        assert_eq!(packed.get(2), (&b"a"[..], &b"one"[..]));
        assert_eq!(packed.key_order(), [1, 2, 0]);
    }
}
