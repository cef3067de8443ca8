import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../schema/pagination.ts";

/**
 * The cost of one operation, before it runs, with its variables (README "Endpoints and limits"):
 * - a scalar or enum field costs 0, `__typename` and introspection cost 0;
 * - a field returning an object costs 1 plus what is selected inside it;
 * - a connection (a type named `…Connection`) costs 2 plus `first` times what is selected inside
 *   it; `first` is the literal, else the variable's value, else the variable's default, else the
 *   argument's default, else the page default (20); clamped to 0…100;
 * - `nodes(ids:)` costs 1 plus the number of IDs times what is selected inside it;
 * - a fragment costs what it selects, each time it is spread (its cost is computed once).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): number {
  const operation = pickOperation(document, operationName);
  if (!operation) return 0;
  const root = rootType(schema, operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const defaults = new Map<string, unknown>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) {
      defaults.set(definition.variable.name.value, valueFromASTUntyped(definition.defaultValue));
    }
  }
  const variable = (name: string): unknown =>
    variables && Object.hasOwn(variables, name) ? variables[name] : defaults.get(name);
  const argument = (node: FieldNode, name: string): ValueNode | undefined =>
    node.arguments?.find((a) => a.name.value === name)?.value;
  const argumentValue = (value: ValueNode | undefined): unknown => {
    if (!value) return undefined;
    if (value.kind === Kind.VARIABLE) return variable(value.name.value);
    return valueFromASTUntyped(value);
  };

  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();

  const selectionCost = (set: SelectionSetNode, parent: GraphQLNamedType): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type) total += selectionCost(selection.selectionSet, type);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };

  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // Unknown and cyclic fragments are validation errors: nothing runs.
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const type = schema.getType(fragment.typeCondition.name.value);
    const cost = type ? selectionCost(fragment.selectionSet, type) : 0;
    inProgress.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType): number => {
    const name = node.name.value;
    if (name.startsWith("__") || !node.selectionSet) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const definition = parent.getFields()[name];
    if (!definition) return 0;
    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) return 0;
    const inside = selectionCost(node.selectionSet, type as GraphQLCompositeType);
    if (type.name.endsWith("Connection")) {
      const declared = definition.args.find((a) => a.name === "first")?.defaultValue;
      return 2 + pageSize(argumentValue(argument(node, "first")) ?? declared) * inside;
    }
    if (name === "nodes") {
      const ids = argumentValue(argument(node, "ids"));
      return 1 + (Array.isArray(ids) ? ids.length : 1) * inside;
    }
    return 1 + inside;
  };

  return selectionCost(operation.selectionSet, root);
}

function pageSize(value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(0, Math.trunc(value)));
}

function pickOperation(document: DocumentNode, name: string | null | undefined) {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (name) return operations.find((o) => o.name?.value === name);
  return operations.length === 1 ? operations[0] : undefined;
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  if (operation.operation === "query") return schema.getQueryType();
  if (operation.operation === "mutation") return schema.getMutationType();
  return schema.getSubscriptionType();
}
