//! Core functions of the demo workspace.

include!(concat!(env!("OUT_DIR"), "/generated.rs"));

/// Adds two numbers.
pub fn add(a: u64, b: u64) -> u64 {
    a + b
}

/// The n-th Fibonacci number (iterative).
pub fn fibonacci(n: u32) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    for _ in 0..n {
        let next = a + b;
        a = b;
        b = next;
    }
    a
}

/// Square of `n` from the generated table, if it is in range.
pub fn square(n: usize) -> Option<u64> {
    SQUARES.get(n).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn works() {
        assert_eq!(add(2, 3), 5);
        assert_eq!(fibonacci(10), 55);
        assert_eq!(square(4), Some(16));
        assert_eq!(square(99), None);
    }
}
