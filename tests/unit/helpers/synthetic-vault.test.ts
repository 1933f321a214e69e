import { describe, expect, it } from 'vitest';
import { noteMetaFromMarkdown } from '../../oracle/note-meta-from-markdown';
import { generateVault } from '../../helpers/synthetic-vault';

describe('generateVault', () => {
  const vault = generateVault({ notes: 300, seed: 42 });

  it('is deterministic for a seed, and differs between seeds', () => {
    expect(generateVault({ notes: 300, seed: 42 })).toEqual(vault);
    expect(generateVault({ notes: 300, seed: 43 })).not.toEqual(vault);
  });

  it('writes notes of 3–6 KB with unique paths', () => {
    const bytes = vault.map((note) => new TextEncoder().encode(note.text).length);
    expect(Math.min(...bytes)).toBeGreaterThanOrEqual(3 * 1000);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(6 * 1024);
    expect(new Set(vault.map((note) => note.path.toLowerCase())).size).toBe(vault.length);
  });

  it('nests folders, repeats file names across folders, and uses non-ASCII names', () => {
    const names = vault.map((note) => note.path.slice(note.path.lastIndexOf('/') + 1));
    expect(vault.some((note) => note.path.split('/').length >= 4)).toBe(true);
    expect(new Set(names).size).toBeLessThan(names.length);
    expect(names.some((name) => /[^\x20-\x7e]/.test(name))).toBe(true);
  });

  it('gives each note 5–20 links, of every form', () => {
    const metas = vault.map((note) => noteMetaFromMarkdown(note.path, note.text));
    const counts = metas.map((meta) => meta.links.length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...counts)).toBeLessThanOrEqual(20);
    const links = metas.flatMap((meta) => meta.links);
    expect(links.some((link) => link.raw.includes(' | '))).toBe(true);
    expect(links.some((link) => link.raw.includes('\\|'))).toBe(true);
    expect(links.some((link) => link.target === '' && link.headings.length > 0)).toBe(true);
    expect(links.some((link) => link.headings.length === 2)).toBe(true);
    expect(links.some((link) => link.block !== null)).toBe(true);
    expect(links.some((link) => link.embed && link.style === 'wiki')).toBe(true);
    expect(links.some((link) => link.embed && link.style === 'markdown')).toBe(true);
    expect(links.some((link) => link.style === 'markdown' && link.raw.includes('%20'))).toBe(true);
    expect(metas.some((meta) => meta.blocks.length > 0 && meta.aliases.length > 0 && meta.tags.length > 0)).toBe(true);
  });

  it('hides fake links in code and comments, and uses a vocabulary of thousands of words', () => {
    const text = vault.map((note) => note.text).join('\n');
    expect(text).toMatch(/```\w*\n\/\/ a link that is not one: \[\[/);
    expect(text).toMatch(/`\[\[\w+\]\]`/);
    expect(text).toMatch(/%% .*\[\[/);
    expect(text).toMatch(/> \[!\w+\]/);
    expect(new Set(text.toLowerCase().match(/\p{L}+/gu)).size).toBeGreaterThan(3000);
  });

  it('writes prose with a Zipf-like spread of real words: a few very common, a long tail of rare ones', () => {
    const counts = new Map<string, number>();
    for (const word of vault
      .map((note) => note.text.toLowerCase())
      .join('\n')
      .match(/\p{L}+/gu) ?? [])
      counts.set(word, (counts.get(word) ?? 0) + 1);
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    expect(sorted.slice(0, 50).map(([word]) => word)).toEqual(expect.arrayContaining(['the', 'and', 'of']));
    expect(sorted[0]?.[1]).toBeGreaterThan(100 * (sorted[Math.floor(sorted.length / 2)]?.[1] ?? 0));
    expect(sorted.filter(([, n]) => n === 1).length).toBeGreaterThan(sorted.length / 5);
  });
});
