/** The operation GraphiQL opens with in development: the console's first steps. */
export const EXAMPLE_OPERATION = `# image-gateway: your demo API key is already in the Headers tab below.
# Run "Console" to look around, then "CreateInstance", then "Console" again.

query Console {
  viewer { id name imageQuotaPerRegion }
  regions { id name }
  images(first: 5, filter: { regionId: "cn-hangzhou", ownerAlias: [SYSTEM] }) {
    edges { node { id name osType platform sizeGiB } }
  }
  instances(first: 10) {
    totalCount
    edges {
      node {
        id name status region { id }
        disks { id type device sizeGiB status }
        imageInProgress { id status progress }
      }
    }
  }
}

mutation CreateInstance {
  createInstance(input: {
    regionId: "cn-hangzhou"
    name: "web-1"
    imageId: "ubuntu_22_04_x64_20G_alibase"
    dataDisks: [{ sizeGiB: 40 }, { sizeGiB: 100 }]
  }) {
    instance { id name status disks { id device sizeGiB } }
    userErrors { code field message }
  }
}

mutation StopInstance($id: ID!) {
  stopInstance(input: { instanceId: $id }) {
    instance { id status }
    userErrors { code message }
  }
}
`;
