import { createHash } from 'node:crypto';
import { pseudonymFor } from '../privacy/index';
import { SEARCH_TOTAL_SHARDS } from '../core/model/search-rows';
import { totalShardOf } from './rules/search-write-plan';

/**
 * The ids a search is stored under. None is an account id: the searcher is a pseudonym of the day
 * (an HMAC under a salt that expires after two days, src/privacy/pseudonyms.ts), and so is the mark
 * of a searcher and query; a query is known by a SHA-256 of its normalised text, kept only with
 * that text (while "record query text" is on).
 */
export async function searcherOf(accountId: string, at: number): Promise<string> {
  return pseudonymFor(`search|${accountId}`, at);
}

export async function markOf(searcher: { kind: 'user'; accountId: string } | { kind: 'anonymous' }, query: string, at: number): Promise<{ mark: string; shard: number }> {
  const who = searcher.kind === 'user' ? `user|${searcher.accountId}` : 'anonymous';
  const mark = await pseudonymFor(`mark|${who}|${query}`, at);
  return { mark, shard: totalShardOf(mark, SEARCH_TOTAL_SHARDS) };
}

export function queryIdOf(normalised: string): string {
  return createHash('sha256').update(normalised).digest('base64url').slice(0, 22);
}
