use super::serve::address;

#[test]
fn an_address_is_host_and_port_or_a_port_on_loopback() {
    assert_eq!(address("8080").unwrap().to_string(), "127.0.0.1:8080");
    assert_eq!(address("localhost:0").unwrap().to_string(), "127.0.0.1:0");
    assert_eq!(address("0.0.0.0:80").unwrap().to_string(), "0.0.0.0:80");
    assert!(address("here").unwrap_err().contains("HOST:PORT"));
}
