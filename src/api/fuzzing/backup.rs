//! A backup, read and checked as `restore` reads it, then written into an empty store in
//! memory as `restore` fills its new store.

use crate::backup::{BackupReader, Damage, Header, FORMAT};
use crate::store::{audit, Dossier, MemoryStore, Store, StoreError};

/// Reads `data` as `restore` reads a backup, and checks that:
///
/// - a refusal names a line of the file and says what is wrong;
/// - every customer read comes back the same from the line a backup writes of it;
/// - a file read to its end fills an empty store, unless two of its customers share an ID or a
///   domain (which `restore` reports with their lines), and the store then holds exactly what
///   the file holds, each customer found by its ID and by its domain, and nothing in it that
///   `store::audit` finds wrong.
pub fn backup(data: &[u8]) {
    let lines = data.iter().filter(|&&byte| byte == b'\n').count() as u64 + 1;
    let mut reader = match BackupReader::open(data) {
        Ok(reader) => reader,
        Err(damage) => return assert_damage(&damage, lines),
    };
    let mut dossiers = Vec::new();
    loop {
        match reader.next_dossier() {
            Ok(Some(dossier)) => {
                assert_reads_back(reader.header(), &dossier);
                dossiers.push(dossier);
            }
            Ok(None) => break,
            Err(damage) => return assert_damage(&damage, lines),
        }
    }
    let count = dossiers.len() as u64;
    assert_eq!(reader.header().customers, count);
    assert_eq!(reader.tally().customers, count);
    let partner = reader.header().partner.clone();
    let store = MemoryStore::default();
    let filled = store.fill(
        partner.as_deref(),
        &mut std::iter::once(dossiers.clone()),
        &mut |_| {},
    );
    match filled {
        Ok(written) => assert_eq!(written, count),
        Err(StoreError::IdTaken { .. } | StoreError::DomainTaken { .. }) => return,
        Err(refusal) => {
            panic!("the store refused customers the backup's checks let through: {refusal}")
        }
    }
    let snapshot = store.load().expect("memory");
    assert_eq!(snapshot.partner_name, partner);
    assert_eq!(snapshot.into_dossiers(), dossiers);
    assert_eq!(store.customer_count().expect("memory"), count);
    for dossier in &dossiers {
        let id = &dossier.customer.id;
        assert_eq!(store.dossier(id).expect("memory").as_ref(), Some(dossier));
        let by_domain = store.customer_id_by_domain(&dossier.customer.domain);
        assert_eq!(by_domain.expect("memory").as_ref(), Some(id));
    }
    // Every record a backup's checks let through meets every rule of the store.
    assert_eq!(audit(&store).expect("memory"), Vec::<String>::new());
}

fn assert_damage(damage: &Damage, lines: u64) {
    assert!(
        (1..=lines).contains(&damage.line),
        "line {} of a file of {lines} lines",
        damage.line
    );
    assert!(!damage.what().trim().is_empty(), "refused without a reason");
}

/// A backup of this one customer, written as a backup writes its lines, reads back the same.
fn assert_reads_back(header: &Header, dossier: &Dossier) {
    let header = Header {
        customers: 1,
        ..header.clone()
    };
    let text = format!(
        "{}\n{}\n{{\"end\":\"{FORMAT}\",\"customers\":1}}\n",
        line(&header),
        line(dossier)
    );
    let mut reader = BackupReader::open(text.as_bytes()).expect("the header reads back");
    let again = reader.next_dossier();
    assert_eq!(again, Ok(Some(dossier.clone())), "written as {text:?}");
    assert_eq!(reader.next_dossier(), Ok(None));
}

/// One value as one line of JSON, as a backup writes it.
fn line(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("records serialize")
}
