use crate::locale::words::SpectatorWords;

pub const SPECTATOR: SpectatorWords = SpectatorWords {
    live_sessions: "실시간 세션",
    no_agent: "로그인한 에이전트가 없습니다. 에이전트가 로그인하면 바로 여기에 세션이 표시됩니다.",
    since: |time| format!("{time}부터"),
    session_ended: |agent| format!("{agent}님의 세션이 끝났습니다."),
    waiting: "첫 화면을 기다리는 중…",
    watching: |agent, role| format!("{agent}님({role})의 세션 보는 중"),
    select: "선택",
    watch: "보기",
    sessions: "세션 목록",
    quit: "종료",
};
