//! What is measured, in the order the report shows it, and the performance targets: every
//! target number is here and nowhere else.

/// The size some targets are stated for.
pub const TARGET_SIZE: usize = 1_000_000;
/// Rows of the confirmation CSV imported (fewer when a store has fewer public-cloud customers).
pub const IMPORT_ROWS: usize = 100_000;
/// Confirmations recorded one by one for the durability measurement.
pub const CONFIRMATIONS: usize = 200;
/// Sessions opened on one core for the memory of many agents.
pub const SESSIONS: usize = 20;
/// Confirmations a second made by another thread while the filter is typed into.
pub const BUSY_CONFIRMATIONS_PER_S: u32 = 100;
/// Changes made by one agent and timed until another agent's session shows them.
pub const LIVE_CHANGES: usize = 200;
/// The HTTP rows are measured at the sizes from this one up (and left out of smaller runs).
pub const HTTP_FROM_SIZE: usize = 100_000;
/// The size the API is compared with json-server at.
pub const JSON_SERVER_SIZE: usize = 100_000;
/// Connections wrk keeps open, each sending its next request once answered.
pub const HTTP_CONNECTIONS: usize = 32;
/// Customers whose IDs the reads are spread over (all of them in a smaller store).
pub const HTTP_READ_IDS: usize = 100_000;
/// Customers without a confirmation set aside for the confirmations, at most.
pub const HTTP_CONFIRM_IDS: usize = 200_000;
/// Of those, the customers confirmed to warm up, at most (a fifth of them when fewer).
pub const HTTP_CONFIRM_WARM_UP_IDS: usize = 5_000;
/// Customers on the page read by the list rows.
pub const HTTP_PAGE_SIZE: usize = 100;
/// The SSH rows are measured at the largest size when it is at least this one (and left out of
/// smaller runs), as the HTTP rows are.
pub const SSH_FROM_SIZE: usize = HTTP_FROM_SIZE;
/// SSH sessions connected at once to one server, each pressing keys.
pub const SSH_SESSIONS: usize = 50;
/// Keys each of those sessions presses, 100-200 ms apart.
pub const SSH_KEYS_PER_SESSION: usize = 100;
/// Down moves within the page whose bytes are counted, and moves that scroll the list.
pub const SSH_MOVES: usize = 50;
pub const SSH_SCROLL_MOVES: usize = 20;
/// Seconds a session is left idle after its first frame, its bytes counted.
pub const SSH_IDLE_SECONDS: u64 = 10;

pub const GENERATE_MAX_S: f64 = 60.0;
pub const FIRST_FRAME_MAX_MS: f64 = 150.0;
pub const FILTER_KEY_P99_MAX_MS: f64 = 16.0;
pub const SCROLL_KEY_P99_MAX_MS: f64 = 5.0;
pub const PEAK_MEMORY_MAX_MB: f64 = 300.0;
pub const CONFIRM_P99_MAX_MS: f64 = 20.0;
pub const CSV_MIN_ROWS_PER_S: f64 = 200_000.0;
pub const IMPORT_MAX_S: f64 = 10.0;
pub const SESSIONS_MEMORY_MAX_MB: f64 = 350.0;
/// A change made anywhere shows in every other session within this, with no key pressed.
pub const LIVE_CHANGE_P99_MAX_MS: f64 = 100.0;
/// A command through an open dashboard is to be no slower than the same command alone.
pub const THROUGH_MAX_RATIO: f64 = 1.0;
pub const HTTP_READ_MIN_PER_S: f64 = 10_000.0;
pub const HTTP_READ_P99_MAX_MS: f64 = 10.0;
pub const HTTP_CONFIRM_MIN_PER_S: f64 = 1_000.0;
pub const HTTP_CONFIRM_P99_MAX_MS: f64 = 20.0;
pub const SSH_MOVE_MAX_BYTES: f64 = 300.0;
pub const SSH_IDLE_MAX_BYTES: f64 = 0.0;
pub const SSH_KEY_P99_MAX_MS: f64 = 16.0;
/// 300 MB for the server, and 2 MB a session.
pub const SSH_MEMORY_MAX_MB: f64 = 300.0 + 2.0 * SSH_SESSIONS as f64;
pub const SSH_FIRST_FRAME_MAX_MS: f64 = 200.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Metric {
    Generate,
    FirstFrame,
    FirstFrameInProcess,
    ProcessStart,
    FirstFrameWithoutList,
    DirectoryReady,
    FilterKeyP99,
    FilterKeyMax,
    BusyFilterKeyP99,
    BusyConfirmRate,
    LiveChangeP99,
    ScrollKeyP99,
    PeakMemory,
    SessionsMemory,
    SessionsAdded,
    ConfirmP99,
    CsvRate,
    ImportTime,
    ImportRows,
    ThroughRatio,
    CommandAlone,
    CommandThrough,
    HttpReadRate,
    HttpReadP99,
    HttpConfirmRate,
    HttpConfirmP99,
    HttpConfirmOther,
    SshMoveBytes,
    SshMoveBytesMax,
    SshScrollBytes,
    SshIdleBytes,
    SshKeyP99,
    SshKeyP50,
    SshMemory,
    SshMemoryAdded,
    SshFirstStartMemory,
    SshConnectP50,
    SshConnectP99,
    SshConnectAlone,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    AtMost(f64),
    AtLeast(f64),
}

/// A target, judged at the largest size measured, or only at `only_at` when set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub bound: Bound,
    pub only_at: Option<usize>,
}

/// One row of the report.
pub struct Row {
    pub metric: Metric,
    pub label: &'static str,
    pub unit: Unit,
    pub target: Option<Target>,
    /// The smallest size the row is measured at: a run whose sizes are all smaller leaves it
    /// out of its table.
    pub from_size: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Seconds,
    Millis,
    Megabytes,
    RowsPerSecond,
    /// Events a second, with a decimal.
    PerSecond,
    /// Requests a second, whole.
    RequestsPerSecond,
    Count,
    /// One measurement divided by another.
    Ratio,
    Bytes,
}

const fn at_most(limit: f64) -> Option<Target> {
    Some(Target {
        bound: Bound::AtMost(limit),
        only_at: None,
    })
}

const fn at_least_at(limit: f64, size: usize) -> Option<Target> {
    Some(Target {
        bound: Bound::AtLeast(limit),
        only_at: Some(size),
    })
}

const fn at_most_at(limit: f64, size: usize) -> Option<Target> {
    Some(Target {
        bound: Bound::AtMost(limit),
        only_at: Some(size),
    })
}

const fn row(metric: Metric, label: &'static str, unit: Unit, target: Option<Target>) -> Row {
    Row {
        metric,
        label,
        unit,
        target,
        from_size: 0,
    }
}

/// A row of the HTTP API under wrk, measured from [`HTTP_FROM_SIZE`] customers up.
const fn http_row(metric: Metric, label: &'static str, unit: Unit, target: Option<Target>) -> Row {
    Row {
        from_size: HTTP_FROM_SIZE,
        ..row(metric, label, unit, target)
    }
}

/// A row of the SSH dashboards, measured at the largest size from [`SSH_FROM_SIZE`] up.
const fn ssh_row(metric: Metric, label: &'static str, unit: Unit, target: Option<Target>) -> Row {
    Row {
        from_size: SSH_FROM_SIZE,
        ..row(metric, label, unit, target)
    }
}

use Metric::*;
use Unit::*;

pub const ROWS: [Row; 39] = [
    row(
        Generate,
        "Generate the customers (s)",
        Seconds,
        Some(Target {
            bound: Bound::AtMost(GENERATE_MAX_S),
            only_at: Some(TARGET_SIZE),
        }),
    ),
    row(
        FirstFrame,
        "First frame, process start included (ms)",
        Millis,
        at_most(FIRST_FRAME_MAX_MS),
    ),
    row(
        FirstFrameInProcess,
        "· first frame in-process (ms)",
        Millis,
        None,
    ),
    row(
        ProcessStart,
        "· process start, `pcenter --version` (ms)",
        Millis,
        None,
    ),
    row(
        FirstFrameWithoutList,
        "First frame without the saved list (ms)",
        Millis,
        None,
    ),
    row(DirectoryReady, "Directory ready (ms)", Millis, None),
    row(
        FilterKeyP99,
        "Filter keystroke + frame, p99 (ms)",
        Millis,
        at_most(FILTER_KEY_P99_MAX_MS),
    ),
    row(
        FilterKeyMax,
        "Filter keystroke + frame, max (ms)",
        Millis,
        None,
    ),
    row(
        BusyFilterKeyP99,
        "Filter keystroke + frame under 100 confirmations/s, p99 (ms)",
        Millis,
        at_most(FILTER_KEY_P99_MAX_MS),
    ),
    row(
        BusyConfirmRate,
        "· confirmations made meanwhile (per s)",
        PerSecond,
        None,
    ),
    row(
        LiveChangeP99,
        "Another agent's confirmation shown in a session, p99 (ms)",
        Millis,
        at_most(LIVE_CHANGE_P99_MAX_MS),
    ),
    row(
        ScrollKeyP99,
        "Scroll key + frame, p99 (ms)",
        Millis,
        at_most(SCROLL_KEY_P99_MAX_MS),
    ),
    row(
        PeakMemory,
        "Peak memory of the dashboard (MB)",
        Megabytes,
        at_most(PEAK_MEMORY_MAX_MB),
    ),
    row(
        SessionsMemory,
        "Peak memory, 20 sessions on one core (MB)",
        Megabytes,
        at_most(SESSIONS_MEMORY_MAX_MB),
    ),
    row(
        SessionsAdded,
        "· resident memory the 20 sessions added to the core's (MB)",
        Megabytes,
        None,
    ),
    row(
        ConfirmP99,
        "Confirmation saved durably, p99 (ms)",
        Millis,
        at_most(CONFIRM_P99_MAX_MS),
    ),
    row(
        CsvRate,
        "CSV streaming, `customers list --unconfirmed` (rows/s)",
        RowsPerSecond,
        Some(Target {
            bound: Bound::AtLeast(CSV_MIN_ROWS_PER_S),
            only_at: None,
        }),
    ),
    row(
        ImportTime,
        "Import confirmations, `agreements import` (s)",
        Seconds,
        Some(Target {
            bound: Bound::AtMost(IMPORT_MAX_S),
            only_at: Some(TARGET_SIZE),
        }),
    ),
    row(ImportRows, "· rows imported", Count, None),
    row(
        ThroughRatio,
        "Command through an open dashboard ÷ alone, `customers show`",
        Ratio,
        at_most(THROUGH_MAX_RATIO),
    ),
    row(
        CommandAlone,
        "· alone: a `pcenter` process on the store (ms)",
        Millis,
        None,
    ),
    row(
        CommandThrough,
        "· through: the same process, run by the open dashboard (ms)",
        Millis,
        None,
    ),
    http_row(
        HttpReadRate,
        "API `GET /v1/customers/{id}` under wrk, 32 connections (requests/s)",
        RequestsPerSecond,
        at_least_at(HTTP_READ_MIN_PER_S, TARGET_SIZE),
    ),
    http_row(
        HttpReadP99,
        "· latency of those reads, p99 (ms)",
        Millis,
        at_most_at(HTTP_READ_P99_MAX_MS, TARGET_SIZE),
    ),
    http_row(
        HttpConfirmRate,
        "API `POST /v1/customers/{id}/agreements` saved durably, 32 clients (201 Created/s)",
        RequestsPerSecond,
        at_least_at(HTTP_CONFIRM_MIN_PER_S, TARGET_SIZE),
    ),
    http_row(
        HttpConfirmP99,
        "· latency of those confirmations, p99 (ms)",
        Millis,
        at_most_at(HTTP_CONFIRM_P99_MAX_MS, TARGET_SIZE),
    ),
    http_row(
        HttpConfirmOther,
        "· answers other than 201 Created",
        Count,
        None,
    ),
    ssh_row(
        SshMoveBytes,
        "SSH: bytes received for a Down move within the list's page, median of 50 (B)",
        Bytes,
        at_most(SSH_MOVE_MAX_BYTES),
    ),
    ssh_row(SshMoveBytesMax, "· max of those 50 (B)", Bytes, None),
    ssh_row(
        SshScrollBytes,
        "· a Down move that scrolls the list, median of 20 (B)",
        Bytes,
        None,
    ),
    ssh_row(
        SshIdleBytes,
        "SSH: bytes received in 10 s idle after the first frame (B)",
        Bytes,
        at_most(SSH_IDLE_MAX_BYTES),
    ),
    ssh_row(
        SshKeyP99,
        "SSH: 50 sessions, key → its frame at the client, p99 (ms)",
        Millis,
        at_most(SSH_KEY_P99_MAX_MS),
    ),
    ssh_row(SshKeyP50, "· p50 (ms)", Millis, None),
    ssh_row(
        SshMemory,
        "SSH: peak memory of the server with 50 sessions (MB)",
        Megabytes,
        at_most(SSH_MEMORY_MAX_MB),
    ),
    ssh_row(
        SshMemoryAdded,
        "· resident memory the 50 sessions added (MB)",
        Megabytes,
        None,
    ),
    ssh_row(
        SshFirstStartMemory,
        "· peak of the server's start before, with no saved list (MB)",
        Megabytes,
        None,
    ),
    ssh_row(
        SshConnectP50,
        "SSH: connect → first complete frame, 50 sessions, p50 (ms)",
        Millis,
        at_most(SSH_FIRST_FRAME_MAX_MS),
    ),
    ssh_row(
        SshConnectP99,
        "· p99 (ms)",
        Millis,
        at_most(SSH_FIRST_FRAME_MAX_MS),
    ),
    ssh_row(
        SshConnectAlone,
        "· one session connecting alone (ms)",
        Millis,
        None,
    ),
];

impl Target {
    pub fn passes(&self, value: f64) -> bool {
        match self.bound {
            Bound::AtMost(limit) => value <= limit,
            Bound::AtLeast(limit) => value >= limit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(metric: Metric) -> &'static str {
        ROWS.iter().find(|r| r.metric == metric).unwrap().label
    }

    #[test]
    fn the_labels_say_the_counts_measured_with() {
        for metric in [SessionsMemory, SessionsAdded] {
            assert!(label(metric).contains(&format!(" {SESSIONS} sessions")));
        }
        let rate = format!(" {BUSY_CONFIRMATIONS_PER_S} confirmations/s");
        assert!(label(BusyFilterKeyP99).contains(&rate));
        let connections = format!(" {HTTP_CONNECTIONS} connections");
        assert!(label(HttpReadRate).contains(&connections));
        let clients = format!(" {HTTP_CONNECTIONS} clients");
        assert!(label(HttpConfirmRate).contains(&clients));
        let sessions = format!(" {SSH_SESSIONS} sessions");
        for metric in [SshKeyP99, SshMemory, SshMemoryAdded, SshConnectP50] {
            assert!(label(metric).contains(&sessions), "{metric:?}");
        }
        assert!(label(SshMoveBytes).contains(&format!(" {SSH_MOVES} ")));
        assert!(label(SshScrollBytes).contains(&format!(" {SSH_SCROLL_MOVES} ")));
        assert!(label(SshIdleBytes).contains(&format!(" {SSH_IDLE_SECONDS} s ")));
    }

    #[test]
    fn every_metric_has_one_row() {
        let mut metrics: Vec<Metric> = ROWS.iter().map(|r| r.metric).collect();
        metrics.sort();
        metrics.dedup();
        assert_eq!(metrics.len(), ROWS.len());
    }
}
