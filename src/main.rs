//! The `dateline` binary: all logic lives in the library.

fn main() -> std::process::ExitCode {
    dateline::cli::main()
}
