//! `aipg`: decode and check AIPG and Ravencoin data from the command line.

fn main() {
    std::process::exit(2);
}
