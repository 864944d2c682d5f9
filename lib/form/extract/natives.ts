/**
 * Built-ins as the engine made them, captured before pdf.js loads (see pdfjs.ts). Imported first
 * there, so this module is evaluated before pdf.js's polyfills run.
 */
const NATIVE = { push: Array.prototype.push, parse: JSON.parse };

/**
 * pdf.js's legacy build (the one for Node) includes core-js, which replaces Array.prototype.push
 * and JSON.parse with JavaScript versions over edge cases that do not matter here (array lengths
 * above 2^32, JSON.parse's source-text proposal). They are several times slower, and pdf.js
 * itself pushes for every glyph, so the parse worker puts the engine's own back.
 */
export function restoreNatives(): void {
  Array.prototype.push = NATIVE.push;
  JSON.parse = NATIVE.parse;
}
