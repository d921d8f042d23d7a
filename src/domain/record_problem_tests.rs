use super::*;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The English of the store's refusals, as scripts and the API have always read it.
#[test]
fn the_english_is_what_the_store_has_always_said() {
    use RecordProblem as P;
    let subscription = || "s-1".to_string();
    let cases = [
        (
            P::Id {
                record: Record::Customer,
                problem: IdProblem::Character {
                    id: "C-1".into(),
                    character: 'C',
                },
            },
            "the customer has the ID 'C-1', which holds 'C': an ID holds only lower-case letters a-z, digits and hyphens, as a GUID does",
        ),
        (
            P::Id {
                record: Record::Order,
                problem: IdProblem::TooLong(70),
            },
            "the order has an ID of 70 characters; at most 64",
        ),
        (
            P::AfterLastBusinessDate {
                made: Made::OrderCreated("o-1".into()),
                on: day("2101-01-01"),
            },
            "the order o-1 was created on 2101-01-01, after 2100-12-31, the last business date there can be",
        ),
        (
            P::NotCleaned {
                value: " Contoso ".into(),
                clean: "Contoso".into(),
            },
            "' Contoso ' is not in its cleaned form 'Contoso'",
        ),
        (
            P::Confirmation {
                email: "patti@contoso.com".into(),
                problem: Box::new(P::AcceptedBeforeTheAgreement(day("2013-05-01"))),
            },
            "its confirmation by patti@contoso.com: its acceptance date 2013-05-01 is before the Microsoft Cloud Agreement existed (2014-01-01)",
        ),
        (
            P::UnknownAgreement,
            "it is not a confirmation of a known agreement (type MicrosoftCloudAgreement, template 998b88de-aa99-4388-a42c-1b3517d49490; or type MicrosoftCustomerAgreement, template 117a77b0-9360-443b-8795-c6dedc750cf9)",
        ),
        (
            P::RecordedBeforeConfirming(day("2018-08-01")),
            "it was recorded on 2018-08-01, before confirming customer acceptance existed (August 7, 2018)",
        ),
        (
            P::ChangeNotAfterCreation {
                subscription: subscription(),
                history: History::AutoRenew,
                on: day("2019-01-01"),
                created: day("2019-01-01"),
            },
            "the subscription s-1 has an auto-renew change on 2019-01-01, not after the day it was created (2019-01-01)",
        ),
        (
            P::ChangeAfterLastBusinessDate {
                subscription: subscription(),
                history: History::Seats,
                on: day("2101-01-01"),
            },
            "the subscription s-1 has a seat change on 2101-01-01, after 2100-12-31, the last business date there can be",
        ),
        (
            P::ChangesOutOfOrder {
                subscription: subscription(),
                history: History::AutoRenew,
            },
            "the subscription s-1 has auto-renew changes out of date order, or two on one day",
        ),
        (
            P::GivenTwice {
                record: Record::Subscription,
                id: "s-1".into(),
            },
            "the subscription ID s-1 is given to two of its subscriptions",
        ),
        (
            P::OfAnotherCustomer {
                record: Record::Order,
                owner: "c-2".into(),
            },
            "it holds an order of another customer, c-2",
        ),
        (
            P::LinesWithoutTheirSubscriptions {
                order: "o-1".into(),
                lines: 2,
                subscriptions: 1,
            },
            "the order o-1 has 2 line items but 1 subscriptions of their offers",
        ),
        (
            P::ControlCharacter("a\nb".into()),
            "\"a\\nb\" holds a control character",
        ),
    ];
    for (problem, english) in cases {
        assert_eq!(problem.to_string(), english);
    }
}
