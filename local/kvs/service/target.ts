import { ItemRef, Namespace } from '../backend/types';
import { validateKey } from '../limits';
import { EntitySchema, lookupEntity } from '../schema';
import { ServiceContext } from './context';

/** A validated address of one item, with its entity schema when it is a custom entity. */
export interface Target {
  ref: ItemRef;
  entity?: EntitySchema;
}

export function resolveTarget(ctx: ServiceContext, ns: Namespace, key: string, entityName?: string): Target {
  if (ns === 'entity') {
    const entity = lookupEntity(ctx.schemas, entityName);
    validateKey(key, 'entity');
    return { ref: { ns, entity: entity.name, key }, entity };
  }
  validateKey(key, 'kvs');
  return { ref: { ns, entity: '', key } };
}

/** Batches and transactions address plain KVS keys and entities in one list. */
export function namespaceOf(item: { entityName?: string }): Namespace {
  return item.entityName === undefined ? 'kvs' : 'entity';
}

/** Identity used for "each key at most once": the same key in two entities is two items. */
export function identityOf(item: { key: string; entityName?: string }): string {
  return `${item.entityName ?? ''}\u0000${item.key}`;
}
