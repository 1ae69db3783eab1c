import { fail } from './errors';

/** Attribute types allowed in manifest.yml `app.storage.entities[].attributes`. */
export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

/** One entry of manifest.yml `app.storage.entities`, as written there. */
export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  indexes?: Array<string | { name: string; range: string[]; partition?: string[] }>;
}

/** `range: null` marks the built-in `by-key` index, whose sort value is the key itself. */
export interface IndexSchema {
  name: string;
  partition: string[];
  range: string | null;
}

export interface EntitySchema {
  name: string;
  attributes: ReadonlyMap<string, AttributeType>;
  indexes: ReadonlyMap<string, IndexSchema>;
}

/** The docs: "Forge automatically creates an index based on each entity's key ... named by-key". */
export const KEY_INDEX = 'by-key';

// Patterns of @forge/manifest's JSON schema (its validator is what `forge lint` runs).
const ENTITY_NAME = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]{3,60}(?<![.])$/;
const ATTRIBUTE_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,29}$/;

/** Rejects manifests the Forge tooling would reject, so a bad schema fails at startup, not in a query. */
export function compileSchemas(definitions: readonly EntityDefinition[]): Map<string, EntitySchema> {
  const result = new Map<string, EntitySchema>();
  if (definitions.length > 20) {
    throw new Error('An app can declare at most 20 entities');
  }
  for (const def of definitions) {
    if (!ENTITY_NAME.test(def.name) || result.has(def.name)) {
      throw new Error(`Invalid or duplicate entity name "${def.name}"`);
    }
    result.set(def.name, compileEntity(def));
  }
  return result;
}

function compileEntity(def: EntityDefinition): EntitySchema {
  const attributes = new Map<string, AttributeType>();
  for (const [name, { type }] of Object.entries(def.attributes)) {
    if (!ATTRIBUTE_NAME.test(name)) {
      throw new Error(`Entity ${def.name}: invalid attribute name "${name}"`);
    }
    attributes.set(name, type);
  }
  if (attributes.size > 50) {
    throw new Error(`Entity ${def.name}: at most 50 attributes`);
  }
  const indexes = new Map<string, IndexSchema>([[KEY_INDEX, { name: KEY_INDEX, partition: [], range: null }]]);
  const declared = def.indexes ?? [];
  if (declared.length > 7) {
    throw new Error(`Entity ${def.name}: at most 7 indexes`);
  }
  for (const entry of declared) {
    const index = typeof entry === 'string' ? { name: entry, partition: [], range: entry } : compileNamed(def.name, entry);
    if (index.name.length === 0 || indexes.has(index.name)) {
      throw new Error(`Entity ${def.name}: invalid or duplicate index name "${index.name}"`);
    }
    for (const attr of [...index.partition, index.range]) {
      const type = attributes.get(attr);
      if (type === undefined || type === 'any') {
        throw new Error(`Entity ${def.name}, index ${index.name}: "${attr}" must be a declared, typed attribute`);
      }
    }
    indexes.set(index.name, index);
  }
  return { name: def.name, attributes, indexes };
}

function compileNamed(entity: string, entry: { name: string; range: string[]; partition?: string[] }): IndexSchema & { range: string } {
  const [range] = entry.range;
  if (range === undefined || entry.range.length !== 1) {
    throw new Error(`Entity ${entity}, index ${entry.name}: range must name exactly one attribute`);
  }
  return { name: entry.name, partition: entry.partition ?? [], range };
}

export function lookupEntity(schemas: ReadonlyMap<string, EntitySchema>, name: string | undefined): EntitySchema {
  const schema = name === undefined ? undefined : schemas.get(name);
  if (!schema) {
    fail('INVALID_ENTITY_TYPE', `Entity "${name ?? ''}" is not declared in the manifest`);
  }
  return schema;
}

export function lookupIndex(entity: EntitySchema, name: string): IndexSchema {
  const index = entity.indexes.get(name);
  if (!index) {
    fail('INVALID_ENTITY_INDEX', `Index "${name}" is not declared on entity "${entity.name}"`);
  }
  return index;
}

/** Stable text of the compiled schemas, stored by the SQLite backend to detect index changes. */
export function schemaFingerprint(schemas: ReadonlyMap<string, EntitySchema>): string {
  const plain = [...schemas.values()].map((s) => ({
    name: s.name,
    indexes: [...s.indexes.values()].map((i) => [i.name, i.partition, i.range]),
  }));
  return JSON.stringify(plain);
}
