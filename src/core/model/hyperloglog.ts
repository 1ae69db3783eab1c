/**
 * HyperLogLog sketches of distinct viewers and distinct content over a range: one register per
 * bucket, merged by maximum, so any union of stored days and months is one merge. 4096 registers
 * give a standard error of 1.04/√4096 ≈ 1.6 %. Registers are stored as one character each
 * (rank 0–63), split into 16 shards so that the write path reads and writes only a small slice and two
 * concurrent views rarely raise registers of the same row.
 */
export const HLL_REGISTERS = 4096;
export const HLL_SHARDS = 16;
export const REGISTERS_PER_SHARD = HLL_REGISTERS / HLL_SHARDS;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

export interface SketchSlot { shard: number; offset: number; rank: number }

/** Where an element lands: independent 32-bit hashes for the bucket and for the rank. */
export function sketchSlot(element: string): SketchSlot {
  const bucket = mix(fnv1a(element, 0x811c9dc5)) % HLL_REGISTERS;
  const rankHash = mix(fnv1a(element, 0x01000193 ^ 0x5bd1e995));
  const rank = Math.min(63, Math.clz32(rankHash) + 1);
  return { shard: Math.floor(bucket / REGISTERS_PER_SHARD), offset: bucket % REGISTERS_PER_SHARD, rank };
}

export function emptyShard(): string {
  return ALPHABET[0]!.repeat(REGISTERS_PER_SHARD);
}

/** The shard with the element added, or null when its register is already at least that high. */
export function raiseRegister(registers: string, slot: SketchSlot): string | null {
  const current = ALPHABET.indexOf(registers[slot.offset] ?? '0');
  if (current >= slot.rank) return null;
  return registers.slice(0, slot.offset) + ALPHABET[slot.rank]! + registers.slice(slot.offset + 1);
}

/** Registers of a whole sketch (all shards), merged by maximum over every stored shard given. */
export function mergeShards(shards: Iterable<{ shard: number; registers: string }>, into = new Uint8Array(HLL_REGISTERS)): Uint8Array {
  for (const { shard, registers } of shards) {
    const base = shard * REGISTERS_PER_SHARD;
    for (let offset = 0; offset < REGISTERS_PER_SHARD; offset += 1) {
      const rank = ALPHABET.indexOf(registers[offset] ?? '0');
      if (rank > (into[base + offset] ?? 0)) into[base + offset] = rank;
    }
  }
  return into;
}

export function estimateDistinct(registers: Uint8Array): number {
  const m = registers.length;
  let sum = 0;
  let zeros = 0;
  for (const rank of registers) {
    sum += 2 ** -rank;
    if (rank === 0) zeros += 1;
  }
  const raw = (0.7213 / (1 + 1.079 / m)) * m * m / sum;
  // Small cardinalities: linear counting is far more accurate than the raw estimate.
  if (raw <= 2.5 * m && zeros > 0) return Math.round(m * Math.log(m / zeros));
  return Math.round(raw);
}

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Murmur3's finaliser: FNV alone clusters ids that differ in their last characters. */
function mix(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A shard's registers as stored text (one character per register). */
export function encodeShard(ranks: Uint8Array): string {
  let text = '';
  for (const rank of ranks) text += ALPHABET[rank] ?? '0';
  return text;
}
