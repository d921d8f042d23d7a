use super::*;
use crate::store::behaviour_tests::fill_every_kind_of_record;
use crate::store::Store;
use std::collections::BTreeMap;

/// Every file under `dir` with its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    seal::files(dir)
        .unwrap()
        .into_iter()
        .map(|(name, path)| (name, std::fs::read(path).unwrap()))
        .collect()
}

/// A store with records in it, closed.
fn closed_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let store = SledStore::open(&dir.path().join("store")).unwrap();
    fill_every_kind_of_record(&store);
    store.close();
    dir
}

#[test]
fn a_closed_store_is_sealed_as_untouched_and_opens_as_it_was() {
    let dir = closed_store();
    let path = dir.path().join("store");
    assert!(matches!(Before::read(&path), Before::Untouched { .. }));
    let store = SledStore::open(&path).unwrap();
    assert_eq!(store.load().unwrap().customers.len(), 2);
    // Open and only read, the files are as the open checked them: a session ended here (a
    // read-only command interrupted) leaves nothing to check on a copy next time.
    assert!(matches!(Before::read(&path), Before::Untouched { .. }));
    // From the first write on, the seal no longer vouches for the files.
    store.set_partner_name("Fabrikam").unwrap();
    assert!(matches!(Before::read(&path), Before::LeftOpen { .. }));
}

#[test]
fn a_file_written_to_is_no_longer_untouched_even_with_its_size_and_time_put_back() {
    let dir = closed_store();
    let path = dir.path().join("store");
    let database = path.join("db");
    let modified = std::fs::metadata(&database).unwrap().modified().unwrap();
    let mut bytes = std::fs::read(&database).unwrap();
    let half = bytes.len() / 2;
    bytes[half..].fill(0x5a);
    std::fs::write(&database, &bytes).unwrap();
    let file = std::fs::File::options()
        .write(true)
        .open(&database)
        .unwrap();
    file.set_modified(modified).unwrap();
    drop(file);
    assert!(matches!(Before::read(&path), Before::Changed { .. }));
}

#[test]
fn a_store_left_open_opens_with_its_saved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let store = SledStore::open(dir.path()).unwrap();
    let expected = fill_every_kind_of_record(&store);
    let generation = store.generation().unwrap();
    drop(store); // as in a crash: never closed
    assert_eq!(Before::read(dir.path()), Before::LeftOpen { generation });
    let store = SledStore::open(dir.path()).unwrap();
    assert_eq!(store.load().unwrap(), expected.in_store_order());
}

#[test]
fn a_store_missing_saved_changes_is_refused_and_says_how_to_accept_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = SledStore::open(dir.path()).unwrap();
    fill_every_kind_of_record(&store);
    let generation = store.generation().unwrap();
    drop(store);
    // As if sled had dropped the last three changes as an unfinished write.
    seal::write(dir.path(), generation + 3, false).unwrap();
    let Err(StoreError::Corrupt { path, detail }) = SledStore::open(dir.path()) else {
        panic!("a store missing changes was opened");
    };
    assert_eq!(path, dir.path());
    assert!(
        detail.starts_with("its data files are damaged: 3 saved changes are missing"),
        "{detail}"
    );
    assert!(detail.contains("pcenter.seal"), "{detail}");
    std::fs::remove_file(dir.path().join(seal::SEAL_FILE)).unwrap();
    assert_eq!(
        SledStore::open(dir.path())
            .unwrap()
            .customer_count()
            .unwrap(),
        2
    );
}

#[test]
fn a_damaged_store_is_refused_on_a_copy_and_left_exactly_as_it_was() {
    let dir = closed_store();
    let path = dir.path().join("store");
    let database = path.join("db");
    let mut bytes = std::fs::read(&database).unwrap();
    let len = bytes.len();
    bytes[len / 2..].fill(0x5a);
    std::fs::write(&database, bytes).unwrap();
    let before = contents(&path);

    let refusal = SledStore::open(&path)
        .err()
        .expect("a damaged store was opened");
    assert!(
        matches!(&refusal, StoreError::Corrupt { path: at, .. } if *at == path),
        "{refusal}"
    );
    assert_eq!(contents(&path), before, "the store's files were changed");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec!["store"], "the copy was not removed");
}

#[test]
fn a_store_whose_files_changed_but_read_whole_is_opened() {
    let dir = closed_store();
    let path = dir.path().join("store");
    std::fs::write(path.join(seal::SEAL_FILE), b"not a seal").unwrap();
    assert_eq!(Before::read(&path), Before::Changed { generation: None });
    let store = SledStore::open(&path).unwrap();
    assert_eq!(store.customer_count().unwrap(), 2);
}

#[test]
fn a_panic_while_opening_is_a_refusal() {
    let dir = Path::new("/somewhere/store");
    let refusal = guarded(dir, || -> Result<(), StoreError> {
        panic!("index out of bounds")
    });
    assert_eq!(
        refusal,
        Err(StoreError::Corrupt {
            path: dir.to_path_buf(),
            detail: "its data files are damaged".into()
        })
    );
}
