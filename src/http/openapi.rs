//! The OpenAPI 3 document of the server, served at `/_pcenter/openapi.json`: every path of
//! [`PATHS`], which a test holds the router to.

use crate::domain::agreement::{
    CUSTOMER_AGREEMENT_TEMPLATE_ID, CUSTOMER_AGREEMENT_TYPE, MCA_TEMPLATE_ID, MCA_TYPE,
};
use serde_json::{json, Value};

/// Every method and path the server answers, in the document's order.
pub const PATHS: [(&str, &str); 17] = [
    ("get", "/_pcenter/health"),
    ("get", "/v1/agreements"),
    ("get", "/v1/offers"),
    ("get", "/v1/customers"),
    ("post", "/v1/customers"),
    ("get", "/v1/customers/{id}"),
    ("get", "/v1/customers/{id}/agreements"),
    ("post", "/v1/customers/{id}/agreements"),
    ("get", "/v1/customers/{id}/orders"),
    ("post", "/v1/customers/{id}/orders"),
    ("get", "/v1/customers/{id}/subscriptions"),
    ("get", "/v1/customers/{id}/subscriptions/{subscription}"),
    ("patch", "/v1/customers/{id}/subscriptions/{subscription}"),
    ("get", "/_pcenter/openapi.json"),
    ("get", "/_pcenter/report"),
    ("get", "/_pcenter/export"),
    ("post", "/_pcenter/import"),
];

fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn body(name: &str) -> Value {
    json!({ "required": true, "content": { "application/json": { "schema": reference(name) } } })
}

fn answer(status: &str, name: &str) -> Value {
    let mut responses = json!({
        status: { "description": "Done", "content": { "application/json": { "schema": reference(name) } } },
        "400": { "description": "A request that is not valid", "content": { "application/json": { "schema": reference("Error") } } },
        "401": { "description": "No registered agent's token", "content": { "application/json": { "schema": reference("Error") } } },
        "403": { "description": "The role may not, or the gate is closed (13605)", "content": { "application/json": { "schema": reference("Error") } } },
        "404": { "description": "No such customer or subscription", "content": { "application/json": { "schema": reference("Error") } } },
        "409": { "description": "600061: the same contact is already confirmed", "content": { "application/json": { "schema": reference("Error") } } },
        "413": { "description": "A body over 1 MB", "content": { "application/json": { "schema": reference("Error") } } },
        "429": { "description": "Over the agent's requests a minute (serve --throttle); see Retry-After", "content": { "application/json": { "schema": reference("Error") } } },
        "503": { "description": "The list is still being read; retry", "content": { "application/json": { "schema": reference("Error") } } }
    });
    if status == "200" && name == "Health" {
        responses = json!({ "200": responses["200"].clone() });
    }
    responses
}

/// The answers of a path that sends a document: `status` with `kinds`, or an error.
fn document_answer(kinds: Value) -> Value {
    let mut responses = answer("200", "Error");
    responses["200"] = json!({ "description": "The document", "content": kinds });
    responses
}

/// An import's lines: 200 when every row went in, 422 when some were rejected (the others
/// went in), or an error that stopped it.
fn import_answer() -> Value {
    let lines = json!({ "text/plain": { "schema": { "type": "string" } } });
    let mut responses = document_answer(lines.clone());
    responses["422"] = json!({ "description": "Rows rejected, each with its line and reason; the others were imported", "content": lines });
    responses
}

fn path_parameter(name: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string", "minLength": 1 } })
}

fn agreement_type() -> Value {
    json!({ "name": "agreementType", "in": "query", "schema": { "type": "string", "enum": ["MicrosoftCloudAgreement", "MicrosoftCustomerAgreement", "*"] } })
}

/// The document.
pub fn document() -> Value {
    let id = path_parameter("id");
    let subscription = path_parameter("subscription");
    let secured = json!([{ "bearer": [] }]);
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "pcenter: Partner Center v1, local",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Partner Center's v1 REST API for confirming customer acceptance, served by pcenter on a local store."
        },
        "security": secured,
        "paths": {
            "/_pcenter/health": { "get": { "security": [], "operationId": "health", "responses": answer("200", "Health") } },
            "/_pcenter/openapi.json": { "get": { "security": [], "operationId": "openapi", "responses": { "200": { "description": "This document", "content": { "application/json": { "schema": { "type": "object" } } } } } } },
            "/_pcenter/report": { "get": { "operationId": "complianceReport", "parameters": [
                { "name": "format", "in": "query", "schema": { "type": "string", "enum": ["json", "csv"] } }
            ], "responses": document_answer(json!({
                "application/json": { "schema": { "type": "object" } },
                "text/csv": { "schema": { "type": "string" } } })) } },
            "/_pcenter/export": { "get": { "operationId": "exportAgreements",
                "responses": document_answer(json!({ "text/csv": { "schema": { "type": "string" } } })) } },
            "/_pcenter/import": { "post": { "operationId": "importAgreements", "parameters": [
                { "name": "dryRun", "in": "query", "schema": { "type": "boolean" } }
            ], "requestBody": { "required": true, "content": { "text/csv": { "schema": { "type": "string" } } } },
                "responses": import_answer() } },
            "/v1/agreements": { "get": { "operationId": "agreementTemplates", "parameters": [agreement_type()], "responses": answer("200", "TemplateCollection") } },
            "/v1/offers": { "get": { "operationId": "offers", "responses": answer("200", "OfferCollection") } },
            "/v1/customers": {
                "get": { "operationId": "customers", "parameters": [
                    { "name": "size", "in": "query", "schema": { "type": "integer", "minimum": 0, "maximum": 500 } },
                    { "name": "filter", "in": "query", "content": { "application/json": { "schema": reference("CustomerFilter") } } },
                    { "name": "MS-ContinuationToken", "in": "header", "schema": { "type": "string" } }
                ], "responses": answer("200", "CustomerPage") },
                "post": { "operationId": "createCustomer", "requestBody": body("CustomerBody"), "responses": answer("201", "CreatedCustomer") }
            },
            "/v1/customers/{id}": { "get": { "operationId": "customer", "parameters": [id], "responses": answer("200", "Customer") } },
            "/v1/customers/{id}/agreements": {
                "get": { "operationId": "agreements", "parameters": [id, agreement_type()], "responses": answer("200", "AgreementCollection") },
                "post": { "operationId": "confirm", "parameters": [id], "requestBody": body("AgreementBody"), "responses": answer("201", "Agreement") }
            },
            "/v1/customers/{id}/orders": {
                "get": { "operationId": "orders", "parameters": [id], "responses": answer("200", "OrderCollection") },
                "post": { "operationId": "createOrder", "parameters": [id], "requestBody": body("OrderBody"), "responses": answer("201", "Order") }
            },
            "/v1/customers/{id}/subscriptions": { "get": { "operationId": "subscriptions", "parameters": [id], "responses": answer("200", "SubscriptionCollection") } },
            "/v1/customers/{id}/subscriptions/{subscription}": {
                "get": { "operationId": "subscription", "parameters": [id, subscription], "responses": answer("200", "Subscription") },
                "patch": { "operationId": "changeSubscription", "parameters": [id, subscription], "requestBody": body("SubscriptionPatch"), "responses": answer("200", "Subscription") }
            }
        },
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer", "description": "A token made by pcenter agents token NAME" } },
            "schemas": schemas()
        }
    })
}

fn collection(item: &str) -> Value {
    json!({ "type": "object", "required": ["totalCount", "items"], "properties": {
        "totalCount": { "type": "integer" }, "items": { "type": "array", "items": reference(item) } } })
}

fn schemas() -> Value {
    let text = json!({ "type": "string" });
    let name = json!({ "type": "string", "minLength": 1, "maxLength": 50 });
    json!({
        "Error": { "type": "object", "required": ["code", "description", "data", "source"], "properties": {
            "code": { "type": "integer" }, "description": text, "data": { "type": "array", "maxItems": 0 },
            "source": { "type": "string", "enum": ["PartnerFD"] },
            "errorName": { "type": "string", "description": "Where Partner Center names the code: PartnerConfirmedAgreementAlreadyExists, TooManyRequests, ServiceUnavailable" },
            "isRetryable": { "type": "boolean" } } },
        "Health": { "type": "object", "properties": { "status": text, "version": text } },
        "Contact": { "type": "object", "required": ["firstName", "lastName", "email"], "properties": {
            "firstName": name, "lastName": name, "email": { "type": "string", "format": "email" }, "phoneNumber": text } },
        "AgreementBody": { "type": "object", "required": ["primaryContact", "templateId", "type"], "properties": {
            "primaryContact": reference("Contact"), "dateAgreed": { "type": "string", "format": "date", "nullable": true },
            "templateId": { "type": "string", "enum": [MCA_TEMPLATE_ID, CUSTOMER_AGREEMENT_TEMPLATE_ID],
                "description": "Decides the agreement confirmed, whatever the type says" },
            "type": { "type": "string", "enum": [MCA_TYPE, CUSTOMER_AGREEMENT_TYPE] } } },
        "CustomerFilter": { "type": "object", "required": ["Field", "Value"], "properties": {
            "Field": { "type": "string", "enum": ["CompanyName", "Domain"] }, "Value": { "type": "string", "minLength": 1 },
            "Operator": { "type": "string", "enum": ["starts_with"] } } },
        "Agreement": { "type": "object", "required": ["userId", "primaryContact", "templateId", "dateAgreed", "type", "agreementLink"], "properties": {
            "userId": text, "primaryContact": reference("Contact"), "templateId": text, "dateAgreed": text,
            "type": { "type": "string", "description": "The agreement of templateId: MicrosoftCloudAgreement or MicrosoftCustomerAgreement" },
            "agreementLink": text,
            "recordedBy": { "type": "string", "description": "pcenter's own: the name of the agent whose object ID is userId" } } },
        "AgreementCollection": collection("Agreement"),
        "Template": { "type": "object", "properties": { "templateId": text, "agreementType": text, "agreementLink": text, "versionRank": { "type": "integer" } } },
        "TemplateCollection": collection("Template"),
        "Offer": { "type": "object", "properties": { "id": text, "name": text, "category": { "type": "object", "properties": {
            "id": text, "name": text, "rank": { "type": "integer" }, "locale": text, "country": text } }, "billing": text, "unitType": text,
            "minimumQuantity": { "type": "integer" }, "maximumQuantity": { "type": "integer", "nullable": true } } },
        "OfferCollection": collection("Offer"),
        "CustomerBody": { "type": "object", "required": ["companyProfile", "billingProfile"], "properties": {
            "companyProfile": { "type": "object" }, "billingProfile": { "type": "object" }, "agreement": reference("AgreementBody") } },
        "Customer": { "type": "object", "required": ["id", "commerceId", "companyProfile", "billingProfile", "relationshipToPartner"], "properties": {
            "id": text,
            "commerceId": { "type": "string", "description": "A GUID of the customer's own, the same at every read" },
            "companyProfile": { "type": "object", "required": ["tenantId", "domain", "companyName"], "properties": {
                "tenantId": text, "domain": text, "companyName": text } },
            "billingProfile": { "type": "object" },
            "relationshipToPartner": { "type": "string", "enum": ["reseller"] },
            "cloud": text,
            "agreementStatus": { "type": "string", "description": "Confirmed, Not confirmed or Not supported; left out for Helpdesk agents" },
            "currentAgreement": { "type": "object", "nullable": true, "description": "The confirmation in force, an Agreement; left out for Helpdesk agents" } } },
        "CreatedCustomer": { "allOf": [reference("Customer"), { "type": "object", "required": ["userCredentials"], "properties": {
            "userCredentials": { "type": "object", "required": ["userName", "password"],
                "description": "The new administrator's sign-in, in the answer to the creation only; the password is kept nowhere",
                "properties": { "userName": { "type": "string", "enum": ["admin"] }, "password": { "type": "string", "minLength": 8, "maxLength": 8 } } } } }] },
        "CustomerPage": { "type": "object", "required": ["totalCount", "items"], "properties": {
            "totalCount": { "type": "integer" }, "items": { "type": "array", "items": reference("Customer") },
            "links": { "type": "object" }, "attributes": { "type": "object" } } },
        "LineItem": { "type": "object", "required": ["offerId", "quantity"], "properties": {
            "lineItemNumber": { "type": "integer", "minimum": 0, "nullable": true, "description": "When given, the line's place from 0 (800071 otherwise)" },
            "offerId": { "type": "string", "minLength": 1 }, "quantity": { "type": "integer", "minimum": 1 },
            "friendlyName": { "type": "string", "maxLength": 256, "nullable": true } } },
        "OrderBody": { "type": "object", "required": ["lineItems"], "properties": {
            "billingCycle": { "type": "string", "enum": ["monthly"], "nullable": true, "description": "The offers here are billed monthly, the default" },
            "lineItems": { "type": "array", "minItems": 1, "items": reference("LineItem") } } },
        "OrderLineItem": { "type": "object", "required": ["lineItemNumber", "offerId", "subscriptionId", "quantity"], "properties": {
            "lineItemNumber": { "type": "integer" }, "offerId": text, "subscriptionId": text,
            "friendlyName": { "type": "string", "description": "As the order gave it, in the answer to the order" },
            "quantity": { "type": "integer" } } },
        "Order": { "type": "object", "required": ["id", "referenceCustomerId", "billingCycle", "lineItems", "creationDate", "status"], "properties": {
            "id": text, "referenceCustomerId": text,
            "billingCycle": { "type": "string", "enum": ["monthly"] },
            "lineItems": { "type": "array", "items": reference("OrderLineItem") },
            "creationDate": text,
            "status": { "type": "string", "enum": ["completed"], "description": "Provisioned as it is placed: each line has its subscription" },
            "attributes": { "type": "object", "properties": { "objectType": { "type": "string", "enum": ["Order"] } } } } },
        "OrderCollection": collection("Order"),
        "SubscriptionPatch": { "type": "object", "minProperties": 1, "properties": {
            "quantity": { "type": "integer", "minimum": 1, "nullable": true },
            "autoRenewEnabled": { "type": "boolean", "nullable": true } } },
        "Subscription": { "type": "object", "properties": { "id": text, "offerId": text, "offerName": text, "quantity": { "type": "integer" },
            "status": text, "autoRenewEnabled": { "type": "boolean" }, "billingType": text, "orderId": text, "creationDate": text } },
        "SubscriptionCollection": collection("Subscription")
    })
}
