/**
 * How the cache-service emulator paces its answers: a "service profile". Data and arithmetic
 * with no I/O and no clock of its own (the time is passed in), so that the model is tested apart
 * from the server, which only sleeps for what these functions compute.
 *
 * - `instant` (the default): no delay, no limit; the emulator answers as fast as loopback allows.
 * - `github-like`: per-request latency, blob bandwidth and per-minute limits taken from public
 *   measurements of GitHub's cache service on hosted runners; figures and sources in
 *   bench/README.md, "The github-like service profile".
 */

/** Per-request latency, log-normal: the shape of network and service latencies (a long right tail). */
export interface LatencyProfile {
  medianMs: number;
  /** At least medianMs; equal to it for a constant delay. */
  p95Ms: number;
  /** Seed of the PRNG: one seed, one sequence of delays (in the order requests arrive). Default 1. */
  seed?: number;
}

/** Blob body throughput; undefined = unlimited. */
export interface BandwidthProfile {
  /** Get Blob answers. */
  downloadBytesPerSec?: number;
  /** Put Blob, Put Block, Append Block, v1 upload chunk bodies. */
  uploadBytesPerSec?: number;
}

/**
 * Limits over a sliding 60 s window; undefined = unlimited. GitHub's are per repository; the
 * emulator's are per service, so every client of one emulator shares them.
 */
export interface LimitsProfile {
  /** Cache-entry creations: twirp CreateCacheEntry, v1 ReserveCache. */
  uploadsPerMinute?: number;
  /**
   * Lookups that hit: twirp GetCacheEntryDownloadURL, v1 GetCacheEntry. A miss downloads nothing
   * and is never refused or counted (a choice: GitHub names the limit "downloads").
   */
  downloadsPerMinute?: number;
}

export interface ServiceProfile {
  /** For logs and reports: 'instant', 'github-like', or a custom name. */
  name?: string;
  latency?: LatencyProfile;
  bandwidth?: BandwidthProfile;
  limits?: LimitsProfile;
}

export type ProfileName = 'instant' | 'github-like';

const MiB = 1024 * 1024;

export const PROFILES: Readonly<Record<ProfileName, Readonly<ServiceProfile>>> = {
  instant: { name: 'instant' },
  'github-like': {
    name: 'github-like',
    // A read hit is 2 requests and a write 3: a per-request mean of ~46 ms puts a hit at ~0.09 s
    // and a write at ~0.14 s, inside the averages sccache reports on hosted runners
    // (hit 0.034–0.317 s, write 0.026–0.451 s).
    latency: { medianMs: 35, p95Ms: 120, seed: 1 },
    // actions/cache@v4 on a GitHub-hosted runner moves a 4 GB archive down in 45 s and up in 33 s
    // (tar and zstd included): ~89 and ~121 MB/s, rounded down.
    bandwidth: { downloadBytesPerSec: 85 * MiB, uploadBytesPerSec: 115 * MiB },
    limits: { uploadsPerMinute: 200, downloadsPerMinute: 1500 },
  },
};

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

/** A preset by name, or a custom profile checked for sense. Throws RangeError otherwise. */
export function resolveProfile(profile: ProfileName | ServiceProfile | undefined): ServiceProfile {
  if (profile === undefined) return PROFILES.instant;
  if (typeof profile === 'string') {
    const preset = PROFILES[profile] as ServiceProfile | undefined;
    if (!preset) throw new RangeError(`unknown service profile ${JSON.stringify(profile)}`);
    return preset;
  }
  const { latency, bandwidth, limits } = profile;
  const bad = (what: string) => new RangeError(`service profile: ${what}`);
  if (latency && !(latency.medianMs >= 0 && latency.p95Ms >= latency.medianMs)) {
    throw bad(`want 0 <= medianMs <= p95Ms, got ${latency.medianMs} and ${latency.p95Ms}`);
  }
  for (const rate of [bandwidth?.downloadBytesPerSec, bandwidth?.uploadBytesPerSec]) {
    if (rate !== undefined && !(rate > 0)) throw bad(`a bandwidth must be > 0 bytes/s, got ${rate}`);
  }
  for (const limit of [limits?.uploadsPerMinute, limits?.downloadsPerMinute]) {
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
      throw bad(`a limit must be a whole number >= 0, got ${limit}`);
    }
  }
  return profile;
}

/** One line for a log: "github-like: latency median 35 ms, p95 120 ms; …". */
export function describeProfile(p: ServiceProfile): string {
  const parts: string[] = [];
  if (p.latency) parts.push(`latency median ${p.latency.medianMs} ms, p95 ${p.latency.p95Ms} ms`);
  const rate = (n: number | undefined) => (n === undefined ? 'unlimited' : `${+(n / MiB).toFixed(1)} MiB/s`);
  if (p.bandwidth) {
    parts.push(
      `blobs down ${rate(p.bandwidth.downloadBytesPerSec)}, up ${rate(p.bandwidth.uploadBytesPerSec)}`,
    );
  }
  const per = (n: number | undefined) => (n === undefined ? 'unlimited' : `${n}/min`);
  if (p.limits) {
    parts.push(`uploads ${per(p.limits.uploadsPerMinute)}, downloads ${per(p.limits.downloadsPerMinute)}`);
  }
  return `${p.name ?? 'custom'}: ${parts.length ? parts.join('; ') : 'no delay, no limit'}`;
}

// ---- latency ----------------------------------------------------------------------------------

/** mulberry32: a small, fast, seeded PRNG; uniform in [0, 1). Enough for test pacing, not crypto. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** z of the 95th percentile of the standard normal. */
const Z95 = 1.6448536269514722;

/** The log-normal through this median and p95: mu = ln(median), sigma = ln(p95/median)/z95. */
export function logNormalParams(latency: LatencyProfile): { mu: number; sigma: number } {
  return { mu: Math.log(latency.medianMs), sigma: Math.log(latency.p95Ms / latency.medianMs) / Z95 };
}

/** Delays in ms, one per call, the same sequence for the same profile and seed. */
export function latencySampler(latency: LatencyProfile | undefined): () => number {
  if (!latency || latency.medianMs <= 0) return () => 0;
  const { mu, sigma } = logNormalParams(latency);
  if (sigma === 0) return () => latency.medianMs;
  const random = mulberry32(latency.seed ?? 1);
  return () => {
    // Box–Muller: two uniforms give one standard normal (1 - u keeps the log's argument in (0, 1]).
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.exp(mu + sigma * z);
  };
}

// ---- bandwidth --------------------------------------------------------------------------------

/** ms to move `bytes` at `bytesPerSec`; 0 when the rate is unlimited (undefined). */
export function transferDelayMs(bytes: number, bytesPerSec: number | undefined): number {
  return bytesPerSec === undefined || bytesPerSec <= 0 || bytes <= 0 ? 0 : (bytes / bytesPerSec) * 1000;
}

/**
 * One direction of the runner's link: transfers share it in arrival order, as parallel blocks of
 * one archive share a runner's bandwidth; a lone transfer takes bytes / rate. The public figures
 * are throughputs of whole archives moved over several connections, so the rate is the link's,
 * not a connection's.
 */
export class Link {
  private busyUntil = 0;
  constructor(readonly bytesPerSec: number | undefined) {}

  /** ms from `now` until a transfer of `bytes` starting now has gone through the link. */
  reserve(now: number, bytes: number): number {
    const took = transferDelayMs(bytes, this.bytesPerSec);
    if (took === 0) return 0;
    this.busyUntil = Math.max(now, this.busyUntil) + took;
    return this.busyUntil - now;
  }
}

// ---- limits -----------------------------------------------------------------------------------

/**
 * A sliding-window limit: the accepted events of the last `windowMs`. `retryAfter` says whether
 * one more is allowed now; the caller `record`s it when it is accepted (a refused request is not
 * an event, so a client that keeps retrying does not extend its own ban).
 */
export class SlidingWindow {
  private readonly times: number[] = [];

  /**
   * undefined when fewer than `limit` events happened in (now - windowMs, now]; else the whole
   * seconds until the oldest leaves the window, for Retry-After: 1 to ceil(windowMs / 1000).
   */
  retryAfter(now: number, limit: number, windowMs: number): number | undefined {
    while (this.times.length && (this.times[0] ?? 0) <= now - windowMs) this.times.shift();
    if (this.times.length < limit) return undefined;
    const oldest = this.times[0] ?? now;
    // Clamped: a clock that stepped back must not ask for more than one window.
    return Math.min(Math.ceil(windowMs / 1000), Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)));
  }

  record(now: number): void {
    this.times.push(now);
  }
}

export const MINUTE_MS = 60_000;
