fn main() -> std::process::ExitCode {
    pcenter::cli::main()
}
