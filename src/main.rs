//! The `newsdex` binary: parse arguments, run, map the result to an exit code, and print
//! an error once. A reader that goes away (`newsdex search x | head -1`) is not an error.

use std::process::ExitCode;

fn main() -> ExitCode {
    match newsdex::cli::run(std::env::args_os()) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsdex: {e}");
            ExitCode::from(2)
        }
    }
}
