use super::serve::address;

#[test]
fn an_address_is_host_and_port_or_a_port_on_loopback() {
    assert_eq!(address("8080").unwrap().to_string(), "127.0.0.1:8080");
    assert_eq!(address("localhost:0").unwrap().to_string(), "127.0.0.1:0");
    assert_eq!(address("0.0.0.0:80").unwrap().to_string(), "0.0.0.0:80");
    assert!(address("here").unwrap_err().contains("HOST:PORT"));
}

mod live {
    use crate::app::session::Session;
    use crate::assets;
    use crate::clock::FixedClock;
    use crate::core::Core;
    use crate::directory::{Directory, ListingRow};
    use crate::domain::agent::{token_text, Agent};
    use crate::domain::role::Role;
    use crate::service::Actor;
    use crate::store::agents::token_hash;
    use crate::store::{MemoryStore, Store};
    use std::process::Command;
    use std::sync::Arc;

    const NORTHWIND: &str = "8e56785c-c066-4754-939a-d596743a7b4a";

    fn core_with_agent() -> (Arc<Core>, String) {
        let store = MemoryStore::with_snapshot(assets::demo_snapshot());
        let day = "2018-11-14".parse().unwrap();
        let rows = store
            .listing()
            .unwrap()
            .map(|row| ListingRow::on(row.unwrap(), day));
        let directory = Directory::from_rows(rows);
        let registry = store.registry().unwrap();
        registry
            .add_agent(&Agent {
                id: "a-ann".into(),
                name: "Ann Agent".into(),
                role: Role::SalesAgent,
                added_at: "2018-11-01T10:00:00Z".parse().unwrap(),
            })
            .unwrap();
        let token = token_text(&[7; 32]);
        registry.add_token("a-ann", &token_hash(&token)).unwrap();
        let clock = FixedClock("2018-11-14T10:30:00Z".parse().unwrap());
        let core = Core::with_directory(
            Box::new(store),
            Box::new(clock),
            day,
            "Partner".into(),
            directory,
            None,
        );
        (Arc::new(core), token)
    }

    #[test]
    fn a_confirmation_over_http_shows_in_a_dashboard_session_of_the_same_core() {
        let (core, token) = core_with_agent();
        let bob = Actor {
            agent: "Bob Agent".into(),
            role: Role::AdminAgent,
            business_date: core.business_date(),
        };
        let mut session = Session::open(Arc::clone(&core), bob, (80, 24));
        session.follow();
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
        let router = super::super::router(Arc::clone(&core));
        let server = runtime.spawn(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
        });
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
        let _ = stop.send(());
        runtime.block_on(server).unwrap().unwrap();
    }
}
