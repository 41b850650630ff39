import { defineRules, q, qe, RuleDef, RuleIdOf } from '../../rule';

/**
 * The ballot kind's rules, each defined in one place: id, default severity, title, message and
 * fix in Chinese and English. Every message names the cell, the ballot, the person and the item.
 */

export const BALLOT_RULES = defineRules([
  {
    id: 'ballot.multiple-marks',
    severity: 'warning',
    title: { zh: '一项勾选了多个选项', en: 'Two marks in one item' },
    message: {
      zh: (p) => `${p.cell}：${p.ballot}上${p.who}的${q(p.item)}同时勾选了 ${p.marked} 个选项（${p.choices}），该项作废，不计票。`,
      en: (p) => `${p.cell}: on ${p.ballotEn}, ${qe(p.item)} for ${p.whoEn} has ${p.marked} choices marked (${p.choices}); the item is void and not counted.`,
    },
    fix: {
      zh: () => '核对原始测评票：原票确实勾了多项的，该项按废项处理；录入错误的，只保留原票上勾选的那一项。',
      en: () => 'Check the paper ballot: if it really has two marks the item stays void; if it was mistyped, keep only the choice marked on paper.',
    },
  },
  {
    id: 'ballot.blank-item',
    severity: 'warning',
    title: { zh: '测评项目未填', en: 'Item left blank' },
    message: {
      zh: (p) => (p.wholeRow ? `${p.cell}：${p.ballot}上${p.who}整行未填（${p.items} 个项目都是空的），这些项目不计票。` : `${p.cell}：${p.ballot}上${p.who}的${q(p.item)}未填，该项不计票，其余项目照常计票。`),
      en: (p) => (p.wholeRow ? `${p.cell}: on ${p.ballotEn}, the row for ${p.whoEn} is blank (all ${p.items} items); none of them is counted.` : `${p.cell}: on ${p.ballotEn}, ${qe(p.item)} for ${p.whoEn} is blank and not counted; the other items count.`),
    },
    fix: {
      zh: (p) => (p.wholeRow ? '核对原始测评票：原票未评此人的，按未评处理；录入时漏录的，请补录这一行。' : '核对原始测评票：原票漏填的，按未评处理；录入时漏录的，请补录。'),
      en: (p) => (p.wholeRow ? 'Check the paper ballot: if this person was not rated, leave it; if the row was skipped when typing, fill it in.' : 'Check the paper ballot: if the item was left blank, leave it; if it was skipped when typing, fill it in.'),
    },
  },
  {
    id: 'ballot.blank',
    severity: 'warning',
    title: { zh: '空白票（废票）', en: 'Blank ballot' },
    message: {
      zh: (p) => `${p.cell}：${p.ballot}全部空白（${p.persons} 人、${p.items} 个项目都未填），按废票处理：计入收回票数，不计入有效票。`,
      en: (p) => `${p.cell}: ${p.ballotEn} is entirely blank (${p.persons} persons, ${p.items} items); it counts as handed in, not as a valid ballot.`,
    },
    fix: {
      zh: () => '核对原票是否确为空白票；如为录入遗漏，请补录。',
      en: () => 'Check that the paper ballot really is blank; if it was skipped when typing, fill it in.',
    },
  },
  {
    id: 'ballot.invalid-mark',
    severity: 'error',
    title: { zh: '无法识别的标记', en: 'Unreadable mark' },
    message: {
      zh: (p) =>
        p.layout === 'tally'
          ? `${p.cell}：计票表中${p.who}的${q(p.item)}“${p.choice}”票数为${q(p.value)}，不是 0 或正整数。`
          : p.layout === 'grid'
            ? `${p.cell}：${p.ballot}上${p.who}的${q(p.item)}在“${p.choice}”栏填了${q(p.value)}，不是勾选符号，该项不计票。`
            : `${p.cell}：${p.ballot}上${p.who}的${q(p.item)}填了${q(p.value)}，不是选项（${p.choices}，或代码 ${p.codes}），该项不计票。`,
      en: (p) =>
        p.layout === 'tally'
          ? `${p.cell}: the tally says ${qe(p.value)} for ${p.whoEn}, ${qe(p.item)}, "${p.choice}": not a whole number of votes.`
          : p.layout === 'grid'
            ? `${p.cell}: on ${p.ballotEn}, ${qe(p.item)} for ${p.whoEn} holds ${qe(p.value)} under "${p.choice}", which is no tick; the item is not counted.`
            : `${p.cell}: on ${p.ballotEn}, ${qe(p.item)} for ${p.whoEn} holds ${qe(p.value)}, which is none of ${p.choices} (or the codes ${p.codes}); the item is not counted.`,
    },
    fix: {
      zh: (p) =>
        p.layout === 'tally'
          ? '填写票数：0 或正整数，不带文字。'
          : p.layout === 'grid'
            ? '对照原票，在所选的一栏填 √（或 ✓、○、1），其余各栏留空。'
            : `对照原票，填写 ${p.choices} 之一，或代码 ${p.codes}。`,
      en: (p) =>
        p.layout === 'tally'
          ? 'Enter a number of votes: 0 or a whole number, without words.'
          : p.layout === 'grid'
            ? 'Following the paper ballot, put √ (or ✓, ○, 1) under the one choice marked and leave the others empty.'
            : `Following the paper ballot, enter one of ${p.choices}, or a code ${p.codes}.`,
    },
  },
  {
    id: 'ballot.count-exceeds',
    severity: 'error',
    title: { zh: '票数多于实到人数', en: 'More ballots than people present' },
    message: {
      zh: (p) => `${p.cell}：${p.scope}收回测评票 ${p.cast} 张（含空白票 ${p.blank} 张），多于实到人数 ${p.present} 人（${p.source}），多出 ${p.extra} 张。`,
      en: (p) => `${p.cell}: ${p.scopeEn} has ${p.cast} ballots (${p.blank} blank), more than the ${p.present} people present (${p.sourceEn}): ${p.extra} too many.`,
    },
    fix: {
      zh: () => '核对是否有重复录入或多发的测评票，以及实到人数是否写错；收回的票不能多于实到人数。',
      en: () => 'Look for ballots typed twice or handed out twice, and check the number present; there cannot be more ballots than people present.',
    },
  },
  {
    id: 'ballot.person-missing',
    severity: 'warning',
    title: { zh: '测评票上缺少被测评人', en: 'Person missing from a ballot' },
    message: {
      zh: (p) => `${p.cell}：${p.ballot}上没有${p.who}，而${p.others ? `本文件其他 ${p.others} 张测评票上有此人` : '名单上有此人'}。`,
      en: (p) => `${p.cell}: ${p.ballotEn} has no row for ${p.whoEn}, who is ${p.others ? `on ${p.others} other ballots of this file` : 'on the list of persons rated'}.`,
    },
    fix: {
      zh: () => '核对原票：原票漏印或未评此人的，按未评处理；录入时漏录的，请补录此人一行。',
      en: () => 'Check the paper ballot: if the person was not on it or not rated, leave it; if the row was skipped when typing, add it.',
    },
  },
  {
    id: 'ballot.tally-mismatch',
    severity: 'error',
    title: { zh: '计票表与测评票不符', en: 'Tally differs from the ballots' },
    message: {
      zh: (p) =>
        p.missing
          ? `${p.cell}：计票表中没有${p.who}，而测评票上有此人（${p.expected} 张有效票）。`
          : `${p.cell}：计票表中${p.who}的${q(p.item)}“${p.choice}”为 ${p.found} 票，按测评票统计为 ${p.expected} 票（相差 ${p.diff}）。`,
      en: (p) =>
        p.missing
          ? `${p.cell}: the tally has no row for ${p.whoEn}, who is on the ballots (${p.expected} valid).`
          : `${p.cell}: the tally says ${p.found} votes for ${p.whoEn}, ${qe(p.item)}, "${p.choice}", but the ballots give ${p.expected} (off by ${p.diff}).`,
    },
    fix: {
      zh: (p) => (p.missing ? '在计票表中补上此人的各项票数。' : `改为 ${p.expected}，或核对测评票的录入是否有误。`),
      en: (p) => (p.missing ? "Add the person's votes to the tally." : `Change it to ${p.expected}, or check how the ballots were typed.`),
    },
  },
  {
    id: 'ballot.group-unmatched',
    severity: 'error',
    title: { zh: '测评票不属于任何测评组', en: 'Ballots in no group' },
    message: {
      zh: (p) => `${p.cell}：${p.file} 的工作表${q(p.sheet)}（${p.ballots}）不属于设置中的任何测评组（${p.groups}），未计入加权的好票率和等次，统计结果不完整。`,
      en: (p) => `${p.cell}: sheet ${qe(p.sheet)} of ${p.file} (${p.ballotsEn}) matches none of the groups in the settings (${p.groupsEn}); it is left out of the weighted rates and grades, so the result is incomplete.`,
    },
    fix: {
      zh: () => '在设置的测评组（ballot.groups）中加上能匹配这个工作表名或文件名的 match，或把工作表（文件）改名以匹配已有的组。',
      en: () => "Add a match for this sheet's or file's name to the settings' groups (ballot.groups), or rename the sheet (file) to match a group.",
    },
  },
  {
    id: 'ballot.choices-differ',
    severity: 'error',
    title: { zh: '测评选项与其他测评票不同', en: 'Another choice set' },
    message: {
      zh: (p) => `${p.cell}：工作表${q(p.sheet)}的选项是 ${p.choices}，与工作表${q(p.firstSheet)}等测评票的 ${p.expected} 不同，未计入统计。`,
      en: (p) => `${p.cell}: sheet ${qe(p.sheet)} has the choices ${p.choices}, not ${p.expected} as sheet ${qe(p.firstSheet)} and the other ballots have; it is left out of the tally.`,
    },
    fix: {
      zh: (p) => `不同的测评（如述职评议与群众满意度测评）请分开检查；如是同一测评，请把表头的选项改为 ${p.expected}。`,
      en: (p) => `Check different reviews (a 述职评议 and a 满意度 survey) separately; if this is the same review, make its choices ${p.expected}.`,
    },
  },
]);

export type BallotRuleId = RuleIdOf<typeof BALLOT_RULES>;
export const BALLOT_RULE_IDS: readonly BallotRuleId[] = BALLOT_RULES.map((r) => r.id);

export function ballotRule(id: BallotRuleId): RuleDef<BallotRuleId> {
  return BALLOT_RULES.find((r) => r.id === id)!;
}
