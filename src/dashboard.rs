//! Starting the dashboard on a store of any size: the first page at once, from the saved copy of
//! the list when there is one; the whole directory loaded on another thread; the copy saved
//! again when the dashboard closes. No terminal here: the shells draw and feed the actions.

use crate::app::App;
use crate::book::Book;
use crate::clock::Clock;
use crate::core::{self, Core, Indexing};
use crate::diagnostics::Logged;
use crate::directory::{Directory, ListCache, ListingRow, Stamp};
use crate::service::Actor;
use crate::store::{self, ListingRows, SledStore, Store, StoreError, StoreIdentity};
use chrono::NaiveDate;
use std::path::Path;
use std::sync::{Arc, RwLock};

/// Rows read before the first frame: more than any terminal shows.
pub const FIRST_ROWS: usize = 200;

/// Directory rows loaded between two progress reports.
const PROGRESS_EVERY: usize = 100_000;

/// What the dashboard shows before the store opens, from the saved copy of the list; `None`
/// when there is no usable copy of this store's list (the first frame then waits for the
/// store).
pub fn preview(store_dir: &Path, actor: &Actor, size: (u16, u16)) -> Option<App> {
    let store = StoreIdentity::beside(store_dir)?;
    let (head, partner) = ListCache::of(store_dir).head(FIRST_ROWS, store, actor.business_date)?;
    let loaded = head.rows.len();
    let indexing = (loaded < head.count).then_some(Indexing {
        loaded,
        total: head.count,
    });
    let directory = Arc::new(RwLock::new(Directory::from_rows(head.rows)));
    Some(App::with_directory(
        actor.clone(),
        partner,
        Book::default(),
        directory,
        indexing,
        size,
    ))
}

/// The shared core over an open store, with the first rows of its directory now, and the work
/// that loads the rest.
pub struct Start {
    pub core: Arc<Core>,
    /// Run on another thread; it tells the core as it goes.
    pub loader: Option<Loader>,
    /// The store's generation when the dashboard started.
    pub generation: u64,
}

pub struct Loader {
    cache: ListCache,
    /// The store and generation a saved copy must be of to be used.
    saved: Option<(StoreIdentity, u64)>,
    /// The business date whose statuses the list shows.
    as_of: NaiveDate,
    total: usize,
    rows: ListingRows,
}

/// Opens the shared core of a dashboard (or server) over `store`, whose directory shows the
/// statuses of `business_date`.
pub fn start(
    store: Logged<SledStore>,
    business_date: NaiveDate,
    clock: Box<dyn Clock>,
) -> Result<Start, StoreError> {
    let partner = partner_name(&store.0)?;
    let generation = store.generation()?;
    let total = store.customer_count()? as usize;
    // Rows of customers created after the business date are read and left out: the list is
    // complete once every stored row was read, whatever it shows.
    let mut read = 0;
    let first: Vec<ListingRow> = store
        .listing()?
        .take(FIRST_ROWS)
        .inspect(|_| read += 1)
        .filter_map(|row| {
            row.and_then(|row| store::row_on(&store, row, business_date))
                .transpose()
        })
        .map(|row| row.map(|row| ListingRow::on(row, business_date)))
        .collect::<Result<_, _>>()?;
    let complete = read >= total;
    let indexing = (!complete).then_some(Indexing {
        loaded: first.len(),
        total,
    });
    let loader = (!complete)
        .then(|| -> Result<Loader, StoreError> {
            // A store of an older build has no identity until its list is first saved.
            let saved = store.0.stored_identity()?.map(|store| (store, generation));
            Ok(Loader {
                cache: ListCache::of(store.0.path()),
                saved,
                as_of: business_date,
                total,
                rows: store.listing()?,
            })
        })
        .transpose()?;
    let core = Core::with_directory(
        Box::new(store),
        clock,
        business_date,
        partner,
        Directory::from_rows(first),
        indexing,
    );
    Ok(Start {
        core: Arc::new(core),
        loader,
        generation,
    })
}

impl Loader {
    /// Reads the whole directory and hands it to the core (see `read`); with nothing when the
    /// store failed (the first rows stay, and the list says it is still loading).
    pub fn run(self, core: &Core) {
        if let Some(directory) = self.read(core) {
            core.take_directory(directory);
        }
    }

    /// Reads the whole directory: from the saved copy when it is of this store at this
    /// generation, else from the store, telling the core its progress. `None` when the store
    /// failed or the core is closing.
    pub fn read(self, core: &Core) -> Option<Directory> {
        let saved = self
            .saved
            .and_then(|(store, generation)| self.cache.load(store, generation, self.as_of));
        if saved.is_some() {
            return saved;
        }
        // Rows go straight into the directory as they are read: no second copy of the list.
        let mut rows = Counted {
            rows: self.rows,
            as_of: self.as_of,
            total: self.total,
            read: 0,
            failed: false,
            core,
        };
        let directory = Directory::from_rows(&mut rows);
        (!rows.failed).then_some(directory)
    }
}

/// The store's list rows, counted as they are read, with progress reported now and then; a
/// failing read ends them.
struct Counted<'c> {
    rows: ListingRows,
    as_of: NaiveDate,
    total: usize,
    read: usize,
    failed: bool,
    core: &'c Core,
}

impl Iterator for Counted<'_> {
    type Item = ListingRow;

    fn next(&mut self) -> Option<ListingRow> {
        if self.core.loading_stopped() {
            self.failed = true;
            return None;
        }
        loop {
            let row = self.rows.next()?;
            self.read += 1;
            if self.read.is_multiple_of(PROGRESS_EVERY) {
                self.core.indexing_progress(self.read);
            }
            match row.and_then(|row| store::row_on(self.core.store(), row, self.as_of)) {
                Ok(Some(row)) => return Some(ListingRow::on(row, self.as_of)),
                // A customer created after the business date is not there yet.
                Ok(None) => continue,
                Err(_) => {
                    self.failed = true;
                    return None;
                }
            }
        }
    }

    /// The store's count, so the directory is allocated once at its full size.
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.total.saturating_sub(self.read), None)
    }
}

/// Saves the list for the next start when it is complete and the saved copy is not already of
/// this generation. Failing to save costs the next start some speed, nothing else.
///
/// A list shown at a business date before some acceptance date of the store is not saved: its
/// statuses are those of that date only, and the next start may be on another.
pub fn save_list(core: &Core) {
    let store = core.store();
    let (None, Some(dir)) = (core.indexing(), store.location()) else {
        return;
    };
    // The list shows the store as it is only from its last change on.
    let (Ok(generation), Ok(Some(identity)), Ok(latest)) =
        (store.generation(), store.identity(), store.latest_change())
    else {
        return;
    };
    let stamp = Stamp {
        store: identity,
        generation,
        statuses_from: Stamp::statuses_from(latest, core.business_date()),
    };
    if !stamp.holds_on(core.business_date()) {
        return;
    }
    let cache = ListCache::of(dir);
    if cache.stamp() == Some(stamp) {
        return;
    }
    let directory = core.directory();
    let partner_name = core.partner_name().to_string();
    if cache
        .save(&core::read(&directory), stamp, &partner_name)
        .is_ok()
    {
        store.list_copy_saved();
    }
}

/// What the header shows for a store without a partner name yet: how to give it one, short
/// enough to stay whole at 80 columns. Each session shows it in its language
/// (`ShellWords::no_partner_name`).
pub const NO_PARTNER_NAME: &str = "(set --partner NAME)";

/// The partner name the header shows, with a placeholder for a store that has none yet.
pub fn partner_name(store: &SledStore) -> Result<String, StoreError> {
    Ok(store
        .partner_name()?
        .unwrap_or_else(|| NO_PARTNER_NAME.into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;

    #[test]
    fn the_english_placeholder_for_no_partner_name_is_the_one_the_store_is_opened_with() {
        // The header tells the placeholder from a name by it, and says it in each language.
        assert_eq!(Lang::English.words().shell.no_partner_name, NO_PARTNER_NAME);
    }
}
