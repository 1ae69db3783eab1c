/**
 * Forge storage limits the app plans around, defined once.
 *
 * - Transactions: "Each transaction can contain a maximum of 25 operations" (Forge docs,
 *   storage-reference/transactions, Limitations).
 * - Batch operations: "Each batch operation can contain a maximum of 25 keys"
 *   (Forge docs, storage-reference/entities-batch, Limitations).
 */
export const MAX_TRANSACTION_OPERATIONS = 25;
export const MAX_BATCH_KEYS = 25;

/** `items` in slices of at most `size` (a batch read, a batch write, a transaction). */
export function slicesOf<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += size) slices.push(items.slice(start, start + size));
  return slices;
}
