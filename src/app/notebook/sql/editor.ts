// CodeMirror 6 for sql cells: DuckDB's dialect (PostgreSQL's plus DuckDB's own words), completion
// of the workspace's and the notebook's tables and columns, undo and redo, Ctrl/⌘+Enter to run.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { PostgreSQL, sql, SQLDialect } from '@codemirror/lang-sql';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { Compartment, EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';

const DUCKDB_WORDS = 'pivot unpivot qualify summarize describe exclude replace columns struct list map union_by_name asof positional anti semi sample using';

export const DuckDB = SQLDialect.define({
  ...PostgreSQL.spec,
  keywords: `${PostgreSQL.spec.keywords ?? ''} ${DUCKDB_WORDS}`,
});

export interface EditorOptions {
  readonly parent: HTMLElement;
  readonly text: string;
  readonly schema: Readonly<Record<string, readonly string[]>>;
  readonly label: string;
  onChange(text: string): void;
  onRun(): void;
}

export interface SqlEditor {
  setSchema(schema: Readonly<Record<string, readonly string[]>>): void;
  setText(text: string): void;
  destroy(): void;
}

export function createSqlEditor(o: EditorOptions): SqlEditor {
  const language = new Compartment();
  const support = (schema: Readonly<Record<string, readonly string[]>>) =>
    sql({ dialect: DuckDB, schema: Object.fromEntries(Object.entries(schema).map(([t, c]) => [t, [...c]])), upperCaseKeywords: true });
  const view = new EditorView({
    parent: o.parent,
    state: EditorState.create({
      doc: o.text,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        autocompletion(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([
          { key: 'Mod-Enter', preventDefault: true, run: () => (o.onRun(), true) },
          ...closeBracketsKeymap,
          ...completionKeymap,
          ...historyKeymap,
          // Tab is left to the browser, so the keyboard can leave the editor.
          ...defaultKeymap,
        ]),
        language.of(support(o.schema)),
        EditorView.contentAttributes.of({ 'aria-label': o.label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) o.onChange(u.state.doc.toString());
        }),
        EditorView.theme({
          '&': { fontSize: '0.85rem', border: '1px solid var(--line)', borderRadius: '6px' },
          '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' },
          '.cm-gutters': { background: 'var(--bg-alt)', borderRight: '1px solid var(--line)' },
        }),
      ],
    }),
  });
  return {
    setSchema: (schema) => view.dispatch({ effects: language.reconfigure(support(schema)) }),
    setText(text) {
      if (text !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    destroy: () => view.destroy(),
  };
}
