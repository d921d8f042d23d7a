//! Commands on a store that another pcenter owns run through it. The owner here is this test:
//! it holds the store's lock, listens on the store's socket, and runs each command with
//! `api::execute` on a demo store of its own (a dashboard will run them on the store it has
//! open). The command is the real binary. Each command's output and exit status are compared
//! with the same command run alone on a demo store of its own.
#![cfg(unix)]

mod binary;
mod pty;

use binary::{AGENT, MANDATORY_DAY, NORTHWIND};
use pcenter::domain::role::Role;
use pcenter::owner::{self, Executor, Invocation, OwnerKind, OwnerRecord, Serving};
use pcenter::store::StoreLock;
use std::io::Write;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::sync::Arc;
use tempfile::TempDir;

fn ann() -> OwnerRecord {
    OwnerRecord {
        kind: OwnerKind::Dashboard,
        agent: "Ann Agent".into(),
        role: Role::AdminAgent,
        pid: std::process::id(),
        since: "2026-12-04T10:32:00Z".parse().unwrap(),
    }
}

/// `pcenter --demo` on `data`, started in `directory`, with `input` on standard input.
fn pcenter(data: &Path, directory: &Path, args: &[&str], input: Option<&[u8]>) -> Output {
    let mut command = binary::pcenter_at(data, &["--demo", "--today", MANDATORY_DAY]);
    command
        .args(["--agent", AGENT])
        .args(args)
        .current_dir(directory)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("run pcenter");
    if let Some(input) = input {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// A demo store of its own, seeded, with a directory to start commands in.
struct Alone {
    data: TempDir,
    directory: TempDir,
}

impl Alone {
    fn new() -> Alone {
        let alone = Alone {
            data: tempfile::tempdir().unwrap(),
            directory: tempfile::tempdir().unwrap(),
        };
        alone.run(&["customers", "list"], None);
        alone
    }

    fn run(&self, args: &[&str], input: Option<&[u8]>) -> Output {
        pcenter(self.data.path(), self.directory.path(), args, input)
    }
}

/// The test's owner of the demo store under `data`: its lock held, its socket served.
struct Owned {
    data: PathBuf,
    lock: Option<StoreLock>,
    serving: Option<Serving>,
    /// The store the commands run on.
    backing: Alone,
    /// Where the commands are started.
    directory: TempDir,
}

impl Owned {
    fn at(data: &Path) -> Owned {
        let mut owned = Owned {
            data: data.to_path_buf(),
            lock: None,
            serving: None,
            backing: Alone::new(),
            directory: tempfile::tempdir().unwrap(),
        };
        owned.start();
        owned
    }

    fn store(&self) -> PathBuf {
        self.data.join("demo")
    }

    fn socket(&self) -> PathBuf {
        self.data.join("demo.sock")
    }

    fn start(&mut self) {
        let lock = StoreLock::acquire(&self.store()).unwrap();
        let owner = owner::Owner::bind(&lock, ann()).unwrap();
        let backing = self.backing.data.path().to_path_buf();
        let executor: Executor = Arc::new(move |invocation: Invocation, out: &mut dyn Write| {
            let mut options = invocation.options;
            options.data_dir = Some(backing.clone());
            pcenter::api::execute(invocation.command, &options, out)
        });
        self.serving = Some(owner::serve(owner, executor).unwrap());
        self.lock = Some(lock);
    }

    fn stop(&mut self) {
        self.serving.take().unwrap().stop();
        self.lock = None;
    }

    fn run(&self, args: &[&str], input: Option<&[u8]>) -> Output {
        pcenter(&self.data, self.directory.path(), args, input)
    }
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap()
}

/// The same exit status, the same standard output and the same standard error.
fn assert_same(owned: &Output, alone: &Output, args: &[&str]) {
    assert_eq!(
        owned.status.code(),
        alone.status.code(),
        "{args:?}: {owned:?}"
    );
    assert_eq!(text(&owned.stdout), text(&alone.stdout), "{args:?}");
    assert_eq!(text(&owned.stderr), text(&alone.stderr), "{args:?}");
}

#[test]
fn a_command_on_an_owned_store_prints_and_exits_as_it_does_alone() {
    let data = tempfile::tempdir().unwrap();
    let owned = Owned::at(data.path());
    let alone = Alone::new();
    let confirm = [
        "agreements",
        "create",
        "--customer",
        NORTHWIND,
        "--first-name",
        "Diego",
        "--last-name",
        "Siciliani",
        "--email",
        "diego@northwindtraders.com",
    ];
    let commands: [&[&str]; 11] = [
        &["customers", "list", "--format", "table"],
        &["customers", "show", "contosoelectronics"],
        &["customers", "show", "nobody"],
        &["report", "compliance", "--format", "csv"],
        &["report", "compliance"],
        &confirm,
        &confirm,
        &["agreements", "list", "--customer", "northwindtraders"],
        &[
            "orders",
            "create",
            "--customer",
            "contosoelectronics",
            "--offer",
            "nothing",
            "--quantity",
            "1",
        ],
        &["subscriptions", "list", "--customer", NORTHWIND],
        &["agreements", "templates"],
    ];
    for args in commands {
        let through_owner = owned.run(args, None);
        assert_same(&through_owner, &alone.run(args, None), args);
    }
    // The change is in the owner's store, and the commands saw one another's.
    let history = owned
        .backing
        .run(&["agreements", "list", "--customer", NORTHWIND], None);
    assert!(text(&history.stdout).contains("Siciliani"));
    // It was the owner that ran them: its store was never opened by them.
    assert!(!owned.store().join("db").exists());
}

#[test]
fn paths_are_those_of_the_directory_the_command_was_started_in() {
    let data = tempfile::tempdir().unwrap();
    let owned = Owned::at(data.path());
    let alone = Alone::new();
    let export = ["agreements", "export", "--out", "backlog.csv"];
    assert_same(
        &owned.run(&export, None),
        &alone.run(&export, None),
        &export,
    );
    let written = owned.directory.path().join("backlog.csv");
    let mode = std::fs::metadata(&written).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    assert_eq!(
        std::fs::read(&written).unwrap(),
        std::fs::read(alone.directory.path().join("backlog.csv")).unwrap()
    );
    assert!(!data.path().join("backlog.csv").exists());

    // A directory that is not there is named as typed.
    let nowhere = ["agreements", "export", "--out", "no/such/x.csv"];
    let refused = owned.run(&nowhere, None);
    assert_same(&refused, &alone.run(&nowhere, None), &nowhere);
    assert_eq!(refused.status.code(), Some(14));

    // The file an import reads, relative to where it was started.
    let csv = "TenantId,Domain,Date,First Name,Last Name,Phone,Email\n\
               ,northwindtraders.onmicrosoft.com,2018-11-01,Diego,Siciliani,,diego@northwindtraders.com\n";
    std::fs::write(owned.directory.path().join("rows.csv"), csv).unwrap();
    std::fs::write(alone.directory.path().join("rows.csv"), csv).unwrap();
    let import = ["agreements", "import", "rows.csv"];
    let imported = owned.run(&import, None);
    assert_same(&imported, &alone.run(&import, None), &import);
    assert!(
        text(&imported.stdout).contains("line 2: created"),
        "{imported:?}"
    );
}

#[test]
fn standard_input_and_output_are_those_of_the_command() {
    let data = tempfile::tempdir().unwrap();
    let owned = Owned::at(data.path());
    let alone = Alone::new();
    let body = br#"{"primaryContact":{"firstName":"Diego","lastName":"Siciliani","email":"diego@northwindtraders.com"},"dateAgreed":"2018-11-02","templateId":"998b88de-aa99-4388-a42c-1b3517d49490","type":"MicrosoftCloudAgreement"}"#;
    let create = [
        "agreements",
        "create",
        "--customer",
        NORTHWIND,
        "--json",
        "-",
    ];
    let created = owned.run(&create, Some(body));
    assert_same(&created, &alone.run(&create, Some(body)), &create);
    assert_eq!(created.status.code(), Some(0), "{created:?}");

    let empty = ["customers", "create", "--json", "-"];
    assert_same(
        &owned.run(&empty, Some(b"")),
        &alone.run(&empty, Some(b"")),
        &empty,
    );

    // `/dev/stdin` and `/dev/stdout` are the command's, not the owner's.
    let csv = b"TenantId,Domain,Date,First Name,Last Name,Phone,Email\n\
                ,contosoelectronics.onmicrosoft.com,2018-11-01,Ann,Lee,,ann@contoso.com\n";
    let import = ["agreements", "import", "/dev/stdin"];
    assert_same(
        &owned.run(&import, Some(csv)),
        &alone.run(&import, Some(csv)),
        &import,
    );
    let export = ["agreements", "export", "--out", "/dev/stdout"];
    let exported = owned.run(&export, None);
    assert_same(&exported, &alone.run(&export, None), &export);
    assert!(text(&exported.stdout).starts_with("TenantId,"));

    // A new customer gets a new tenant ID: its output is not compared.
    let customer = std::fs::read("assets/customer.sample.json").unwrap();
    let made = owned.run(&["customers", "create", "--json", "-"], Some(&customer));
    assert_eq!(made.status.code(), Some(0), "{made:?}");
    let shown = owned.run(&["customers", "show", "tailspintoys"], None);
    assert!(text(&shown.stdout).contains("Tailspin Toys"), "{shown:?}");
}

#[test]
fn on_a_terminal_a_table_fits_it_and_the_progress_is_drawn_there() {
    let data = tempfile::tempdir().unwrap();
    let owned = Owned::at(data.path());
    let alone = Alone::new();
    let rows = tempfile::tempdir().unwrap();
    let file = rows.path().join("many.csv");
    let csv = format!(
        "TenantId,Domain,Date,First Name,Last Name,Phone,Email\n{}\n",
        vec![",,,,,,"; 2_500].join("\n")
    );
    std::fs::write(&file, csv).unwrap();
    let file = file.to_str().unwrap();
    let list = ["customers", "list", "--format", "table"];
    let import = ["agreements", "import", file];
    for args in [&list[..], &import[..]] {
        let args: Vec<&str> = ["--demo", "--today", MANDATORY_DAY]
            .iter()
            .chain(args)
            .copied()
            .collect();
        let mut through_owner = pty::Dashboard::start_with(&owned.data, &args);
        let mut on_its_own = pty::Dashboard::start_with(alone.data.path(), &args);
        let (status, alone_status) = (through_owner.wait_for_exit(), on_its_own.wait_for_exit());
        assert_eq!(status.code(), Some(0), "{}", through_owner.raw_output());
        assert_eq!(status.code(), alone_status.code());
        assert_eq!(
            through_owner.raw_output(),
            on_its_own.raw_output(),
            "{args:?}"
        );
    }
    let mut imported =
        pty::Dashboard::start_with(&owned.data, &["--demo", "agreements", "import", file]);
    imported.wait_for_exit();
    let drawn = imported.raw_output();
    assert!(
        drawn.contains(&format!("\r\x1b[2KReading {file}…")),
        "{drawn}"
    );
    assert!(drawn.contains("] 100% 2500 of 2500 rows"), "{drawn}");
}

#[test]
fn restore_generate_and_a_second_dashboard_are_refused_naming_the_owner() {
    let data = tempfile::tempdir().unwrap();
    let owned = Owned::at(data.path());
    let since = "since 2026-12-04 10:32 UTC";
    let who = format!(
        "the dashboard of Ann Agent (process {}, {since})",
        std::process::id()
    );
    let store = owned.store();
    for (args, name) in [
        (&["restore", "backup.jsonl"][..], "restore"),
        (&["generate", "--customers", "10"][..], "generate"),
    ] {
        let refused = owned.run(args, None);
        assert_eq!(refused.status.code(), Some(3), "{refused:?}");
        assert_eq!(text(&refused.stdout), "");
        assert_eq!(
            text(&refused.stderr),
            format!(
                "pcenter: The pcenter store at {} is open in {who}, and {name} needs the store \
                 alone. Close that dashboard first, then run {name} again.\n",
                store.display()
            )
        );
    }
    let second = owned.run(&[], None);
    assert_eq!(second.status.code(), Some(3), "{second:?}");
    assert_eq!(
        text(&second.stderr),
        format!(
            "pcenter: The pcenter store at {} is open in {who}. Close that dashboard first, or \
             choose another --data-dir.\n",
            store.display()
        )
    );
}

#[test]
fn the_socket_is_private_removed_on_close_and_a_stale_one_is_passed_over_and_replaced() {
    let data = tempfile::tempdir().unwrap();
    let mut owned = Owned::at(data.path());
    let socket = owned.socket();
    let found = std::fs::symlink_metadata(&socket).unwrap();
    assert!(found.file_type().is_socket());
    assert_eq!(found.permissions().mode() & 0o777, 0o600);
    owned.stop();
    assert!(!socket.exists(), "removed on close");

    // What an owner killed with SIGKILL leaves: the socket, no one listening on it.
    drop(std::os::unix::net::UnixListener::bind(&socket).unwrap());
    let list = ["customers", "list", "--format", "csv"];
    let on_its_own = owned.run(&list, None);
    assert_eq!(on_its_own.status.code(), Some(0), "{on_its_own:?}");
    assert!(
        owned.store().join("db").exists(),
        "it opened the store itself"
    );

    owned.start();
    let found = std::fs::symlink_metadata(&socket).unwrap();
    assert_eq!(found.permissions().mode() & 0o777, 0o600);
    let shown = owned.run(&["customers", "show", "contosoelectronics"], None);
    assert_eq!(shown.status.code(), Some(0), "{shown:?}");
    owned.stop();
}

#[test]
fn a_data_directory_longer_than_a_socket_address_is_served() {
    let base = tempfile::tempdir().unwrap();
    let data = base
        .path()
        .join("d".repeat(100))
        .join("e".repeat(100))
        .join("f".repeat(30));
    std::fs::create_dir_all(&data).unwrap();
    assert!(data.join("demo.sock").as_os_str().len() > 200);
    let owned = Owned::at(&data);
    let shown = owned.run(&["customers", "show", "contosoelectronics"], None);
    assert_eq!(shown.status.code(), Some(0), "{shown:?}");
    let refused = owned.run(&["restore", "b.jsonl"], None);
    assert_eq!(refused.status.code(), Some(3), "{refused:?}");
}
