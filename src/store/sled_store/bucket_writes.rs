//! Writing many index entries at once: each bucket touched is read, merged and written once.

use super::buckets::{bucket_of, merged};
use super::packed::Packed;
use super::SledStore;
use crate::store::StoreError;

/// Buckets written to sled in one batch.
const BUCKETS_PER_BATCH: usize = 4096;

pub(super) fn id_taken(id: &[u8]) -> StoreError {
    StoreError::IdTaken {
        id: String::from_utf8_lossy(id).into_owned(),
    }
}

pub(super) fn domain_taken(domain: &[u8]) -> StoreError {
    StoreError::DomainTaken {
        domain: String::from_utf8_lossy(domain).into_owned(),
    }
}

impl SledStore {
    /// Adds `entries` to an index tree. A key already in it, or given twice, is refused with
    /// `taken(key)` before anything is written.
    pub(super) fn add_to_index(
        &self,
        tree: &sled::Tree,
        entries: &Packed,
        taken: &dyn Fn(&[u8]) -> StoreError,
    ) -> Result<(), StoreError> {
        let mut order: Vec<([u8; 2], usize)> = (0..entries.len())
            .map(|index| (bucket_of(entries.get(index).0), index))
            .collect();
        order.sort_unstable_by(|a, b| {
            (a.0.cmp(&b.0)).then_with(|| entries.get(a.1).0.cmp(entries.get(b.1).0))
        });
        let malformed = || self.malformed_index();
        let mut buckets = Vec::new();
        for group in order.chunk_by(|a, b| a.0 == b.0) {
            let bucket_key = group[0].0;
            let additions: Vec<(&[u8], &[u8])> =
                group.iter().map(|&(_, i)| entries.get(i)).collect();
            let stored = tree.get(bucket_key).map_err(|e| self.fail(e))?;
            buckets.push((
                bucket_key,
                merged(stored.as_deref(), &additions, taken, &malformed)?,
            ));
        }
        for part in buckets.chunks(BUCKETS_PER_BATCH) {
            let mut batch = sled::Batch::default();
            for (key, bucket) in part {
                batch.insert(&key[..], &bucket[..]);
            }
            tree.apply_batch(batch).map_err(|e| self.fail(e))?;
        }
        Ok(())
    }
}
