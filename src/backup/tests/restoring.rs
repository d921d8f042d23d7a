use super::{contents, demo_store, names, now};
use crate::backup::{write_file, Restore, RestoreError};
use crate::domain::characters::quote;
use crate::domain::cloud::Cloud;
use crate::store::test_data::customer_in;
use crate::store::{SledStore, Store};
use std::path::{Path, PathBuf};

/// A backup of the demo store, in `dir`.
fn demo_backup(dir: &Path) -> PathBuf {
    let store = demo_store(&dir.join("original"));
    let path = dir.join("demo.jsonl");
    write_file(&store, &path, now()).unwrap();
    path
}

fn restore(
    file: &Path,
    target: &Path,
    replace: bool,
) -> Result<crate::backup::Restored, RestoreError> {
    let mut steps = vec![];
    let restored = Restore::open(file)?.into_store(target, replace, now(), &mut |n| steps.push(n));
    if restored.is_ok() {
        assert_eq!(steps.iter().sum::<usize>(), 34);
    }
    restored
}

#[test]
fn a_backup_restored_into_a_new_store_holds_exactly_what_was_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_backup(dir.path());
    let target = dir.path().join("data").join("store");
    let restored = restore(&file, &target, false).unwrap();
    assert_eq!(restored.set_aside, None);
    assert_eq!(restored.tally.customers, 34);
    let original = SledStore::open(&dir.path().join("original")).unwrap();
    let copy = SledStore::open(&target).unwrap();
    assert_eq!(contents(&copy), contents(&original));
    assert_eq!(copy.customer_count().unwrap(), 34);
    assert_eq!(names(&dir.path().join("data")), ["store"]);
}

#[test]
fn a_store_with_customers_is_kept_unless_replace_is_asked_and_then_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_backup(dir.path());
    let target = dir.path().join("store");
    let before = {
        let store = SledStore::open(&target).unwrap();
        let customer = customer_in("kept-1", "kept", Cloud::Public);
        store.create_customer(&customer, None).unwrap();
        contents(&store)
    };

    let refusal = restore(&file, &target, false).unwrap_err();
    assert_eq!(
        refusal,
        RestoreError::NotEmpty {
            path: target.clone(),
            customers: 1
        }
    );
    assert!(
        refusal.to_string().contains("run again with --replace"),
        "{refusal}"
    );
    assert_eq!(contents(&SledStore::open(&target).unwrap()), before);
    assert_eq!(names(dir.path()), ["demo.jsonl", "original", "store"]);

    let restored = restore(&file, &target, true).unwrap();
    let aside = dir.path().join("store-before-restore-20181114T103000Z");
    assert_eq!(restored.set_aside.as_ref(), Some(&aside));
    assert_eq!(
        contents(&SledStore::open(&aside).unwrap()),
        before,
        "nothing lost"
    );
    assert_eq!(
        SledStore::open(&target).unwrap().customer_count().unwrap(),
        34
    );
}

#[test]
fn an_empty_store_in_the_way_is_moved_aside_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_backup(dir.path());
    let target = dir.path().join("store");
    SledStore::open(&target)
        .unwrap()
        .set_partner_name("Kept")
        .unwrap();
    let restored = restore(&file, &target, false).unwrap();
    let aside = restored.set_aside.expect("moved aside");
    let kept = SledStore::open(&aside).unwrap();
    assert_eq!(kept.partner_name().unwrap().as_deref(), Some("Kept"));
}

#[test]
fn a_backup_damaged_half_way_leaves_the_target_as_it_was_and_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_backup(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[20] = "{\"customer\": null}";
    let damaged = dir.path().join("damaged.jsonl");
    std::fs::write(&damaged, lines.join("\n")).unwrap();

    let target = dir.path().join("store");
    let before = {
        let store = SledStore::open(&target).unwrap();
        store
            .create_customer(&customer_in("kept-1", "kept", Cloud::Public), None)
            .unwrap();
        contents(&store)
    };
    let refusal = restore(&damaged, &target, true).unwrap_err();
    let RestoreError::Damaged { line, problem, .. } = &refusal else {
        panic!("{refusal:?}")
    };
    let what = problem.to_string();
    assert_eq!(*line, 21);
    assert!(what.contains("invalid type: null"), "{what}");
    assert!(refusal
        .to_string()
        .ends_with("Nothing was restored; the store is as it was."));
    assert_eq!(contents(&SledStore::open(&target).unwrap()), before);
    assert_eq!(
        names(dir.path()),
        ["damaged.jsonl", "demo.jsonl", "original", "store"]
    );
}

#[test]
fn two_customers_with_one_id_or_one_domain_are_refused_naming_both_lines() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_backup(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let second: crate::store::Dossier = serde_json::from_str(lines[2]).unwrap();
    let mut same_id: crate::store::Dossier = serde_json::from_str(lines[25]).unwrap();
    same_id.customer.id = second.customer.id.clone();
    let owner = &second.customer.id;
    same_id
        .confirmations
        .iter_mut()
        .for_each(|c| c.customer_id = owner.clone());
    same_id
        .orders
        .iter_mut()
        .for_each(|o| o.customer_id = owner.clone());
    same_id
        .subscriptions
        .iter_mut()
        .for_each(|s| s.customer_id = owner.clone());
    let mut same_domain: crate::store::Dossier = serde_json::from_str(lines[25]).unwrap();
    same_domain.customer.domain = second.customer.domain.clone();
    // Domains are stored in lower case, so one that differs only in case is no domain at all.
    let mut in_capitals = same_domain.clone();
    in_capitals.customer.domain = second.customer.domain.to_uppercase();
    for (changed, what) in [
        (
            in_capitals,
            format!(
                "the customer {} cannot be restored: the domain '{}' is not a primary domain: use a lower-case prefix of letters a-z and digits, then .onmicrosoft.com",
                same_domain.customer.id,
                quote(&second.customer.domain.to_uppercase())
            ),
        ),
        (
            same_id,
            format!(
                "the ID {} is already held by the customer on line 3",
                second.customer.id
            ),
        ),
        (
            same_domain,
            format!(
                "the primary domain {} is already held by the customer on line 3",
                second.customer.domain
            ),
        ),
    ] {
        let mut edited = lines.clone();
        let json = serde_json::to_string(&changed).unwrap();
        edited[25] = &json;
        let bad = dir.path().join("twice.jsonl");
        std::fs::write(&bad, edited.join("\n")).unwrap();
        let target = dir.path().join("store");
        let refusal = restore(&bad, &target, false).unwrap_err();
        let RestoreError::Damaged { line, problem, .. } = refusal else {
            panic!("{refusal:?}")
        };
        assert_eq!((line, problem.to_string()), (26, what));
        assert!(!target.exists(), "nothing was made");
    }
}

#[test]
fn a_restore_names_its_paths_with_escapes_and_cut_like_every_message() {
    let long = format!("/tmp/{}\u{1b}[2J/backup.jsonl", "d".repeat(10_000));
    let refusal = Restore::open(Path::new(&long)).err().unwrap().to_string();
    assert!(refusal.len() < 400, "{refusal}");
    assert!(!refusal.contains('\u{1b}'), "{refusal}");
    assert!(
        refusal.contains("\\u{1b}[2J/backup.jsonl cannot be read"),
        "{refusal}"
    );
}

#[test]
fn a_refused_restore_removes_only_what_it_made() {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_backup(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let cut = dir.path().join("cut.jsonl");
    std::fs::write(&cut, &text[..text.len() / 2]).unwrap();
    // A directory that was there, empty, stays; one the restore made goes.
    let there = dir.path().join("there");
    std::fs::create_dir(&there).unwrap();
    assert!(restore(&cut, &there, false).is_err());
    assert!(there.is_dir());
    let made = dir.path().join("made");
    assert!(restore(&cut, &made, false).is_err());
    assert!(!made.exists());
    let leftovers: Vec<String> = names(dir.path())
        .into_iter()
        .filter(|name| name.contains("restoring"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());
}
