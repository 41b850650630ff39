import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';

const ROOT = join(__dirname, '..', '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
}

function parse(s: string): El {
  const p = new SaxesParser({ xmlns: false });
  const root: El = { name: '#root', attrs: {}, text: '', children: [] };
  const stack = [root];
  p.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: t.attributes as Record<string, string>, text: '', children: [] };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  p.on('text', (t) => (stack[stack.length - 1].text += t));
  p.on('closetag', () => stack.pop());
  p.write(s).close();
  return root.children[0];
}

const all = (el: El, name: string): El[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
const one = (el: El, name: string) => all(el, name)[0];

/** `office-addin-manifest validate` needs the network; this checks the structure offline. */
describe('manifest.xml', () => {
  const doc = parse(xml);

  it('is a task-pane add-in for Excel with ReadWriteDocument', () => {
    expect(doc.name).toBe('OfficeApp');
    expect(doc.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(one(doc, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one(doc, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one(doc, 'Permissions').text).toBe('ReadWriteDocument');
    expect(all(doc, 'Host').find((h) => h.attrs.Name)!.attrs.Name).toBe('Workbook');
    expect(one(doc, 'Set').attrs).toMatchObject({ Name: 'ExcelApi' });
  });

  it('elements of OfficeApp come in the order the schema requires', () => {
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    expect(doc.children.map((c) => c.name)).toEqual(order);
  });

  it('has Chinese display names with English overrides', () => {
    expect(one(doc, 'DisplayName').attrs.DefaultValue).toBe('台账一键检查');
    expect(one(one(doc, 'DisplayName'), 'Override').attrs).toEqual({ Locale: 'en-US', Value: 'Ledger Check' });
    for (const s of all(doc, 'bt:String')) {
      expect(/[\u4e00-\u9fff]/.test(s.attrs.DefaultValue)).toBe(true);
      expect(one(s, 'bt:Override').attrs.Locale).toBe('en-US');
    }
  });

  it('puts 一键检查 (ExecuteFunction) and 打开检查面板 (ShowTaskpane) on the Home tab', () => {
    const tab = one(doc, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const controls = all(tab, 'Control');
    const actions = controls.map((c) => one(c, 'Action').attrs['xsi:type']);
    expect(actions).toEqual(['ExecuteFunction', 'ShowTaskpane']);
    const fn = one(controls[0], 'FunctionName').text;
    // The command page associates the same name.
    expect(readFileSync(join(ROOT, 'src/commands/commands.ts'), 'utf8')).toContain(`Office.actions.associate('${fn}'`);
  });

  it('defines every resid it uses, once, and every id is unique', () => {
    const used = new Set<string>();
    const walk = (el: El) => {
      if (el.attrs.resid) used.add(el.attrs.resid);
      el.children.forEach(walk);
    };
    walk(doc);
    const defined = [...all(doc, 'bt:Image'), ...all(doc, 'bt:Url'), ...all(doc, 'bt:String')].filter((e) => e.attrs.id).map((e) => e.attrs.id);
    expect(new Set(defined).size).toBe(defined.length);
    for (const r of used) expect(defined).toContain(r);
    for (const d of defined) expect(used.has(d)).toBe(true);
    const ids = all(doc, 'Control').map((c) => c.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names icons that exist in assets/ at the sizes the manifest asks for', () => {
    const urls = [...all(doc, 'bt:Image').filter((i) => i.attrs.DefaultValue).map((i) => i.attrs.DefaultValue), one(doc, 'IconUrl').attrs.DefaultValue, one(doc, 'HighResolutionIconUrl').attrs.DefaultValue];
    for (const u of urls) {
      const file = join(ROOT, new URL(u).pathname);
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      const size = png.readUInt32BE(16);
      expect(u).toContain(`icon-${size}.png`);
    }
    expect(all(doc, 'bt:Image').filter((i) => i.attrs.id).map((i) => i.attrs.id)).toEqual(['Icon.16x16', 'Icon.32x32', 'Icon.80x80']);
  });

  it('points every URL at one https origin listed in AppDomains', () => {
    const urls = [...xml.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => new URL(m[1]).origin);
    expect(new Set(urls)).toEqual(new Set([one(doc, 'AppDomain').text]));
  });
});
