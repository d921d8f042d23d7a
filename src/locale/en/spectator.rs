use crate::locale::words::SpectatorWords;

pub const SPECTATOR: SpectatorWords = SpectatorWords {
    live_sessions: "Live sessions",
    no_agent: "No agent is signed in. A session shows here as soon as an agent signs in.",
    since: |time| format!("since {time}"),
    session_ended: |agent| format!("{agent}'s session ended."),
    waiting: "Waiting for the first frame…",
    watching: |agent, role| format!("Watching {agent} ({role})"),
    select: "Select",
    watch: "Watch",
    sessions: "Sessions",
    quit: "Quit",
};
