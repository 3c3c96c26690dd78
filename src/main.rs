fn main() -> std::process::ExitCode {
    // A command piped into `head` should stop quietly when the pipe closes.
    shindan::platform::default_sigpipe();
    shindan::cli::run()
}
