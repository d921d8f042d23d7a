//! Connections: commands run and answered, and connections that misbehave.

use super::*;
use crate::owner::frame::{self, Frame, Hello, FRAME_MAX};
use crate::owner::*;

#[test]
fn a_command_runs_and_its_result_comes_back() {
    let running = start(0);
    let mut stream = running.greeted();
    let request = running.request(&["customers", "show", "contoso"]);
    frame::write(&mut stream, &Frame::Run(Box::new(request))).unwrap();
    assert!(matches!(frame::read(&mut stream), Ok(Some(Frame::Stdout(b))) if b == b"contoso\n"));
    assert!(matches!(frame::read(&mut stream), Ok(Some(Frame::Exit(0)))));

    let mut stream = running.greeted();
    let args = [
        "orders",
        "create",
        "--customer",
        "x",
        "--offer",
        "y",
        "--quantity",
        "1",
    ];
    let request = running.request(&args);
    frame::write(&mut stream, &Frame::Run(Box::new(request))).unwrap();
    let Ok(Some(Frame::Refused(refusal))) = frame::read(&mut stream) else {
        panic!("not refused")
    };
    assert_eq!((refusal.code, refusal.exit), (404, 8));
}

#[test]
fn the_command_finds_the_callers_terminal_and_its_output_comes_in_order() {
    let running = start(0);
    let mut stream = running.greeted();
    let mut request = running.request(&["report", "compliance"]);
    request.stderr_is_terminal = true;
    request.stdout_columns = Some(61);
    frame::write(&mut stream, &Frame::Run(Box::new(request))).unwrap();
    assert!(matches!(frame::read(&mut stream), Ok(Some(Frame::Stdout(b))) if b == b"before\n"));
    let Ok(Some(Frame::Stderr(seen))) = frame::read(&mut stream) else {
        panic!("no stderr")
    };
    assert_eq!(
        String::from_utf8(seen).unwrap(),
        "terminal true, Some(61) columns\n"
    );
    assert!(matches!(frame::read(&mut stream), Ok(Some(Frame::Exit(0)))));
}

#[test]
fn standard_input_is_asked_for_as_the_command_reads_it() {
    let running = start(0);
    let mut stream = running.greeted();
    let request = running.request(&["customers", "create", "--json", "-"]);
    frame::write(&mut stream, &Frame::Run(Box::new(request))).unwrap();
    let mut given = b"{\"companyProfile\":{}}".as_slice();
    loop {
        match frame::read(&mut stream).unwrap().unwrap() {
            Frame::StdinWanted(wanted) => {
                // A few bytes at a time, as a pipe may give them.
                let n = given.len().min(wanted as usize).min(5);
                frame::write(&mut stream, &Frame::Stdin(given[..n].to_vec())).unwrap();
                given = &given[n..];
            }
            Frame::Stdout(bytes) => assert_eq!(bytes, b"{\"companyProfile\":{}}"),
            Frame::Exit(status) => {
                assert_eq!(status, 0);
                break;
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn commands_that_need_the_store_alone_are_refused_by_the_owner_too() {
    let running = start(0);
    let mut stream = running.greeted();
    let request = running.request(&["restore", "backup.jsonl"]);
    frame::write(&mut stream, &Frame::Run(Box::new(request))).unwrap();
    let Ok(Some(Frame::Refused(refusal))) = frame::read(&mut stream) else {
        panic!("not refused")
    };
    assert_eq!(refusal.exit, 3);
    assert!(refusal
        .description
        .contains("restore needs the store alone"));
}

#[test]
fn garbage_oversize_and_silence_are_answered_or_dropped_and_the_owner_serves_on() {
    let running = start(0);
    // Not pcenter at all.
    let mut http = Place::of(&running.store).connect().unwrap();
    http.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let Ok(Some(Frame::Refused(refusal))) = frame::read(&mut http) else {
        panic!("not answered")
    };
    assert!(
        refusal.description.contains("pcenter commands only"),
        "{refusal:?}"
    );
    // A frame that claims more than a frame may hold.
    let mut huge = running.greeted();
    huge.write_all(&[3, 0xff, 0xff, 0xff, 0xf0]).unwrap();
    assert!(matches!(
        frame::read(&mut huge),
        Ok(Some(Frame::Refused(_)))
    ));
    let mut too_large = running.greeted();
    let length = (FRAME_MAX as u32 + 1).to_be_bytes();
    too_large
        .write_all(&[3, length[0], length[1], length[2], length[3]])
        .unwrap();
    assert!(matches!(
        frame::read(&mut too_large),
        Ok(Some(Frame::Refused(_)))
    ));
    // A request that is not one.
    let mut not_a_request = running.greeted();
    let mut bytes = vec![3, 0, 0, 0, 2];
    bytes.extend_from_slice(b"{}");
    not_a_request.write_all(&bytes).unwrap();
    assert!(matches!(
        frame::read(&mut not_a_request),
        Ok(Some(Frame::Refused(_)))
    ));
    // Silent ones, and one that hung up half-way through its hello.
    let _silent = Place::of(&running.store).connect().unwrap();
    let _greeted_then_silent = running.greeted();
    let mut cut = Place::of(&running.store).connect().unwrap();
    cut.write_all(&[1, 0, 0]).unwrap();
    drop(cut);
    // None of them holds up the others.
    assert_eq!(owner_of(&running.store), Some(ann()));
    let mut stream = running.greeted();
    frame::write(
        &mut stream,
        &Frame::Run(Box::new(running.request(&["customers", "show", "x"]))),
    )
    .unwrap();
    assert!(matches!(
        frame::read(&mut stream),
        Ok(Some(Frame::Stdout(_)))
    ));
    assert!(matches!(frame::read(&mut stream), Ok(Some(Frame::Exit(0)))));
}

#[test]
fn a_request_sent_a_byte_at_a_time_is_read_whole() {
    let running = start(0);
    let mut stream = Place::of(&running.store).connect().unwrap();
    let mut bytes = Vec::new();
    frame::write(&mut bytes, &Frame::Hello(Hello::ours())).unwrap();
    for byte in bytes {
        stream.write_all(&[byte]).unwrap();
    }
    assert!(matches!(
        frame::read(&mut stream),
        Ok(Some(Frame::Owner(_)))
    ));
    let mut bytes = Vec::new();
    let request = running.request(&["customers", "show", "piecemeal"]);
    frame::write(&mut bytes, &Frame::Run(Box::new(request))).unwrap();
    for byte in bytes {
        stream.write_all(&[byte]).unwrap();
    }
    assert!(matches!(frame::read(&mut stream), Ok(Some(Frame::Stdout(b))) if b == b"piecemeal\n"));
}

#[test]
fn output_streams_in_chunks_and_a_client_that_hangs_up_stops_the_command_quietly() {
    // About 20 MB: far more than the socket holds.
    let running = start(1_000_000);
    let mut stream = running.greeted();
    frame::write(
        &mut stream,
        &Frame::Run(Box::new(running.request(&["customers", "list"]))),
    )
    .unwrap();
    let Ok(Some(Frame::Stdout(first))) = frame::read(&mut stream) else {
        panic!("no output")
    };
    assert!(first.len() <= frame::CHUNK);
    drop(stream);
    let result = running
        .results
        .recv_timeout(Duration::from_secs(60))
        .unwrap();
    let error = result.unwrap_err();
    assert_eq!(
        error.exit,
        crate::api::error::exit::PIPE_CLOSED,
        "{error:?}"
    );
    assert_eq!(owner_of(&running.store), Some(ann()), "the owner serves on");
}

#[test]
fn stopping_ends_a_command_that_waits_for_input_and_removes_the_socket() {
    let mut running = start(0);
    let mut stream = running.greeted();
    frame::write(
        &mut stream,
        &Frame::Run(Box::new(running.request(&[
            "customers",
            "create",
            "--json",
            "-",
        ]))),
    )
    .unwrap();
    assert!(matches!(
        frame::read(&mut stream),
        Ok(Some(Frame::StdinWanted(_)))
    ));
    // The client never answers; the owner closes.
    running.serving.take().unwrap().stop();
    assert!(!running.socket().exists());
    let result = running
        .results
        .recv_timeout(Duration::from_secs(10))
        .unwrap();
    assert_eq!(result.unwrap_err().exit, crate::api::error::exit::INVALID);
}

#[test]
fn reading_a_connection_gives_what_was_sent_in_order() {
    // `read` used on a real socket, with a writer on another thread.
    let (mut a, mut b) = UnixStream::pair().unwrap();
    let writer = std::thread::spawn(move || {
        for i in 0..100u8 {
            frame::write(&mut a, &Frame::Stdout(vec![i; 10_000])).unwrap();
        }
    });
    for i in 0..100u8 {
        let Ok(Some(Frame::Stdout(bytes))) = frame::read(&mut b) else {
            panic!()
        };
        assert_eq!(bytes, vec![i; 10_000]);
    }
    writer.join().unwrap();
    let mut rest = Vec::new();
    b.read_to_end(&mut rest).unwrap();
    assert!(rest.is_empty());
}

/// `request` from a pcenter speaking `lang`.
fn speaking(mut request: Request, lang: crate::locale::Lang) -> Request {
    request.options.lang = Some(lang);
    request
}

/// The refusal the owner answers `request` with, sent after `hello`.
fn refused(running: &Running, hello: Hello, request: Request) -> frame::Refusal {
    let mut stream = Place::of(&running.store).connect().unwrap();
    frame::write(&mut stream, &Frame::Hello(hello)).unwrap();
    assert!(matches!(
        frame::read(&mut stream),
        Ok(Some(Frame::Owner(_)))
    ));
    frame::write(&mut stream, &Frame::Run(Box::new(request))).unwrap();
    match frame::read(&mut stream) {
        Ok(Some(Frame::Refused(refusal))) => refusal,
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn the_owners_refusals_speak_the_language_of_the_pcenter_that_asked() {
    use crate::locale::Lang;
    let running = start(0);
    let mut relative = running.request(&["customers", "show", "x"]);
    relative.directory = "here".into();
    let english = refused(
        &running,
        Hello::ours(),
        speaking(relative.clone(), Lang::English),
    );
    assert_eq!((english.code, english.exit), (400, 2));
    assert!(
        english
            .description
            .starts_with("The command sent by process ")
            && english
                .description
                .ends_with(" cannot be run: a relative directory."),
        "{english:?}"
    );
    let korean = refused(&running, Hello::ours(), speaking(relative, Lang::Korean));
    assert_eq!((korean.code, korean.exit), (400, 2));
    assert!(
        korean.description.starts_with("프로세스 ")
            && korean
                .description
                .ends_with("에서 보낸 명령은 실행할 수 없습니다. 디렉터리가 상대 경로입니다."),
        "{korean:?}"
    );
    let mut bad_agent = running.request(&["customers", "show", "x"]);
    bad_agent.options.agent = Some(" ".into());
    let korean = refused(&running, Hello::ours(), speaking(bad_agent, Lang::Korean));
    assert!(
        korean.description.ends_with("이름을 입력하십시오."),
        "{korean:?}"
    );

    let older = Hello {
        version: "0.0.1".into(),
        ..Hello::ours()
    };
    let request = running.request(&["customers", "show", "x"]);
    let english = refused(
        &running,
        older.clone(),
        speaking(request.clone(), Lang::English),
    );
    assert_eq!((english.code, english.exit), (503, 3));
    assert!(
        english.description.contains(", and this is pcenter 0.0.1: run the command with the same pcenter, or close that dashboard first."),
        "{english:?}"
    );
    let korean = refused(&running, older, speaking(request, Lang::Korean));
    assert_eq!((korean.code, korean.exit), (503, 3));
    assert!(
        korean.description.contains("Ann Agent님의 대시보드")
            && korean.description.contains("이쪽은 pcenter 0.0.1입니다. 같은 pcenter로 명령을 실행하거나 먼저 그 대시보드를 닫으십시오."),
        "{korean:?}"
    );
}
