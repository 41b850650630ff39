import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const COMMANDS = join(__dirname, '..', '..', 'src', 'commands');

/** The ribbon's 一键检查 runs without the pane: it must not load the pane's code (React, Fluent). */
describe('src/commands', () => {
  it.each(readdirSync(COMMANDS).filter((f) => /\.tsx?$/.test(f)))('%s imports nothing from the task pane', (file) => {
    const src = readFileSync(join(COMMANDS, file), 'utf8');
    const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((i) => i.includes('taskpane'))).toEqual([]);
  });
});
