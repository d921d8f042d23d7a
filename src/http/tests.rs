pub(super) mod live {
    use crate::app::session::Session;
    use crate::core::Core;
    use crate::domain::agent::{token_text, Agent};
    use crate::domain::role::Role;
    use crate::service::Actor;
    use crate::store::agents::token_hash;
    use crate::testing::demo_core;
    use std::process::Command;
    use std::sync::Arc;

    pub(in crate::http) const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a";

    pub(in crate::http) fn core_with_agent() -> (Arc<Core>, String) {
        let core = demo_core();
        let registry = core.store().registry().unwrap();
        registry
            .add_agent(&Agent {
                id: "a-ann".into(),
                name: "Ann Agent".into(),
                role: Role::SalesAgent,
                added_at: "2018-11-01T10:00:00Z".parse().unwrap(),
                ssh_keys: vec![],
            })
            .unwrap();
        let token = token_text(&[7; 32]);
        registry.add_token("a-ann", &token_hash(&token)).unwrap();
        (core, token)
    }

    #[test]
    fn a_confirmation_over_http_shows_in_a_dashboard_session_of_the_same_core() {
        let (core, token) = core_with_agent();
        let bob = Actor {
            agent: "Bob Agent".into(),
            role: Role::AdminAgent,
            business_date: core.business_date(),
            access: Default::default(),
        };
        let mut session = Session::open(Arc::clone(&core), bob, (80, 24));
        session.follow();
        let served = Served::start(Arc::clone(&core));
        let address = served.address;
        let body = r#"{"primaryContact":{"firstName":"Pat","lastName":"Lee","email":"pat@northwind.example"},"dateAgreed":"2018-11-10","templateId":"998b88de-aa99-4388-a42c-1b3517d49490","type":"MicrosoftCloudAgreement"}"#;
        let status = Command::new("curl")
            .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST"])
            .args([
                "-H",
                &format!("Authorization: Bearer {token}"),
                "--data-binary",
                body,
            ])
            .arg(format!(
                "http://{address}/v1/customers/{NORTHWIND}/agreements"
            ))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&status.stdout), "201");
        assert!(
            session.follow(),
            "the session was told, with no key pressed"
        );
        let row = crate::core::read(&core.directory())
            .rows()
            .find(|row| row.company_name == "Northwind Traders")
            .map(|row| row.status);
        assert_eq!(row, Some(crate::domain::status::AgreementStatus::Confirmed));
        served.stop();
    }

    /// The server of `core` on 127.0.0.1 port 0, in a runtime of its own, with the limits
    /// and throttle given.
    pub(in crate::http) struct Served {
        runtime: tokio::runtime::Runtime,
        pub address: std::net::SocketAddr,
        stop: tokio::sync::oneshot::Sender<()>,
        server: tokio::task::JoinHandle<()>,
    }

    impl Served {
        pub fn start(core: Arc<Core>) -> Served {
            Served::with(core, crate::http::Settings::default())
        }

        pub fn with(core: Arc<Core>, settings: crate::http::Settings) -> Served {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .unwrap();
            let listener = runtime
                .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
                .unwrap();
            let address = listener.local_addr().unwrap();
            let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
            let server = runtime.spawn(crate::http::serve(listener, core, settings, async {
                let _ = stopped.await;
            }));
            Served {
                runtime,
                address,
                stop,
                server,
            }
        }

        pub fn stop(self) {
            let _ = self.stop.send(());
            self.runtime.block_on(self.server).unwrap();
        }
    }

    /// The status and body of one request with curl.
    pub(in crate::http) fn curl(
        address: std::net::SocketAddr,
        method: &str,
        path: &str,
        token: &str,
    ) -> (String, String) {
        let output = Command::new("curl")
            .args(["-s", "-w", "\n%{http_code}", "-X", &method.to_uppercase()])
            .args(["-H", &format!("Authorization: Bearer {token}")])
            .arg(format!("http://{address}{path}"))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout).into_owned();
        let (body, status) = text.rsplit_once('\n').unwrap();
        (status.to_string(), body.to_string())
    }

    #[test]
    fn the_openapi_document_names_every_path_and_the_server_answers_each() {
        let (core, token) = core_with_agent();
        let document = crate::http::openapi::document();
        let served = Served::start(core);
        for (method, path) in crate::http::openapi::PATHS {
            assert!(
                document["paths"][path][method].is_object(),
                "{method} {path} is not in the document"
            );
            let concrete = path
                .replace("{id}", NORTHWIND)
                .replace("{subscription}", "a81784eb-9656-4a5b-9de5-c179308bd51a");
            let (status, body) = curl(served.address, method, &concrete, &token);
            assert_ne!(status, "405", "{method} {path}");
            assert!(!body.contains("No such path"), "{method} {path}: {body}");
        }
        let (_, document_served) = curl(served.address, "get", "/_pcenter/openapi.json", &token);
        let served_document: serde_json::Value = serde_json::from_str(&document_served).unwrap();
        assert_eq!(served_document, document);
        let paths = document["paths"].as_object().unwrap();
        let documented: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
        assert_eq!(
            documented,
            crate::http::openapi::PATHS.len(),
            "nothing documented beyond PATHS"
        );
        served.stop();
    }

    #[test]
    fn confirmations_sent_at_once_are_all_answered_kept_and_told_in_order() {
        let (core, token) = core_with_agent();
        let (sender, notices) = std::sync::mpsc::channel();
        let _listening = core.subscribe(move |notice| sender.send(notice).is_ok());
        let served = Served::start(Arc::clone(&core));
        let address = served.address;
        let people = [
            "Ann", "Bea", "Cai", "Dan", "Eve", "Fay", "Gus", "Hal", "Ida", "Jon",
        ];
        let statuses: Vec<String> = std::thread::scope(|threads| {
            let asked: Vec<_> = people
                .iter()
                .map(|first_name| {
                    let token = &token;
                    threads.spawn(move || {
                        let body = format!(
                            r#"{{"primaryContact":{{"firstName":"{first_name}","lastName":"Lee","email":"{first_name}@northwind.example"}},"dateAgreed":"2018-11-10","templateId":"998b88de-aa99-4388-a42c-1b3517d49490","type":"MicrosoftCloudAgreement"}}"#
                        );
                        let output = Command::new("curl")
                            .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST"])
                            .args(["-H", &format!("Authorization: Bearer {token}")])
                            .args(["--data-binary", &body])
                            .arg(format!("http://{address}/v1/customers/{NORTHWIND}/agreements"))
                            .output()
                            .unwrap();
                        String::from_utf8_lossy(&output.stdout).into_owned()
                    })
                })
                .collect();
            asked.into_iter().map(|a| a.join().unwrap()).collect()
        });
        served.stop();
        assert!(statuses.iter().all(|s| s == "201"), "{statuses:?}");
        let stored = core.store().dossier(NORTHWIND).unwrap().unwrap();
        assert_eq!(stored.confirmations.len(), people.len());
        // Told once each, each with the history as its change left it.
        let told: Vec<usize> = notices
            .try_iter()
            .filter_map(|notice| match notice {
                crate::core::Notice::Changed(change) => Some(change.dossier.confirmations.len()),
                _ => None,
            })
            .collect();
        assert_eq!(told, (1..=people.len()).collect::<Vec<_>>());
    }
}

#[test]
fn an_api_that_cannot_start_says_so_in_the_language_of_serve() {
    use crate::locale::Lang;
    let error = std::io::Error::from_raw_os_error(11);
    let said = error.to_string();
    assert_eq!(
        super::not_started(&error, Lang::English),
        format!("pcenter: the HTTP API could not start ({said})")
    );
    assert_eq!(
        super::not_started(&error, Lang::Korean),
        format!("pcenter: HTTP API를 시작할 수 없습니다({said})")
    );
}
