/**
 * A small evaluator for the Salesforce formula subset Baton's validation rule uses (AND, OR, NOT,
 * ISBLANK, REGEX, ISNEW, ISCHANGED, field and $Permission references, string literals), so tests
 * can run the generated rule on sample records. REGEX is Java's full match; Java and JavaScript
 * agree on the constructs Baton emits (classes, ranges, alternation, (?:), lookahead, (?iu)).
 */

export interface FormulaRecord {
  fields: Record<string, string | boolean | null>;
  isNew: boolean;
  changed: ReadonlySet<string>;
  permissions?: ReadonlySet<string>;
}

type Node =
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'ref'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'bool'; value: boolean };

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')' || c === ',') tokens.push(source[i++]!);
    else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (source[j] !== '"') {
        if (j >= source.length) throw new Error('unterminated string literal');
        if (source[j] === '\\') {
          const next = source[j + 1];
          if (next !== '\\' && next !== '"') throw new Error(`unknown escape \\${next} in a formula string`);
          text += next;
          j += 2;
        } else text += source[j++];
      }
      tokens.push(`"${text}`); // a leading quote marks a string token
      i = j + 1;
    } else {
      const m = /^[$A-Za-z_][$\w.]*/.exec(source.slice(i));
      if (!m) throw new Error(`unexpected ${JSON.stringify(c)} at ${i}`);
      tokens.push(m[0]);
      i += m[0].length;
    }
  }
  return tokens;
}

export function parseFormula(source: string): Node {
  const tokens = tokenize(source);
  let pos = 0;
  const expr = (): Node => {
    const t = tokens[pos++];
    if (t === undefined) throw new Error('unexpected end of formula');
    if (t.startsWith('"')) return { kind: 'string', value: t.slice(1) };
    if (t === 'TRUE' || t === 'FALSE') return { kind: 'bool', value: t === 'TRUE' };
    if (tokens[pos] !== '(') return { kind: 'ref', name: t };
    pos++;
    const args: Node[] = [];
    while (tokens[pos] !== ')') {
      args.push(expr());
      if (tokens[pos] === ',') pos++;
      else if (tokens[pos] !== ')') throw new Error(`expected , or ) after an argument of ${t}`);
    }
    pos++;
    return { kind: 'call', name: t, args };
  };
  const node = expr();
  if (pos !== tokens.length) throw new Error(`trailing tokens: ${tokens.slice(pos).join(' ')}`);
  return node;
}

/** Java full-match REGEX in JavaScript: a leading (?iu) becomes flags, the rest is anchored. */
export function javaFullMatch(text: string, pattern: string): boolean {
  const flags = /^\(\?([a-z]+)\)/.exec(pattern);
  const body = flags ? pattern.slice(flags[0].length) : pattern;
  const js = new Set(['u', ...(flags?.[1] ?? '')]);
  return new RegExp(`^(?:${body})$`, [...js].join('')).test(text);
}

function evaluate(node: Node, record: FormulaRecord): string | boolean | null {
  switch (node.kind) {
    case 'string':
    case 'bool':
      return node.value;
    case 'ref': {
      if (node.name.startsWith('$Permission.')) return record.permissions?.has(node.name.slice(12)) ?? false;
      if (!(node.name in record.fields)) throw new Error(`the record has no field ${node.name}`);
      return record.fields[node.name]!;
    }
    case 'call': {
      const arg = (i: number) => evaluate(node.args[i]!, record);
      switch (node.name) {
        case 'AND':
          return node.args.every((_, i) => arg(i) === true);
        case 'OR':
          return node.args.some((_, i) => arg(i) === true);
        case 'NOT':
          return arg(0) !== true;
        case 'ISBLANK': {
          const v = arg(0);
          return v === null || v === '';
        }
        case 'REGEX':
          return javaFullMatch(String(arg(0) ?? ''), String(arg(1)));
        case 'ISNEW':
          return record.isNew;
        case 'ISCHANGED': {
          const ref = node.args[0];
          if (ref?.kind !== 'ref') throw new Error('ISCHANGED takes a field');
          return record.changed.has(ref.name);
        }
        default:
          throw new Error(`the evaluator does not know ${node.name}()`);
      }
    }
  }
}

export function evaluateFormula(source: string, record: FormulaRecord): boolean {
  const result = evaluate(parseFormula(source), record);
  if (typeof result !== 'boolean') throw new Error('a validation rule formula must be boolean');
  return result;
}
