import type { ReactNode } from "react";

/** A page of the console: its heading (labelling the section), what stands beside it, then its content. */
export function Page({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="page-header">
        <h1 id={`${id}-title`}>{title}</h1>
        {aside}
      </div>
      {children}
    </section>
  );
}
