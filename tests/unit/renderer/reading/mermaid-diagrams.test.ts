import { describe, expect, it } from 'vitest';
import { withoutMarkup } from '../../../../renderer/src/reading/mermaid-diagrams';

describe('withoutMarkup (what Mermaid is given to draw)', () => {
  it('drops HTML tags and encoded angle brackets but keeps <br> and the diagram', () => {
    expect(withoutMarkup('graph TD\n  A["<img src=x onerror=alert(1)>a<br/>b"] --> B')).toBe(
      'graph TD\n  A["a<br/>b"] --> B',
    );
    expect(withoutMarkup('A[&lt;script&gt;x&#60;/script&#x3e;]')).toBe('A[scriptx/script]');
  });

  it('drops sequence diagrams’ actor menus, which Mermaid draws with an inline onclick', () => {
    const source = [
      'sequenceDiagram',
      '  participant Alice',
      '  link Alice: Dashboard @ https://example.com',
      '  links Alice: {"Repo": "https://example.com"}',
      '  Alice->>Bob: links and link in a message stay',
    ].join('\n');
    expect(withoutMarkup(source)).toBe(
      ['sequenceDiagram', '  participant Alice', '', '', '  Alice->>Bob: links and link in a message stay'].join('\n'),
    );
  });
});
