//! `pcenter-bench`: measures the performance targets at 10k, 100k and 1M customers through the
//! real app core, store and binary, and prints a Markdown report.
//!
//! ```text
//! cargo build --release --bins
//! cargo run --release --bin pcenter-bench -- --customers 1000000
//! ```
//!
//! The data of each size is generated once under `--work-dir` (by `pcenter generate`) and
//! reused while its marker says it is complete. The exit status is 0 whether or not every
//! target is met (the report says so); it is non-zero only when something could not be measured.

mod api_load;
mod busy;
mod compare;
mod dash;
mod exports;
mod keys;
mod live;
mod measure;
mod memory;
mod report;
mod served;
mod ssh_client;
mod ssh_load;
mod startup;
mod stats;
mod targets;
mod through;
mod workdir;
mod writes;
mod wrk;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use workdir::Pcenter;

pub type Fallible<T> = Result<T, Box<dyn std::error::Error>>;

/// The sizes measured besides `--customers`, when they are not larger than it.
const SIZES: [usize; 2] = [10_000, 100_000];

#[derive(Debug, Parser)]
#[command(
    name = "pcenter-bench",
    about = "Measures pcenter's performance targets at 10k, 100k and --customers customers and prints a Markdown table.",
    after_help = "Build first with `cargo build --release --bins`, then:\n  cargo run --release --bin pcenter-bench -- --customers 1000000"
)]
struct Options {
    #[command(subcommand)]
    probe: Option<Probe>,
    /// The largest size; 10,000 and 100,000 are measured too when not larger.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    customers: usize,
    /// Where the generated data of each size is kept, and reused.
    #[arg(long, value_name = "DIR", default_value = "target/bench-data")]
    work_dir: PathBuf,
    /// Also write the report into this file: between its `pcenter-bench:begin` and
    /// `pcenter-bench:end` comments when it has them (the rest is kept), else as the whole file.
    #[arg(long, value_name = "FILE")]
    markdown: Option<PathBuf>,
    /// Do not try to install what the comparisons and the HTTP rows use when it is missing:
    /// sqlite3 and wrk with apt, json-server with npm (under the work directory).
    #[arg(long)]
    no_install: bool,
    /// Seconds of each measured run of wrk, the HTTP load generator.
    #[arg(long, value_name = "S", default_value_t = 10)]
    http_seconds: u64,
    /// Measure only these rows, at --customers alone (while working on them).
    #[arg(long, value_enum, value_name = "ROWS")]
    only: Option<Only>,
}

/// A subset of the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Only {
    /// The SSH dashboards' rows.
    Ssh,
}

#[derive(Debug, Subcommand)]
enum Probe {
    /// Runs the dashboard's path on a store and prints its peak memory (used by the bench).
    #[command(hide = true)]
    ProbeMemory { store: PathBuf },
    /// Opens many sessions on one core over a store and prints its peak memory (used by the
    /// bench).
    #[command(hide = true)]
    ProbeSessions { store: PathBuf },
}

fn main() -> ExitCode {
    match run(Options::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("pcenter-bench: {error}");
            ExitCode::FAILURE
        }
    }
}

/// 10k and 100k when not above `customers`, then `customers`, without repeats.
fn sizes(customers: usize) -> Vec<usize> {
    let mut sizes: Vec<usize> = SIZES.into_iter().filter(|&s| s <= customers).collect();
    sizes.push(customers);
    sizes.dedup();
    sizes
}

/// The `pcenter` binary beside this one; built first when this one is a release build.
fn find_pcenter() -> Fallible<Pcenter> {
    let me = std::env::current_exe()?;
    let binary = me.with_file_name(format!("pcenter{}", std::env::consts::EXE_SUFFIX));
    let in_release = me.parent().is_some_and(|dir| dir.ends_with("release"));
    if !binary.exists() && in_release {
        eprintln!(
            "{} is missing: running cargo build --release --bins",
            binary.display()
        );
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        std::process::Command::new(cargo)
            .args(["build", "--release", "--bins"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()?;
    }
    if !binary.exists() {
        return Err(format!(
            "{} is missing: build it first with `cargo build --release --bins`",
            binary.display()
        )
        .into());
    }
    Ok(Pcenter { binary })
}

fn run(options: Options) -> Fallible<()> {
    match &options.probe {
        Some(Probe::ProbeMemory { store }) => return memory::probe(store),
        Some(Probe::ProbeSessions { store }) => return memory::probe_sessions(store),
        None => {}
    }
    if options.customers == 0 {
        return Err("--customers must be at least 1".into());
    }
    if options.only == Some(Only::Ssh) && options.customers < targets::SSH_FROM_SIZE {
        return Err(format!(
            "the SSH rows are measured from {} customers up",
            targets::SSH_FROM_SIZE
        )
        .into());
    }
    if options.http_seconds == 0 {
        return Err("--http-seconds must be at least 1".into());
    }
    if cfg!(debug_assertions) {
        eprintln!("note: this is a debug build; measure with --release for real numbers");
    }
    let pcenter = find_pcenter()?;
    let sizes = match options.only {
        Some(Only::Ssh) => vec![options.customers],
        None => sizes(options.customers),
    };
    let http_sizes = if options.only.is_some() {
        &[][..]
    } else {
        &sizes
    };
    let tools = api_load::Tools::find(
        http_sizes,
        &options.work_dir,
        !options.no_install,
        options.http_seconds,
    );
    let run = measure::Run {
        work_dir: &options.work_dir,
        pcenter: &pcenter,
        install_sqlite: !options.no_install,
        tools: &tools,
        only: options.only,
    };
    let mut results = Vec::with_capacity(sizes.len());
    let mut comparison = None;
    let mut servers = None;
    for &customers in &sizes {
        let largest = Some(&customers) == sizes.last();
        let measured = measure::size(&run, customers, largest)?;
        results.push(measured.result);
        comparison = measured.comparison.or(comparison);
        servers = measured.servers.or(servers);
    }
    let mut text = report::results_table(&results);
    if let Some(comparison) = &comparison {
        text.push('\n');
        text.push_str(&report::comparison_table(comparison));
    }
    if let Some(servers) = &servers {
        text.push('\n');
        text.push_str(&report::server_comparison_table(servers));
    }
    text.push('\n');
    text.push_str(&report::machine_line());
    text.push('\n');
    println!("{text}");
    if let Some(file) = &options.markdown {
        let existing = std::fs::read_to_string(file).ok();
        std::fs::write(file, splice(existing.as_deref(), &text))
            .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    }
    Ok(())
}

const BEGIN: &str = "<!-- pcenter-bench:begin -->";
const END: &str = "<!-- pcenter-bench:end -->";

/// `existing` with `report` in place of what lies between its markers; the report between
/// markers alone when there is no such file or it has no markers.
fn splice(existing: Option<&str>, report: &str) -> String {
    let marked = format!("{BEGIN}\n{report}{END}");
    let Some(text) = existing else {
        return marked + "\n";
    };
    match (text.find(BEGIN), text.find(END)) {
        (Some(begin), Some(end)) if begin < end => {
            format!("{}{marked}{}", &text[..begin], &text[end + END.len()..])
        }
        _ => marked + "\n",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sizes_are_the_fixed_ones_up_to_customers_then_customers() {
        assert_eq!(sizes(1_000_000), vec![10_000, 100_000, 1_000_000]);
        assert_eq!(sizes(100_000), vec![10_000, 100_000]);
        assert_eq!(sizes(50_000), vec![10_000, 50_000]);
        assert_eq!(sizes(300), vec![300]);
    }

    #[test]
    fn the_report_replaces_only_what_lies_between_the_markers() {
        let page = format!("# Title\n\n{BEGIN}\nold\n{END}\n\nMore text.\n");
        assert_eq!(
            splice(Some(&page), "new\n"),
            format!("# Title\n\n{BEGIN}\nnew\n{END}\n\nMore text.\n")
        );
        assert_eq!(splice(None, "new\n"), format!("{BEGIN}\nnew\n{END}\n"));
        assert_eq!(
            splice(Some("no markers"), "new\n"),
            format!("{BEGIN}\nnew\n{END}\n")
        );
    }

    #[test]
    fn a_data_marker_reads_back_and_a_broken_one_does_not() {
        let marker = workdir::Marker {
            customers: 300,
            generate_seconds: 1.25,
        };
        assert_eq!(workdir::Marker::parse(&marker.render()), Some(marker));
        assert_eq!(workdir::Marker::parse("customers=300\n"), None);
    }
}
