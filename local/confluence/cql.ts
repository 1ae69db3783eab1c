import type { DemoContent, Directory } from '../demo/directory';
import type { ContentPropertyStore } from './content-properties';

/**
 * The part of CQL the app sends, parsed for real: `and`/`or`, parentheses, and the fields
 * `id`, `space`, `label`, `ancestor`, `type` with `=` and `in (...)`, and the fields the manifest's
 * `confluence:contentProperty` modules index (by `searchAlias`, or `content.property[key].path`) with
 * `=`, `!=`, `<`, `<=`, `>`, `>=` on numbers and dates (`"2026-01-31"`, `now("-365d")`). Anything else
 * is an error that names what the local Confluence does not understand, so new queries cannot pass silently.
 */
export type CqlPredicate = (content: DemoContent) => boolean;

type Token = { kind: 'word' | 'string' | 'punct'; value: string };

export function parseCql(cql: string, directory: Directory, properties?: ContentPropertyStore, now: number = Date.now()): CqlPredicate {
  const tokens = tokenize(cql);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const next = (): Token => {
    const token = tokens[position++];
    if (!token) throw new CqlError(`unexpected end of CQL: ${cql}`);
    return token;
  };
  const isWord = (word: string): boolean => peek()?.kind === 'word' && peek()!.value.toLowerCase() === word;

  const expression = (): CqlPredicate => {
    let left = term();
    while (isWord('or')) {
      next();
      const right = term();
      const l = left;
      left = (c) => l(c) || right(c);
    }
    return left;
  };
  const term = (): CqlPredicate => {
    let left = factor();
    while (isWord('and')) {
      next();
      const right = factor();
      const l = left;
      left = (c) => l(c) && right(c);
    }
    return left;
  };
  const factor = (): CqlPredicate => {
    const token = next();
    if (token.kind === 'punct' && token.value === '(') {
      const inner = expression();
      expect(')');
      return inner;
    }
    if (token.kind !== 'word') throw new CqlError(`expected a field, got ${token.value}`);
    const property = properties ? propertyField(token.value, properties) : null;
    if (property && properties) {
      const operator = next();
      if (operator.kind !== 'punct' || !COMPARISONS.has(operator.value)) throw new CqlError(`the local Confluence compares indexed properties with ${[...COMPARISONS].join(' ')}, not ${operator.value}`);
      const literal = comparedValue();
      return (c) => compareIndexed(properties.indexedValue(c.id, property), operator.value, literal);
    }
    const field = token.value.toLowerCase();
    const operator = next();
    let values: string[];
    if (operator.kind === 'punct' && operator.value === '=') values = [value()];
    else if (operator.kind === 'word' && operator.value.toLowerCase() === 'in') {
      expect('(');
      values = [];
      while (!(peek()?.kind === 'punct' && peek()!.value === ')')) {
        values.push(value());
        if (peek()?.kind === 'punct' && peek()!.value === ',') next();
      }
      expect(')');
    } else throw new CqlError(`the local Confluence understands only "=" and "in", not ${operator.value}`);
    return fieldPredicate(field, values, directory);
  };
  /** A number, a quoted date, or `now("-365d")` (CQL's relative date). */
  const comparedValue = (): string | number => {
    const token = next();
    if (token.kind === 'word' && token.value.toLowerCase() === 'now') {
      expect('(');
      const offset = peek()?.kind === 'string' ? next().value : '';
      expect(')');
      return now + relativeOffset(offset);
    }
    if (token.kind === 'punct') throw new CqlError(`expected a value, got ${token.value}`);
    return token.kind === 'word' && /^-?\d+(\.\d+)?$/.test(token.value) ? Number(token.value) : token.value;
  };
  const value = (): string => {
    const token = next();
    if (token.kind === 'punct') throw new CqlError(`expected a value, got ${token.value}`);
    return token.value;
  };
  const expect = (punct: string): void => {
    const token = next();
    if (token.kind !== 'punct' || token.value !== punct) throw new CqlError(`expected ${punct}, got ${token.value}`);
  };

  const predicate = expression();
  if (position < tokens.length) throw new CqlError(`unexpected ${tokens[position]!.value} in CQL: ${cql}`);
  return predicate;
}

function fieldPredicate(field: string, values: string[], directory: Directory): CqlPredicate {
  switch (field) {
    case 'id':
      return (c) => values.includes(c.id);
    case 'space':
      return (c) => values.includes(c.spaceKey);
    case 'type':
      return (c) => values.includes(c.type);
    case 'label':
      return (c) => (c.labels ?? []).some((label) => values.includes(label));
    case 'ancestor':
      return (c) => ancestorsOf(c, directory).some((id) => values.includes(id));
    default:
      throw new CqlError(`the local Confluence does not know the CQL field "${field}"`);
  }
}

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);

type PropertyField = { alias: string } | { propertyKey: string; path: string };

function propertyField(word: string, properties: ContentPropertyStore): PropertyField | null {
  const path = /^content\.property\[([A-Za-z0-9_]+)\]\.([A-Za-z0-9_.]+)$/.exec(word);
  if (path) {
    if (!properties.isIndexedPath(path[1]!, path[2]!)) throw new CqlError(`content.property[${path[1]}].${path[2]} is not indexed by a confluence:contentProperty module`);
    return { propertyKey: path[1]!, path: path[2]! };
  }
  return properties.isIndexedAlias(word) ? { alias: word } : null;
}

/** `-365d`, `+2w`, `-12h`, `-1y`, `-3M`, `-30m` (CQL's relative dates), in milliseconds. */
function relativeOffset(text: string): number {
  if (text.trim() === '') return 0;
  const match = /^\s*([+-]?)(\d+)\s*([yMwdhm])\s*$/.exec(text);
  if (!match) throw new CqlError(`cannot read the relative date "${text}"`);
  const unit = { y: 365 * 86_400_000, M: 30 * 86_400_000, w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 }[match[3] as 'y' | 'M' | 'w' | 'd' | 'h' | 'm'];
  return (match[1] === '-' ? -1 : 1) * Number(match[2]) * unit;
}

/** Content without the field never matches (as a search index has nothing to compare). */
function compareIndexed(field: { type: string; value: unknown } | undefined, operator: string, literal: string | number): boolean {
  if (!field || field.value === undefined || field.value === null) return false;
  let left: number;
  let right: number;
  if (field.type === 'number') {
    if (typeof field.value !== 'number') return false;
    left = field.value;
    right = typeof literal === 'number' ? literal : Number(literal);
  } else if (field.type === 'date') {
    left = typeof field.value === 'string' ? Date.parse(field.value) : NaN;
    right = typeof literal === 'number' ? literal : Date.parse(literal);
  } else {
    const equal = String(field.value) === String(literal);
    if (operator === '=') return equal;
    if (operator === '!=') return !equal;
    throw new CqlError(`the local Confluence compares ${field.type} fields with = and != only`);
  }
  if (Number.isNaN(left) || Number.isNaN(right)) return false;
  switch (operator) {
    case '=': return left === right;
    case '!=': return left !== right;
    case '<': return left < right;
    case '<=': return left <= right;
    case '>': return left > right;
    default: return left >= right;
  }
}

export function ancestorsOf(content: DemoContent, directory: Directory): string[] {
  const ancestors: string[] = [];
  for (let parent = content.parentId; parent && ancestors.length < 100; parent = directory.content(parent)?.parentId) ancestors.push(parent);
  return ancestors;
}

function tokenize(cql: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|(<=|>=|!=|[(),=<>])|(content\.property\[[A-Za-z0-9_]+\]\.[A-Za-z0-9_.]+|[A-Za-z0-9_~.-]+))/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < cql.length && (match = pattern.exec(cql)) !== null) {
    if (match[1] !== undefined) tokens.push({ kind: 'string', value: match[1].replace(/\\(.)/g, '$1') });
    else if (match[2] !== undefined) tokens.push({ kind: 'punct', value: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'word', value: match[3] });
  }
  if (cql.slice(pattern.lastIndex).trim() !== '') throw new CqlError(`cannot read CQL from: ${cql.slice(pattern.lastIndex)}`);
  return tokens;
}

export class CqlError extends Error {}
