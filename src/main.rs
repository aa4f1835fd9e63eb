//! The `newsdex` binary: parse arguments (`cli`, with `config` turning them into plain
//! values), run the command on the `newsdex` library, map its `Status` to the exit code,
//! and print an error once. A reader that goes away (`newsdex search x | head -1`) is not
//! an error. Panics are not printed by the default hook: the library turns the ones
//! tantivy raises on damaged indexes into errors, and anything else is reported here as
//! an internal error, once, with the status of a failure.

mod cli;
mod config;

use std::process::ExitCode;

use cli::Status;
use newsdex::output::diag;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| cli::run(std::env::args_os()));
    let status = match result {
        Ok(Ok(status)) => status,
        Ok(Err(e)) if e.is_broken_pipe() => Status::Success,
        Ok(Err(e)) => {
            diag(format_args!("newsdex: {e}\n"));
            Status::Failed
        }
        Err(payload) => {
            let msg = newsdex::error::panic_message(payload.as_ref());
            diag(format_args!("newsdex: internal error: {msg}\n"));
            Status::Failed
        }
    };
    status.into()
}
