/**
 * What the site's pages preload: the chunks the widget loader (`mfc-cabinet.js`) imports
 * statically, the chunk of every element the page holds (from the build's `manifest.json`),
 * and the chunks those import in turn. Without the hint the browser finds them only once
 * the loader has arrived and run, one round trip per level; with `<link rel="modulepreload">`
 * it fetches them alongside the loader. Other lazy `import()`s are left to load when needed.
 * The lists are read from the build, so they follow every build: they are read again
 * whenever the loader's size or modification time changes.
 */
import { readFile, stat } from 'node:fs/promises';
import { posix, resolve, sep } from 'node:path';

/**
 * The specifiers of the static imports and re-exports at the top of an ES module
 * (`import … from "x"`, `import "x"`, `export … from "x"`), in order. Static imports are
 * hoisted, and bundlers such as rollup write them first, so reading stops at the first
 * other statement; `import(…)` and `import.meta` are code, not imports.
 */
export function leadingStaticImports(source: string): string[] {
  const specifiers: string[] = [];
  let at = 0;
  const skipSpaceAndComments = (): void => {
    for (;;) {
      const rest = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|;)+/.exec(source.slice(at, at + 4096));
      if (!rest) return;
      at += rest[0].length;
    }
  };
  for (;;) {
    skipSpaceAndComments();
    // A statement's head: the keyword, then either a string or bindings up to `from`.
    const head = /^(?:import(?![\w$.(])\s*(?:(?=["'])|[\w$\s,{}*]*?from\s*)|export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[\w$\s,]*\})\s*from\s*)(["'])([^"'\n]*)\1/.exec(
      source.slice(at, at + 4096),
    );
    if (!head) return specifiers;
    specifiers.push(head[2]!);
    at += head[0].length;
    // Import attributes (`with { type: "json" }`) belong to the statement.
    const attributes = /^\s*(?:with|assert)\s*\{[^}]*\}/.exec(source.slice(at, at + 1024));
    if (attributes) at += attributes[0].length;
  }
}

export class ModulePreloads {
  readonly #root: string;
  readonly #entry: string;
  readonly #urlPrefix: string;
  #cached: { version: string; elements: Promise<Record<string, string>>; lists: Map<string, Promise<string[]>> } | undefined;

  /**
   * @param root the folder of the bundles (WIDGETS_DIR)
   * @param entry the loader's path in it
   * @param urlPrefix the URL path the folder is served at, ending with `/`
   */
  constructor(root: string, entry = 'mfc-cabinet.js', urlPrefix = '/mfc-cabinet/') {
    this.#root = resolve(root);
    this.#entry = entry;
    this.#urlPrefix = urlPrefix;
  }

  /**
   * The URL paths to preload for a page (its HTML, for the `mfc-` elements it holds), nearest
   * imports first; empty when the loader is not built.
   */
  async urls(page = ''): Promise<string[]> {
    let version: string;
    try {
      const stats = await stat(resolve(this.#root, this.#entry));
      version = `${stats.size}-${stats.mtimeMs}-${stats.ino}`;
    } catch {
      return [];
    }
    if (this.#cached?.version !== version) this.#cached = { version, elements: this.#readManifest(), lists: new Map() };
    const cached = this.#cached;
    const elements = await cached.elements;
    const tags = new Set([...page.matchAll(/<(mfc-[a-z0-9-]+)/g)].map((match) => match[1]!));
    const chunks = [...new Set([...tags].map((tag) => elements[tag]).filter((file): file is string => typeof file === 'string' && file !== this.#entry))];
    const key = chunks.join(' ');
    let list = cached.lists.get(key);
    if (!list) cached.lists.set(key, (list = this.#read(chunks).catch(() => [])));
    return list;
  }

  /** The file of each element, from the build's `manifest.json` (none without one). */
  async #readManifest(): Promise<Record<string, string>> {
    try {
      const manifest = JSON.parse(await readFile(resolve(this.#root, 'manifest.json'), 'utf8')) as { elements?: Record<string, string> };
      return manifest.elements ?? {};
    } catch {
      return {};
    }
  }

  /** `chunks` and the modules reachable from the loader and from them through static imports, breadth first. */
  async #read(chunks: readonly string[]): Promise<string[]> {
    const seen = new Set<string>([this.#entry, ...chunks]);
    const found: string[] = [...chunks];
    let level = [this.#entry, ...chunks];
    while (level.length > 0) {
      const next: string[] = [];
      for (const module of level) {
        let source: string;
        try {
          source = await readFile(resolve(this.#root, module), 'utf8');
        } catch {
          continue;
        }
        for (const specifier of leadingStaticImports(source)) {
          // Only relative imports of files of the folder: bare names and URLs are someone else's.
          if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
          const path = posix.normalize(posix.join(posix.dirname(module), specifier.split(/[?#]/)[0]!));
          if (path.startsWith('../') || seen.has(path)) continue;
          if (!resolve(this.#root, path).startsWith(this.#root + sep)) continue;
          seen.add(path);
          found.push(path);
          next.push(path);
        }
      }
      level = next;
    }
    return found.map((path) => this.#urlPrefix + path);
  }
}
