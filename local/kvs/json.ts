/** JSON values as they travel over the wire and are stored. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** UTF-8 size of a string, which is what the service meters and limits. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
