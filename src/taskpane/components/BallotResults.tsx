import { Badge, Text } from '@fluentui/react-components';
import type { BallotJson } from '../../core/kinds/ballot/json';
import { choiceColors, weightsText } from '../../core/kinds/ballot/tabs';
import type { Lang } from '../../core/messages';
import type { Texts } from '../i18n';
import { pct } from '../format';

const num = { fontVariantNumeric: 'tabular-nums' } as const;
/** A label and its figure never split across lines; the pairs wrap as wholes at 320 px. */
const pair = { whiteSpace: 'nowrap' } as const;
const line = { display: 'flex', flexWrap: 'wrap', columnGap: 12, rowGap: 0, fontSize: 14, marginTop: 2 } as const;

/** The grade's colour: the best choice green, the worst red, those between in between. */
function gradeColor(choices: string[], grade: string | null): 'success' | 'informative' | 'warning' | 'danger' | 'subtle' {
  const i = grade === null ? -1 : choices.indexOf(grade);
  if (i < 0) return 'subtle';
  if (i === 0) return 'success';
  if (i === choices.length - 1) return 'danger';
  return i === 1 ? 'informative' : 'warning';
}

/** The marks of the grade item (or of every item, pooled) per choice. */
function gradeCounts(ballot: BallotJson, p: BallotJson['persons'][number]): number[] {
  const items = ballot.gradeItem ? [ballot.gradeItem] : ballot.items;
  return ballot.choices.map((c) => items.reduce((n, item) => n + (p.counts[item]?.[c] ?? 0), 0));
}

/** A bar split by choice, as in 测评汇总's chart; its words are in the counts line beside it. */
function MarksBar({ counts, colors }: { counts: number[]; colors: string[] }) {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  return (
    <div aria-hidden="true" style={{ display: 'flex', height: 8, borderRadius: 4, overflow: 'hidden', margin: '6px 0 2px', background: 'var(--colorNeutralBackground3)' }}>
      {counts.map((n, i) => (n > 0 ? <div key={i} style={{ width: `${(n / total) * 100}%`, background: colors[i] }} /> : null))}
    </div>
  );
}

/**
 * The ballot result as 测评汇总 has it: who came and voted, who is to be interviewed, and one
 * card per person in rank order (rank, grade, rates, the grade item's marks as a bar). Cards,
 * not a table: a 320 px pane has no room for four counts and two rates side by side.
 */
export function BallotResults({ t, lang, ballot }: { t: Texts; lang: Lang; ballot: BallotJson | null }) {
  if (!ballot) return <Text>{t.noBallot}</Text>;
  const b = t.ballot;
  const { choices } = ballot;
  // Good to bad, as 测评汇总's chart colours them.
  const colors = choiceColors(choices.length).map((c) => `#${c}`);
  const interviews = ballot.persons.filter((p) => p.interview);
  return (
    <div>
      <Text block weight="semibold" size={300}>
        {b.headline(ballot.persons.length, ballot.present, ballot.cast, ballot.blank)}
      </Text>
      <Text block size={200}>
        {ballot.gradeItem ? b.gradeFrom(ballot.gradeItem) : b.pooled}
        {ballot.groups.length > 0 && b.weighted(weightsText(ballot.groups, lang))}
      </Text>
      {(ballot.problems ?? []).map((p) => (
        <Text key={p} block size={300} role="note" style={{ color: 'var(--colorPaletteRedForeground1)' }}>
          {p}
        </Text>
      ))}
      <section aria-label={b.interviews} style={{ margin: '8px 0', padding: '6px 10px', borderRadius: 6, border: '1px solid var(--colorNeutralStroke2)', background: interviews.length ? 'var(--colorPaletteRedBackground1)' : undefined }}>
        <Text weight="semibold" block>
          {b.interviewsTitle(interviews.length)}
        </Text>
        {interviews.length > 0 && (
          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
            {interviews.map((p) => (
              <li key={`${p.person}\u0000${p.unit}`} style={{ fontSize: 14 }}>
                <b>{p.person}</b>
                {b.unitAndGrade(p.unit, p.grade ?? '—')}
                {p.downItems.length > 0 && (
                  <Text block size={200}>
                    {b.downItems(p.downItems)}
                  </Text>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ul aria-label={t.tabs.ballot} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 8 }}>
        {ballot.persons.map((p) => {
          const counts = gradeCounts(ballot, p);
          return (
            <li key={`${p.person}\u0000${p.unit}`} aria-label={`${p.person} ${p.unit}`} style={{ border: '1px solid var(--colorNeutralStroke2)', borderRadius: 6, padding: '8px 10px' }}>
              <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, flexWrap: 'wrap' }}>
                <Text size={300} weight="semibold" style={{ minWidth: '2.5em' }}>
                  {p.rank === null ? '—' : b.rank(p.rank)}
                </Text>
                <Text size={400} weight="semibold" style={{ flex: '1 1 4em' }}>
                  {p.person}
                </Text>
                <Badge appearance="tint" color={gradeColor(choices, p.grade)}>
                  {p.grade ?? b.noGrade}
                </Badge>
                {p.interview && (
                  <Badge appearance="filled" color="danger">
                    {b.interview}
                  </Badge>
                )}
              </div>
              <Text block size={200} style={{ overflowWrap: 'anywhere' }}>
                {p.unit}
              </Text>
              <MarksBar counts={counts} colors={colors} />
              <div style={line}>
                <span style={pair}>
                  {b.goodRate(choices[0])} <b style={num}>{pct(p.goodRate)}</b>
                </span>
                <span style={pair}>
                  {b.goodOrBetterRate(choices[0], choices[1])} <b style={num}>{pct(p.goodOrBetterRate)}</b>
                </span>
              </div>
              <div style={line} aria-label={b.marks}>
                {choices.map((c, i) => (
                  <span key={c} style={pair}>
                    {c} <span style={num}>{counts[i]}</span>
                  </span>
                ))}
                <span style={pair}>{b.ballotsText(p.ballots)}</span>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
