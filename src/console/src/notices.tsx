import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

export interface Notice {
  id: number;
  tone: "success" | "error" | "info";
  text: string;
  action?: { label: string; run(): void };
}

interface Notices {
  notices: Notice[];
  notify(notice: Omit<Notice, "id">): void;
  dismiss(id: number): void;
  clear(): void;
}

const NoticeContext = createContext<Notices | null>(null);
let next = 1;

/** Page-level messages: what a mutation did, or why the API refused it. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);
  const notify = useCallback((notice: Omit<Notice, "id">) => {
    const id = next++;
    setNotices((all) => [...all.slice(-3), { ...notice, id }]);
  }, []);
  const clear = useCallback(() => setNotices([]), []);
  const value = useMemo(() => ({ notices, notify, dismiss, clear }), [notices, notify, dismiss, clear]);
  return <NoticeContext.Provider value={value}>{children}</NoticeContext.Provider>;
}

export function useNotices(): Notices {
  const value = useContext(NoticeContext);
  if (!value) throw new Error("useNotices outside NoticeProvider");
  return value;
}

export function NoticeList() {
  const { notices, dismiss } = useNotices();
  if (!notices.length) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} role={n.tone === "error" ? "alert" : "status"}>
          <span>{n.text}</span>
          {n.action ? (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                dismiss(n.id);
                n.action?.run();
              }}
            >
              {n.action.label}
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
