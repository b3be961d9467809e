//! Helpers built on demo-core.

/// Sum of the first `n` Fibonacci numbers.
pub fn fibonacci_sum(n: u32) -> u64 {
    (0..n).map(demo_core::fibonacci).fold(0, demo_core::add)
}

/// Sum of the squares of 0..n (n at most 16).
pub fn sum_of_squares(n: usize) -> u64 {
    (0..n).filter_map(demo_core::square).sum()
}

/// Renders a list of numbers as "a, b, c".
pub fn join(values: &[u64]) -> String {
    values
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn works() {
        assert_eq!(super::fibonacci_sum(5), 7);
        assert_eq!(super::sum_of_squares(4), 14);
        assert_eq!(super::join(&[1, 2]), "1, 2");
    }
}
