"""Operation limits: how long, deep, aliased and costly one GraphQL operation may be, and how
long its lists and searches.

Every refusal happens before any resolver runs and carries its own ``extensions.code``, so a
client can tell "ask for less" from a mistake in its document. The cost is an upper bound on
the graph nodes an operation may touch, counted the way GitHub's GraphQL API counts it: a
connection counts its ``first`` (the page size the resolver will use), multiplied by the
``first`` of every connection or list around it; a list without ``first`` counts a fixed
estimate. A full-text search can read every entry of its index whatever ``first`` says, so
each search counts a fixed number of nodes of its own, multiplied the same way.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLArgument,
    GraphQLError,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLSyntaxError,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    NullValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    ValidationRule,
    ValueNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    get_operation_ast,
    is_composite_type,
)
from graphql.language.visitor import SKIP, VisitorAction
from graphql.type.introspection import SchemaMetaFieldDef, TypeMetaFieldDef
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from newsgraph.schema.relay import DEFAULT_PAGE
from newsgraph.schema.search import SearchRules, is_search, parse_search
from newsgraph.settings import Settings

__all__ = [
    "AGGREGATE_TYPES",
    "ALIAS_LIMIT_EXCEEDED",
    "BAD_USER_INPUT",
    "COST_LIMIT_EXCEEDED",
    "DEPTH_LIMIT_EXCEEDED",
    "FILTER_LIMIT_EXCEEDED",
    "INTROSPECTION_DISABLED",
    "LIST_ESTIMATE",
    "LIST_LIMIT_EXCEEDED",
    "MAX_PERIOD_BUCKETS",
    "TOKEN_LIMIT_EXCEEDED",
    "FilterRules",
    "Measure",
    "OperationLimits",
    "measure_operation",
    "operation_cost",
    "operation_limits",
    "unstorable",
]

DEPTH_LIMIT_EXCEEDED = "DEPTH_LIMIT_EXCEEDED"
TOKEN_LIMIT_EXCEEDED = "TOKEN_LIMIT_EXCEEDED"
ALIAS_LIMIT_EXCEEDED = "ALIAS_LIMIT_EXCEEDED"
COST_LIMIT_EXCEEDED = "COST_LIMIT_EXCEEDED"
FILTER_LIMIT_EXCEEDED = "FILTER_LIMIT_EXCEEDED"
INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"
LIST_LIMIT_EXCEEDED = "LIST_LIMIT_EXCEEDED"
BAD_USER_INPUT = "BAD_USER_INPUT"

_DEFAULT_SEARCH_COST: int = Settings.model_fields["search_cost"].default

# Lists without `first` (roles, participants, reports, mentions, topics, ...) are short in
# practice; one guess for all of them keeps the bound simple to state and to predict.
LIST_ESTIMATE = 10

# Objects each of whose fields runs its own graph query over the parent's filter: a search in
# that filter is run once per field selected, and counted so.
AGGREGATE_TYPES = frozenset({"MeetingStats", "StatementStats", "ArticleStats"})

# The most periods one `byPeriod(interval:)` answers (the aggregates' buckets, empty ones
# included): its cost, since it has no `first`, and the bound its resolver enforces.
MAX_PERIOD_BUCKETS = 1000

# Strawberry's QueryDepthLimiter skips these too: introspection follows the schema, not the
# data, and every introspection client nests `ofType` deeper than any data query needs.
# The cost still counts their lists, which is what bounds a recursive introspection query.
_INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})


def _refusal(message: str, code: str, **numbers: int) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code, **numbers})


def _label(operation: OperationDefinitionNode) -> str:
    return f"operation {operation.name.value!r}" if operation.name else "the operation"


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }


def _operations(document: DocumentNode) -> list[OperationDefinitionNode]:
    return [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]


class _Walk:
    """Depth and alias count of selection sets, each fragment measured once.

    Measuring a fragment once per name, not once per spread, keeps this linear: a chain of
    fragments that each spread the next one twice is small to send but exponential to expand.
    """

    def __init__(self, fragments: Mapping[str, FragmentDefinitionNode]) -> None:
        self.fragments = fragments
        self.depths: dict[str, int] = {}
        self.aliases: dict[str, int] = {}
        self.visiting: set[str] = set()

    def _fragment(self, name: str, memo: dict[str, int], measure: Callable[..., int]) -> int:
        if name in memo:
            return memo[name]
        fragment = self.fragments.get(name)
        # Unknown and cyclic fragments are other rules' errors; count them as nothing here.
        if fragment is None or name in self.visiting:
            return 0
        self.visiting.add(name)
        try:
            memo[name] = measure(fragment.selection_set)
        finally:
            self.visiting.discard(name)
        return memo[name]

    def depth(self, selection_set: SelectionSetNode) -> int:
        deepest = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if selection.selection_set is None or selection.name.value in _INTROSPECTION_ROOTS:
                    found = 0
                else:
                    found = 1 + self.depth(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                found = self.depth(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                found = self._fragment(selection.name.value, self.depths, self.depth)
            else:  # pragma: no cover - the grammar has no other selection
                found = 0
            deepest = max(deepest, found)
        return deepest

    def alias_count(self, selection_set: SelectionSetNode) -> int:
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += selection.alias is not None
                if selection.selection_set is not None:
                    total += self.alias_count(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                total += self.alias_count(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                total += self._fragment(selection.name.value, self.aliases, self.alias_count)
        return total


def _depth_rule(max_depth: int) -> type[ValidationRule]:
    class DepthLimit(ValidationRule):
        def enter_document(self, node: DocumentNode, *_args: Any) -> VisitorAction:
            walk = _Walk(_fragments(node))
            for operation in _operations(node):
                depth = walk.depth(operation.selection_set)
                if depth > max_depth:
                    self.report_error(
                        _refusal(
                            f"{_label(operation)} nests fields {depth} levels deep; the limit "
                            f"is {max_depth}",
                            DEPTH_LIMIT_EXCEEDED,
                            depth=depth,
                            limit=max_depth,
                        )
                    )
            # The whole document is measured: nothing to visit node by node.
            return SKIP

    return DepthLimit


def _alias_rule(max_aliases: int) -> type[ValidationRule]:
    class AliasLimit(ValidationRule):
        def enter_document(self, node: DocumentNode, *_args: Any) -> VisitorAction:
            walk = _Walk(_fragments(node))
            for operation in _operations(node):
                count = walk.alias_count(operation.selection_set)
                if count > max_aliases:
                    self.report_error(
                        _refusal(
                            f"{_label(operation)} uses {count} aliases; the limit is {max_aliases}",
                            ALIAS_LIMIT_EXCEEDED,
                            aliases=count,
                            limit=max_aliases,
                        )
                    )
            return SKIP

    return AliasLimit


# --- text the graph cannot carry -----------------------------------------------------------


def unstorable(text: str) -> bool:
    """True for text the graph cannot take: a NUL, or a lone surrogate.

    FalkorDB's client inlines parameters into a `CYPHER name="..."` header that the server
    reads as a C string, so a NUL cuts the query short and it fails to parse (no injection: the
    cut always falls inside an open string). A lone surrogate, which JSON lets a client send as
    "\\ud800", has no UTF-8 encoding, so no driver can send it at all.
    """
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _unstorable_variable(variables: Mapping[str, Any] | None) -> str | None:
    """The first variable holding unstorable text, as `$name` (None: all fine)."""
    # A stack, not recursion: a client decides how deeply its variables nest.
    if not isinstance(variables, Mapping):
        return None
    stack: list[tuple[str, Any]] = [(f"${name}", value) for name, value in variables.items()]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            if unstorable(value):
                return where.split(".", 1)[0].split("[", 1)[0]
        elif isinstance(value, Mapping):
            stack.extend((f"{where}.{key}", item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((f"{where}[{index}]", item) for index, item in enumerate(value))
    return None


def _unstorable_refusal(where: str) -> GraphQLError:
    return _refusal(
        f"{where} holds a NUL character (U+0000) or a lone surrogate, which the graph cannot "
        "store or search",
        BAD_USER_INPUT,
    )


class _StorableLiterals(ValidationRule):
    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        if unstorable(node.value):
            error = _unstorable_refusal("a string in the document")
            self.report_error(GraphQLError(error.message, node, extensions=error.extensions))


class _NoIntrospection(NoSchemaIntrospectionCustomRule):
    def report_error(self, error: GraphQLError) -> None:
        error.extensions = {**(error.extensions or {}), "code": INTROSPECTION_DISABLED}
        super().report_error(error)


# --- lists --------------------------------------------------------------------------------


def _list_refusal(where: str, items: int, limit: int) -> GraphQLError:
    return _refusal(
        f"{where} holds a list of {items:,} items; a list argument takes at most {limit:,}",
        LIST_LIMIT_EXCEEDED,
        items=items,
        limit=limit,
    )


def _list_rule(max_items: int) -> type[ValidationRule]:
    # Literal lists are short anyway (the token limit bounds the document), but the rule is
    # the same wherever a list comes from.
    class ListLimit(ValidationRule):
        def enter_list_value(self, node: ListValueNode, *_args: Any) -> None:
            if len(node.values) > max_items:
                error = _list_refusal("a list in the document", len(node.values), max_items)
                self.report_error(GraphQLError(error.message, node, extensions=error.extensions))

    return ListLimit


def _long_list_variable(variables: Mapping[str, Any] | None, max_items: int) -> GraphQLError | None:
    """A refusal for the first list in the variables longer than ``max_items`` (None: none).

    Every list a client can send is a list argument or a list field of an input object (the
    schema has no free-form JSON input), so the raw variables are checked before graphql-core
    coerces them: a list of 60,000 names used to cost seconds of coercion and lookups first.
    """
    if not isinstance(variables, Mapping):
        return None
    stack: list[tuple[str, Any]] = [(f"${name}", value) for name, value in variables.items()]
    while stack:
        where, value = stack.pop()
        if isinstance(value, list):
            if len(value) > max_items:
                return _list_refusal(f"variable {where}", len(value), max_items)
            stack.extend((f"{where}[{index}]", item) for index, item in enumerate(value))
        elif isinstance(value, Mapping):
            stack.extend((f"{where}.{key}", item) for key, item in value.items())
    return None


# --- cost ---------------------------------------------------------------------------------


# What a selection costs: graph nodes, and full-text searches (counted apart, weighed after).
Tally = tuple[int, int]


def _unwrapped(type_: GraphQLInputType) -> GraphQLInputType:
    return type_.of_type if isinstance(type_, GraphQLNonNull) else type_


# The fields of a filter that hold more filters of its own type.
_CONNECTIVES = ("AND", "OR", "NOT")


@dataclass(frozen=True)
class FilterRules:
    """How deep AND, OR and NOT may nest in one filter argument, and how many filters they
    may hold in all."""

    max_depth: int = Settings.model_fields["max_filter_depth"].default
    max_conditions: int = Settings.model_fields["max_filter_conditions"].default

    @classmethod
    def from_settings(cls, settings: Settings) -> FilterRules:
        return cls(settings.max_filter_depth, settings.max_filter_conditions)


def _nested_filters(value: Any, path: str) -> Iterator[tuple[str, int]]:
    """Every filter nested in ``value`` through AND, OR and NOT: its path and its level (1 for
    an item of the top filter's lists)."""
    if not isinstance(value, Mapping):
        return
    for name in _CONNECTIVES:
        items = value.get(name)
        for i, item in enumerate(items if isinstance(items, list) else [items]):
            if isinstance(item, Mapping):
                inner = f"{path}.{name}[{i}]"
                yield inner, 1
                for deeper, level in _nested_filters(item, inner):
                    yield deeper, level + 1


@dataclass
class _Costing:
    schema: GraphQLSchema
    fragments: Mapping[str, FragmentDefinitionNode]
    variables: Mapping[str, Any]
    defaults: Mapping[str, ValueNode]
    rules: SearchRules
    filter_rules: FilterRules = field(default_factory=FilterRules)
    memo: dict[str, Tally] = field(default_factory=dict)
    visiting: set[str] = field(default_factory=set)
    field_memo: dict[str, int] = field(default_factory=dict)
    refusal: GraphQLError | None = None

    def value(self, node: ValueNode | None) -> Any:
        """A literal or variable argument as the resolver will see it (None: not given)."""
        if isinstance(node, VariableNode):
            name = node.name.value
            if name in self.variables:
                return self.variables[name]
            return self.value(self.defaults.get(name))
        if isinstance(node, IntValueNode):
            return int(node.value)
        if isinstance(node, StringValueNode):
            return node.value
        if isinstance(node, ListValueNode):
            return [self.value(item) for item in node.values]
        if isinstance(node, ObjectValueNode):
            return {item.name.value: self.value(item.value) for item in node.fields}
        if node is None or isinstance(node, NullValueNode):
            return None
        return node  # another literal: not a number, a string, a list or an object

    def _texts(
        self, definition: GraphQLArgument | GraphQLInputField, value: Any, path: str
    ) -> Iterator[tuple[str, str]]:
        """The search texts (with their path) that ``value`` of ``definition`` carries."""
        if is_search(definition):
            if isinstance(value, str):
                yield path, value
            return
        type_ = _unwrapped(definition.type)
        items = [value]
        if isinstance(type_, GraphQLList):
            type_ = _unwrapped(type_.of_type)
            items = value if isinstance(value, list) else [value]
        if not isinstance(type_, GraphQLInputObjectType):
            return
        for item in items:
            if isinstance(item, Mapping):
                for name, inner in type_.fields.items():
                    if name in item:
                        yield from self._texts(inner, item[name], f"{path}.{name}")

    def searches(self, node: FieldNode, definition: GraphQLField) -> int:
        """How many searches this field runs for each item of its parent, each one checked
        against the grammar and its bounds (the first refusal is kept)."""
        found = 0
        for argument in node.arguments or ():
            declared = definition.args.get(argument.name.value)
            if declared is None:
                continue
            value = self.value(argument.value)
            for path, text in self._texts(declared, value, argument.name.value):
                where = f"{node.name.value}({path})"
                try:
                    if parse_search(text, self.rules, where) is not None:
                        found += 1
                except GraphQLError as refused:
                    if self.refusal is None:
                        self.refusal = GraphQLError(
                            refused.message, node, extensions=refused.extensions
                        )
        return found

    def _refuse(self, refused: GraphQLError) -> None:
        if self.refusal is None:
            self.refusal = refused

    def filters(self, node: FieldNode, definition: GraphQLField) -> int:
        """How many filters this field's arguments nest in AND, OR and NOT (each is one more
        predicate on every item the graph reads); past the bounds, the field is refused."""
        found = 0
        for argument in node.arguments or ():
            declared = definition.args.get(argument.name.value)
            type_ = _unwrapped(declared.type) if declared is not None else None
            if not isinstance(type_, GraphQLInputObjectType) or "OR" not in type_.fields:
                continue
            where = f"{node.name.value}({argument.name.value}"
            nested = list(_nested_filters(self.value(argument.value), ""))
            found += len(nested)
            deepest = max(nested, key=lambda item: item[1], default=("", 0))
            limits = self.filter_rules
            if deepest[1] > limits.max_depth:
                self._refuse(
                    _refusal(
                        f"{where}{deepest[0]}): AND, OR and NOT nest {deepest[1]} levels deep "
                        f"here; the limit is {limits.max_depth}",
                        FILTER_LIMIT_EXCEEDED,
                        depth=deepest[1],
                        limit=limits.max_depth,
                    )
                )
            if len(nested) > limits.max_conditions:
                self._refuse(
                    _refusal(
                        f"{where}): {len(nested)} filters inside AND, OR and NOT; the limit "
                        f"is {limits.max_conditions}",
                        FILTER_LIMIT_EXCEEDED,
                        conditions=len(nested),
                        limit=limits.max_conditions,
                    )
                )
        return found

    def argument(self, node: FieldNode, name: str) -> Any:
        for argument in node.arguments or ():
            if argument.name.value == name:
                return self.value(argument.value)
        return None

    def page(self, node: FieldNode, definition: GraphQLField) -> int:
        value = self.argument(node, "first")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            # Absent, null or not a number: the resolver pages with its default (and a value
            # that is not an Int never gets that far).
            # A list whose `first` defaults to null (`reports`) is whole without it, and
            # counts as the other lists without `first` do.
            default = definition.args["first"].default_value
            value = default if isinstance(default, int) else self.unpaged(definition)
        return max(0, value)

    @staticmethod
    def unpaged(definition: GraphQLField) -> int:
        returned = get_nullable_type(definition.type)
        return LIST_ESTIMATE if isinstance(returned, GraphQLList) else DEFAULT_PAGE

    def field(self, parent: GraphQLNamedType, name: str) -> GraphQLField | None:
        if name == "__schema" and parent is self.schema.query_type:
            return SchemaMetaFieldDef
        if name == "__type" and parent is self.schema.query_type:
            return TypeMetaFieldDef
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            found: GraphQLField | None = parent.fields.get(name)
            return found
        return None  # __typename, or a field of a union: no nodes behind it

    def count(
        self, node: FieldNode, definition: GraphQLField, parent: GraphQLNamedType
    ) -> int | None:
        """How many items this field yields for each item of its parent (None: not a list)."""
        if "first" in definition.args:
            return self.page(node, definition)
        if "interval" in definition.args:
            return MAX_PERIOD_BUCKETS  # a period count per bucket, at most this many
        returned = get_nullable_type(definition.type)
        if not isinstance(returned, GraphQLList) or not is_composite_type(get_named_type(returned)):
            return None  # one object, or scalars: nodes the parent's count covers
        if node.name.value == "edges" and parent.name.endswith("Connection"):
            return None  # the connection's `first` counted these already
        lists = [
            value
            for argument in node.arguments or ()
            if isinstance(value := self.value(argument.value), list)
        ]
        # `nodes(ids:)` returns exactly as many items as ids given.
        return max(len(value) for value in lists) if lists else LIST_ESTIMATE

    def selections(self, selection_set: SelectionSetNode, parent: GraphQLNamedType) -> Tally:
        """The nodes and searches of a selection set for one item of ``parent``."""
        nodes = searches = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                definition = self.field(parent, selection.name.value)
                if definition is None:
                    continue
                counted = self.count(selection, definition, parent)
                items = 1 if counted is None else counted
                nodes += counted or 0
                # Each nested filter counts as reading the page once more.
                nodes += items * self.filters(selection, definition)
                found = self.searches(selection, definition)
                inner = get_named_type(definition.type)
                if found and selection.selection_set and inner.name in AGGREGATE_TYPES:
                    # Each aggregate field selected is a query of its own, search included.
                    found *= max(1, self.fields_below(selection.selection_set))
                searches += found
                if selection.selection_set is not None:
                    inner_nodes, inner_searches = self.selections(selection.selection_set, inner)
                    nodes += items * inner_nodes
                    searches += items * inner_searches
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner_type = self.schema.get_type(condition.name.value) if condition else parent
                if inner_type is not None:
                    inner_nodes, inner_searches = self.selections(
                        selection.selection_set, inner_type
                    )
                    nodes += inner_nodes
                    searches += inner_searches
            elif isinstance(selection, FragmentSpreadNode):
                inner_nodes, inner_searches = self.fragment(selection.name.value)
                nodes += inner_nodes
                searches += inner_searches
        return nodes, searches

    def fields_below(self, selection_set: SelectionSetNode) -> int:
        """The fields a selection set selects, aliases apart, fragments included (each
        fragment counted once per name, however often it is spread within)."""
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += selection.name.value != "__typename"
            elif isinstance(selection, InlineFragmentNode):
                total += self.fields_below(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if name not in self.field_memo and fragment is not None:
                    self.field_memo[name] = 0  # a cycle counts nothing more
                    self.field_memo[name] = self.fields_below(fragment.selection_set)
                total += self.field_memo.get(name, 0)
        return total

    def fragment(self, name: str) -> Tally:
        # A fragment's cost does not depend on where it is spread: compute it once.
        if name in self.memo:
            return self.memo[name]
        fragment = self.fragments.get(name)
        if fragment is None or name in self.visiting:
            return 0, 0
        on = self.schema.get_type(fragment.type_condition.name.value)
        if on is None:
            return 0, 0
        self.visiting.add(name)
        try:
            self.memo[name] = self.selections(fragment.selection_set, on)
        finally:
            self.visiting.discard(name)
        return self.memo[name]


@dataclass(frozen=True)
class Measure:
    """What one operation asks of the graph, measured before it runs."""

    nodes: int  # the most graph nodes it can touch
    searches: int  # the full-text searches it can run
    # The first search that fails the grammar or its bounds (None: all pass).
    refusal: GraphQLError | None = None

    def cost(self, search_cost: int) -> int:
        return self.nodes + self.searches * search_cost


def measure_operation(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None = None,
    variables: Mapping[str, Any] | None = None,
    rules: SearchRules | None = None,
    filter_rules: FilterRules | None = None,
) -> Measure | None:
    """The nodes and searches of the chosen operation (None: no such operation).

    Every connection or list of objects adds the items it can return, times the items of
    every connection or list around it; single objects and scalars add nothing. Every
    non-blank search argument (found by its schema mark, in arguments and input objects
    alike) adds one search, multiplied the same way, and is checked against ``rules``.
    """
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return None
    root = schema.get_root_type(operation.operation)
    if root is None:
        return None
    costing = _Costing(
        schema=schema,
        fragments=_fragments(document),
        variables=variables if isinstance(variables, Mapping) else {},
        defaults={
            definition.variable.name.value: definition.default_value
            for definition in operation.variable_definitions or ()
            if definition.default_value is not None
        },
        rules=rules or SearchRules(),
        filter_rules=filter_rules or FilterRules(),
    )
    nodes, searches = costing.selections(operation.selection_set, root)
    return Measure(nodes, searches, costing.refusal)


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None = None,
    variables: Mapping[str, Any] | None = None,
    search_cost: int = _DEFAULT_SEARCH_COST,
) -> int | None:
    """The cost of the chosen operation: its nodes, and ``search_cost`` for each search."""
    measured = measure_operation(schema, document, operation_name, variables)
    return None if measured is None else measured.cost(search_cost)


# --- the extension ------------------------------------------------------------------------


def _token_limit_hit(error: GraphQLError, max_tokens: int) -> bool:
    # graphql-core aborts the parse with a syntax error naming the limit it was given.
    return isinstance(error, GraphQLSyntaxError) and f"more than {max_tokens} tokens" in (
        error.message
    )


class OperationLimits(SchemaExtension):
    """Refuse documents over the token limit, and operations too deep, aliased or costly.

    List it after ``ValidationCache``: the cost is checked in ``on_validate`` once validation
    has passed, because it depends on the variables, which a cached validation never sees.
    """

    def __init__(
        self,
        settings: Settings,
        rules: tuple[type[ValidationRule], ...] = (),
        measures: _Measures | None = None,
    ) -> None:
        super().__init__()
        self.measures = measures if measures is not None else _Measures()
        self.max_tokens = settings.max_tokens
        self.max_cost = settings.max_cost
        self.max_list_items = settings.max_list_items
        self.search_cost = settings.search_cost
        self.search_rules = SearchRules.from_settings(settings)
        self.filter_rules = FilterRules.from_settings(settings)
        self.rules = rules

    def _mark(self, error: GraphQLError) -> None:
        if _token_limit_hit(error, self.max_tokens):
            error.extensions = {
                **(error.extensions or {}),
                "code": TOKEN_LIMIT_EXCEEDED,
                "limit": self.max_tokens,
            }

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        # The parser counts tokens as it goes and stops at the limit, so an oversized
        # document costs no more than a document at the limit.
        context.parse_options["max_tokens"] = self.max_tokens
        context.validation_rules = (*context.validation_rules, *self.rules)
        try:
            yield
        except GraphQLError as raised:
            # A parse failure inside ParserCache arrives here as an exception.
            self._mark(raised)
            raise
        result = context.result
        for error in (result.errors if result is not None else None) or []:
            self._mark(error)

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors is None and context.graphql_document is not None:
            # No caching extension validated before us: validate here, so the cost is only
            # computed for documents that are valid.
            context.pre_execution_errors = validate_document(
                context.schema._schema, context.graphql_document, context.validation_rules
            )
        # Each check below replaces the list of errors with a new one: the list validation
        # returned may be ValidationCache's own. Long lists first: the checks after them walk
        # every item.
        if not context.pre_execution_errors:
            long_list = _long_list_variable(context.variables, self.max_list_items)
            if long_list is not None:
                context.pre_execution_errors = [long_list]
        where = None if context.pre_execution_errors else _unstorable_variable(context.variables)
        if where is not None:
            context.pre_execution_errors = [_unstorable_refusal(f"variable {where}")]
        if not context.pre_execution_errors and context.graphql_document is not None:
            measured = self._measure(context)
            if measured is not None and measured.refusal is not None:
                context.pre_execution_errors = [measured.refusal]
            elif measured is not None and measured.cost(self.search_cost) > self.max_cost:
                context.pre_execution_errors = [self._cost_refusal(measured)]
        yield

    def _measure(self, context: Any) -> Measure | None:
        key = self.measures.key(context.query, context.operation_name, context.variables)
        measured = self.measures.get(key) if key is not None else None
        if measured is None:
            measured = measure_operation(
                context.schema._schema,
                context.graphql_document,
                context.operation_name,
                context.variables,
                self.search_rules,
                self.filter_rules,
            )
            if key is not None and measured is not None and measured.refusal is None:
                # A refusal is made again each time: its error object goes to the client.
                self.measures.put(key, measured)
        return measured

    def _cost_refusal(self, measured: Measure) -> GraphQLError:
        cost = measured.cost(self.search_cost)
        numbers = {"cost": cost, "limit": self.max_cost}
        searches = ""
        if measured.searches:
            numbers["searches"] = measured.searches
            searches = (
                f", counting {measured.searches:,} full-text searches as "
                f"{self.search_cost:,} nodes each"
            )
        return _refusal(
            f"this operation could touch up to {cost:,} graph nodes (cost {cost}{searches}); "
            f"the limit is {self.max_cost:,}. Ask for fewer items with `first`, nest fewer "
            "lists, or search fewer times",
            COST_LIMIT_EXCEEDED,
            **numbers,
        )


class _Measures:
    """The measures of the operations run lately, by document, operation and variables.

    Clients send the same few documents with the same few variables again and again, and
    walking a document for its cost was about a twentieth of a request's time. A measure
    depends on nothing else (the schema and the rules are fixed for the process), so a
    repeated request gets the same refusal or the same pass as the first time; documents
    longer than ``max_chars`` are measured every time, so the cache's size stays bounded.
    """

    def __init__(self, max_entries: int = 512, max_chars: int = 20_000) -> None:
        self.max_entries = max_entries
        self.max_chars = max_chars
        self._entries: OrderedDict[tuple[str, str | None, str], Measure] = OrderedDict()

    def key(
        self, query: str | None, operation_name: str | None, variables: Any
    ) -> tuple[str, str | None, str] | None:
        if not query or len(query) > self.max_chars:
            return None
        try:
            # Variables arrive as decoded JSON: written back with sorted keys, two requests
            # with the same values have the same key.
            written = json.dumps(variables or {}, sort_keys=True, separators=(",", ":"))
        except (TypeError, ValueError):
            return None
        if len(written) > self.max_chars:
            return None
        return query, operation_name, written

    def get(self, key: tuple[str, str | None, str]) -> Measure | None:
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, key: tuple[str, str | None, str], measured: Measure) -> None:
        self._entries[key] = measured
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)


def operation_limits(settings: Settings) -> Callable[[], OperationLimits]:
    """A factory of the per-request extension enforcing ``settings``' limits.

    The validation rules are made once here, not per request: ValidationCache keys its
    entries on the rule classes, so new classes on every request would never hit the cache.
    """
    rules: list[type[ValidationRule]] = [
        _depth_rule(settings.max_depth),
        _alias_rule(settings.max_aliases),
        _list_rule(settings.max_list_items),
        _StorableLiterals,
    ]
    if not settings.introspection:
        rules.append(_NoIntrospection)
    frozen = tuple(rules)
    # One cache of measures for every request the schema serves.
    measures = _Measures()

    def make() -> OperationLimits:
        return OperationLimits(settings, frozen, measures)

    return make
