import type { KIND_IDS } from '../settings';
import { aidKind } from './aid';
import { ballotKind } from './ballot';
import { responsibilityKind } from './responsibility';

/**
 * Every workbook kind, in the order detection breaks ties and tabs and JSON sections appear.
 * Adding a kind: its folder, and one entry here (see src/core/kind.ts).
 */
export const KINDS = [responsibilityKind, aidKind, ballotKind] as const;

export type Kinds = typeof KINDS;
export type KindId = Kinds[number]['id'];


/** The kinds of `Ks` a settings override cannot name (never, when settings.ts lists them all). */
export type Unnameable<Ks extends readonly { id: string }[]> = Exclude<Ks[number]['id'], (typeof KIND_IDS)[number]>;
// A settings override names a kind by its id: the compiler names any kind KIND_IDS lacks.
export const EVERY_KIND_NAMEABLE: [Unnameable<Kinds>] extends [never] ? true : { missingFromSettingsKindIds: Unnameable<Kinds> } = true;
