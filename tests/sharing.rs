//! Several sessions of one shared core, and commands through it, with no terminal: what one
//! agent does shows in every other session, and every rule is decided on the store's current
//! records, never on what a session last saw. Each test runs on the demo data in a memory store
//! and in a sled store on disk.

#[path = "sharing/commands.rs"]
mod commands;
mod common;
#[path = "sharing/live.rs"]
mod live;

/// Accessors that name the screen a test expects.
mod support {
    use pcenter::app::session::Session;

    /// The message line's text, or "" when there is none.
    pub fn message(s: &Session) -> &str {
        s.app
            .ctx
            .flash
            .as_ref()
            .map_or("", |flash| flash.text.as_str())
    }

    /// The screen as text, at 80x24.
    pub fn screen(s: &mut Session) -> String {
        crate::common::render(s, 80, 24).to_string()
    }
}
