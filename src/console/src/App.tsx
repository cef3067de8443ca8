import { type MouseEvent, type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { Provider, useQuery } from "urql";
import { type ClientEvents, createGatewayClient } from "./client.ts";
import { ViewerDocument } from "./documents/account.ts";
import { NoticeList, NoticeProvider, useNotices } from "./notices.tsx";
import { ImagesPage } from "./pages/Images.tsx";
import { InstancesPage } from "./pages/Instances.tsx";
import { SignIn } from "./pages/SignIn.tsx";
import { SnapshotsPage } from "./pages/Snapshots.tsx";
import { ConsoleContext, RegionOptions } from "./regions.tsx";
import { href, navigate, type Page, useRoute } from "./router.ts";
import { session } from "./session.ts";

export function App() {
  const [apiKey, setApiKey] = useState<string | null>(() => session.get());
  const [problem, setProblem] = useState<string | null>(null);
  const [signInReason, setSignInReason] = useState<string | null>(null);

  const signOut = useCallback((reason: string | null) => {
    session.clear();
    setApiKey(null);
    setProblem(null);
    setSignInReason(reason);
  }, []);
  const events = useMemo<ClientEvents>(
    () => ({
      onNetworkProblem: setProblem,
      onUnauthenticated: () => signOut("The gateway no longer accepts that API key: sign in again."),
    }),
    [signOut],
  );
  const gateway = useMemo(() => (apiKey ? createGatewayClient(apiKey, events) : null), [apiKey, events]);
  useEffect(() => () => gateway?.dispose(), [gateway]);

  const banner = problem ? (
    <div className="banner" role="alert">
      {problem}
    </div>
  ) : null;

  if (!gateway) {
    return (
      <>
        {banner}
        <SignIn
          reason={signInReason}
          onNetworkProblem={setProblem}
          onSignedIn={(key) => {
            session.set(key);
            setSignInReason(null);
            setApiKey(key);
          }}
        />
      </>
    );
  }
  return (
    <Provider value={gateway.client}>
      <NoticeProvider>
        <Shell banner={banner} onSignOut={() => signOut(null)} />
      </NoticeProvider>
    </Provider>
  );
}

const PAGE_TITLES: Record<Page, string> = {
  instances: "Instances",
  images: "Images",
  snapshots: "Snapshots",
};

function NavLink({ page, current, region }: { page: Page; current: Page; region: string | null }) {
  const to = href(page, region);
  const follow = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={follow} aria-current={page === current ? "page" : undefined}>
      {PAGE_TITLES[page]}
    </a>
  );
}

function Shell({ banner, onSignOut }: { banner: ReactNode; onSignOut(): void }) {
  const [{ data, error }] = useQuery({ query: ViewerDocument });
  const { page, region } = useRoute();
  const { clear } = useNotices();
  // Messages belong to the page they were given on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared whenever the page or region changes
  useEffect(() => clear(), [page, region, clear]);
  const regions = data?.regions ?? [];
  const current = regions.find((r) => r.id === region)?.id ?? regions[0]?.id ?? null;

  useEffect(() => {
    if (current && current !== region) navigate(href(page, current), true);
  }, [current, region, page]);
  useEffect(() => {
    document.title = `${PAGE_TITLES[page]} · image-gateway console`;
  }, [page]);

  const context = useMemo(() => ({ regions, region: current ?? "" }), [regions, current]);
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          image-gateway
        </span>
        <label className="region-picker">
          <span>Region</span>
          <select
            value={current ?? ""}
            onChange={(event) => navigate(href(page, event.target.value))}
            disabled={!regions.length}
          >
            <RegionOptions regions={regions} />
          </select>
        </label>
        <span className="spacer" />
        {data ? <span className="account">{data.viewer.name}</span> : null}
        <button type="button" className="button button-quiet" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      {banner}
      <div className="layout">
        <nav className="sidebar" aria-label="Console">
          <NavLink page="instances" current={page} region={current} />
          <NavLink page="images" current={page} region={current} />
          <NavLink page="snapshots" current={page} region={current} />
        </nav>
        <main className="content">
          <NoticeList />
          {error && !error.networkError ? (
            <div className="notice notice-error" role="alert">
              {error.message}
            </div>
          ) : null}
          {current ? (
            <ConsoleContext.Provider value={context}>
              {page === "instances" ? <InstancesPage key={current} /> : null}
              {page === "images" ? <ImagesPage key={current} /> : null}
              {page === "snapshots" ? <SnapshotsPage key={current} /> : null}
            </ConsoleContext.Provider>
          ) : (
            <p className="table-note">
              <span className="spinner" aria-hidden="true" /> Loading…
            </p>
          )}
        </main>
      </div>
    </div>
  );
}
