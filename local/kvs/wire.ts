import { z } from 'zod';
import { fail } from './errors';

/**
 * Request bodies exactly as `@forge/kvs` 1.6.x sends them (see its storage-api.js and
 * interfaces/kvs-api.d.ts). Condition names stay plain strings here so that an unknown one
 * yields the service's INVALID_FILTER_CONDITION instead of a generic BAD_REQUEST.
 */
const metadataField = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
export type MetadataField = z.infer<typeof metadataField>;

const getOptions = z.object({ metadataFields: z.array(metadataField).optional() });
const ttl = z.object({ value: z.number(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
const ttlOptions = z.object({ ttl: ttl.optional() });
const setOptions = ttlOptions.extend({
  keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
  returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
  returnMetadataFields: z.array(metadataField).optional(),
});
export type SetOptions = z.infer<typeof setOptions>;

const clause = z.object({ condition: z.string(), values: z.array(z.unknown()) });
const filterItem = clause.extend({ property: z.string() });
export type FilterItem = z.infer<typeof filterItem>;
const filters = z.object({ and: z.array(filterItem).optional(), or: z.array(filterItem).optional() });
export type Filters = z.infer<typeof filters>;

export const getRequest = z.object({ key: z.string(), entityName: z.string().optional(), options: getOptions.optional() });
export const setRequest = z.object({
  key: z.string(),
  entityName: z.string().optional(),
  value: z.unknown(),
  options: setOptions.optional(),
});
export const deleteRequest = z.object({ key: z.string(), entityName: z.string().optional() });

export const keyQueryRequest = z.object({
  limit: z.number().optional(),
  after: z.string().optional(),
  where: z.array(filterItem).optional(),
  options: getOptions.optional(),
});

export const entityQueryRequest = z.object({
  entityName: z.string(),
  indexName: z.string(),
  partition: z.array(z.unknown()).optional(),
  range: clause.optional(),
  filters: filters.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().optional(),
  options: getOptions.optional(),
});
export type EntityQueryRequest = z.infer<typeof entityQueryRequest>;

const batchSetItem = setRequest.extend({ options: ttlOptions.optional() });
export const batchSetRequest = z.array(batchSetItem);
export const batchGetRequest = z.array(getRequest);
export const batchDeleteRequest = z.array(deleteRequest);

const txSet = batchSetItem.extend({ conditions: filters.optional() });
const txDelete = deleteRequest.extend({ conditions: filters.optional() });
const txCheck = deleteRequest.extend({ conditions: filters });
export const transactionRequest = z.object({
  set: z.array(txSet).optional(),
  delete: z.array(txDelete).optional(),
  check: z.array(txCheck).optional(),
});
export type TransactionRequest = z.infer<typeof transactionRequest>;

/** Parses a JSON body against a schema; any mismatch is the service's BAD_REQUEST. */
export function parseBody<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, text: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail('BAD_REQUEST', 'Request body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail('BAD_REQUEST', `Invalid request body at "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
