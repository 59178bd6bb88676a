/**
 * Where JSON text first goes wrong, as a character offset. Node 20's JSON.parse names the offending
 * token but often not its position ("Unexpected token 'o', …"), and a user needs a line to look at.
 * A small RFC 8259 recogniser: it only locates the error, JSON.parse still does the parsing.
 */

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE_RE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class Stop {
  constructor(readonly at: number) {}
}

export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const ws = (): void => {
    while (i < text.length && WS.has(text[i]!)) i += 1;
  };
  const literal = (word: string): void => {
    for (const c of word) {
      if (text[i] !== c) fail();
      i += 1;
    }
  };
  const string = (): void => {
    i += 1;
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') fail();
      if (c === '"') {
        i += 1;
        return;
      }
      if (c === '\\') {
        ESCAPE_RE.lastIndex = i;
        if (!ESCAPE_RE.test(text)) fail();
        i = ESCAPE_RE.lastIndex;
      } else i += 1;
    }
  };
  const sequence = (close: string, item: () => void): void => {
    i += 1;
    ws();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (;;) {
      item();
      ws();
      if (text[i] === close) {
        i += 1;
        return;
      }
      if (text[i] !== ',') fail();
      i += 1;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      sequence('}', () => {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i += 1;
        value();
      });
    } else if (c === '[') sequence(']', value);
    else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      NUMBER_RE.lastIndex = i;
      if (!NUMBER_RE.test(text)) fail();
      i = NUMBER_RE.lastIndex;
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : undefined;
  } catch (e) {
    if (e instanceof Stop) return e.at;
    throw e;
  }
}
