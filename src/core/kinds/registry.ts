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


// A settings override names a kind by its id: the compiler names any kind that list lacks.
type Unnamed = Exclude<KindId, (typeof KIND_IDS)[number]>;
export const EVERY_KIND_NAMEABLE: [Unnamed] extends [never] ? true : { missingFromSettingsKindIds: Unnamed } = true;
