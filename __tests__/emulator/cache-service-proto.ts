/**
 * The messages of GitHub's cache service v2 (`github.actions.results.api.v1.CacheService`),
 * declared with @protobuf-ts/runtime's reflection API. Field numbers and names follow
 * actions/toolkit's results/api/v1/cache.proto and results/entities/v1/cache{metadata,scope}.proto.
 *
 * One declaration serves both wire forms the real service speaks: protobuf binary (opendal/sccache,
 * `application/protobuf`) and proto3 JSON (@actions/cache, `application/json`, snake_case names,
 * int64 as strings).
 */
import { LongType, MessageType, RepeatType, ScalarType } from '@protobuf-ts/runtime';

export interface CacheScope {
  scope: string;
  permission: number;
}

export interface CacheMetadata {
  repositoryId: number;
  scope: CacheScope[];
}

export interface CreateCacheEntryRequest {
  metadata?: CacheMetadata;
  key: string;
  version: string;
}

export interface CreateCacheEntryResponse {
  ok: boolean;
  signedUploadUrl: string;
  message: string;
}

export interface FinalizeCacheEntryUploadRequest {
  metadata?: CacheMetadata;
  key: string;
  sizeBytes: number;
  version: string;
}

export interface FinalizeCacheEntryUploadResponse {
  ok: boolean;
  entryId: number;
  message: string;
}

export interface GetCacheEntryDownloadURLRequest {
  metadata?: CacheMetadata;
  key: string;
  restoreKeys: string[];
  version: string;
}

export interface GetCacheEntryDownloadURLResponse {
  ok: boolean;
  signedDownloadUrl: string;
  matchedKey: string;
}

// int64 fields are read into JS numbers: sizes and ids stay far below 2^53 in tests.
const INT64 = { kind: 'scalar', T: ScalarType.INT64, L: LongType.NUMBER } as const;
const STRING = { kind: 'scalar', T: ScalarType.STRING } as const;
const BOOL = { kind: 'scalar', T: ScalarType.BOOL } as const;

export const CacheScope = new MessageType<CacheScope>('github.actions.results.entities.v1.CacheScope', [
  { no: 1, name: 'scope', ...STRING },
  { no: 2, name: 'permission', ...INT64 },
]);

export const CacheMetadata = new MessageType<CacheMetadata>(
  'github.actions.results.entities.v1.CacheMetadata',
  [
    { no: 1, name: 'repository_id', ...INT64 },
    { no: 2, name: 'scope', kind: 'message', repeat: RepeatType.UNPACKED, T: () => CacheScope },
  ],
);

const METADATA = { no: 1, name: 'metadata', kind: 'message', T: () => CacheMetadata } as const;

export const CreateCacheEntryRequest = new MessageType<CreateCacheEntryRequest>(
  'github.actions.results.api.v1.CreateCacheEntryRequest',
  [METADATA, { no: 2, name: 'key', ...STRING }, { no: 3, name: 'version', ...STRING }],
);

export const CreateCacheEntryResponse = new MessageType<CreateCacheEntryResponse>(
  'github.actions.results.api.v1.CreateCacheEntryResponse',
  [
    { no: 1, name: 'ok', ...BOOL },
    { no: 2, name: 'signed_upload_url', ...STRING },
    { no: 3, name: 'message', ...STRING },
  ],
);

export const FinalizeCacheEntryUploadRequest = new MessageType<FinalizeCacheEntryUploadRequest>(
  'github.actions.results.api.v1.FinalizeCacheEntryUploadRequest',
  [
    METADATA,
    { no: 2, name: 'key', ...STRING },
    { no: 3, name: 'size_bytes', ...INT64 },
    { no: 4, name: 'version', ...STRING },
  ],
);

export const FinalizeCacheEntryUploadResponse = new MessageType<FinalizeCacheEntryUploadResponse>(
  'github.actions.results.api.v1.FinalizeCacheEntryUploadResponse',
  [
    { no: 1, name: 'ok', ...BOOL },
    { no: 2, name: 'entry_id', ...INT64 },
    { no: 3, name: 'message', ...STRING },
  ],
);

export const GetCacheEntryDownloadURLRequest = new MessageType<GetCacheEntryDownloadURLRequest>(
  'github.actions.results.api.v1.GetCacheEntryDownloadURLRequest',
  [
    METADATA,
    { no: 2, name: 'key', ...STRING },
    { no: 3, name: 'restore_keys', kind: 'scalar', T: ScalarType.STRING, repeat: RepeatType.UNPACKED },
    { no: 4, name: 'version', ...STRING },
  ],
);

export const GetCacheEntryDownloadURLResponse = new MessageType<GetCacheEntryDownloadURLResponse>(
  'github.actions.results.api.v1.GetCacheEntryDownloadURLResponse',
  [
    { no: 1, name: 'ok', ...BOOL },
    { no: 2, name: 'signed_download_url', ...STRING },
    { no: 3, name: 'matched_key', ...STRING },
  ],
);
