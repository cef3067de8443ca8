import { type FormEvent, type ReactNode, useEffect, useId, useRef } from "react";

interface DialogProps {
  title: string;
  onClose(): void;
  /** The form's submit; the dialog is a form so Enter submits. */
  onSubmit(): void;
  /** The footer's submit button; the button before it closes the dialog. */
  submitLabel: string;
  submitDisabled?: boolean;
  /** The submit destroys something: the button is red. */
  danger?: boolean;
  cancelLabel?: string;
  children: ReactNode;
  wide?: boolean;
}

/** A modal <dialog>: focus moves in and is trapped by the browser, Escape closes it. */
export function Dialog({
  title,
  onClose,
  onSubmit,
  submitLabel,
  submitDisabled,
  danger,
  cancelLabel = "Cancel",
  children,
  wide,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // Start in the first field rather than on the close button.
      dialog.querySelector<HTMLElement>(".dialog-body :is(input, select, textarea)")?.focus();
    }
    return () => dialog?.close();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <dialog
      ref={ref}
      className={wide ? "dialog dialog-wide" : "dialog"}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label="Close dialog" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        <footer className="dialog-footer">
          <button type="button" className="button" onClick={onClose}>
            {cancelLabel}
          </button>
          <button
            type="submit"
            className={danger ? "button button-danger" : "button button-primary"}
            disabled={submitDisabled}
          >
            {submitLabel}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
