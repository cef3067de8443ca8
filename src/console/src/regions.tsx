import { createContext, useContext } from "react";

export interface RegionInfo {
  id: string;
  name: string;
}

export interface ConsoleContextValue {
  regions: RegionInfo[];
  region: string;
}

export const ConsoleContext = createContext<ConsoleContextValue>({ regions: [], region: "" });
export const useConsole = () => useContext(ConsoleContext);
/** A region picker's options: each region by name and id. */
export function RegionOptions({ regions }: { regions: readonly RegionInfo[] }) {
  return regions.map((r) => (
    <option key={r.id} value={r.id}>
      {r.name} ({r.id})
    </option>
  ));
}

export const regionName = (regions: RegionInfo[], id: string | null | undefined) =>
  regions.find((r) => r.id === id)?.name ?? id ?? "";
