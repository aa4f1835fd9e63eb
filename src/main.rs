//! The `newsdex` binary: parse arguments, run, map the result to an exit code, and print
//! an error once. A reader that goes away (`newsdex search x | head -1`) is not an error.
//! Panics are not printed by the default hook: the library turns the ones tantivy raises
//! on damaged indexes into errors, and anything else is reported here as an internal
//! error, once, with exit status 2.

use std::process::ExitCode;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| newsdex::cli::run(std::env::args_os()));
    match result {
        Ok(Ok(code)) => code,
        Ok(Err(e)) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            newsdex::cli::diag(format_args!("newsdex: {e}\n"));
            ExitCode::from(2)
        }
        Err(payload) => {
            let msg = newsdex::error::panic_message(payload.as_ref());
            newsdex::cli::diag(format_args!("newsdex: internal error: {msg}\n"));
            ExitCode::from(2)
        }
    }
}
