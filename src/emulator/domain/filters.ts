import { badRequest } from './errors.js';
import type { StoredEvent } from './store.js';

/**
 * Single-value extended properties in queries (MGDC:api-reference/v1.0/resources/extended-properties-overview.md,
 * singlevaluelegacyextendedproperty-get.md): `$expand=singleValueExtendedProperties($filter=id eq '…')` and
 * `$filter=singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')`.
 * "Filtering the string name (Name) in the id ... is case-sensitive. Filtering the value ... is
 * case-insensitive." The type and GUID parts of an id are not names and compare case-insensitively.
 */

const NAMED_ID = /^(\S+)\s+\{([0-9a-f-]+)\}\s+name\s+(.+)$/i;

export function sameExtendedPropertyId(a: string, b: string): boolean {
  const ma = NAMED_ID.exec(a.trim());
  const mb = NAMED_ID.exec(b.trim());
  if (ma && mb) {
    return ma[1]!.toLowerCase() === mb[1]!.toLowerCase() && ma[2]!.toLowerCase() === mb[2]!.toLowerCase() && ma[3] === mb[3];
  }
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** An OData string literal: '…' with '' for a quote. */
const LITERAL = "'((?:[^']|'')*)'";
const unquote = (s: string): string => s.replace(/''/g, "'");

/** `singleValueExtendedProperties($filter=id eq '…')` from $expand; undefined when not asked for. */
export function parseExtendedExpand(expand: string | undefined): ((id: string) => boolean) | undefined {
  if (expand === undefined) return undefined;
  const m = new RegExp(`^\\s*singleValueExtendedProperties\\(\\s*\\$filter\\s*=\\s*id\\s+eq\\s+${LITERAL}\\s*\\)\\s*$`, 'i').exec(expand);
  if (!m) {
    // "You cannot use the REST API to get all the extended properties of a specific instance in one call."
    throw badRequest(`Parsing OData Select and Expand failed: '${expand}' is not supported.`);
  }
  const wanted = unquote(m[1]!);
  return (id) => sameExtendedPropertyId(id, wanted);
}

type ValueTest = (value: string) => boolean;

function valueClause(clause: string, v: string): ValueTest | undefined {
  const cmp = new RegExp(`^${v}/value\\s+(eq|ne)\\s+${LITERAL}$`, 'i').exec(clause);
  if (cmp) {
    const want = unquote(cmp[2]!).toLowerCase();
    return cmp[1]!.toLowerCase() === 'eq' ? (x) => x.toLowerCase() === want : (x) => x.toLowerCase() !== want;
  }
  const fn = new RegExp(`^(contains|startswith)\\(\\s*${v}/value\\s*,\\s*${LITERAL}\\s*\\)$`, 'i').exec(clause);
  if (fn) {
    const want = unquote(fn[2]!).toLowerCase();
    return fn[1]!.toLowerCase() === 'contains' ? (x) => x.toLowerCase().includes(want) : (x) => x.toLowerCase().startsWith(want);
  }
  return undefined;
}

/** A $filter on /events, as a predicate over stored events. Only the extended-property form is supported. */
export function parseEventFilter(filter: string | undefined): ((e: StoredEvent) => boolean) | undefined {
  if (filter === undefined) return undefined;
  const outer = /^\s*singleValueExtendedProperties\/any\(\s*(\w+)\s*:\s*(.+)\)\s*$/i.exec(filter);
  if (!outer) throw badRequest(`Invalid filter clause: '${filter}' is not supported by this emulator.`, 'ErrorInvalidUrlQueryFilter');
  const v = outer[1]!;
  const clauses = outer[2]!.split(/\s+and\s+(?=(?:[^']*'[^']*')*[^']*$)/i).map((c) => c.trim());
  let idWanted: string | undefined;
  const tests: ValueTest[] = [];
  for (const clause of clauses) {
    const id = new RegExp(`^${v}/id\\s+eq\\s+${LITERAL}$`, 'i').exec(clause);
    const test = id ? undefined : valueClause(clause, v);
    if (id) idWanted = unquote(id[1]!);
    else if (test) tests.push(test);
    else throw badRequest(`Invalid filter clause: '${clause}'.`, 'ErrorInvalidUrlQueryFilter');
  }
  if (idWanted === undefined) throw badRequest('An extended property filter must name the property id.', 'ErrorInvalidUrlQueryFilter');
  const wanted = idWanted;
  return (e) =>
    [...e.extendedProperties].some(([id, value]) => sameExtendedPropertyId(id, wanted) && tests.every((t) => t(value)));
}
