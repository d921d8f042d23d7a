use super::{contents, demo_store, names, now};
use crate::backup::{
    into_backups_dir, write, write_file, BackupError, BackupReader, FORMAT, VERSION,
};
use crate::domain::agreement::Channel;
use crate::out_file::OutFile;
use crate::store::test_data::confirmation;
use crate::store::{
    Dossier, DossierRows, ListingRows, MemoryStore, Snapshot, Store, StoreError, SCHEMA_VERSION,
};
use crate::{assets, domain};
use std::io::BufReader;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

fn read_back(path: &Path) -> (crate::backup::Header, Vec<Dossier>) {
    let mut reader =
        BackupReader::open(BufReader::new(std::fs::File::open(path).unwrap())).unwrap();
    let mut dossiers = vec![];
    while let Some(dossier) = reader.next_dossier().unwrap() {
        dossiers.push(dossier);
    }
    (reader.header().clone(), dossiers)
}

#[test]
fn a_backup_is_a_header_one_line_per_customer_and_a_closing_count() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("store"));
    let path = dir.path().join("backup.jsonl");
    assert_eq!(write_file(&store, &path, now()).unwrap(), 34);

    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 36);
    assert_eq!(
        lines[0],
        format!(
            r#"{{"format":"{FORMAT}","version":{VERSION},"schema":{SCHEMA_VERSION},"partner":"Fabrikam CSP Partners","customers":34,"written":"2018-11-14T10:30:00Z"}}"#
        )
    );
    assert_eq!(lines[35], r#"{"end":"pcenter-backup","customers":34}"#);
    assert!(lines[1].starts_with(r#"{"customer":{"#), "{}", lines[1]);
    assert!(
        text.contains("한빛물류"),
        "text stays readable, not escaped"
    );

    let (header, dossiers) = read_back(&path);
    assert_eq!(header.customers, 34);
    let snapshot = Snapshot::of_dossiers(header.partner, dossiers);
    assert_eq!(snapshot, contents(&store));
    assert_eq!(names(dir.path()), ["backup.jsonl", "store"], "no leftovers");
}

#[test]
fn a_backup_to_standard_output_is_the_same_lines_as_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("store"));
    let path = dir.path().join("backup.jsonl");
    write_file(&store, &path, now()).unwrap();
    let mut stdout = Vec::new();
    let out = OutFile::open(Path::new("-"), Some(&mut stdout)).unwrap();
    assert_eq!(write(&store, out, now()).unwrap(), 34);
    assert_eq!(stdout, std::fs::read(&path).unwrap());
}

#[test]
fn hidden_characters_of_stored_values_are_escaped_in_the_lines_and_read_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mut snapshot = assets::demo_snapshot();
    let mut customer = snapshot.customers[0].clone();
    customer.id = "0badc0de-0000-4000-8000-000000000009".into();
    customer.domain = "legacy.onmicrosoft.com".into();
    customer.company_name = "Legacy\u{202E} Corp\x1b[31m\u{85}".into();
    snapshot.customers.push(customer);
    // As an older version may have stored it: the store's rules refuse such a name today.
    let store = MemoryStore::holding_unchecked(snapshot);
    let path = dir.path().join("backup.jsonl");
    write_file(&store, &path, now()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text.lines().count(),
        37,
        "a line per customer, header and end"
    );
    assert_eq!(
        text.chars()
            .find(|c| domain::characters::is_hidden(*c) && *c != '\n'),
        None
    );
    assert!(
        text.contains(r"Legacy\u202e Corp\u001b[31m\u0085"),
        "{text}"
    );
    // The lines mean the same values; a restore refuses the name, as any write would.
    let lines: Vec<&str> = text.lines().collect();
    let dossiers: Vec<Dossier> = lines[1..lines.len() - 1]
        .iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let header: crate::backup::Header = serde_json::from_str(lines[0]).unwrap();
    let snapshot = Snapshot::of_dossiers(header.partner, dossiers);
    assert_eq!(snapshot, contents(&store));
    let mut reader = BackupReader::open(text.as_bytes()).unwrap();
    let refusal = loop {
        if let Err(damage) = reader.next_dossier() {
            break damage;
        }
    };
    assert_eq!(refusal.line, 36);
    assert!(
        refusal.what().contains("text-direction mark U+202E"),
        "{refusal:?}"
    );
}

#[test]
fn a_stream_whose_store_changed_meanwhile_gets_no_closing_line() {
    let store = ChangesWhileRead::new(1);
    let mut stdout = Vec::new();
    let out = OutFile::open(Path::new("-"), Some(&mut stdout)).unwrap();
    assert!(matches!(
        write(&store, out, now()),
        Err(BackupError::ChangedWhileStreamed { .. })
    ));
    let text = String::from_utf8(stdout).unwrap();
    assert!(!text.contains(r#""end""#), "no closing line: {text}");
    let mut reader = BackupReader::open(text.as_bytes()).unwrap();
    let refused = loop {
        match reader.next_dossier() {
            Ok(Some(_)) => continue,
            Ok(None) => panic!("read as complete"),
            Err(damage) => break damage,
        }
    };
    assert!(refused.what().contains("cut short"), "{refused:?}");
}

#[test]
fn an_empty_store_makes_a_backup_of_no_customers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.jsonl");
    assert_eq!(
        write_file(&MemoryStore::default(), &path, now()).unwrap(),
        0
    );
    let (header, dossiers) = read_back(&path);
    assert_eq!(
        (header.customers, header.partner, dossiers.len()),
        (0, None, 0)
    );
}

/// A store that records a confirmation of its first customer while `changes` more passes of
/// its dossiers are being read, as another thread of the same process could.
struct ChangesWhileRead {
    inner: MemoryStore,
    changes: AtomicU32,
    recorded: AtomicU32,
}

impl ChangesWhileRead {
    fn new(changes: u32) -> ChangesWhileRead {
        ChangesWhileRead {
            inner: MemoryStore::with_snapshot(assets::demo_snapshot()),
            changes: AtomicU32::new(changes),
            recorded: AtomicU32::new(0),
        }
    }

    fn record(&self, first_customer: &str) {
        self.recorded.fetch_add(1, Relaxed);
        let at = format!("2018-11-14T10:0{}:00Z", self.recorded.load(Relaxed));
        let mut confirmation = confirmation(first_customer, &at, Channel::Account);
        confirmation.accepted_by.email =
            format!("change{}@contoso.com", self.recorded.load(Relaxed));
        self.inner.add_confirmation(&confirmation).unwrap();
    }
}

impl Store for ChangesWhileRead {
    fn dossiers(&self) -> Result<DossierRows<'_>, StoreError> {
        let rows = self.inner.dossiers()?;
        if self.changes.load(Relaxed) == 0 {
            return Ok(rows);
        }
        self.changes.fetch_sub(1, Relaxed);
        let mut first = None;
        Ok(Box::new(rows.enumerate().map(move |(i, row)| {
            let row = row?;
            first.get_or_insert_with(|| row.customer.id.clone());
            if i == 10 {
                self.record(first.as_deref().unwrap());
            }
            Ok(row)
        })))
    }
    fn load(&self) -> Result<Snapshot, StoreError> {
        self.inner.load()
    }
    fn dossier(&self, id: &str) -> Result<Option<Dossier>, StoreError> {
        self.inner.dossier(id)
    }
    fn customer_id_by_domain(&self, domain: &str) -> Result<Option<String>, StoreError> {
        self.inner.customer_id_by_domain(domain)
    }
    fn listing(&self) -> Result<ListingRows, StoreError> {
        self.inner.listing()
    }
    fn customer_count(&self) -> Result<u64, StoreError> {
        self.inner.customer_count()
    }
    fn generation(&self) -> Result<u64, StoreError> {
        self.inner.generation()
    }
    fn is_empty(&self) -> Result<bool, StoreError> {
        self.inner.is_empty()
    }
    fn new_id(&self) -> Result<String, StoreError> {
        unreachable!("not used by a backup")
    }
    fn set_partner_name(&self, _: &str) -> Result<(), StoreError> {
        unreachable!("not used by a backup")
    }
    fn create_customer(
        &self,
        _: &domain::customer::Customer,
        _: Option<&domain::agreement::Confirmation>,
    ) -> Result<(), StoreError> {
        unreachable!("not used by a backup")
    }
    fn add_confirmation(&self, c: &domain::agreement::Confirmation) -> Result<(), StoreError> {
        self.inner.add_confirmation(c)
    }
    fn create_order(
        &self,
        _: &domain::commerce::Order,
        _: &[domain::commerce::Subscription],
    ) -> Result<(), StoreError> {
        unreachable!("not used by a backup")
    }
    fn update_subscription(&self, _: &domain::commerce::Subscription) -> Result<(), StoreError> {
        unreachable!("not used by a backup")
    }
    fn write_snapshot(&self, _: &Snapshot) -> Result<(), StoreError> {
        unreachable!("not used by a backup")
    }
}

#[test]
fn a_store_changed_while_its_backup_is_written_is_written_again_as_it_is_now() {
    let dir = tempfile::tempdir().unwrap();
    let store = ChangesWhileRead::new(1);
    let path = dir.path().join("backup.jsonl");
    write_file(&store, &path, now()).unwrap();
    assert_eq!(
        store.recorded.load(Relaxed),
        1,
        "the first pass saw a change"
    );

    let (header, dossiers) = read_back(&path);
    let backed_up = Snapshot::of_dossiers(header.partner, dossiers);
    let now_held = store.load().unwrap();
    assert_eq!(
        backed_up, now_held,
        "the backup is of the store after the change"
    );
    assert!(backed_up
        .confirmations
        .iter()
        .any(|c| c.accepted_by.email == "change1@contoso.com"));
}

#[test]
fn a_store_that_never_stops_changing_gets_no_backup_and_the_old_file_stays() {
    let dir = tempfile::tempdir().unwrap();
    let store = ChangesWhileRead::new(u32::MAX);
    let path = dir.path().join("backup.jsonl");
    std::fs::write(&path, "an older backup").unwrap();
    assert_eq!(
        write_file(&store, &path, now()),
        Err(BackupError::KeptChanging)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "an older backup");
    assert_eq!(names(dir.path()), ["backup.jsonl"], "no leftovers");
}

#[test]
fn a_backup_that_cannot_be_written_says_where_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no such directory").join("backup.jsonl");
    let refusal = write_file(&MemoryStore::default(), &path, now()).unwrap_err();
    let text = refusal.to_string();
    assert!(text.contains("no such directory/backup.jsonl ("), "{text}");
    assert!(text.contains("Nothing in the store changed"), "{text}");
}

#[test]
fn the_backups_directory_gets_one_new_file_per_backup_named_after_the_store_and_the_moment() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store(&dir.path().join("demo"));
    let (first, count) = into_backups_dir(&store, now()).unwrap();
    assert_eq!(count, 34);
    let backups = dir.path().join("backups");
    assert_eq!(first, backups.join("demo-20181114T103000Z.jsonl"));
    let (second, _) = into_backups_dir(&store, now()).unwrap();
    assert_eq!(second, backups.join("demo-20181114T103000Z-2.jsonl"));
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&first), 0o600);
        assert_eq!(mode(&backups), 0o700);
    }
    assert_eq!(
        into_backups_dir(&MemoryStore::default(), now()),
        Err(BackupError::NotOnDisk)
    );
}
