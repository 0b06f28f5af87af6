// The build's minifier of Lit templates (scripts/minify-templates.mjs): what it may and may
// not change in the widgets' code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyTemplates } from '../scripts/minify-templates.mjs';

test('styles lose comments and indentation, not what a rule means', () => {
  const code = 'const s = css `\n  /* tokens */\n  :host {\n    color: var(--x, red);\n  }\n  .a :hover,\n  .b > .c { margin: 0 calc(var(--s) * 2); }\n`;';
  assert.equal(minifyTemplates(code), 'const s = css ` :host{color:var(--x,red)}.a :hover,.b > .c{margin:0 calc(var(--s) * 2)}`;');
});

test('templates keep one space where a line break was, and every expression as written', () => {
  const code = 'html `<p class=${a}>\n    ${b ? html`<b>\n  x</b>` : "}"}\n  </p>`';
  assert.equal(minifyTemplates(code), 'html `<p class=${a}> ${b ? html`<b> x</b>` : "}"} </p>`');
});

test('a template with <pre> or <textarea> is left alone, and so are other tagged templates', () => {
  const code = 'html `<textarea>\n  kept\n</textarea>`; sql `select\n  1`; a.css `x\n  y`';
  assert.equal(minifyTemplates(code), code);
});

test('values between expressions keep their separating space', () => {
  assert.equal(minifyTemplates('css `margin: ${a} ${b};`'), 'css `margin:${a} ${b};`');
});
