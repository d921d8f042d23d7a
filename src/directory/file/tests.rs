use super::super::tests::{random_rows, row, varied, Rng};
use super::*;
use std::io::ErrorKind;

/// The stamp of a list of one store at `generation`.
fn at(generation: u64) -> Stamp {
    Stamp {
        store: StoreIdentity(0x1234_5678_9abc_def0_0fed_cba9_8765_4321),
        generation,
        statuses_from: chrono::NaiveDate::from_ymd_opt(2018, 11, 6),
    }
}

fn sample() -> Directory {
    let mut rng = Rng::new(21);
    let mut rows = varied();
    rows.extend(random_rows(&mut rng, 200));
    Directory::from_rows(rows)
}

fn listed(directory: &Directory) -> Vec<ListingRow> {
    directory.rows().map(|e| e.to_row()).collect()
}

#[test]
fn a_written_directory_reads_back_row_for_row() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("customers.list");
    let directory = sample();
    directory
        .write_file(&path, at(0xfeed_beef_0000_0042))
        .unwrap();
    let (stamp, read) = Directory::read_file(&path).unwrap().unwrap();
    assert_eq!(stamp, at(0xfeed_beef_0000_0042));
    assert_eq!(listed(&read), listed(&directory));
    assert_eq!(read, directory);
    assert_eq!(read.search("école"), directory.search("école"));
    // Writing again replaces the file and leaves nothing else beside it.
    let smaller = Directory::from_rows(varied());
    smaller.write_file(&path, at(7)).unwrap();
    assert_eq!(Directory::read_file(&path).unwrap(), Some((at(7), smaller)));
    let entries: Vec<_> = fs::read_dir(folder.path()).unwrap().collect();
    assert_eq!(entries.len(), 1);
}

#[test]
fn an_empty_directory_reads_back_empty() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("empty.list");
    Directory::new().write_file(&path, at(1)).unwrap();
    assert_eq!(
        Directory::read_file(&path).unwrap(),
        Some((at(1), Directory::new()))
    );
    let head = read_head(&path, 10).unwrap().unwrap();
    assert_eq!((head.stamp, head.count, head.rows), (at(1), 0, vec![]));
}

#[test]
fn the_head_is_the_first_rows_and_the_count() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("customers.list");
    let directory = sample();
    directory.write_file(&path, at(3)).unwrap();
    let all = listed(&directory);
    for wanted in [0, 1, 5, 40, all.len(), all.len() + 10] {
        let head = read_head(&path, wanted).unwrap().unwrap();
        assert_eq!(head.stamp, at(3));
        assert_eq!(head.count, all.len());
        assert_eq!(head.rows, all[..wanted.min(all.len())], "{wanted}");
    }
}

#[test]
fn a_missing_file_is_none() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("absent.list");
    assert!(Directory::read_file(&path).unwrap().is_none());
    assert!(read_head(&path, 5).unwrap().is_none());
}

#[cfg(unix)]
#[test]
fn the_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("customers.list");
    sample().write_file(&path, at(1)).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// Reads `bytes` as a file both ways: each read gives a consistent directory or `InvalidData`.
fn read_either_way(path: &Path, bytes: &[u8]) -> Option<Directory> {
    fs::write(path, bytes).unwrap();
    let head = read_head(path, 3);
    let read = Directory::read_file(path);
    if let Err(e) = &head {
        assert_eq!(e.kind(), ErrorKind::InvalidData, "{e}");
    }
    match read {
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::InvalidData, "{e}");
            assert!(
                e.to_string().contains("not a valid customer list file"),
                "{e}"
            );
            None
        }
        Ok(read) => {
            let (_, directory) = read.unwrap();
            for (rank, entry) in directory.rows().enumerate() {
                assert_eq!(
                    directory.rank_of(entry.company_name, entry.domain()),
                    Some(rank)
                );
            }
            directory.search("a");
            let head = head.unwrap().unwrap();
            assert_eq!(head.rows, listed(&directory)[..head.rows.len()]);
            Some(directory)
        }
    }
}

#[test]
fn a_truncated_file_is_invalid_at_every_length() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("customers.list");
    Directory::from_rows(varied())
        .write_file(&path, at(5))
        .unwrap();
    let bytes = fs::read(&path).unwrap();
    for len in 0..bytes.len() {
        assert!(read_either_way(&path, &bytes[..len]).is_none(), "{len}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(read_either_way(&path, &longer).is_none());
    assert!(read_either_way(&path, &bytes).is_some());
}

#[test]
fn flipped_bytes_never_panic() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("customers.list");
    Directory::from_rows(varied())
        .write_file(&path, at(5))
        .unwrap();
    let bytes = fs::read(&path).unwrap();
    let mut rng = Rng::new(31);
    let mut survived = 0;
    for _ in 0..3000 {
        let mut flipped = bytes.clone();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(flipped.len());
            flipped[at] ^= 1 << rng.below(8);
        }
        survived += usize::from(read_either_way(&path, &flipped).is_some());
    }
    // Some flips (in subscriptions, or case within a name) leave a valid file.
    assert!(survived > 0);
}

#[test]
fn rows_out_of_order_are_invalid() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("customers.list");
    Directory::from_rows([row("Alpha", "a"), row("Bravo", "b")])
        .write_file(&path, at(5))
        .unwrap();
    let mut bytes = fs::read(&path).unwrap();
    let names = bytes.len() - "AlphaBravoab".len();
    bytes[names..names + 10].copy_from_slice(b"BravoAlpha");
    fs::write(&path, &bytes).unwrap();
    let e = Directory::read_file(&path).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidData);
    assert!(e.to_string().contains("out of order"), "{e}");
}

#[test]
fn a_date_that_is_no_date_makes_the_file_invalid() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("customers.list");
    Directory::from_rows(varied())
        .write_file(&path, at(5))
        .unwrap();
    let mut bytes = fs::read(&path).unwrap();
    bytes[56..60].copy_from_slice(&i32::MAX.to_le_bytes());
    fs::write(&path, &bytes).unwrap();
    let e = Directory::read_file(&path).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidData);
    assert!(e.to_string().contains("is no date"), "{e}");
}
