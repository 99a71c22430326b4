"""Validating our W3C output against the W3C's own JSON schemas (shared/schemas/w3c-annotation).

The schemas are definitions only; following their README, a small root schema
per level (collection, page, annotation) refers into them. They live beside
the repository (../shared), where CI clones them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import referencing
import referencing.jsonschema

SCHEMA_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "schemas" / "w3c-annotation"
BASE = "https://w3c-annotation.invalid/definitions/"
DRAFT4 = "http://json-schema.org/draft-04/schema#"


def available() -> bool:
    return (SCHEMA_DIR / "annotations.json").is_file()


def _registry() -> referencing.Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        contents = json.loads(path.read_text("utf-8"))
        resource = referencing.Resource.from_contents(
            contents, default_specification=referencing.jsonschema.DRAFT4
        )
        resources.append((BASE + path.name, resource))
    return referencing.Registry().with_resources(resources)


def _ref(target: str) -> dict[str, str]:
    return {"$ref": target}


ANNOTATION_ROOT: dict[str, Any] = {
    "$schema": DRAFT4,
    "id": BASE + "annotation-root.json",
    "type": "object",
    "required": ["@context", "id", "type", "target"],
    "properties": {
        "@context": {
            "oneOf": [
                _ref("annotations.json#/definitions/contextValueFound"),
                _ref("annotations.json#/definitions/contextValueInArrayFound"),
            ]
        },
        "id": _ref("id.json#/definitions/arraySingleStringUri"),
        "target": {
            "oneOf": [
                _ref("bodyTarget.json#/definitions/targetResourcesFound"),
                {
                    "type": "array",
                    "minItems": 1,
                    "items": _ref("bodyTarget.json#/definitions/targetResourcesFound"),
                },
            ]
        },
        "body": {
            "oneOf": [
                _ref("bodyTarget.json#/definitions/bodyResourcesFound"),
                {
                    "type": "array",
                    "minItems": 1,
                    "items": _ref("bodyTarget.json#/definitions/bodyResourcesFound"),
                },
            ]
        },
    },
    "allOf": [
        _ref("annotations.json#/definitions/annotationTypeValueFound"),
        _ref("annotations.json#/definitions/motivationRecognizedIfPresent"),
        _ref("otherProperties.json#/definitions/createdValidIfPresent"),
        _ref("otherProperties.json#/definitions/modifiedValidIfPresent"),
        _ref("otherProperties.json#/definitions/creatorValidIfPresent"),
        {
            "properties": {
                "target": {
                    "oneOf": [
                        {"type": "string"},
                        {
                            "allOf": [_ref("specificResource.json#/definitions/selectorDefined")],
                            "properties": {
                                "selector": {
                                    "type": "array",
                                    "items": {
                                        "allOf": [
                                            _ref(
                                                "specificResource.json#/definitions/textQuoteSelectorTypeValidIfPresent"
                                            ),
                                            _ref(
                                                "specificResource.json#/definitions/textPositionSelectorTypeValidIfPresent"
                                            ),
                                        ]
                                    },
                                }
                            },
                        },
                    ]
                },
                "body": {
                    "type": "array",
                    "items": _ref("otherProperties.json#/definitions/purposeRecognizedIfPresent"),
                },
            }
        },
    ],
}

COLLECTION_ROOT: dict[str, Any] = {
    "$schema": DRAFT4,
    "id": BASE + "collection-root.json",
    "type": "object",
    "required": ["@context", "id", "type"],
    "properties": {
        "@context": {
            "oneOf": [
                _ref("collections.json#/definitions/contextValueFound"),
                _ref("collections.json#/definitions/contextValueInArrayFound"),
            ]
        },
        "id": _ref("id.json#/definitions/arraySingleStringUri"),
        "first": {
            "allOf": [
                _ref("collections.json#/definitions/annotationPageTypeValueFound"),
                _ref("collections.json#/definitions/itemsFound"),
                _ref("collections.json#/definitions/startIndexDefinition"),
            ]
        },
    },
    "allOf": [
        _ref("collections.json#/definitions/annotationCollectionTypeValueFound"),
        _ref("collections.json#/definitions/labelDefinition"),
        _ref("collections.json#/definitions/totalDefinition"),
        _ref("collections.json#/definitions/firstValidIfPresent"),
        _ref("collections.json#/definitions/firstRequiredIfTotalMoreThanZero"),
    ],
}


def validators() -> tuple[jsonschema.Draft4Validator, jsonschema.Draft4Validator]:
    registry = _registry()
    checker = jsonschema.FormatChecker()
    return (
        jsonschema.Draft4Validator(COLLECTION_ROOT, registry=registry, format_checker=checker),
        jsonschema.Draft4Validator(ANNOTATION_ROOT, registry=registry, format_checker=checker),
    )
