import { aidKind } from './aid';
import { ballotKind } from './ballot';
import { responsibilityKind } from './responsibility';

/**
 * Every workbook kind, in the order detection breaks ties and tabs and JSON sections appear.
 * Adding a kind: its folder, and one entry here (see src/core/kind.ts).
 */
export const KINDS = [responsibilityKind, aidKind, ballotKind] as const;

export type KindId = (typeof KINDS)[number]['id'];
