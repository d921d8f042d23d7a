pub mod assets;
pub mod domain;
pub mod store;
