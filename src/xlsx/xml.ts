import { SaxesParser, SaxesTagPlain } from 'saxes';

/** Text safe inside XML: escaped, and without the control characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export interface SaxHandlers {
  open?(tag: SaxesTagPlain): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Runs saxes over a whole part; a malformed part becomes an Error with the part's name. */
export function parseXml(xml: string, handlers: SaxHandlers, part: string): void {
  const p = new SaxesParser({ xmlns: false, position: false });
  let error: Error | null = null;
  p.on('error', (e) => {
    error ??= new Error(`${part}: ${e.message}`);
  });
  if (handlers.open) p.on('opentag', handlers.open);
  if (handlers.close) p.on('closetag', (t) => handlers.close!(t.name));
  if (handlers.text) {
    p.on('text', handlers.text);
    p.on('cdata', handlers.text);
  }
  p.write(xml).close();
  if (error) throw error;
}

/** The local name of a possibly prefixed tag (x:row → row). */
export function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Attributes of every element with the given local name, for small parts (workbook, rels). */
export function elements(xml: string, name: string, part: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  parseXml(xml, { open: (t) => local(t.name) === name && out.push(t.attributes as Record<string, string>) }, part);
  return out;
}
