//! Where the socket is, who may reach it, and what becomes of it.

use super::*;
use crate::owner::*;

#[test]
fn the_socket_is_beside_the_store_its_owners_only_and_removed_on_close() {
    let mut running = start(0);
    let socket = running.socket();
    assert_eq!(socket.file_name().unwrap(), "store.sock");
    let found = std::fs::symlink_metadata(&socket).unwrap();
    assert!(found.file_type().is_socket());
    assert_eq!(found.permissions().mode() & 0o777, 0o600);
    assert_eq!(owner_of(&running.store), Some(ann()));
    let leftovers: Vec<_> = std::fs::read_dir(socket.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| name.to_string_lossy().contains(".new"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    running.serving.take().unwrap().stop();
    assert!(!socket.exists(), "removed on close");
    assert_eq!(owner_of(&running.store), None);
}

#[test]
fn a_data_directory_longer_than_a_socket_address_works() {
    let dir = tempfile::tempdir().unwrap();
    let data = long_data_dir(dir.path());
    let mut running = start_in(dir, &data, 0);
    assert!(running.socket().as_os_str().len() > ADDRESS_MAX);
    let found = std::fs::symlink_metadata(running.socket()).unwrap();
    assert!(found.file_type().is_socket());
    assert_eq!(found.permissions().mode() & 0o777, 0o600);
    assert_eq!(owner_of(&running.store), Some(ann()));
    running.serving.take().unwrap().stop();
    assert!(!running.socket().exists());
}

#[test]
fn a_stale_socket_is_no_owner_and_is_replaced_by_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    // What a killed owner leaves: the socket's file, no process listening.
    drop(UnixListener::bind(dir.path().join("store.sock")).unwrap());
    assert!(dir.path().join("store.sock").exists());
    assert_eq!(owner_of(&store), None);
    assert!(Place::of(&store).connect().is_err());

    let lock = StoreLock::acquire(&store).unwrap();
    let owner = Owner::bind(&lock, ann()).unwrap();
    let (sender, _results) = mpsc::channel();
    let serving = serve(owner, executor(0, sender)).unwrap();
    assert_eq!(owner_of(&store), Some(ann()));
    serving.stop();
}

#[test]
fn a_file_in_the_way_of_the_socket_is_left_alone_and_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    std::fs::write(dir.path().join("store.sock"), "mine").unwrap();
    let lock = StoreLock::acquire(&store).unwrap();
    let Err(error) = Owner::bind(&lock, ann()) else {
        panic!("bound over a file")
    };
    assert!(matches!(error, OwnerError::InTheWay { .. }), "{error}");
    assert!(error.to_string().contains("move it away"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("store.sock")).unwrap(),
        "mine"
    );
}

#[test]
fn a_socket_removed_by_a_later_owner_is_not_its_own_to_remove() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let lock = StoreLock::acquire(&store).unwrap();
    let first = Owner::bind(&lock, ann()).unwrap();
    // Another socket takes the name (as a later owner's would).
    std::fs::remove_file(first.socket()).unwrap();
    let later = UnixListener::bind(first.socket()).unwrap();
    drop(first);
    assert!(
        dir.path().join("store.sock").exists(),
        "the later one stays"
    );
    drop(later);
}

#[test]
fn a_peer_is_this_user() {
    let (a, _b) = UnixStream::pair().unwrap();
    let found = peer::of(&a).unwrap();
    assert!(found.is_same_user());
    assert_eq!(found.pid, std::process::id());
}

#[test]
fn an_owners_socket_that_cannot_be_listened_on_is_said_as_before() {
    let path = std::path::PathBuf::from("/d/store.sock");
    assert_eq!(
        OwnerError::Io {
            path: path.clone(),
            detail: "denied".into()
        }
        .to_string(),
        "Commands cannot reach this pcenter through /d/store.sock: denied."
    );
    assert_eq!(
        OwnerError::InTheWay { path: path.clone() }.to_string(),
        "/d/store.sock is in the way of the socket through which commands reach this \
         pcenter, and is not a socket; move it away."
    );
    assert_eq!(
        OwnerError::NotPrivate { path }.to_string(),
        "The socket /d/store.sock could not be made its owner's only."
    );
}
