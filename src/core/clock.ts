/** The host's local calendar day and time, as reports show them (no time zone arithmetic elsewhere). */
const p2 = (n: number) => String(n).padStart(2, '0');

export function localDate(d: Date): string {
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
}

export function localDateTime(d: Date): string {
  return `${localDate(d)} ${p2(d.getHours())}:${p2(d.getMinutes())}`;
}
