//! Links the `newsdex` executable position-dependent on x86-64 Linux.
//!
//! A position-independent executable is relocated by the dynamic loader at every start:
//! about 47,000 pointers (mostly the file names of panic locations, then vtables) written
//! into some 240 pages, a copy-on-write page fault each. For a command that answers in a
//! few milliseconds that is 15-20% of its wall time (BENCHMARKS.md, "Copy clusters"). The
//! stack, heap, memory maps and shared libraries are still placed at random; only the
//! executable's own image is at a fixed address, as Go programs are by default.
//! `NEWSDEX_PIE=1 cargo build --release` builds a position-independent executable.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=NEWSDEX_PIE");
    let target = std::env::var("TARGET").unwrap_or_default();
    if target == "x86_64-unknown-linux-gnu" && std::env::var_os("NEWSDEX_PIE").is_none() {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
