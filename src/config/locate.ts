/**
 * The config text parsed with `yaml` (JSON is read the same way: JSON is YAML), keeping node
 * positions so that a key path such as `principals.0.connects.1` can be turned into a line.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { ConfigPath } from './cross-check.js';
import { nth } from '../indexed.js';

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

export class ConfigDocument {
  private constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  static parse(text: string): { document: ConfigDocument; syntaxErrors: SyntaxProblem[] } {
    const lines = new LineCounter();
    // prettyErrors off: we print our own `line:column`, without yaml's code excerpt. logLevel
    // 'error': yaml would otherwise print warnings (e.g. a mapping used as a key) to stderr itself.
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    const syntaxErrors = doc.errors.map((e) => {
      const { line, col } = lines.linePos(e.pos[0]);
      return { line, column: col, message: nth(e.message.split('\n'), 0) };
    });
    return { document: new ConfigDocument(doc, lines), syntaxErrors };
  }

  /** The plain value (objects, arrays, scalars); aliases are expanded, within yaml's alias limit. */
  toJS(): unknown {
    return this.doc.toJS({ maxAliasCount: 100 });
  }

  /**
   * Line of the deepest node on `path`: the key of a mapping entry, or the item of a list. A path
   * that goes further than the document (a missing key) stops at its deepest existing parent.
   */
  lineOf(path: ConfigPath): number {
    let node: unknown = this.doc.contents;
    let line = this.lineAt(node) ?? 1;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(this.doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(segment));
        if (!pair) break;
        line = this.lineAt(pair.key) ?? this.lineAt(pair.value) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        line = this.lineAt(item) ?? line;
        node = item;
      } else break;
    }
    return line;
  }

  private lineAt(node: unknown): number | undefined {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.lines.linePos(range[0]).line : undefined;
  }
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
