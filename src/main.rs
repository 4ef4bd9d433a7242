//! The `devctl` binary: everything lives in the library, so tests and benchmarks reach it too.

fn main() -> std::process::ExitCode {
    devctl::main()
}
