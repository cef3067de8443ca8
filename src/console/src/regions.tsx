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
export const regionName = (regions: RegionInfo[], id: string | null | undefined) =>
  regions.find((r) => r.id === id)?.name ?? id ?? "";
