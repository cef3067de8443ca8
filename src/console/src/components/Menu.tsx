import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";

export interface MenuItem {
  label: string;
  onSelect?(): void;
  /** Shown under the item and read as its description (e.g. why the API will refuse it). */
  hint?: string;
  /** A submenu, opened by hover, click, Enter or the right arrow. */
  items?: MenuItem[];
}

interface MenuListProps {
  items: MenuItem[];
  label: string;
  onDone(focusButton: boolean): void;
  /** Closes this (sub)menu only, giving focus back to its parent item. */
  onBack?(): void;
  className?: string;
}

function MenuList({ items, label, onDone, onBack, className }: MenuListProps) {
  const id = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const [submenu, setSubmenu] = useState<number | null>(null);
  useEffect(() => refs.current[0]?.focus(), []);

  const focus = (index: number) => refs.current[(index + items.length) % items.length]?.focus();
  const current = () => refs.current.indexOf(document.activeElement as HTMLButtonElement);

  const onKeyDown = (event: KeyboardEvent) => {
    const index = current();
    if (index === -1) return;
    const item = items[index];
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    switch (event.key) {
      case "ArrowDown":
        handled();
        return focus(index + 1);
      case "ArrowUp":
        handled();
        return focus(index - 1);
      case "Home":
        handled();
        return focus(0);
      case "End":
        handled();
        return focus(items.length - 1);
      case "ArrowRight":
        if (item?.items) {
          handled();
          setSubmenu(index);
        }
        return;
      case "ArrowLeft":
        if (onBack) {
          handled();
          onBack();
        }
        return;
      case "Escape":
        handled();
        if (onBack) onBack();
        else onDone(true);
        return;
      case "Tab":
        onDone(false);
        return;
    }
  };

  return (
    <div role="menu" aria-label={label} className={className ?? "menu"} onKeyDown={onKeyDown}>
      {items.map((item, index) => {
        const hintId = `${id}-hint-${index}`;
        const open = submenu === index;
        return (
          <div
            key={item.label}
            role="none"
            className="menu-entry"
            onMouseEnter={() => setSubmenu(item.items ? index : null)}
          >
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              ref={(element) => {
                refs.current[index] = element;
              }}
              aria-haspopup={item.items ? "menu" : undefined}
              aria-expanded={item.items ? open : undefined}
              aria-describedby={item.hint ? hintId : undefined}
              className={item.items ? "menu-item has-submenu" : "menu-item"}
              onClick={() => {
                if (item.items) setSubmenu(open ? null : index);
                else {
                  onDone(true);
                  item.onSelect?.();
                }
              }}
            >
              {item.label}
              {item.items ? (
                <span className="menu-arrow" aria-hidden="true">
                  ‹
                </span>
              ) : null}
            </button>
            {item.hint ? (
              <span className="menu-hint" id={hintId}>
                {item.hint}
              </span>
            ) : null}
            {open && item.items ? (
              <MenuList
                items={item.items}
                label={item.label}
                className="menu submenu"
                onDone={onDone}
                onBack={() => {
                  setSubmenu(null);
                  refs.current[index]?.focus();
                }}
              />
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** A button that opens a menu (WAI-ARIA menu button), with nested submenus. */
export function MenuButton({
  label,
  items,
  menuLabel,
}: {
  label: string;
  items: MenuItem[];
  menuLabel?: string;
}) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [open]);
  return (
    <div className="menu-anchor" ref={wrapper}>
      <button
        type="button"
        ref={button}
        className="link-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <MenuList
          items={items}
          label={menuLabel ?? label}
          onDone={(focusButton) => {
            setOpen(false);
            if (focusButton) button.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
