import type { DemoContent, Directory } from '../demo/directory';

/**
 * The part of CQL the app sends, parsed for real: `and`/`or`, parentheses, and the fields
 * `id`, `space`, `label`, `ancestor`, `type` with `=` and `in (...)`. Anything else is an error that
 * names what the local Confluence does not understand, so new queries cannot pass silently.
 */
export type CqlPredicate = (content: DemoContent) => boolean;

type Token = { kind: 'word' | 'string' | 'punct'; value: string };

export function parseCql(cql: string, directory: Directory): CqlPredicate {
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

export function ancestorsOf(content: DemoContent, directory: Directory): string[] {
  const ancestors: string[] = [];
  for (let parent = content.parentId; parent && ancestors.length < 100; parent = directory.content(parent)?.parentId) ancestors.push(parent);
  return ancestors;
}

function tokenize(cql: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:"((?:[^"\\]|\\.)*)"|([(),=])|([A-Za-z0-9_~.-]+))/gy;
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
