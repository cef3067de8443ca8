import { graphql } from "../generated/index.ts";

export const ImageFieldsFragment = graphql(`
  fragment ImageFields on Image {
    id
    name
    description
    status
    progress
    remainingSeconds
    source
    ownerAlias
    osType
    platform
    architecture
    sizeGiB
    region {
      id
    }
    sourceInstance {
      id
      imageInProgress {
        id
      }
    }
    sourceSnapshot {
      id
    }
    diskMappings {
      device
      type
      sizeGiB
      snapshot {
        id
        status
        device
        sourceDiskType
        sourceDiskSizeGiB
      }
    }
    checks {
      item
      result
      message
    }
    failureReason
    createdAt
    availableAt
  }
`);

export const CreateCustomImageDocument = graphql(`
  mutation CreateCustomImage($input: CreateCustomImageInput!) {
    createCustomImage(input: $input) {
      image {
        ...ImageFields
      }
      warnings {
        item
        result
        message
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ImageStatusDocument = graphql(`
  query ImageStatus($id: ID!) {
    image(id: $id) {
      ...ImageFields
    }
  }
`);

export const ImageProgressDocument = graphql(`
  subscription ImageProgress($imageId: ID!) {
    imageProgress(imageId: $imageId) {
      sequence
      done
      image {
        id
        status
        progress
        remainingSeconds
        failureReason
      }
      snapshot {
        id
        device
        status
        progress
        remainingSeconds
        sourceDiskSizeGiB
      }
    }
  }
`);

export const SnapshotProgressDocument = graphql(`
  subscription SnapshotProgress($snapshotId: ID!) {
    snapshotProgress(snapshotId: $snapshotId) {
      sequence
      done
      snapshot {
        id
        status
        progress
        remainingSeconds
        failureReason
      }
    }
  }
`);

export const CreateSnapshotDocument = graphql(`
  mutation CreateSnapshot($input: CreateSnapshotInput!) {
    createSnapshot(input: $input) {
      snapshot {
        id
        name
        status
        progress
        remainingSeconds
        device
        sourceDiskId
        sourceDiskType
        sourceDiskSizeGiB
        createdAt
        completedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteSnapshotDocument = graphql(`
  mutation DeleteSnapshot($input: DeleteSnapshotInput!) {
    deleteSnapshot(input: $input) {
      deletedSnapshotId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SnapshotStatusDocument = graphql(`
  query SnapshotStatus($id: ID!) {
    snapshot(id: $id) {
      id
      status
      progress
      remainingSeconds
      failureReason
      completedAt
      sourceDisk {
        id
      }
      sourceDiskId
      image {
        id
      }
    }
  }
`);
