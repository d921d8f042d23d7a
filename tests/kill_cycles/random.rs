//! A small seeded random sequence (splitmix64): the same seed gives the same cycles.

use pcenter::store::mix64;

pub struct Random {
    state: u64,
}

impl Random {
    pub fn new(seed: u64) -> Random {
        Random { state: seed }
    }

    pub fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(1);
        mix64(self.state)
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    /// A number in `0.0..1.0`.
    pub fn fraction(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.between(0, items.len() as u64 - 1) as usize]
    }

    /// `count` different items, in random order.
    pub fn sample<T: Clone>(&mut self, items: &[T], count: usize) -> Vec<T> {
        let mut indexes: Vec<usize> = (0..items.len()).collect();
        for i in 0..count.min(items.len()) {
            let j = self.between(i as u64, items.len() as u64 - 1) as usize;
            indexes.swap(i, j);
        }
        indexes[..count.min(items.len())]
            .iter()
            .map(|&i| items[i].clone())
            .collect()
    }
}
