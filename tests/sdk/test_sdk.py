#!/usr/bin/env python3
"""pcenter's REST API through Microsoft's Python SDK for Partner Center (partnercenterservices
0.1.2 on PyPI, AutoRest and msrest): what a partner's script written for
https://api.partnercenter.microsoft.com does, pointed at `pcenter serve --http` on the demo store
(business date 2019-03-22, the first day the API refused orders and seat changes without a
confirmation). tests/sdk/run starts the server and passes its base URL and an Admin
agent's token in PCENTER_SDK_BASE_URL and PCENTER_SDK_TOKEN.

Prints one line per check and a closing "N passed, N failed"; exits 1 when any check failed.

The SDK's operations return None, not an exception, for the statuses its API description lists
(400, 401, 403, 404, 500); those are read with raw=True, whose .response is the HTTP answer. Any
other status raises msrestazure's CloudError.
"""

import json
import os
import sys
import traceback
import uuid

from msrest.authentication import BasicTokenAuthentication
from msrestazure.azure_exceptions import CloudError
from microsoft.store.partnercenterservices import MicrosoftPartnerStoreApis
from microsoft.store.partnercenterservices import models

# Every operation takes the API version that fills /v{version}/ in its path.
V = "1"
# Confirmed in the demo store, so it may take orders and seat changes.
CONTOSO_DOMAIN = "contosoelectronics.onmicrosoft.com"
# Not confirmed: the gate refuses its seat changes (403, code 13605).
NORTHWIND_DOMAIN = "northwindtraders.onmicrosoft.com"
# Microsoft 365 E5 in the catalog, as the offers check finds it.
E5_OFFER = "D0ED1487-580F-4D77-A270-5F56DF584C92"
PAGE = 10
# The SDK's names for the collections and resources.
CustomerPage = models.MicrosoftPartnerSdkContractsV1CollectionsResourceCollectionMicrosoftPartnerSdkContractsV1Customer
Customer = models.MicrosoftPartnerSdkContractsV1Customer
Subscription = models.MicrosoftPartnerSdkContractsV1Subscription
Order = models.MicrosoftPartnerSdkContractsV1Order
OrderLineItem = models.MicrosoftPartnerSdkContractsV1OrderLineItem

client = MicrosoftPartnerStoreApis(
    BasicTokenAuthentication({"access_token": os.environ["PCENTER_SDK_TOKEN"]}),
    base_url=os.environ["PCENTER_SDK_BASE_URL"],
)
# A server that stops answering fails the check instead of hanging the run.
client.config.connection.timeout = 30

results = []
# What one check found that a later one uses (IDs, models).
found = {}


def check(name):
    """Runs the function it decorates at once as one check named `name`."""

    def run(body):
        try:
            detail = body()
        except Exception as error:  # a failed assert, or anything the SDK raised
            results.append(False)
            print(f"FAIL {name}: {type(error).__name__}: {error}")
            traceback.print_exc(file=sys.stdout)
        else:
            results.append(True)
            print(f"ok   {name}" + (f": {detail}" if detail else ""))

    return run


def need(key):
    if key not in found:
        raise AssertionError(f"an earlier check did not find {key}")
    return found[key]


def error_body(raw):
    """The Partner Center error of an answer the SDK returned as None."""
    assert raw.output is None, raw.output
    body = raw.response.json()
    assert set(body) >= {"code", "description", "data", "source"}, body
    return body


# --- Customers -------------------------------------------------------------------------------


@check("list customers: the first page is Customer models, with a link to the next")
def _():
    page = client.getvversioncustomersfilterfilter.value(V, size=PAGE)
    assert isinstance(page, CustomerPage)
    assert page.total_count > PAGE, page.total_count
    assert len(page.items) == PAGE, len(page.items)
    for customer in page.items:
        assert isinstance(customer, Customer)
        assert customer.id == customer.company_profile.tenant_id, customer.id
        assert customer.company_profile.domain.endswith(".onmicrosoft.com")
        assert customer.billing_profile.default_address.country, customer.id
        assert customer.relationship_to_partner == "reseller"
    link = page.links.next
    assert link is not None and link.method == "GET", link
    assert [h.key for h in link.headers] == ["MS-ContinuationToken"], link.headers
    found["first page"] = page
    return f"{len(page.items)} of {page.total_count}"


@check("list customers: the next pages, asked with seekOperation=next and MS-ContinuationToken")
def _():
    page = need("first page")
    customers = list(page.items)
    pages = 1
    while page.links is not None and page.links.next is not None:
        # The token travels in the header the link names, as Partner Center's does.
        headers = {h.key: h.value for h in page.links.next.headers}
        page = client.getvversioncustomersfilterfilter.value(
            V, size=PAGE, seek_operation="next", custom_headers=headers
        )
        assert page is not None and len(page.items) <= PAGE
        customers += page.items
        pages += 1
        assert pages < 1000, "the links never end"
    ids = [c.id for c in customers]
    assert len(ids) == len(set(ids)), "a customer came twice"
    assert len(ids) == need("first page").total_count, (len(ids), need("first page").total_count)
    found["customers"] = customers
    found["contoso"] = next(c for c in customers if c.company_profile.domain == CONTOSO_DOMAIN)
    found["northwind"] = next(c for c in customers if c.company_profile.domain == NORTHWIND_DOMAIN)
    return f"{len(ids)} customers in {pages} pages"


@check("list customers: a CompanyName starts_with filter")
def _():
    query = {"Field": "CompanyName", "Value": "Contoso", "Operator": "starts_with"}
    page = client.getvversioncustomersfilterfilter.value(V, filter=json.dumps(query))
    names = [c.company_profile.company_name for c in page.items]
    assert page.total_count == len(page.items) >= 1, (page.total_count, names)
    assert all(n.lower().startswith("contoso") for n in names), names
    assert need("contoso").id in [c.id for c in page.items]
    return ", ".join(names)


@check("get one customer by tenant ID, with the MS-CorrelationId sent back")
def _():
    listed = need("contoso")
    correlation = str(uuid.uuid4())
    raw = client.getvversioncustomerscustomer.id(
        listed.id, V, ms_correlation_id=correlation, raw=True
    )
    customer = raw.output
    assert isinstance(customer, Customer)
    assert customer.id == listed.id
    assert customer.company_profile.company_name == listed.company_profile.company_name
    assert customer.billing_profile.email == listed.billing_profile.email
    assert raw.response.headers.get("MS-CorrelationId") == correlation
    # The commerce ID: a GUID of its own, the same at every read; no credentials after creation.
    assert customer.commerce_id and customer.commerce_id != customer.id, customer.commerce_id
    assert uuid.UUID(customer.commerce_id)
    assert customer.commerce_id == listed.commerce_id, (customer.commerce_id, listed.commerce_id)
    assert customer.user_credentials is None
    return f"{customer.company_profile.company_name} ({customer.company_profile.domain})"


@check("create a customer through the SDK's own client: its admin credentials come once")
def _():
    # The SDK's Customer model takes userCredentials.password for an object, though Partner
    # Center sends a string (Microsoft's .NET SDK reads a string): its own client reads it.
    body = {
        "companyProfile": {"domain": "sdktailspin"},
        "billingProfile": {
            "companyName": "SDK Tailspin", "email": "ada@sdktailspin.example", "culture": "en-US",
            "language": "en",
            "defaultAddress": {"country": "US", "addressLine1": "1 Main St", "city": "Redmond",
                               "state": "WA", "postalCode": "98052", "firstName": "Ada",
                               "lastName": "Lovelace"},
        },
    }
    request = client._client.post("/v1/customers")
    request.headers["Content-Type"] = "application/json"
    response = client._client.send(request, content=body)
    assert response.status_code == 201, (response.status_code, response.text)
    created = response.json()
    credentials = created["userCredentials"]
    assert credentials["userName"] == "admin" and len(credentials["password"]) == 8, credentials
    assert created["relationshipToPartner"] == "reseller", created
    read = client.getvversioncustomerscustomer.id(created["id"], V)
    assert isinstance(read, Customer)
    assert read.commerce_id == created["commerceId"], (read.commerce_id, created["commerceId"])
    assert read.company_profile.tenant_id == created["id"]
    assert read.user_credentials is None
    return f"{read.company_profile.domain}, commerce ID {read.commerce_id}"


# --- Subscriptions -----------------------------------------------------------------------------


@check("get a customer's subscriptions")
def _():
    contoso = need("contoso")
    subscriptions = client.getvversioncustomerscustomer.value9(contoso.id, V)
    assert subscriptions.total_count == len(subscriptions.items) >= 1
    for s in subscriptions.items:
        assert isinstance(s, Subscription)
        assert s.id and s.offer_id and s.order_id and s.creation_date is not None, s.id
    # Seat-based: the one whose seat count is changed below.
    seats = next(
        s for s in subscriptions.items if s.billing_type == "license" and s.status == "active"
    )
    found["subscription"] = seats
    return f"{subscriptions.total_count}; {seats.offer_name}, {seats.quantity} seats"


@check("get one subscription")
def _():
    listed = need("subscription")
    subscription = client.getvversioncustomerscustomer.id6(need("contoso").id, listed.id, V)
    assert isinstance(subscription, Subscription)
    # The same resource as in the list, field for field.
    assert subscription.as_dict() == listed.as_dict(), (subscription.as_dict(), listed.as_dict())
    return f"{subscription.id}: {subscription.quantity} {subscription.unit_type}"


@check("change a subscription's seats with PATCH, then read them back")
def _():
    contoso = need("contoso")
    subscription = client.getvversioncustomerscustomer.id6(contoso.id, need("subscription").id, V)
    before = subscription.quantity
    # As Partner Center asks: the whole Subscription, its quantity changed.
    subscription.quantity = before + 5
    changed = client.patchvversioncustomerscustomer.id4(
        contoso.id, subscription.id, subscription, V
    )
    assert isinstance(changed, Subscription), changed
    assert changed.quantity == before + 5, changed.quantity
    again = client.getvversioncustomerscustomer.id6(contoso.id, subscription.id, V)
    assert again.quantity == before + 5, again.quantity
    assert again.auto_renew_enabled == subscription.auto_renew_enabled
    listed = client.getvversioncustomerscustomer.value9(contoso.id, V)
    assert [s.quantity for s in listed.items if s.id == subscription.id] == [before + 5]
    return f"{before} -> {again.quantity}"


@check("a seat change for a customer without a confirmation is refused: 403, code 13605")
def _():
    northwind = need("northwind")
    subscriptions = client.getvversioncustomerscustomer.value9(northwind.id, V)
    subscription = next(s for s in subscriptions.items if s.billing_type == "license")
    before = subscription.quantity
    subscription.quantity = before + 1
    raw = client.patchvversioncustomerscustomer.id4(
        northwind.id, subscription.id, subscription, V, raw=True
    )
    assert raw.response.status_code == 403, raw.response.status_code
    assert error_body(raw)["code"] == 13605, raw.response.text
    again = client.getvversioncustomerscustomer.id6(northwind.id, subscription.id, V)
    assert again.quantity == before, again.quantity
    return f"still {before} seats"


# --- Agreements --------------------------------------------------------------------------------


@check("confirm a customer's acceptance through the SDK's own client (it has no agreements operation)")
def _():
    # Northwind is not confirmed: its orders and seat changes wait for this.
    northwind = client.getvversioncustomerscustomer.id(NORTHWIND_DOMAIN, V)
    agreement = {
        "primaryContact": {"firstName": "Pat", "lastName": "Lee", "email": "pat@northwind.example"},
        "dateAgreed": "2018-11-10T00:00:00Z",
        "templateId": "998b88de-aa99-4388-a42c-1b3517d49490",
        "type": "MicrosoftCloudAgreement",
    }
    # The SDK's service client: its base URL, its bearer token, its error handling.
    request = client._client.post(f"/v1/customers/{northwind.id}/agreements")
    request.headers["Content-Type"] = "application/json"
    response = client._client.send(request, content=agreement)  # msrest writes the JSON
    assert response.status_code == 201, (response.status_code, response.text)
    created = response.json()
    assert created["primaryContact"]["firstName"] == "Pat", created
    assert created["type"] == "MicrosoftCloudAgreement", created
    assert created["agreementLink"] == "https://docs.microsoft.com/partner-center/agreements"
    again = client._client.send(
        client._client.get(f"/v1/customers/{northwind.id}/agreements")
    ).json()
    assert again["totalCount"] == 1, again
    return f"{created['type']} on {created['dateAgreed'][:10]}, userId {created['userId']}"


@check("once confirmed, the same seat change for that customer goes through")
def _():
    northwind = need("northwind")
    subscriptions = client.getvversioncustomerscustomer.value9(northwind.id, V)
    subscription = next(s for s in subscriptions.items if s.quantity)
    subscription.quantity += 1
    changed = client.patchvversioncustomerscustomer.id4(northwind.id, subscription.id, subscription, V)
    assert changed is not None and changed.quantity == subscription.quantity, changed
    return f"{changed.offer_name}: {changed.quantity} seats"


# --- Orders ------------------------------------------------------------------------------------


@check("list offers: Offer models with their OfferCategory, Microsoft 365 E5 among them")
def _():
    offers = client.getvversionofferscountrycountry.value(V, country="US")
    e5 = [offer for offer in offers.items if offer.name == "Microsoft 365 E5"]
    assert len(e5) == 1, [offer.name for offer in offers.items]
    assert e5[0].id == E5_OFFER, e5[0].id
    assert e5[0].category.name == "Microsoft 365", e5[0].category
    return f"{offers.total_count} offers; {e5[0].name} in {e5[0].category.name}"


@check("place an order; the subscription it created reads back")
def _():
    contoso = need("contoso")
    order = Order(
        reference_customer_id=contoso.id,
        line_items=[
            OrderLineItem(
                line_item_number=0, offer_id=E5_OFFER, quantity=5, friendly_name="E5 for sales"
            )
        ],
    )
    raw = client.postvversioncustomerscustomer.idorders(contoso.id, order, V, raw=True)
    assert raw.response.status_code == 201, (raw.response.status_code, raw.response.text)
    placed = raw.output
    assert isinstance(placed, Order)
    assert placed.id and placed.reference_customer_id == contoso.id
    assert placed.creation_date is not None
    assert (placed.billing_cycle, placed.status) == ("monthly", "completed"), placed.as_dict()
    [line] = placed.line_items
    assert (line.line_item_number, line.offer_id, line.quantity) == (0, E5_OFFER, 5), line.as_dict()
    assert line.friendly_name == "E5 for sales", line.as_dict()
    subscription = client.getvversioncustomerscustomer.id6(contoso.id, line.subscription_id, V)
    assert subscription.offer_id == E5_OFFER and subscription.quantity == 5, subscription.as_dict()
    assert subscription.order_id == placed.id
    found["order"] = placed
    return f"order {placed.id}, subscription {line.subscription_id}"


@check("list a customer's orders: the one just placed comes last")
def _():
    orders = client.getvversioncustomerscustomer.value7(need("contoso").id, V)
    assert orders.total_count == len(orders.items) >= 1
    assert all(isinstance(o, Order) for o in orders.items)
    assert orders.items[-1].id == need("order").id, [o.id for o in orders.items]
    return f"{orders.total_count} orders"


# --- Errors ------------------------------------------------------------------------------------


@check("an unknown customer: the SDK returns None, the answer is 404 in Partner Center's shape")
def _():
    unknown = str(uuid.uuid4())
    assert client.getvversioncustomerscustomer.id(unknown, V) is None
    raw = client.getvversioncustomerscustomer.id(unknown, V, raw=True)
    assert raw.response.status_code == 404, raw.response.status_code
    body = error_body(raw)
    assert body["code"] == 404 and unknown in body["description"], body
    return body["description"]


@check("a token of no agent: 401")
def _():
    stranger = MicrosoftPartnerStoreApis(
        BasicTokenAuthentication({"access_token": "pcenter_" + "0" * 64}),
        base_url=os.environ["PCENTER_SDK_BASE_URL"],
    )
    raw = stranger.getvversioncustomersfilterfilter.value(V, raw=True)
    assert raw.response.status_code == 401, raw.response.status_code
    error_body(raw)
    return None


@check("an operation the server does not take raises CloudError: DELETE a customer, 405")
def _():
    contoso = need("contoso")
    try:
        client.deletevversioncustomerscustomer.id(contoso.id, V)
    except CloudError as error:
        assert error.status_code == 405, error.status_code
        assert error.response.json()["code"] == 405, error.response.text
    else:
        raise AssertionError("no CloudError")
    # Nothing was deleted.
    assert client.getvversioncustomerscustomer.id(contoso.id, V).id == contoso.id
    return None


passed = results.count(True)
failed = results.count(False)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
