#!/usr/bin/env python3
"""Validates eutl --json output against the schemas in docs/schemas (docs/json.md).

  validate_json.py SCHEMA FILE...   each FILE against SCHEMA; when SCHEMA describes an
                                    object and a FILE holds an array (a batch), each
                                    element is validated on its own
  validate_json.py --pairs SCHEMA FILE [SCHEMA FILE ...]
                                    each FILE against the SCHEMA before it, in one run
                                    (a test that checks many outputs starts Python once)
  validate_json.py --check-schemas DIR
                                    every DIR/*.schema.json is a valid draft 2020-12
                                    schema whose $id names its file and whose $refs resolve

Every *.schema.json beside SCHEMA is loaded, so "$ref": "eutl-common.schema.json#/..."
resolves offline. Works with python3-jsonschema 4.10 (Debian 12) and later releases.
Exit 0 valid, 1 invalid (the validator's messages on stderr), 2 usage or unreadable input.
"""
import json
import os
import pathlib
import sys
import warnings

import jsonschema

BASE = "https://eutl.invalid/schemas/"


def load_store(directory):
    store = {}
    for path in sorted(pathlib.Path(directory).glob("*.schema.json")):
        with open(path, encoding="utf-8") as f:
            store[path.name] = json.load(f)
    return store


def use_referencing():
    """True with jsonschema >= 4.18 (the referencing library), unless asked otherwise."""
    if os.environ.get("EUTL_JSONSCHEMA_LEGACY"):  # to test the 4.10 path on a newer release
        return False
    try:
        import referencing  # noqa: F401
    except ImportError:  # jsonschema 4.10 (Debian 12)
        return False
    return True


def validator_for(schema, store):
    """A draft 2020-12 validator of `schema`, and a function giving what a $ref in it names."""
    cls = jsonschema.Draft202012Validator
    if use_referencing():
        from referencing import Registry, Resource

        registry = Registry().with_resources(
            (s.get("$id", BASE + name), Resource.from_contents(s)) for name, s in store.items()
        )
        resolver = registry.resolver(base_uri=schema.get("$id", BASE))
        return cls(schema, registry=registry), lambda ref: resolver.lookup(ref).contents
    by_id = {s.get("$id", BASE + name): s for name, s in store.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        resolver = jsonschema.RefResolver.from_schema(schema, store=by_id)
        validator = cls(schema, resolver=resolver)
    return validator, lambda ref: resolver.resolve(ref)[1]


def errors_of(validator, document, where):
    out = []
    for e in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in e.absolute_path)
        out.append(f"{where}: at /{path}: {e.message}")
    return out


def validate_files(schema_path, files, stores=None):
    schema_path = pathlib.Path(schema_path)
    if stores is None:
        stores = {}
    if schema_path.parent not in stores:
        stores[schema_path.parent] = load_store(schema_path.parent)
    store = stores[schema_path.parent]
    schema = store.get(schema_path.name)
    if schema is None:
        print(f"no schema {schema_path}", file=sys.stderr)
        return 2
    validator, _ = validator_for(schema, store)
    problems = []
    for name in files:
        try:
            with open(name, encoding="utf-8") as f:
                document = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{name}: not JSON: {e}", file=sys.stderr)
            return 2
        if isinstance(document, list) and schema.get("type") == "object":
            if not document:
                problems.append(f"{name}: an empty array: nothing to validate")
            for i, element in enumerate(document):
                problems += errors_of(validator, element, f"{name}[{i}]")
        else:
            problems += errors_of(validator, document, name)
    for p in problems[:50]:
        print(p, file=sys.stderr)
    if len(problems) > 50:
        print(f"... and {len(problems) - 50} more", file=sys.stderr)
    return 1 if problems else 0


def validate_pairs(args):
    if not args or len(args) % 2:
        print("--pairs takes SCHEMA FILE pairs", file=sys.stderr)
        return 2
    stores = {}
    worst = 0
    for schema_path, name in zip(args[0::2], args[1::2]):
        worst = max(worst, validate_files(schema_path, [name], stores))
    return worst


def refs_in(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                yield v
            else:
                yield from refs_in(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs_in(v)


def check_schemas(directory):
    store = load_store(directory)
    problems = []
    if not store:
        problems.append(f"{directory}: no *.schema.json")
    for name, schema in store.items():
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.exceptions.SchemaError as e:
            problems.append(f"{name}: not a valid draft 2020-12 schema: {e.message}")
            continue
        if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            problems.append(f"{name}: $schema is not draft 2020-12")
        if schema.get("$id") != BASE + name:
            problems.append(f"{name}: $id is {schema.get('$id')!r}, expected {BASE + name!r}")
        _, resolve = validator_for(schema, store)
        for ref in sorted(set(refs_in(schema))):
            try:
                resolved = resolve(ref)
                if resolved is None:
                    problems.append(f"{name}: $ref {ref} resolves to nothing")
            except Exception as e:  # an unresolvable reference
                problems.append(f"{name}: $ref {ref} does not resolve: {str(e)[:160]}")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--check-schemas":
        return check_schemas(argv[2])
    if len(argv) > 1 and argv[1] == "--pairs":
        return validate_pairs(argv[2:])
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    return validate_files(argv[1], argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
