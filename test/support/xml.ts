/**
 * Just enough of an XML reader to read back the JUnit files Hookbench writes, as a CI system
 * would: elements, attributes, text, the predefined and numeric entities. Throws on malformed input.
 */
export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

export function parseXml(source: string): XmlElement {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`Malformed XML at ${at}: ${what} (…${source.slice(at, at + 40)}…)`);
  };
  const skipMisc = () => {
    for (;;) {
      while (/\s/.test(source[at] ?? '')) at++;
      if (source.startsWith('<?', at)) at = source.indexOf('?>', at) + 2;
      else if (source.startsWith('<!--', at)) at = source.indexOf('-->', at) + 3;
      else return;
      if (at < 2) fail('unterminated declaration');
    }
  };
  const name = () => {
    const start = at;
    while (/[A-Za-z0-9_:.-]/.test(source[at] ?? '')) at++;
    if (at === start) fail('expected a name');
    return source.slice(start, at);
  };
  const element = (): XmlElement => {
    if (source[at] !== '<') fail('expected <');
    at++;
    const node: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      while (/\s/.test(source[at] ?? '')) at++;
      if (source.startsWith('/>', at)) {
        at += 2;
        return node;
      }
      if (source[at] === '>') {
        at++;
        break;
      }
      const attribute = name();
      if (source[at] !== '=') fail('expected =');
      const quote = source[at + 1];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      const end = source.indexOf(quote!, at + 2);
      if (end < 0) fail('unterminated attribute');
      const raw = source.slice(at + 2, end);
      if (raw.includes('<')) fail('< in an attribute');
      node.attributes[attribute] = decode(raw.replace(/[\t\n\r]/g, ' '));
      at = end + 1;
    }
    for (;;) {
      if (at >= source.length) fail(`unclosed <${node.name}>`);
      if (source.startsWith('</', at)) {
        at += 2;
        if (name() !== node.name) fail(`mismatched </…> for <${node.name}>`);
        if (source[at] !== '>') fail('expected >');
        at++;
        return node;
      }
      if (source.startsWith('<!--', at)) at = source.indexOf('-->', at) + 3;
      else if (source[at] === '<') node.children.push(element());
      else {
        const end = source.indexOf('<', at);
        const raw = source.slice(at, end < 0 ? source.length : end);
        if (raw.includes('>') && raw.includes(']]>')) fail(']]> in text');
        node.text += decode(raw);
        at += raw.length;
      }
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (at !== source.length) fail('content after the root element');
  return root;
}

function decode(raw: string): string {
  let out = '';
  for (let index = 0; index < raw.length; index++) {
    if (raw[index] !== '&') {
      out += raw[index];
      continue;
    }
    const end = raw.indexOf(';', index);
    if (end < 0) throw new Error(`Bare & in XML: ${raw.slice(index, index + 20)}`);
    const entity = raw.slice(index + 1, end);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity in named) out += named[entity];
    else if (entity.startsWith('#x')) out += String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    else if (entity.startsWith('#')) out += String.fromCodePoint(Number(entity.slice(1)));
    else throw new Error(`Unknown XML entity &${entity};`);
    index = end;
  }
  return out;
}

export const childrenNamed = (node: XmlElement, name: string) => node.children.filter((child) => child.name === name);
