import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
// In this order: each sheet may override those before it.
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/tables.css";
import "./styles/menus.css";
import "./styles/dialogs.css";
import "./styles/pages.css";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
