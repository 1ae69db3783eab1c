import { kvs } from '@forge/kvs';
import { decode } from './codecs';
import { ENTITY, KEYS } from './keys';

/** One content's all-time row (views, viewers, last view, status), or undefined when never counted. */
export async function getContentStats(contentId: string) {
  const value = await kvs.entity<unknown>(ENTITY.contentStats).get(KEYS.contentStats(contentId));
  return value === undefined ? undefined : decode.contentStats(value);
}
