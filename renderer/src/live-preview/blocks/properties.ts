import type { EditorState, Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';
import type { LinkHandlers } from '../../reading/rendered-links';
import { blockField, eachTopLevelNode, type Block, type LineRange } from './block-field';
import { errorLine } from './render-cache';
import {
  readProperties,
  removeProperty,
  renameProperty,
  writeProperty,
  type Property,
  type PropertyValue,
  type WriteResult,
} from './properties-yaml';

const FENCE = /^(---|\.\.\.)\s*$/;
const LINK = /^\[\[([^[\]|#]*)[^[\]]*\]\]$/;

/** The note's frontmatter: where its YAML (between the fences) starts, and the YAML itself. */
type FrontmatterBlock = Block & { yamlFrom: number; yaml: string; error: string | null };

/** The last YAML read and its problem: typing below the frontmatter does not parse it again. */
let lastRead: { yaml: string; error: string | null } | null = null;

function yamlError(yaml: string): string | null {
  if (lastRead?.yaml !== yaml) {
    const read = readProperties(yaml);
    lastRead = { yaml, error: read.ok ? null : read.error };
  }
  return lastRead.error;
}

/** The closed frontmatter block at the top of the note, if the tree has one. */
export function findFrontmatter(state: EditorState, range?: LineRange): FrontmatterBlock[] {
  const found: FrontmatterBlock[] = [];
  eachTopLevelNode(
    state,
    (name, from, to) => {
      if (name !== 'Frontmatter' || from !== 0) return false;
      const first = state.doc.lineAt(from);
      const last = state.doc.lineAt(to);
      // An unclosed block (running to the end of the note) stays as source.
      if (last.number === first.number || !FENCE.test(last.text)) return;
      const yamlFrom = first.to + 1;
      const yaml = state.sliceDoc(yamlFrom, last.from);
      const error = yamlError(yaml);
      found.push(
        error === null
          ? { from, to, key: `properties:${yamlFrom}:${yaml}`, yamlFrom, yaml, error }
          : // Bad YAML stays as source, with the problem in a line under it, cursor or not.
            { from, to, key: `properties-error:${error}`, yamlFrom, yaml, error, widgetAt: to, always: true },
      );
      return false;
    },
    range,
  );
  return found;
}

/**
 * Replaces the frontmatter the widget was drawn from by what `edit` makes of it, if that text is
 * still there (a stale widget writes nothing: nothing typed since is lost). A refused edit (a
 * duplicate key…) is reported and changes nothing.
 */
function rewrite(
  view: EditorView,
  block: FrontmatterBlock,
  edit: (yaml: string) => WriteResult,
  report?: (error: string) => void,
): boolean {
  const to = block.yamlFrom + block.yaml.length;
  if (view.state.sliceDoc(block.yamlFrom, to) !== block.yaml) return false;
  const written = edit(block.yaml);
  if (!written.ok) {
    report?.(written.error);
    return false;
  }
  if (written.text === block.yaml) return true;
  view.dispatch({ changes: { from: block.yamlFrom, to, insert: written.text }, userEvent: 'input.property' });
  return true;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A `[[Note]]` value as a link that follows it. */
function linkElement(value: string, links: LinkHandlers): HTMLElement {
  const target = LINK.exec(value)?.[1]?.trim() ?? value;
  const anchor = element('a', 'cm-lp-property-link', value.slice(2, -2));
  anchor.href = '#';
  anchor.addEventListener('click', (event) => {
    event.preventDefault();
    links.onFollow?.(target, { heading: null, block: null, newTab: event.ctrlKey || event.metaKey });
  });
  return anchor;
}

function input(type: string, label: string): HTMLInputElement {
  const field = element('input', `cm-lp-property-input cm-lp-property-${type}`);
  field.type = type;
  field.setAttribute('aria-label', label);
  return field;
}

/** The editor for one property's value, calling `write` with the new value on each change. */
function valueEditor(property: Property, write: (value: PropertyValue) => void, links: LinkHandlers): HTMLElement {
  const { key, type, value } = property;
  const cell = element('div', 'cm-lp-property-value');
  switch (type) {
    case 'checkbox': {
      const box = input('checkbox', key);
      box.checked = value === true;
      box.addEventListener('change', () => write(box.checked));
      cell.append(box);
      break;
    }
    case 'number': {
      const field = input('number', key);
      field.value = String(value);
      field.addEventListener('change', () => {
        const number = field.value.trim() === '' ? null : Number(field.value);
        if (number === null || Number.isFinite(number)) write(number);
      });
      cell.append(field);
      break;
    }
    case 'date': {
      const field = input('date', key);
      field.value = String(value);
      field.addEventListener('change', () => write(field.value === '' ? null : field.value));
      cell.append(field);
      break;
    }
    case 'list': {
      const items = (value as unknown[]).map((item) => (item === null ? '' : String(item as string | number)));
      items.forEach((item, index) => {
        const chip = element('span', 'cm-lp-chip');
        chip.append(LINK.test(item) ? linkElement(item, links) : element('span', 'cm-lp-chip-text', item));
        const remove = element('button', 'cm-lp-chip-remove', '×');
        remove.type = 'button';
        remove.setAttribute('aria-label', `Remove ${item}`);
        remove.addEventListener('click', () => write(items.filter((_, i) => i !== index)));
        chip.append(remove);
        cell.append(chip);
      });
      const add = input('text', `Add to ${key}`);
      add.classList.add('cm-lp-chip-input');
      add.placeholder = 'Add…';
      add.addEventListener('change', () => {
        if (add.value.trim() !== '') write([...items, add.value.trim()]);
      });
      cell.append(add);
      break;
    }
    case 'other':
      // A nested mapping or the like: shown, edited only as source.
      cell.append(element('code', 'cm-lp-property-other', JSON.stringify(value)));
      break;
    default: {
      const text =
        typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);
      if (type === 'link') cell.append(linkElement(text, links));
      const field = input('text', key);
      field.value = text;
      field.addEventListener('change', () => write(field.value === '' && value === null ? null : field.value));
      cell.append(field);
    }
  }
  return cell;
}

/** The frontmatter as Obsidian's Properties: a row per key, each edited in place. */
class PropertiesWidget extends WidgetType {
  constructor(
    readonly block: FrontmatterBlock,
    readonly links: LinkHandlers,
  ) {
    super();
  }

  override eq(other: PropertiesWidget): boolean {
    return other.block.key === this.block.key;
  }

  toDOM(view: EditorView): HTMLElement {
    const dom = element('div', 'cm-lp-properties');
    dom.setAttribute('role', 'group');
    dom.setAttribute('aria-label', 'Properties');
    const heading = element('div', 'cm-lp-properties-heading', 'Properties');
    heading.title = 'Click to edit the YAML';
    // The heading opens the source (the cursor inside reveals it).
    heading.addEventListener('mousedown', (event) => {
      event.preventDefault();
      view.dispatch({ selection: { anchor: this.block.yamlFrom } });
      view.focus();
    });
    dom.append(heading);
    const problem = element('div', 'cm-lp-property-error');
    problem.setAttribute('role', 'alert');
    problem.hidden = true;
    const report = (error: string): void => {
      problem.textContent = error;
      problem.hidden = false;
    };
    const read = readProperties(this.block.yaml);
    for (const property of read.ok ? read.properties : []) {
      dom.append(this.row(view, property, report));
    }
    dom.append(this.adder(view, report), problem);
    return dom;
  }

  /** A property's row: its name (edited in place), its value, and a button removing it. */
  private row(view: EditorView, property: Property, report: (error: string) => void): HTMLElement {
    const row = element('div', 'cm-lp-property');
    row.dataset.key = property.key;
    row.dataset.type = property.type;
    const name = element('input', 'cm-lp-property-key');
    name.value = property.key;
    name.title = property.key;
    name.setAttribute('aria-label', 'Property name');
    name.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') name.blur();
    });
    name.addEventListener('change', () => {
      if (!rewrite(view, this.block, (yaml) => renameProperty(yaml, property.key, name.value), report)) {
        name.value = property.key;
      }
    });
    const remove = element('button', 'cm-lp-property-remove', '×');
    remove.type = 'button';
    remove.title = 'Remove property';
    remove.setAttribute('aria-label', `Remove property ${property.key}`);
    remove.addEventListener('click', () =>
      rewrite(view, this.block, (yaml) => removeProperty(yaml, property.key), report),
    );
    const write = (value: PropertyValue): void => {
      rewrite(view, this.block, (yaml) => writeProperty(yaml, property.key, value), report);
    };
    row.append(name, valueEditor(property, write, this.links), remove);
    return row;
  }

  /** "Add property": a name, then an empty value to fill (the new row's value gets the focus). */
  private adder(view: EditorView, report: (error: string) => void): HTMLElement {
    const add = element('button', 'cm-lp-property-add', '+ Add property');
    add.type = 'button';
    const name = element('input', 'cm-lp-property-input cm-lp-property-new');
    name.placeholder = 'Property name';
    name.setAttribute('aria-label', 'New property name');
    name.hidden = true;
    add.addEventListener('click', () => {
      add.hidden = true;
      name.hidden = false;
      name.focus();
    });
    const commit = (): void => {
      const key = name.value.trim();
      if (key === '') return;
      const exists = readProperties(this.block.yaml);
      if (exists.ok && exists.properties.some((property) => property.key === key)) {
        report(`A property named “${key}” exists already.`);
        return;
      }
      if (!rewrite(view, this.block, (yaml) => writeProperty(yaml, key, null), report)) return;
      // The block is drawn again with the new row: its value is what the user fills in next.
      requestAnimationFrame(() => {
        const rows = view.dom.querySelectorAll<HTMLElement>('.cm-lp-property');
        const added = [...rows].find((row) => row.dataset.key === key);
        added?.querySelector<HTMLElement>('.cm-lp-property-value input, .cm-lp-property-value button')?.focus();
      });
    };
    name.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') commit();
      if (event.key === 'Escape') {
        name.value = '';
        name.hidden = true;
        add.hidden = false;
        view.focus();
      }
    });
    name.addEventListener('change', commit);
    const wrap = element('div', 'cm-lp-property-adder');
    wrap.append(add, name);
    return wrap;
  }

  /** The inputs handle their own events; the editor must not move its cursor for them. */
  override ignoreEvent(): boolean {
    return true;
  }
}

/** The line under bad frontmatter saying what is wrong with it. */
class YamlErrorWidget extends WidgetType {
  constructor(readonly error: string) {
    super();
  }

  override eq(other: YamlErrorWidget): boolean {
    return other.error === this.error;
  }

  toDOM(): HTMLElement {
    return errorLine(`Properties are not valid YAML: ${this.error}`);
  }
}

const theme = EditorView.baseTheme({
  '.cm-lp-properties': {
    padding: '6px 2px 10px 6px', // the lines' own padding: rows line up with the text
    borderBottom: '1px solid var(--border, #dcdcd9)',
    marginBottom: '6px',
    fontFamily: 'var(--font-ui, system-ui, sans-serif)',
    fontSize: '0.92em',
  },
  '.cm-lp-properties-heading': { fontWeight: '600', color: 'var(--muted)', cursor: 'text', paddingBottom: '4px' },
  '.cm-lp-property': { display: 'flex', alignItems: 'center', gap: '8px', minHeight: '28px' },
  '.cm-lp-property-key': {
    flex: '0 0 min(9em, 30%)',
    minWidth: '0',
    font: 'inherit',
    color: 'var(--muted)',
    background: 'transparent',
    border: '1px solid transparent',
    borderRadius: '4px',
    padding: '1px 4px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  '.cm-lp-property-key:hover, .cm-lp-property-key:focus': { borderColor: 'var(--border)', color: 'inherit' },
  '.cm-lp-property-remove, .cm-lp-property-add': {
    font: 'inherit',
    color: 'var(--muted)',
    background: 'none',
    border: 'none',
    borderRadius: '4px',
    cursor: 'pointer',
    padding: '1px 6px',
  },
  '.cm-lp-property-remove': { opacity: '0' },
  '.cm-lp-property:hover .cm-lp-property-remove, .cm-lp-property-remove:focus-visible': { opacity: '1' },
  '.cm-lp-property-remove:hover, .cm-lp-property-add:hover': {
    color: 'inherit',
    background: 'var(--hover, rgba(127,127,127,0.12))',
  },
  '.cm-lp-property-adder': { paddingTop: '2px' },
  '.cm-lp-property-error': { color: 'var(--error, #b42318)', paddingTop: '2px' },
  '&dark .cm-lp-property-error': { color: 'var(--error, #ff8a80)' },
  // minWidth 0 and the inputs' width 0: an input's own width (about 20 characters) would
  // otherwise widen the block past a narrow editor.
  '.cm-lp-property-value': {
    flex: '1',
    minWidth: '0',
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '4px',
  },
  '.cm-lp-property-input': {
    font: 'inherit',
    color: 'inherit',
    background: 'transparent',
    border: '1px solid transparent',
    borderRadius: '4px',
    padding: '1px 4px',
  },
  '.cm-lp-property-input:hover, .cm-lp-property-input:focus': { borderColor: 'var(--border)' },
  '.cm-lp-property-text, .cm-lp-chip-input': { flex: '1', width: '0', minWidth: '6em' },
  '.cm-lp-chip': {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '2px',
    padding: '0 6px',
    borderRadius: '10px',
    background: 'var(--accent-soft)',
    color: 'var(--accent)',
  },
  '.cm-lp-chip-remove': {
    border: 'none',
    background: 'none',
    color: 'inherit',
    cursor: 'pointer',
    padding: '0 2px',
    font: 'inherit',
  },
  '.cm-lp-property-link': { color: 'var(--accent)', textDecoration: 'underline', cursor: 'pointer' },
  '&light .cm-lp-chip': { background: 'var(--accent-soft, #ece7fb)', color: 'var(--accent, #6240c8)' },
  '&dark .cm-lp-chip': { background: 'var(--accent-soft, #352c57)', color: 'var(--accent, #a58bff)' },
  '.cm-lp-error': { color: 'var(--error, #b42318)', fontSize: '0.9em', fontFamily: 'var(--font-ui, sans-serif)' },
  '&dark .cm-lp-error': { color: 'var(--error, #ff8a80)' },
});

/** The frontmatter drawn as Properties off the cursor; bad YAML stays as source with its error. */
export function properties(links: LinkHandlers = {}): Extension {
  const { extension } = blockField<FrontmatterBlock>({
    find: findFrontmatter,
    // Only ever at the note's start, so never after an edit: moved for completeness.
    shift: (block, by) => ({
      ...block,
      from: block.from + by,
      to: block.to + by,
      yamlFrom: block.yamlFrom + by,
      ...(block.widgetAt === undefined ? {} : { widgetAt: block.widgetAt + by }),
    }),
    decorate: (block) =>
      block.error === null
        ? Decoration.replace({ block: true, widget: new PropertiesWidget(block, links) })
        : Decoration.widget({ block: true, side: 1, widget: new YamlErrorWidget(block.error) }),
  });
  return [extension, theme];
}
