import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderStateMachines, withStateMachines } from './domain-docs.js';

describe('docs/domain.md', () => {
  it('shows the transition tables the services apply (run `npm run docs:domain` when this fails)', () => {
    const text = readFileSync(join(process.cwd(), 'docs/domain.md'), 'utf8');
    expect(withStateMachines(text, renderStateMachines())).toBe(text);
  });

  it('replaces a hand-written State machines section up to the next heading, or appends one', () => {
    const section = renderStateMachines();
    const written = '# Domain\n\n## State machines\n\nTo do.\n\n## Reports\n\nText.\n';
    expect(withStateMachines(written, section)).toBe(`# Domain\n\n${section}\n\n## Reports\n\nText.\n`);
    expect(withStateMachines('# Domain\n', section)).toBe(`# Domain\n\n${section}\n`);
    const generated = withStateMachines('# Domain\n', section);
    expect(withStateMachines(generated, section)).toBe(generated);
  });
});
