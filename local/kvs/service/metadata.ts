import { StoredItem } from '../backend/types';
import { MetadataField } from '../wire';

/** Item as the service returns it: key, value and only the metadata fields that were asked for. */
export interface ItemBody {
  key: string;
  value: unknown;
  entityName?: string;
  createdAt?: number;
  updatedAt?: number;
  expireTime?: string;
}

/**
 * createdAt/updatedAt are epoch milliseconds and expireTime an ISO-8601 string, as in the
 * docs' examples. Metadata is never sent unasked (the docs stress this for EXPIRE_TIME).
 */
export function itemBody(item: StoredItem, fields: readonly MetadataField[] | undefined): ItemBody {
  const body: ItemBody = { key: item.key, value: item.value };
  if (fields?.includes('CREATED_AT')) {
    body.createdAt = item.createdAt;
  }
  if (fields?.includes('UPDATED_AT')) {
    body.updatedAt = item.updatedAt;
  }
  if (fields?.includes('EXPIRE_TIME') && item.expireAt !== undefined) {
    body.expireTime = new Date(item.expireAt).toISOString();
  }
  return body;
}
