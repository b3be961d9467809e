// Seconds as the cost estimates print them: two decimals under ten, whole seconds above.
export const formatSeconds = (seconds: number): string =>
  `${seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(0)} s`;
