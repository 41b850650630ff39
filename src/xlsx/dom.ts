import { DOMParser, Document, Element, Node, XMLSerializer } from '@xmldom/xmldom';
import { XlsxError } from './errors';

/**
 * The package parts we edit (workbook, its relationships, content types, styles) go through a
 * namespace-aware parser and serializer, never string surgery: whatever prefixes and
 * declarations the producer chose (openpyxl's per-element xmlns:r, an x:-prefixed styles.xml,
 * <numFmts count="0"/>) stay valid XML with the meaning they had.
 */
export function parseDom(xml: string, part: string): Document {
  // OOXML parts have no DTD; one here can only be an entity-expansion or external-entity trick.
  if (/<!DOCTYPE/i.test(xml)) throw new XlsxError('corrupt', `文件内容已损坏 / the workbook is damaged (${part}: a DTD is not allowed)`);
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    throw new XlsxError('corrupt', `文件内容已损坏 / the workbook is damaged (${part}: ${(e as Error).message.split('\n')[0]})`);
  }
}

export function serializeDom(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

export function root(doc: Document): Element {
  return doc.documentElement!;
}

/** Element children with this local name, in the parent's namespace. */
export function childElements(parent: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== Node.ELEMENT_NODE) continue;
    const e = n as Element;
    if (localName === undefined || (e.localName === localName && e.namespaceURI === parent.namespaceURI)) out.push(e);
  }
  return out;
}

export function firstChild(parent: Element, localName: string): Element | null {
  return childElements(parent, localName)[0] ?? null;
}

/** Every descendant element with this local name in the root's namespace. */
export function descendants(doc: Document, localName: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(root(doc).namespaceURI ?? '', localName));
}

/** A new element in the parent document's main namespace, with the root's prefix. */
export function createIn(doc: Document, localName: string, attrs: Record<string, string> = {}): Element {
  const r = root(doc);
  const e = doc.createElementNS(r.namespaceURI, r.prefix ? `${r.prefix}:${localName}` : localName);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/**
 * Inserts `child` into `parent` before the first existing child whose local name is in `before`
 * (the schema's element order), or at the end.
 */
export function insertInOrder(parent: Element, child: Element, before: string[]): void {
  const next = childElements(parent).find((c) => before.includes(c.localName ?? ''));
  parent.insertBefore(child, next ?? null);
}

/**
 * Elements parsed from a fragment written in our own terms (no prefix), moved into the target
 * document's main namespace: the serializer then writes them with the document's own prefix.
 */
export function fragment(doc: Document, xml: string): Element[] {
  const ns = root(doc).namespaceURI ?? '';
  const wrapper = parseDom(`<w xmlns="${ns}">${xml}</w>`, 'fragment');
  return childElements(root(wrapper)).map((e) => doc.importNode(e, true) as Element);
}

/**
 * A canonical form of an element (names by namespace, attributes sorted, no namespace
 * declarations), to tell whether two style records are the same whatever prefixes they use.
 */
export function canonical(e: Element): string {
  const attrs = Array.from(e.attributes)
    .filter((a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:'))
    .map((a) => `${a.namespaceURI ?? ''}|${a.localName}=${a.value}`)
    .sort();
  const kids = childElements(e).map(canonical);
  return `<${e.namespaceURI ?? ''}|${e.localName} ${attrs.join(' ')}>${kids.join('')}</>`;
}
