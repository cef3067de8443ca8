import type { ReactNode } from "react";

interface TableProps {
  caption: string;
  columns: readonly string[];
  fetching: boolean;
  /** Null while the first load is under way. */
  rowCount: number | null;
  empty: ReactNode;
  /** Why the list could not be read (shown instead of a spinner that never ends). */
  error?: string | null;
  /** Scrolls sideways on narrow screens (only for tables without pop-up menus, which it would clip). */
  scroll?: boolean;
  children: ReactNode;
}

/** A list with its loading and empty states. */
export function Table({ caption, columns, fetching, rowCount, empty, error, scroll, children }: TableProps) {
  return (
    <div className={scroll ? "table-wrap table-scroll" : "table-wrap"} aria-busy={fetching}>
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
          {rowCount === null && error ? (
            <tr>
              <td colSpan={columns.length} className="table-note" role="alert">
                The list could not be read: {error}
              </td>
            </tr>
          ) : rowCount === null ? (
            <tr>
              <td colSpan={columns.length} className="table-note">
                <span className="spinner" aria-hidden="true" /> Loading…
              </td>
            </tr>
          ) : rowCount === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table-note">
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </div>
  );
}
