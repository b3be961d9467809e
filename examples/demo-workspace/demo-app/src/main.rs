//! A small binary that uses every crate of the workspace.

use demo_derive::Describe;

#[derive(Describe)]
struct Report {
    terms: u32,
}

fn main() {
    let report = Report { terms: 10 };
    let fib: Vec<u64> = (0..report.terms).map(demo_core::fibonacci).collect();
    println!(
        "{}: fibonacci = [{}]",
        Report::describe(),
        demo_util::join(&fib)
    );
    println!(
        "sum of the first {} = {}",
        report.terms,
        demo_util::fibonacci_sum(report.terms)
    );
    println!("sum of squares 0..8 = {}", demo_util::sum_of_squares(8));
    println!("2 + 3 = {}", demo_core::add(2, 3));
}
