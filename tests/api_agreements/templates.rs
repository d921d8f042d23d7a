//! `agreements templates`: the agreement metadata, by type.

use crate::common::NORTHWIND;
use crate::support::*;

#[test]
fn templates_without_a_type_list_the_microsoft_cloud_agreement() {
    let demo = Demo::new();
    let listed = success(&demo.run(&["agreements", "templates"]));
    assert_eq!(listed["totalCount"], 1);
    let items = listed["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["templateId"], MCA_TEMPLATE);
    assert_eq!(items[0]["agreementType"], "MicrosoftCloudAgreement");
    assert_eq!(items[0]["agreementLink"], MCA_LINK);
    assert_eq!(items[0]["versionRank"], 0);
    assert_eq!(items[0].as_object().unwrap().len(), 4);
}

#[test]
fn templates_of_every_type_and_of_a_named_type_match_the_default() {
    let demo = Demo::new();
    let default = success(&demo.run(&["agreements", "templates"]));
    for wanted in ["*", "MicrosoftCloudAgreement", "microsoftcloudagreement"] {
        let listed = success(&demo.run(&["agreements", "templates", "--type", wanted]));
        assert_eq!(listed, default, "--type {wanted}");
    }
}

#[test]
fn the_microsoft_customer_agreement_is_a_real_type_without_a_template_here() {
    let demo = Demo::new();
    for args in [
        &[
            "agreements",
            "templates",
            "--type",
            "MicrosoftCustomerAgreement",
        ][..],
        &[
            "agreements",
            "list",
            "--customer",
            NORTHWIND,
            "--type",
            "microsoftcustomeragreement",
        ],
    ] {
        let listed = success(&demo.run(args));
        assert_eq!(
            listed,
            serde_json::json!({"totalCount": 0, "items": []}),
            "{args:?}"
        );
    }
}

#[test]
fn templates_of_an_unknown_type_are_refused_with_the_known_ones() {
    let demo = Demo::new();
    let refused = refusal(&demo.run(&["agreements", "templates", "--type", "Contoso\u{1b}[2J"]));
    assert_eq!((refused.code, refused.exit), (400, 6));
    assert_eq!(
        refused.description,
        "Unknown agreement type 'Contoso\\u{1b}[2J': use MicrosoftCloudAgreement or MicrosoftCustomerAgreement, or '*' for every type."
    );
}

#[test]
fn templates_need_no_store_and_answer_while_another_pcenter_holds_it() {
    let demo = Demo::new();
    let listed = success(&demo.run(&["agreements", "templates"]));
    assert!(
        !demo.dir.path().join("demo").exists(),
        "no store was created"
    );
    success(&demo.run(&["customers", "list", "--format", "json"]));
    let held = pcenter::store::SledStore::open(&demo.dir.path().join("demo")).unwrap();
    assert_eq!(success(&demo.run(&["agreements", "templates"])), listed);
    drop(held);
}
