import { graphql } from "../../generated/index.ts";

export const RegionsDocument = graphql(`
  query Regions {
    regions {
      id
      name
    }
  }
`);
