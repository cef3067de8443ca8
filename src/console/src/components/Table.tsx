import type { ReactNode } from "react";

interface TableProps<Row> {
  caption: string;
  columns: readonly string[];
  /** The list's query state; its error (why the list could not be read) replaces a spinner that never ends. */
  list: { fetching: boolean; error?: { message: string } };
  /** Null while the first load is under way. */
  rows: readonly Row[] | null;
  empty: ReactNode;
  /** Scrolls sideways on narrow screens (only for tables without pop-up menus, which it would clip). */
  scroll?: boolean;
  children(row: Row): ReactNode;
}

/** A list with its loading and empty states. */
export function Table<Row>({ caption, columns, list, rows, empty, scroll, children }: TableProps<Row>) {
  const error = list.error?.message;
  return (
    <div className={scroll ? "table-wrap table-scroll" : "table-wrap"} aria-busy={list.fetching}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows === null && error ? (
            <tr>
              <td colSpan={columns.length} className="table-note" role="alert">
                The list could not be read: {error}
              </td>
            </tr>
          ) : rows === null ? (
            <tr>
              <td colSpan={columns.length} className="table-note">
                <span className="spinner" aria-hidden="true" /> Loading…
              </td>
            </tr>
          ) : rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table-note">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => children(row))
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowActionProps {
  /** The action applies to the row: otherwise nothing is shown. */
  when: boolean;
  onClick(): void;
  danger?: boolean;
  children: ReactNode;
}

/** One of a row's actions, a link-styled button. */
export function RowAction({ when, onClick, danger, children }: RowActionProps) {
  if (!when) return null;
  return (
    <button type="button" className={danger ? "link-button danger" : "link-button"} onClick={onClick}>
      {children}
    </button>
  );
}
