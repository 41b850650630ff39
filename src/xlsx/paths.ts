/** Part names inside an OOXML package, resolved the way relationship targets are. */

export function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** Resolves a relationship target against the part that owns the .rels file. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (dirOf(sourcePart) ? dirOf(sourcePart).split('/') : []).concat(target.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export function relsPathOf(part: string): string {
  const d = dirOf(part);
  const base = part.slice(d.length + (d ? 1 : 0));
  return (d ? d + '/' : '') + '_rels/' + base + '.rels';
}

/** A relative target from one part to another, as written in .rels files. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = dirOf(fromPart).split('/').filter(Boolean);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}
