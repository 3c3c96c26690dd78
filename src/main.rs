fn main() -> std::process::ExitCode {
    // A command piped into `head` should stop quietly when the pipe closes, as other Unix tools
    // do, rather than panic on the next print.
    // SAFETY: resetting a signal to its default action before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    shindan::cli::run()
}
