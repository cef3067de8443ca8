/** The operation GraphiQL opens with in development: the console's first steps. */
export const EXAMPLE_OPERATION = `# image-gateway: your demo API key is already in the Headers tab below.
# Run "Console" to look around, then "CreateInstance". Put the IDs you get into the Variables
# tab ({"instanceId": "i-…", "imageId": "m-…"}) for the operations below: make a custom image,
# watch its snapshots live (in a second tab), copy it to cn-shanghai.

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

mutation CreateCustomImage($instanceId: ID!) {
  createCustomImage(input: { instanceId: $instanceId, name: "web-golden-1" }) {
    image { id status progress diskMappings { device sizeGiB snapshot { id status } } }
    warnings { item result message }
    userErrors { code field message }
  }
}

subscription WatchImage($imageId: ID!) {
  imageProgress(imageId: $imageId) {
    sequence done
    image { status progress remainingSeconds }
    snapshot { device status progress remainingSeconds }
  }
}

mutation StopInstance($instanceId: ID!) {
  stopInstance(input: { instanceId: $instanceId }) {
    instance { id status }
    userErrors { code message }
  }
}

mutation CopyImage($imageId: ID!) {
  copyImage(input: { imageId: $imageId, destinationRegionId: "cn-shanghai" }) {
    image { id status region { id } }
    userErrors { code message }
  }
}
`;
