//! The `regulars` binary: a thin shell over the library's command line.

fn main() -> std::process::ExitCode {
    regulars::cli::run(std::env::args_os())
}
