// A rollup plugin that drops the indentation of Lit's css`` and html`` templates in the
// widgets' own code, the way minify-html-literals does for Lit apps: terser keeps template
// text as written, and the indentation of styles and templates is a good part of every
// entry. Only static text changes, never what goes into `${…}`.
//   css``  comments removed, whitespace collapsed, and none kept around { } ; , or after :
//   html`` a run of whitespace holding a line break becomes one space (rendered the same:
//          HTML collapses such runs), except in templates with <pre> or <textarea>.
// Styles must not rely on runs of spaces inside quoted strings (`content: 'a  b'`).

import MagicString from 'magic-string';

/** Minifies the static text of a css`` template. */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

/** Minifies the static text of an html`` template. */
export function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

const tags = { css: minifyCss, html: minifyHtml };

/**
 * The edits that minify every css`…` and html`…` in `code`: `[start, end, text]` for each
 * static part. A small scanner: it skips strings and comments inside `${…}` as far as the tsc
 * output needs; templates nested in expressions are found too.
 */
export function templateEdits(code, from = 0, to = code.length, edits = []) {
  const tag = /(?<![\w.$])(css|html) ?`/g;
  tag.lastIndex = from;
  for (let found = tag.exec(code); found && found.index < to; found = tag.exec(code)) {
    const { parts, expressions, end } = readTemplate(code, found.index + found[0].length);
    const keep = found[1] === 'html' && parts.some(([a, b]) => /<(pre|textarea)\b/i.test(code.slice(a, b)));
    if (!keep) for (const [a, b] of parts) edits.push([a, b, tags[found[1]](code.slice(a, b))]);
    for (const [a, b] of expressions) templateEdits(code, a, b, edits);
    tag.lastIndex = end;
  }
  return edits;
}

/** `code` with its templates minified. */
export function minifyTemplates(code) {
  let out = '';
  let at = 0;
  for (const [a, b, text] of templateEdits(code).sort((x, y) => x[0] - y[0])) {
    out += code.slice(at, a) + text;
    at = b;
  }
  return out + code.slice(at);
}

/** Reads a template literal whose text starts at `start`: the ranges of its static parts and of its expressions, and the index after the closing backtick. */
function readTemplate(code, start) {
  const parts = [];
  const expressions = [];
  let from = start;
  let i = start;
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '`') {
      parts.push([from, i]);
      return { parts, expressions, end: i + 1 };
    } else if (c === '$' && code[i + 1] === '{') {
      parts.push([from, i]);
      const end = skipExpression(code, i + 2);
      expressions.push([i + 2, end]);
      i = from = end + 1;
    } else {
      i++;
    }
  }
  throw new Error('minify-templates: unterminated template literal');
}

/** The index of the `}` that closes an expression starting at `i`. */
function skipExpression(code, i) {
  let depth = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '"' || c === "'") {
      i = skipString(code, i);
    } else if (c === '`') {
      i = readTemplate(code, i + 1).end;
    } else if (c === '/' && code[i + 1] === '/') {
      i = code.indexOf('\n', i);
    } else if (c === '/' && code[i + 1] === '*') {
      i = code.indexOf('*/', i) + 2;
    } else {
      if (c === '{') depth++;
      if (c === '}') {
        if (depth === 0) return i;
        depth--;
      }
      i++;
    }
  }
  throw new Error('minify-templates: unterminated expression');
}

function skipString(code, i) {
  const quote = code[i++];
  while (code[i] !== quote) i += code[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** The rollup plugin: the widgets' own modules only (third-party code is left as shipped). */
export default function minifyTemplatesPlugin() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!id.includes('/packages/widgets/dist/') || !/\b(css|html) ?`/.test(code)) return null;
      const edited = new MagicString(code);
      for (const [a, b, text] of templateEdits(code).sort((x, y) => x[0] - y[0])) {
        if (text === '') edited.remove(a, b);
        else if (b > a) edited.overwrite(a, b, text);
      }
      return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
    },
  };
}
