// SHA-256 sums of official sccache release archives, committed here so that an install is checked
// against a source other than the release itself (each sum seen in public sources that publish
// sccache's release checksums; 0.16.0's in two that agree).
export const RELEASE_SHA256: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '0.15.0': {
    'x86_64-unknown-linux-musl': 'fcfae9d4f44c5ad74b73953bc052d385ec08f437f3c02f3be10590b863503359',
    'aarch64-unknown-linux-musl': '04228c3a61a6f900bd47185e8261d1948e0aa840769b2e7795bb817644454d2e',
    'x86_64-apple-darwin': '1146246631ae45e7c160bb2b6b7f7b9f0d791ad8c3304696747a2770ac493db5',
    'aarch64-apple-darwin': 'c7f3b91e0f6343b6188451a77f47840d7c01ad64d9f61493c0516eaef3b718e1',
    'x86_64-pc-windows-msvc': 'e68e38e5b548f015dfc47c76d6cfbe67a610034408961f2b8693828b728999f8',
    'aarch64-pc-windows-msvc': 'bfec9460a2addaedda12d94ee54cdd1871cfdde213c6559ff5764571c9574942',
  },
  '0.16.0': {
    'x86_64-unknown-linux-musl': 'aec995a83ad3dff3d14b6314e08858b7b73d35ca85a5bcf3d3a9ec07dee35588',
    'aarch64-unknown-linux-musl': 'f73a5c39f96bb6ebb89cc7915cf182260d4cbf30765322c5e793d0fe8bd80784',
  },
};

/** The release target triple for this runner, as sccache names its archives. */
export function releaseTarget(platform: NodeJS.Platform, arch: string): string | undefined {
  const cpu = arch === 'x64' ? 'x86_64' : arch === 'arm64' ? 'aarch64' : undefined;
  if (!cpu) return undefined;
  if (platform === 'linux') return `${cpu}-unknown-linux-musl`;
  if (platform === 'darwin') return `${cpu}-apple-darwin`;
  if (platform === 'win32') return `${cpu}-pc-windows-msvc`;
  return undefined;
}
