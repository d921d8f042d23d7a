//! Every measurement at one size, in an order that keeps them independent: the reads first,
//! with the store closed whenever the real binary runs; the writes last, on a scratch copy.

use crate::api_load::{self, Tools};
use crate::report::{Comparison, ServerComparison, SizeResult};
use crate::stats::{max, percentile};
use crate::targets::Metric::*;
use crate::targets::{HTTP_FROM_SIZE, SSH_FROM_SIZE};
use crate::workdir::{ensure_generated, scratch_copy, Pcenter, SizeDir};
use crate::{
    busy, compare, dash, exports, keys, live, memory, ssh_load, startup, through, writes, Fallible,
    Only,
};
use std::path::Path;

/// What one run shares between its sizes.
pub struct Run<'a> {
    pub work_dir: &'a Path,
    pub pcenter: &'a Pcenter,
    /// Whether a missing sqlite3 may be installed with apt.
    pub install_sqlite: bool,
    /// What the HTTP rows are measured with.
    pub tools: &'a Tools,
    /// The rows measured, when not all of them.
    pub only: Option<Only>,
}

/// Everything measured at one size.
pub struct Measured {
    pub result: SizeResult,
    /// Our filter against grep and SQLite, when asked for.
    pub comparison: Option<Comparison>,
    /// The HTTP API against json-server, at its size.
    pub servers: Option<ServerComparison>,
}

/// `largest`: the comparisons and the SSH rows are measured only at the largest size.
pub fn size(run: &Run, customers: usize, largest: bool) -> Fallible<Measured> {
    let dir = SizeDir::new(run.work_dir, customers);
    let say = |what: &str| eprintln!("[{customers}] {what}");
    let marker = ensure_generated(&dir, run.pcenter)?;
    let mut result = SizeResult {
        customers,
        ..SizeResult::default()
    };
    let values = &mut result.values;
    values.insert(Generate, marker.generate_seconds);
    if run.only == Some(Only::Ssh) {
        ssh_load::measure(&dir, run.pcenter, &mut result)?;
        return Ok(Measured {
            result,
            comparison: None,
            servers: None,
        });
    }
    let store = dir.store_dir();

    say("CSV export");
    values.insert(CsvRate, exports::csv_streaming(&dir, run.pcenter)?);
    let all = exports::export_all(&dir, run.pcenter)?;

    say("first frame");
    startup::ensure_saved_list(&store)?;
    let in_process = startup::first_frame(&store)?;
    let process = startup::process_start(run.pcenter)?;
    values.insert(FirstFrame, in_process + process);
    values.insert(FirstFrameInProcess, in_process);
    values.insert(ProcessStart, process);
    values.insert(
        FirstFrameWithoutList,
        startup::first_frame_without_list(&store)?,
    );

    say("a command alone on the store");
    let alone = through::alone(&dir, run.pcenter, &all)?;

    say("directory, filter and scrolling");
    let (mut ready, serving) = dash::open_ready_serving(&store)?;
    values.insert(DirectoryReady, ready.directory_ms);
    let filter = keys::filter(&mut ready.session, keys::Notices::Ignored)?;
    values.insert(FilterKeyP99, percentile(&filter.samples, 99.0));
    values.insert(FilterKeyMax, max(&filter.samples));
    let scroll = keys::scroll(&mut ready.session)?;
    values.insert(ScrollKeyP99, percentile(&scroll.samples, 99.0));
    say("the same command through the open dashboard");
    let through = through::through(&dir, run.pcenter, &alone)?;
    serving.stop();
    values.insert(CommandAlone, alone.ms);
    values.insert(CommandThrough, through);
    values.insert(ThroughRatio, through / alone.ms.max(f64::EPSILON));
    let comparison = largest.then(|| {
        say("grep and sqlite comparison");
        compare::compare(
            &dir,
            &all,
            &pcenter::core::read(&ready.session.app.ctx.directory),
            run.install_sqlite,
        )
    });
    drop(ready);

    say("peak memory");
    values.insert(PeakMemory, memory::peak_mb(&store)?);
    say("peak memory of many sessions on one core");
    let sessions = memory::sessions_mb(&store)?;
    values.insert(SessionsMemory, sessions.peak_mb);
    values.insert(SessionsAdded, sessions.added_mb);

    say("confirmations, on a copy of the data");
    let scratch = scratch_copy(&dir)?;
    let confirmations = writes::confirmations(&scratch)?;
    values.insert(ConfirmP99, percentile(&confirmations, 99.0));
    say("import, on the same copy");
    let (seconds, rows) = writes::import(&dir, &scratch, run.pcenter, &all)?;
    values.insert(ImportTime, seconds);
    values.insert(ImportRows, rows as f64);
    say("filter while confirming, on the same copy");
    let busy = busy::filter_while_confirming(&scratch)?;
    values.insert(BusyFilterKeyP99, percentile(&busy.keys.samples, 99.0));
    values.insert(BusyConfirmRate, busy.confirmations_per_s);
    say("another agent's change shown in a session, on the same copy");
    let live = live::change_to_frame(&scratch)?;
    values.insert(LiveChangeP99, percentile(&live, 99.0));
    drop(scratch);

    let servers = if customers >= HTTP_FROM_SIZE {
        api_load::measure(&dir, run.pcenter, &all, run.tools, &mut result)?
    } else {
        None
    };
    if largest && customers >= SSH_FROM_SIZE {
        ssh_load::measure(&dir, run.pcenter, &mut result)?;
    }
    Ok(Measured {
        result,
        comparison,
        servers,
    })
}
