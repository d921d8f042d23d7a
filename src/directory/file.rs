//! The directory's file, from which the dashboard shows the first page before the database
//! opens.
//!
//! Layout, integers little-endian, `n` rows:
//!
//! | bytes  | content                                                                  |
//! |--------|--------------------------------------------------------------------------|
//! | 8      | magic `PCLIST03` (the last two characters are the format version)        |
//! | 16     | identity of the store the list is of, big-endian                         |
//! | 8      | generation of that store when the list was saved                         |
//! | 4      | the first business date whose statuses the rows show, in days from January 1 of year 1; 0 for every date |
//! | 8      | `n`                                                                      |
//! | 8      | byte length of the names section                                         |
//! | 8      | byte length of the domains section                                       |
//! | n      | code per row: cloud bits 0-1, status bits 2-3, bit 4 when the domain ends in `.onmicrosoft.com`, agreement bits 5-6 |
//! | 4n     | subscriptions per row                                                    |
//! | 4n     | end of each row's name in the names section                              |
//! | 4n     | end of each row's domain in the domains section                          |
//! | …      | names, UTF-8, end to end                                                 |
//! | …      | domains without `.onmicrosoft.com` when bit 4 is set, UTF-8, end to end  |
//!
//! Every section's place follows from the header, so the head of the list reads in
//! O(rows asked). Everything is checked on the way in; a file that fails is `InvalidData`.

use super::{offset, unpack, Directory, ListingRow, TooLarge};
use crate::domain::customer::DOMAIN_SUFFIX;
use crate::store::StoreIdentity;
use chrono::{Datelike, NaiveDate};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

mod columns;
#[cfg(test)]
mod tests;

use columns::{Columns, Layout};

const MAGIC: &[u8; 8] = b"PCLIST03";
const HEADER_LEN: usize = 60;
const SUFFIXED: u8 = 0x10;

/// Which store a list is of, at which of its generations, and from which business date on its
/// statuses hold: a list is current only for that store at that generation, on those dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub store: StoreIdentity,
    pub generation: u64,
    /// The store's latest acceptance date when the list was saved: from it on, every
    /// confirmation counts, as in the rows' statuses. `None`: the store had none, and the
    /// statuses hold on every date.
    pub statuses_from: Option<NaiveDate>,
}

impl Stamp {
    /// Whether a list so stamped shows the store `store` as it is at `generation` on the
    /// business date `as_of`.
    pub fn shows(&self, store: StoreIdentity, generation: u64, as_of: NaiveDate) -> bool {
        self.store == store && self.generation == generation && self.holds_on(as_of)
    }

    /// Whether the rows' statuses are those of the business date `as_of`.
    pub fn holds_on(&self, as_of: NaiveDate) -> bool {
        use crate::domain::timeline::AgreementEra;
        // The era decides which agreement counts, so statuses hold within one era only.
        let from = self.statuses_from.unwrap_or(NaiveDate::MIN);
        from <= as_of && AgreementEra::on(from) == AgreementEra::on(as_of)
    }

    /// The day from which statuses computed on `as_of` hold, for a store whose latest
    /// acceptance is `latest`.
    pub fn statuses_from(latest: Option<NaiveDate>, as_of: NaiveDate) -> Option<NaiveDate> {
        let era_start = crate::domain::timeline::era_start(as_of);
        Some(latest.map_or(era_start, |latest| latest.max(era_start)))
    }
}

/// The first rows of a directory file and how many it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub stamp: Stamp,
    pub count: usize,
    pub rows: Vec<ListingRow>,
}

fn invalid(path: &Path, problem: impl std::fmt::Display) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "{} is not a valid customer list file: {problem}",
            path.display()
        ),
    )
}

impl Directory {
    /// Writes the directory to `path` atomically: a temporary file beside it, synced, renamed
    /// over `path`, then the folder synced. The file is readable by its owner only (0600).
    pub fn write_file(&self, path: &Path, stamp: Stamp) -> io::Result<()> {
        static WRITES: AtomicU64 = AtomicU64::new(0);
        let name = path.file_name().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} does not name a file", path.display()),
            )
        })?;
        let folder = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder,
            _ => Path::new("."),
        };
        let temporary = folder.join(format!(
            ".{}.{}-{}.tmp",
            name.to_string_lossy(),
            std::process::id(),
            WRITES.fetch_add(1, Ordering::Relaxed)
        ));
        let written = self.write_to_new(&temporary, stamp).and_then(|()| {
            fs::rename(&temporary, path)?;
            sync_folder(folder)
        });
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        written
    }

    fn write_to_new(&self, path: &Path, stamp: Stamp) -> io::Result<()> {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut out = BufWriter::with_capacity(1 << 20, options.open(path)?);
        self.write_sections(&mut out, stamp)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()
    }

    fn write_sections(&self, out: &mut impl Write, stamp: Stamp) -> io::Result<()> {
        let stored = |rank: usize| {
            let domain = self.entry(rank).domain;
            match domain.strip_suffix(DOMAIN_SUFFIX) {
                Some(prefix) => (prefix, SUFFIXED),
                None => (domain, 0),
            }
        };
        let domains_len: usize = (0..self.len()).map(|r| stored(r).0.len()).sum();
        out.write_all(MAGIC)?;
        out.write_all(&stamp.store.to_bytes())?;
        for number in [stamp.generation, self.len() as u64, self.names.len() as u64] {
            out.write_all(&number.to_le_bytes())?;
        }
        out.write_all(&(domains_len as u64).to_le_bytes())?;
        let from = stamp
            .statuses_from
            .map_or(0, |date| date.num_days_from_ce());
        out.write_all(&from.to_le_bytes())?;
        for (rank, &code) in self.codes.iter().enumerate() {
            out.write_all(&[code | stored(rank).1])?;
        }
        for &number in self.subscriptions.iter().chain(&self.name_starts[1..]) {
            out.write_all(&number.to_le_bytes())?;
        }
        let mut domain_end = 0u32;
        for rank in 0..self.len() {
            domain_end += stored(rank).0.len() as u32;
            out.write_all(&domain_end.to_le_bytes())?;
        }
        out.write_all(self.names.as_bytes())?;
        for rank in 0..self.len() {
            out.write_all(stored(rank).0.as_bytes())?;
        }
        out.flush()
    }

    /// The stamp and directory written to `path`, or `None` when there is no file. The
    /// file is read a section at a time, each dropped once used: at a million rows a copy of
    /// the whole file beside the directory would weigh as much as the directory itself.
    pub fn read_file(path: &Path) -> io::Result<Option<(Stamp, Directory)>> {
        let Some((stamp, layout, mut file)) = open_sections(path)? else {
            return Ok(None);
        };
        let count = layout.count;
        let mut read = |range: std::ops::Range<usize>| read_at(&mut file, range.start, range.len());
        let fixed = [
            read(layout.codes(count))?,
            read(layout.subscriptions(count))?,
            read(layout.name_ends(count))?,
            read(layout.domain_ends(count))?,
        ];
        let names = read(layout.names())?;
        let domains = read(layout.domains())?;
        let columns = Columns::parse(fixed, names, domains, path)?;
        let directory = columns
            .into_directory()
            .map_err(|problem| invalid(path, problem))?;
        Ok(Some((stamp, directory)))
    }
}

/// The stamp, layout and open file at `path`, or `None` when there is no file.
fn open_sections(path: &Path) -> io::Result<Option<(Stamp, Layout, File)>> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let file_len = file.metadata()?.len();
    let header = read_at(&mut file, 0, HEADER_LEN.min(file_len as usize))?;
    if header.len() < HEADER_LEN {
        return Err(invalid(path, "truncated"));
    }
    let (stamp, layout) = Layout::parse(&header, file_len, path)?;
    Ok(Some((stamp, layout, file)))
}

impl Columns {
    /// The rows in a directory, checking they are in list order.
    fn into_directory(self) -> Result<Directory, &'static str> {
        let count = self.codes.len();
        offset(self.names.len()).map_err(|TooLarge| "its names pass 4 GiB")?;
        let key_bytes = self.names.len() + self.domains.len() + count * 18;
        let mut directory = Directory::with_capacity(count, 0, key_bytes);
        for rank in 0..count {
            let (name, domain, code) = self.parts(rank);
            let suffix = if code & SUFFIXED != 0 {
                DOMAIN_SUFFIX
            } else {
                ""
            };
            directory
                .push_key(name, (domain, suffix))
                .map_err(|TooLarge| "its keys would pass 4 GiB")?;
            if rank > 0 && directory.key(rank - 1) >= directory.key(rank) {
                return Err("its rows are out of order or repeated");
            }
        }
        // The names arena is the names section itself.
        directory.name_starts = std::iter::once(0).chain(self.name_ends).collect();
        directory.names = self.names;
        directory.codes = self.codes.iter().map(|code| code & !SUFFIXED).collect();
        directory.subscriptions = self.subscriptions;
        directory.keys.shrink_to_fit();
        Ok(directory)
    }

    fn row(&self, rank: usize) -> ListingRow {
        let (name, domain, code) = self.parts(rank);
        let suffix = if code & SUFFIXED != 0 {
            DOMAIN_SUFFIX
        } else {
            ""
        };
        let (cloud, status, agreement) =
            unpack(code & !SUFFIXED).expect("codes are checked on parsing");
        ListingRow {
            company_name: name.to_string(),
            domain: format!("{domain}{suffix}"),
            cloud,
            status,
            agreement,
            subscriptions: self.subscriptions[rank],
        }
    }
}

/// The first `rows` rows of the file at `path` and how many it holds, or `None` when there is
/// no file. Reads only the header and those rows.
pub fn read_head(path: &Path, rows: usize) -> io::Result<Option<Head>> {
    let Some((stamp, layout, mut file)) = open_sections(path)? else {
        return Ok(None);
    };
    let wanted = rows.min(layout.count);
    let mut read = |range: std::ops::Range<usize>| read_at(&mut file, range.start, range.len());
    let fixed = [
        read(layout.codes(wanted))?,
        read(layout.subscriptions(wanted))?,
        read(layout.name_ends(wanted))?,
        read(layout.domain_ends(wanted))?,
    ];
    let last_end = |ends: &[u8], limit: usize| {
        let end = ends.rchunks_exact(4).next().map_or(0, columns::le_u32) as usize;
        if end <= limit {
            Ok(end)
        } else {
            Err(invalid(path, "a row ends past its section"))
        }
    };
    let names_end = last_end(&fixed[2], layout.names_len)?;
    let domains_end = last_end(&fixed[3], layout.domains_len)?;
    let names = read(layout.names().start..layout.names().start + names_end)?;
    let domains = read(layout.domains().start..layout.domains().start + domains_end)?;
    let columns = Columns::parse(fixed, names, domains, path)?;
    Ok(Some(Head {
        stamp,
        count: layout.count,
        rows: (0..wanted).map(|rank| columns.row(rank)).collect(),
    }))
}

fn read_at(file: &mut File, at: usize, len: usize) -> io::Result<Vec<u8>> {
    file.seek(SeekFrom::Start(at as u64))?;
    let mut bytes = vec![0; len];
    file.read_exact(&mut bytes)?;
    Ok(bytes)
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}
