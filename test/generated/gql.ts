/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      imageQuotaPerRegion\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query RegionsAndSystemImages($filter: ImageFilter, $first: Int) {\n    regions {\n      id\n      name\n    }\n    images(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          region {\n            id\n          }\n          status\n          ownerAlias\n          source\n          osType\n          platform\n          architecture\n          sizeGiB\n          progress\n          checks {\n            item\n          }\n        }\n      }\n    }\n  }\n": typeof types.RegionsAndSystemImagesDocument,
    "\n  fragment InstanceFields on Instance {\n    id\n    name\n    status\n    osType\n    platform\n    architecture\n    region {\n      id\n    }\n    image {\n      id\n    }\n    imageInProgress {\n      id\n    }\n    disks {\n      id\n      type\n      device\n      sizeGiB\n      status\n      sourceSnapshot {\n        id\n      }\n    }\n    guest {\n      fstabDataDiskEntries\n      mountedFileSystems\n      kernelUpgraded\n      systemDiskPartitions\n      systemDiskFreeMiB\n      modifiedSystemPaths\n      rootUsername\n    }\n    expiresAt\n    createdAt\n    releasedAt\n  }\n": typeof types.InstanceFieldsFragmentDoc,
    "\n  mutation CreateInstance($input: CreateInstanceInput!) {\n    createInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateInstanceDocument,
    "\n  mutation StartInstance($input: InstanceActionInput!) {\n    startInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.StartInstanceDocument,
    "\n  mutation StopInstance($input: InstanceActionInput!) {\n    stopInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.StopInstanceDocument,
    "\n  mutation RebootInstance($input: InstanceActionInput!) {\n    rebootInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.RebootInstanceDocument,
    "\n  mutation ReleaseInstance($input: InstanceActionInput!) {\n    releaseInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ReleaseInstanceDocument,
    "\n  mutation UpdateGuest($input: UpdateInstanceGuestStateInput!) {\n    updateInstanceGuestState(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateGuestDocument,
    "\n  query Instance($id: ID!) {\n    instance(id: $id) {\n      ...InstanceFields\n    }\n  }\n": typeof types.InstanceDocument,
    "\n  query ConsoleInstances($first: Int, $after: String, $filter: InstanceFilter) {\n    instances(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          status\n          region {\n            id\n            name\n          }\n          disks {\n            id\n            type\n            device\n            sizeGiB\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleInstancesDocument,
    "\n  query Disks($first: Int, $after: String, $filter: DiskFilter) {\n    disks(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          type\n          device\n          sizeGiB\n          status\n          region {\n            id\n          }\n          instance {\n            id\n          }\n          snapshots(first: 5) {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n": typeof types.DisksDocument,
    "\n  query Snapshots($first: Int, $after: String, $filter: SnapshotFilter) {\n    snapshots(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          progress\n          device\n          sourceDiskId\n        }\n      }\n    }\n  }\n": typeof types.SnapshotsDocument,
    "\n  query Disk($id: ID!) {\n    disk(id: $id) {\n      id\n      status\n      instance {\n        id\n      }\n    }\n  }\n": typeof types.DiskDocument,
    "\n  query Image($id: ID!) {\n    image(id: $id) {\n      id\n      name\n      status\n      ownerAlias\n      region {\n        id\n      }\n      sizeGiB\n      instances(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.ImageDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Instance {\n        name\n      }\n      ... on Image {\n        name\n      }\n      ... on Account {\n        name\n      }\n      ... on Disk {\n        device\n      }\n    }\n  }\n": typeof types.NodeDocument,
    "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n": typeof types.NodesDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      imageQuotaPerRegion\n    }\n  }\n": types.ViewerDocument,
    "\n  query RegionsAndSystemImages($filter: ImageFilter, $first: Int) {\n    regions {\n      id\n      name\n    }\n    images(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          region {\n            id\n          }\n          status\n          ownerAlias\n          source\n          osType\n          platform\n          architecture\n          sizeGiB\n          progress\n          checks {\n            item\n          }\n        }\n      }\n    }\n  }\n": types.RegionsAndSystemImagesDocument,
    "\n  fragment InstanceFields on Instance {\n    id\n    name\n    status\n    osType\n    platform\n    architecture\n    region {\n      id\n    }\n    image {\n      id\n    }\n    imageInProgress {\n      id\n    }\n    disks {\n      id\n      type\n      device\n      sizeGiB\n      status\n      sourceSnapshot {\n        id\n      }\n    }\n    guest {\n      fstabDataDiskEntries\n      mountedFileSystems\n      kernelUpgraded\n      systemDiskPartitions\n      systemDiskFreeMiB\n      modifiedSystemPaths\n      rootUsername\n    }\n    expiresAt\n    createdAt\n    releasedAt\n  }\n": types.InstanceFieldsFragmentDoc,
    "\n  mutation CreateInstance($input: CreateInstanceInput!) {\n    createInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateInstanceDocument,
    "\n  mutation StartInstance($input: InstanceActionInput!) {\n    startInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.StartInstanceDocument,
    "\n  mutation StopInstance($input: InstanceActionInput!) {\n    stopInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.StopInstanceDocument,
    "\n  mutation RebootInstance($input: InstanceActionInput!) {\n    rebootInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.RebootInstanceDocument,
    "\n  mutation ReleaseInstance($input: InstanceActionInput!) {\n    releaseInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ReleaseInstanceDocument,
    "\n  mutation UpdateGuest($input: UpdateInstanceGuestStateInput!) {\n    updateInstanceGuestState(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.UpdateGuestDocument,
    "\n  query Instance($id: ID!) {\n    instance(id: $id) {\n      ...InstanceFields\n    }\n  }\n": types.InstanceDocument,
    "\n  query ConsoleInstances($first: Int, $after: String, $filter: InstanceFilter) {\n    instances(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          status\n          region {\n            id\n            name\n          }\n          disks {\n            id\n            type\n            device\n            sizeGiB\n            status\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleInstancesDocument,
    "\n  query Disks($first: Int, $after: String, $filter: DiskFilter) {\n    disks(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          type\n          device\n          sizeGiB\n          status\n          region {\n            id\n          }\n          instance {\n            id\n          }\n          snapshots(first: 5) {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n": types.DisksDocument,
    "\n  query Snapshots($first: Int, $after: String, $filter: SnapshotFilter) {\n    snapshots(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          progress\n          device\n          sourceDiskId\n        }\n      }\n    }\n  }\n": types.SnapshotsDocument,
    "\n  query Disk($id: ID!) {\n    disk(id: $id) {\n      id\n      status\n      instance {\n        id\n      }\n    }\n  }\n": types.DiskDocument,
    "\n  query Image($id: ID!) {\n    image(id: $id) {\n      id\n      name\n      status\n      ownerAlias\n      region {\n        id\n      }\n      sizeGiB\n      instances(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.ImageDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Instance {\n        name\n      }\n      ... on Image {\n        name\n      }\n      ... on Account {\n        name\n      }\n      ... on Disk {\n        device\n      }\n    }\n  }\n": types.NodeDocument,
    "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n": types.NodesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      imageQuotaPerRegion\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      name\n      imageQuotaPerRegion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionsAndSystemImages($filter: ImageFilter, $first: Int) {\n    regions {\n      id\n      name\n    }\n    images(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          region {\n            id\n          }\n          status\n          ownerAlias\n          source\n          osType\n          platform\n          architecture\n          sizeGiB\n          progress\n          checks {\n            item\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RegionsAndSystemImages($filter: ImageFilter, $first: Int) {\n    regions {\n      id\n      name\n    }\n    images(first: $first, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          region {\n            id\n          }\n          status\n          ownerAlias\n          source\n          osType\n          platform\n          architecture\n          sizeGiB\n          progress\n          checks {\n            item\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InstanceFields on Instance {\n    id\n    name\n    status\n    osType\n    platform\n    architecture\n    region {\n      id\n    }\n    image {\n      id\n    }\n    imageInProgress {\n      id\n    }\n    disks {\n      id\n      type\n      device\n      sizeGiB\n      status\n      sourceSnapshot {\n        id\n      }\n    }\n    guest {\n      fstabDataDiskEntries\n      mountedFileSystems\n      kernelUpgraded\n      systemDiskPartitions\n      systemDiskFreeMiB\n      modifiedSystemPaths\n      rootUsername\n    }\n    expiresAt\n    createdAt\n    releasedAt\n  }\n"): (typeof documents)["\n  fragment InstanceFields on Instance {\n    id\n    name\n    status\n    osType\n    platform\n    architecture\n    region {\n      id\n    }\n    image {\n      id\n    }\n    imageInProgress {\n      id\n    }\n    disks {\n      id\n      type\n      device\n      sizeGiB\n      status\n      sourceSnapshot {\n        id\n      }\n    }\n    guest {\n      fstabDataDiskEntries\n      mountedFileSystems\n      kernelUpgraded\n      systemDiskPartitions\n      systemDiskFreeMiB\n      modifiedSystemPaths\n      rootUsername\n    }\n    expiresAt\n    createdAt\n    releasedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInstance($input: CreateInstanceInput!) {\n    createInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateInstance($input: CreateInstanceInput!) {\n    createInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartInstance($input: InstanceActionInput!) {\n    startInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartInstance($input: InstanceActionInput!) {\n    startInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopInstance($input: InstanceActionInput!) {\n    stopInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StopInstance($input: InstanceActionInput!) {\n    stopInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RebootInstance($input: InstanceActionInput!) {\n    rebootInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RebootInstance($input: InstanceActionInput!) {\n    rebootInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseInstance($input: InstanceActionInput!) {\n    releaseInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReleaseInstance($input: InstanceActionInput!) {\n    releaseInstance(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGuest($input: UpdateInstanceGuestStateInput!) {\n    updateInstanceGuestState(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateGuest($input: UpdateInstanceGuestStateInput!) {\n    updateInstanceGuestState(input: $input) {\n      instance {\n        ...InstanceFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Instance($id: ID!) {\n    instance(id: $id) {\n      ...InstanceFields\n    }\n  }\n"): (typeof documents)["\n  query Instance($id: ID!) {\n    instance(id: $id) {\n      ...InstanceFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleInstances($first: Int, $after: String, $filter: InstanceFilter) {\n    instances(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          status\n          region {\n            id\n            name\n          }\n          disks {\n            id\n            type\n            device\n            sizeGiB\n            status\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleInstances($first: Int, $after: String, $filter: InstanceFilter) {\n    instances(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          status\n          region {\n            id\n            name\n          }\n          disks {\n            id\n            type\n            device\n            sizeGiB\n            status\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Disks($first: Int, $after: String, $filter: DiskFilter) {\n    disks(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          type\n          device\n          sizeGiB\n          status\n          region {\n            id\n          }\n          instance {\n            id\n          }\n          snapshots(first: 5) {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Disks($first: Int, $after: String, $filter: DiskFilter) {\n    disks(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          type\n          device\n          sizeGiB\n          status\n          region {\n            id\n          }\n          instance {\n            id\n          }\n          snapshots(first: 5) {\n            totalCount\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Snapshots($first: Int, $after: String, $filter: SnapshotFilter) {\n    snapshots(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          progress\n          device\n          sourceDiskId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Snapshots($first: Int, $after: String, $filter: SnapshotFilter) {\n    snapshots(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          progress\n          device\n          sourceDiskId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Disk($id: ID!) {\n    disk(id: $id) {\n      id\n      status\n      instance {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query Disk($id: ID!) {\n    disk(id: $id) {\n      id\n      status\n      instance {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Image($id: ID!) {\n    image(id: $id) {\n      id\n      name\n      status\n      ownerAlias\n      region {\n        id\n      }\n      sizeGiB\n      instances(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Image($id: ID!) {\n    image(id: $id) {\n      id\n      name\n      status\n      ownerAlias\n      region {\n        id\n      }\n      sizeGiB\n      instances(first: 10) {\n        totalCount\n        edges {\n          node {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Instance {\n        name\n      }\n      ... on Image {\n        name\n      }\n      ... on Account {\n        name\n      }\n      ... on Disk {\n        device\n      }\n    }\n  }\n"): (typeof documents)["\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Instance {\n        name\n      }\n      ... on Image {\n        name\n      }\n      ... on Account {\n        name\n      }\n      ... on Disk {\n        device\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n"): (typeof documents)["\n  query Nodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;