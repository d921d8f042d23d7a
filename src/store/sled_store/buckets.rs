//! The index trees (customer ID → sequence number, domain → customer ID) as hash buckets: many
//! entries in one sled value. sled's cost per key grows with the size of a tree, to about 10 µs a
//! key at a million keys, so a million single entries took most of the time of filling a store;
//! 65,536 buckets of about 15 entries each cost a fraction of that, and a lookup still reads one
//! small value.
//!
//! A bucket is its entries in key order, each `[key length: u16][key][value length: u16][value]`
//! with big-endian lengths.

use super::SledStore;
use crate::domain::record_problem::RecordProblem;
use crate::store::{mix64, StoreError};
use sled::transaction::{ConflictableTransactionResult, TransactionalTree};
use std::path::Path;

/// The sled key of the bucket an index key belongs in. The hash is part of the store's layout:
/// changing it would lose every entry, so it never changes.
pub(super) fn bucket_of(key: &[u8]) -> [u8; 2] {
    // FNV-1a, then mixed so that the top bits depend on every byte.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    ((mix64(hash) >> 48) as u16).to_be_bytes()
}

/// A bucket whose bytes do not follow the format.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Malformed;

/// The entries of an encoded bucket, in stored order.
pub(super) fn entries(bucket: &[u8]) -> impl Iterator<Item = Result<(&[u8], &[u8]), Malformed>> {
    let mut rest = bucket;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut part = || -> Result<&[u8], Malformed> {
            let (len, tail) = rest.split_first_chunk::<2>().ok_or(Malformed)?;
            let len = usize::from(u16::from_be_bytes(*len));
            let (part, tail) = tail.split_at_checked(len).ok_or(Malformed)?;
            rest = tail;
            Ok(part)
        };
        let entry = part().and_then(|key| Ok((key, part()?)));
        if entry.is_err() {
            rest = &[];
        }
        Some(entry)
    })
}

/// The value stored for `key` in an encoded bucket.
pub(super) fn find<'a>(bucket: &'a [u8], key: &[u8]) -> Result<Option<&'a [u8]>, Malformed> {
    for entry in entries(bucket) {
        let (stored, value) = entry?;
        if stored == key {
            return Ok(Some(value));
        }
    }
    Ok(None)
}

/// Appends one entry; keys and values are at most 65,535 bytes (`Unstorable` otherwise).
pub(super) fn push_entry(bucket: &mut Vec<u8>, key: &[u8], value: &[u8]) -> Result<(), StoreError> {
    for part in [key, value] {
        let len = u16::try_from(part.len()).map_err(|_| StoreError::Unstorable {
            what: RecordProblem::IndexEntryTooLong(part.len()),
        })?;
        bucket.extend_from_slice(&len.to_be_bytes());
        bucket.extend_from_slice(part);
    }
    Ok(())
}

/// What a bucket becomes with `additions` (sorted by key) merged in. A key already in the bucket,
/// or given twice, is refused with `taken(key)`.
pub(super) fn merged(
    bucket: Option<&[u8]>,
    additions: &[(&[u8], &[u8])],
    taken: &dyn Fn(&[u8]) -> StoreError,
    malformed: &dyn Fn() -> StoreError,
) -> Result<Vec<u8>, StoreError> {
    let stored = entries(bucket.unwrap_or_default())
        .collect::<Result<Vec<_>, Malformed>>()
        .map_err(|Malformed| malformed())?;
    let mut all: Vec<(&[u8], &[u8])> = stored
        .into_iter()
        .chain(additions.iter().copied())
        .collect();
    all.sort_by(|a, b| a.0.cmp(b.0));
    if let Some(pair) = all.windows(2).find(|pair| pair[0].0 == pair[1].0) {
        return Err(taken(pair[0].0));
    }
    let mut encoded = Vec::with_capacity(all.iter().map(|(k, v)| k.len() + v.len() + 4).sum());
    for (key, value) in all {
        push_entry(&mut encoded, key, value)?;
    }
    Ok(encoded)
}

type TxResult<A> = ConflictableTransactionResult<A, StoreError>;

/// What a malformed bucket of the store at `path` is reported as.
fn malformed(path: &Path) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: "a stored index entry is unreadable (its bucket is malformed)".into(),
    }
}

/// The value of `key` in an index tree of the store at `path`, read inside a transaction.
pub(super) fn get_in(
    tree: &TransactionalTree,
    key: &[u8],
    path: &Path,
) -> TxResult<Option<Vec<u8>>> {
    let Some(bucket) = tree.get(bucket_of(key))? else {
        return Ok(None);
    };
    let found = find(&bucket, key).map_err(|Malformed| malformed(path))?;
    Ok(found.map(<[u8]>::to_vec))
}

impl SledStore {
    pub(super) fn malformed_index(&self) -> StoreError {
        malformed(&self.path)
    }

    /// The value of `key` in an index tree.
    pub(super) fn index_get(
        &self,
        tree: &sled::Tree,
        key: &[u8],
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let bucket = tree.get(bucket_of(key)).map_err(|e| self.fail(e))?;
        let Some(bucket) = bucket else {
            return Ok(None);
        };
        find(&bucket, key)
            .map(|found| found.map(<[u8]>::to_vec))
            .map_err(|Malformed| self.malformed_index())
    }

    /// The value of `key` in an index tree, read inside a transaction.
    pub(super) fn index_get_in(
        &self,
        tree: &TransactionalTree,
        key: &[u8],
    ) -> TxResult<Option<Vec<u8>>> {
        get_in(tree, key, &self.path)
    }

    /// Adds an entry whose key is not in the index yet, inside a transaction.
    pub(super) fn index_add_in(
        &self,
        tree: &TransactionalTree,
        key: &[u8],
        value: &[u8],
        taken: &dyn Fn(&[u8]) -> StoreError,
    ) -> TxResult<()> {
        let bucket_key = bucket_of(key);
        let bucket = tree.get(bucket_key)?;
        let malformed = || self.malformed_index();
        let updated = merged(bucket.as_deref(), &[(key, value)], taken, &malformed)?;
        tree.insert(&bucket_key, updated)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taken(key: &[u8]) -> StoreError {
        StoreError::IdTaken {
            id: String::from_utf8_lossy(key).into_owned(),
        }
    }

    fn malformed() -> StoreError {
        StoreError::Unstorable {
            what: RecordProblem::NotEncodable("malformed".into()),
        }
    }

    #[test]
    fn merged_entries_are_found_and_kept_in_key_order() {
        let bucket = merged(None, &[(b"b", b"2"), (b"a", b"1")], &taken, &malformed).unwrap();
        let bucket = merged(Some(&bucket), &[(b"c", b"3")], &taken, &malformed).unwrap();
        let keys: Vec<_> = entries(&bucket).map(|e| e.unwrap().0.to_vec()).collect();
        assert_eq!(keys, [b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]);
        assert_eq!(find(&bucket, b"b"), Ok(Some(&b"2"[..])));
        assert_eq!(find(&bucket, b"d"), Ok(None));
    }

    #[test]
    fn a_key_already_stored_or_given_twice_is_refused() {
        let bucket = merged(None, &[(b"a", b"1")], &taken, &malformed).unwrap();
        let again = merged(Some(&bucket), &[(b"a", b"9")], &taken, &malformed);
        assert!(matches!(again, Err(StoreError::IdTaken { id }) if id == "a"));
        let twice = merged(None, &[(b"x", b"1"), (b"x", b"2")], &taken, &malformed);
        assert!(matches!(twice, Err(StoreError::IdTaken { id }) if id == "x"));
    }

    #[test]
    fn a_cut_bucket_is_malformed_rather_than_read_short() {
        let bucket = merged(None, &[(b"key", b"value")], &taken, &malformed).unwrap();
        for cut in 1..bucket.len() {
            assert_eq!(find(&bucket[..cut], b"zzz"), Err(Malformed), "cut at {cut}");
        }
        let again = merged(Some(&bucket[..3]), &[(b"k", b"v")], &taken, &malformed);
        assert!(matches!(again, Err(StoreError::Unstorable { .. })));
    }

    #[test]
    fn the_bucket_hash_never_changes() {
        // Stores on disk depend on these values: a change here would lose their indexes.
        assert_eq!(bucket_of(b""), [0xc3, 0x81]);
        assert_eq!(bucket_of(b"contoso.onmicrosoft.com"), [0x23, 0x95]);
    }

    #[test]
    fn ids_spread_over_the_buckets() {
        let mut used = std::collections::HashSet::new();
        for n in 0..10_000 {
            used.insert(bucket_of(
                format!("{n:08x}-0000-4000-8000-000000000000").as_bytes(),
            ));
        }
        assert!(used.len() > 8_500, "{} buckets used", used.len());
    }
}
