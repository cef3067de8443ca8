import { useCallback, useSyncExternalStore } from "react";

/** The console's pages live under /console; the region is a query parameter so a refresh keeps it. */
export type Page = "instances" | "images" | "snapshots";
export const PAGES: readonly Page[] = ["instances", "images", "snapshots"];
const BASE = "/console";

function subscribe(onChange: () => void) {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
}

const snapshot = () => window.location.pathname + window.location.search;

export function href(page: Page, region: string | null): string {
  return `${BASE}/${page}${region ? `?region=${encodeURIComponent(region)}` : ""}`;
}

export function navigate(to: string, replace = false): void {
  if (to === snapshot()) return;
  if (replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

export function useRoute(): {
  page: Page;
  region: string | null;
  go(page: Page, region?: string | null): void;
} {
  const location = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(location, window.location.origin);
  const segment = url.pathname.slice(BASE.length).split("/").filter(Boolean)[0];
  const page = PAGES.find((p) => p === segment) ?? "instances";
  const region = url.searchParams.get("region");
  const go = useCallback(
    (next: Page, nextRegion?: string | null) =>
      navigate(href(next, nextRegion === undefined ? region : nextRegion)),
    [region],
  );
  return { page, region, go };
}
