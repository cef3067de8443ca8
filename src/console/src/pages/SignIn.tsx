import { type FormEvent, useState } from "react";
import { createGatewayClient } from "../client.ts";
import { Field } from "../components/Field.tsx";
import { ViewerDocument } from "../documents/account.ts";
import { demoApiKey } from "../session.ts";

interface SignInProps {
  reason: string | null;
  onSignedIn(key: string): void;
  onNetworkProblem(message: string | null): void;
}

/** Checks the key against the gateway (viewer) before keeping it for the session. */
export function SignIn({ reason, onSignedIn, onNetworkProblem }: SignInProps) {
  const demo = demoApiKey();
  const [key, setKey] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = key.trim();
    if (!candidate) {
      setRefusal("Enter an API key.");
      return;
    }
    setBusy(true);
    let refused = false;
    const probe = createGatewayClient(candidate, {
      onNetworkProblem,
      onUnauthenticated: () => {
        refused = true;
      },
    });
    const result = await probe.client
      .query(ViewerDocument, {}, { requestPolicy: "network-only" })
      .toPromise();
    probe.dispose();
    setBusy(false);
    if (result.data) onSignedIn(candidate);
    else if (refused) setRefusal("The gateway does not accept this API key.");
    else if (result.error && !result.error.networkError) setRefusal(result.error.message);
  };

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit} noValidate>
        <h1>
          <span className="brand-mark" aria-hidden="true" /> image-gateway console
        </h1>
        <p className="muted">Instances, custom images and their snapshots, with live progress.</p>
        {reason ? (
          <p className="notice notice-info" role="status">
            {reason}
          </p>
        ) : null}
        <Field
          label="API key"
          errors={refusal ? [{ code: "INVALID_INPUT", field: ["apiKey"], message: refusal }] : []}
          hint={demo ? "Kept for this browser session only." : undefined}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={key}
              onChange={(event) => {
                setKey(event.target.value);
                setRefusal(null);
              }}
            />
          )}
        </Field>
        {demo ? (
          <p className="demo-key">
            Development server: the demo key is <code>{demo}</code>.{" "}
            <button type="button" className="link-button" onClick={() => setKey(demo)}>
              Use the demo key
            </button>
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
